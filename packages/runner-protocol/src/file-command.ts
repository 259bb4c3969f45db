/**
 * File commands: the files named by GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH, GITHUB_STATE and
 * GITHUB_STEP_SUMMARY. Written as @actions/core writes them (`name<<ghadelimiter_<uuid>` heredocs)
 * and read as the runner reads them (src/Runner.Worker/FileCommandManager.cs, Linux).
 */
import { toCommandValue } from './workflow-command';

/** Each file command: the runner's name for it (used in its error messages) and its file prefix. */
export const FILE_COMMANDS = {
  GITHUB_OUTPUT: { label: 'output', filePrefix: 'set_output_' },
  GITHUB_ENV: { label: 'env', filePrefix: 'set_env_' },
  GITHUB_PATH: { label: 'path', filePrefix: 'add_path_' },
  GITHUB_STATE: { label: 'state', filePrefix: 'save_state_' },
  GITHUB_STEP_SUMMARY: { label: 'step_summary', filePrefix: 'step_summary_' },
} as const;
export type FileCommandVariable = keyof typeof FILE_COMMANDS;
export const FILE_COMMAND_VARIABLES = Object.keys(FILE_COMMANDS) as FileCommandVariable[];

/** The delimiter @actions/core uses around a heredoc value, from a fresh random id. */
export function heredocDelimiter(id: string): string {
  return `ghadelimiter_${id}`;
}

/**
 * One `name<<DELIMITER` entry, safe for any value on any number of lines. Refuses a name or value
 * holding the delimiter (the runner would cut the value there). Non-string values become JSON.
 */
export function formatFileCommand(name: string, value: unknown, delimiter: string, eol = '\n'): string {
  const text = toCommandValue(value);
  if (name.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (text.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${name}<<${delimiter}${eol}${text}${eol}${delimiter}${eol}`;
}

/** Several entries; a delimiter that happens to occur in a value is replaced by a new one. */
export function formatFileCommands(values: Record<string, string>, newId: () => string): string {
  let text = '';
  for (const [name, value] of Object.entries(values)) {
    let delimiter = heredocDelimiter(newId());
    while (value.includes(delimiter) || name.includes(delimiter)) delimiter = heredocDelimiter(newId());
    text += formatFileCommand(name, value, delimiter);
  }
  return text;
}

/** GITHUB_PATH text for directories in the order they were added. */
export function formatPathFile(directories: readonly string[], eol = '\n'): string {
  return directories.map((directory) => `${directory}${eol}`).join('');
}

/**
 * Parses GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE text: `name=value` lines and heredocs. Lines end
 * at LF only (a CR before it stays in the value, as on the runner for Linux). Later keys win.
 * Throws `Unable to process file command '<label>' successfully: ...`, which fails the step.
 */
export function parseFileCommands(text: string, label: string): Record<string, string> {
  const values: Record<string, string> = {};
  const fail = (why: string): never => {
    throw new Error(`Unable to process file command '${label}' successfully: ${why}`);
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
      index = valueLine.next;
      if (valueLine.text === delimiter) break;
      if (!valueLine.ended) fail('Invalid value. EOF marker missing new line.');
      end = valueLine.end;
    }
    // The value keeps its inner line breaks but not the one before the delimiter.
    values[name] = end > start ? text.slice(start, end) : '';
  }
  return values;
}

/** One line from `from`: its text without the LF, where the text ends, where the next line starts. */
function readLine(text: string, from: number): { text: string; end: number; next: number; ended: boolean } {
  const newline = text.indexOf('\n', from);
  if (newline < 0) return { text: text.slice(from), end: text.length, next: text.length, ended: false };
  return { text: text.slice(from, newline), end: newline, next: newline + 1, ended: true };
}

/**
 * GITHUB_PATH: one directory per line, in the order added. Lines end at LF, CRLF or CR (the runner
 * reads the file with File.ReadAllLines); they are not trimmed; empty lines are skipped.
 */
export function parsePathFile(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line !== '');
}

/**
 * Variables the runner refuses to take from $GITHUB_ENV (src/Runner.Worker/FileCommandManager.cs,
 * SetEnvFileCommand): it reports "Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV'
 * command." and keeps the old value, since a NODE_OPTIONS of a step's choosing would reach into
 * every later JavaScript action.
 */
export function isRefusedEnvName(name: string): boolean {
  return name.toUpperCase() === 'NODE_OPTIONS';
}

export const REFUSED_ENV_MESSAGE = (name: string) =>
  `Can't store ${name} output parameter using '$GITHUB_ENV' command.`;
