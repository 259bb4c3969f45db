// The catalogue a command runs with: the built-in signatures and the user patterns files given
// with --patterns (applied in order). Shared by `qeml patterns` and `qeml analyze`.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { builtinCatalogue, mergeCatalogue, parseUserPatterns, type Signature } from '@qeml/diagnosis';

/** A patterns file that cannot be read or is invalid; the message names the file. */
export class PatternsFileError extends Error {
  override name = 'PatternsFileError';
}

/** Reads and merges the user patterns files (paths relative to `cwd`); throws PatternsFileError or UserPatternsError. */
export async function loadCatalogue(files: readonly string[], cwd: string): Promise<Signature[]> {
  const user = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(resolve(cwd, file), 'utf8');
    } catch (error) {
      const reason =
        (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a directory' : (error as Error).message;
      throw new PatternsFileError(`cannot read patterns file ${file}: ${reason}`);
    }
    user.push(parseUserPatterns(text, file));
  }
  return mergeCatalogue(builtinCatalogue(), user);
}
