import { closeSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Parses a file-command file (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STATE) as the runner does:
 * `name=value` lines and heredocs `name<<DELIM` ... `DELIM`. Later keys win. Throws on a missing
 * delimiter or a malformed line, which fails the step.
 */
export function parseFileCommands(text: string, fileLabel: string): Record<string, string> {
  const values: Record<string, string> = {};
  const fail = (why: string): never => {
    throw new Error(`Unable to process file command '${fileLabel}' successfully: ${why}`);
  };
  let index = 0;
  while (index < text.length) {
    const line = readLine(text, index);
    index = line.next;
    if (line.text === '') continue;
    const equals = line.text.indexOf('=');
    const heredoc = line.text.indexOf('<<');
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      const name = line.text.slice(0, equals);
      if (name === '') fail(`Invalid format '${line.text}'. Name must not be empty`);
      values[name] = line.text.slice(equals + 1);
      continue;
    }
    if (heredoc < 0) fail(`Invalid format '${line.text}'`);
    const name = line.text.slice(0, heredoc);
    const delimiter = line.text.slice(heredoc + 2);
    if (name === '' || delimiter === '') {
      fail(`Invalid format '${line.text}'. Name must not be empty and delimiter must not be empty`);
    }
    const start = index;
    let end = index;
    for (;;) {
      if (index >= text.length) fail(`Invalid value. Matching delimiter not found '${delimiter}'`);
      const valueLine = readLine(text, index);
      if (valueLine.text === delimiter) {
        index = valueLine.next;
        break;
      }
      index = valueLine.next;
      end = valueLine.end;
    }
    // The value keeps its inner newlines but not the one before the delimiter.
    values[name] = end > start ? text.slice(start, end) : '';
  }
  return values;
}

/** One line starting at `from`: its text without the line break, where it ends, where the next starts. */
function readLine(text: string, from: number): { text: string; end: number; next: number } {
  const newline = text.indexOf('\n', from);
  if (newline < 0) return { text: text.slice(from), end: text.length, next: text.length };
  const end = newline > from && text[newline - 1] === '\r' ? newline - 1 : newline;
  return { text: text.slice(from, end), end, next: newline + 1 };
}

export const FILE_COMMANDS = {
  GITHUB_OUTPUT: 'set_output',
  GITHUB_ENV: 'set_env',
  GITHUB_PATH: 'add_path',
  GITHUB_STATE: 'save_state',
  GITHUB_STEP_SUMMARY: 'step_summary',
} as const;
export type FileCommandVariable = keyof typeof FILE_COMMANDS;

/** Creates the empty file-command files of one phase; returns the env variables pointing at them. */
export function createFileCommandFiles(
  directory: string,
  phaseTag: string,
): Record<FileCommandVariable, string> {
  const files = {} as Record<FileCommandVariable, string>;
  for (const [variable, prefix] of Object.entries(FILE_COMMANDS) as [FileCommandVariable, string][]) {
    const path = join(directory, `${prefix}_${phaseTag}`);
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

/** GITHUB_PATH: one directory per line, blanks ignored. */
export function parsePathFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
