// The failure catalogue: the built-in signatures (compiled from catalogue/*.yaml at build time,
// so a bundle never parses YAML at start) and the user patterns that extend them.
import type { Signature } from '../types';
import { BUILTIN_SIGNATURES } from './builtin.generated';

/** The built-in signatures, in catalogue order (file by file, as written). */
export function builtinCatalogue(): readonly Signature[] {
  return BUILTIN_SIGNATURES;
}

export { ripgrepPattern, ripgrepPatternFile } from './ripgrep';
export {
  mergeCatalogue,
  parseUserPatterns,
  type SignatureOverride,
  type UserPatterns,
  UserPatternsError,
} from './user-patterns';
