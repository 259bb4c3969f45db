/** The file-command files of one phase: created empty, read back with a size limit. */
import { closeSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILE_COMMAND_VARIABLES, FILE_COMMANDS, type FileCommandVariable } from '@qeml/runner-protocol';

/** Creates the empty file-command files of one phase; returns the env variables pointing at them. */
export function createFileCommandFiles(
  directory: string,
  phaseTag: string,
): Record<FileCommandVariable, string> {
  const files = {} as Record<FileCommandVariable, string>;
  for (const variable of FILE_COMMAND_VARIABLES) {
    const path = join(directory, `${FILE_COMMANDS[variable].filePrefix}${phaseTag}`);
    writeFileSync(path, '');
    files[variable] = path;
  }
  return files;
}

/** Reads a file-command file, refusing one larger than `limit` bytes instead of loading it. */
export function readCommandFile(
  path: string,
  limit: number,
): { text: string; size: number; tooLarge: boolean } {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return { text: '', size: 0, tooLarge: false }; // the action deleted it: nothing was written
  }
  if (size > limit) return { text: '', size, tooLarge: true };
  const buffer = Buffer.alloc(size);
  const fd = openSync(path, 'r');
  try {
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { text: buffer.toString('utf8', 0, read), size, tooLarge: false };
  } finally {
    closeSync(fd);
  }
}
