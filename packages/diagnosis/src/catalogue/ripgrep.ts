// The catalogue as ripgrep patterns (`qeml patterns --export rg`, for `rg -c -f` in the scan
// benchmark). ripgrep's Rust regex syntax shares what the catalogue uses (classes, bounded
// repetition, named groups, (?:...)); what differs is case-insensitivity (a flag group) and
// that ripgrep matches one line at a time, so a multi-line signature exports its first line.
import type { Signature } from '../types';

/** One ripgrep-compatible regex for a signature. */
export function ripgrepPattern(signature: Signature): string {
  // Within one line `[^\n]` is any character, and ripgrep refuses patterns that mention "\n".
  let source = signature.pattern.replaceAll('[^\\n]', '.');
  const newline = source.indexOf('\\n');
  if (signature.window && newline !== -1) source = source.slice(0, newline);
  return signature.ignoreCase ? `(?i)${source}` : source;
}

/** The `rg -f` file: one pattern per line. */
export function ripgrepPatternFile(catalogue: readonly Signature[]): string {
  return catalogue.map((s) => `${ripgrepPattern(s)}\n`).join('');
}
