/**
 * Workflow commands on stdout, `::name key=value,key=value::message`: written as @actions/core
 * writes them and read back as the runner reads them (src/Runner.Common/ActionCommand.cs, TryParseV2).
 */

/** Properties of a command as the caller gives them; falsy values are left out, like @actions/core. */
export type CommandProperties = Record<string, unknown>;

/** Where an annotation points, under the names action authors use (@actions/core's AnnotationProperties). */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/** Any value as command text: strings as they are, null/undefined as '', anything else as JSON. */
export function toCommandValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || value instanceof String) return String(value);
  return JSON.stringify(value);
}

/** Escapes a command's message: the runner reads `%`, CR and LF back from `%25`, `%0D`, `%0A`. */
export function escapeData(value: unknown): string {
  return toCommandValue(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: as data, plus `:` and `,`, which would end the value. */
export function escapeProperty(value: unknown): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One command line (without the line break). As in @actions/core, a non-empty properties object
 * always puts a space after the name, even when every value is falsy and left out.
 */
export function formatCommand(name: string, message: unknown, properties: CommandProperties = {}): string {
  let text = `::${name || 'missing.command'}`;
  const keys = Object.keys(properties);
  if (keys.length > 0) {
    const pairs = keys
      .filter((key) => Boolean(properties[key]))
      .map((key) => `${key}=${escapeProperty(properties[key])}`);
    text += ` ${pairs.join(',')}`;
  }
  return `${text}::${escapeData(message)}`;
}

/** Annotation properties under the names the runner reads (`line`, `col`, ...); {} stays {}. */
export function annotationCommandProperties(properties: AnnotationProperties = {}): CommandProperties {
  if (Object.keys(properties).length === 0) return {};
  return {
    title: properties.title,
    file: properties.file,
    line: properties.startLine,
    endLine: properties.endLine,
    col: properties.startColumn,
    endColumn: properties.endColumn,
  };
}

export interface WorkflowCommand {
  /** As written; the runner matches command names case-insensitively. */
  name: string;
  /** Property names lower-cased (the runner looks them up case-insensitively). */
  properties: Record<string, string>;
  message: string;
}

/**
 * Parses one output line as a command, or undefined when it is ordinary output. Leading
 * whitespace is allowed. Any name is accepted: which names count is the reader's decision
 * (the runner only acts on registered commands and the current stop-commands token).
 */
export function parseWorkflowCommand(line: string): WorkflowCommand | undefined {
  const start = line.length - line.trimStart().length;
  if (!line.startsWith('::', start)) return undefined;
  const end = line.indexOf('::', start + 2);
  if (end < 0) return undefined;
  const info = line.slice(start + 2, end);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  if (name === '') return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .trim()
      .split(',')) {
      // `k=`, `=v` and `k` carry nothing (the runner splits on '=' dropping empty parts).
      const equals = pair.indexOf('=');
      if (equals <= 0 || equals === pair.length - 1) continue;
      properties[pair.slice(0, equals).toLowerCase()] = unescapeProperty(pair.slice(equals + 1));
    }
  }
  return { name, properties, message: unescapeData(line.slice(end + 2)) };
}

// The runner replaces the codes one after the other, `%25` last.
const DATA_CODES: [string, string][] = [
  ['%0D', '\r'],
  ['%0A', '\n'],
];
const PROPERTY_CODES: [string, string][] = [...DATA_CODES, ['%3A', ':'], ['%2C', ',']];

function unescapeData(text: string): string {
  return replaceCodes(text, DATA_CODES);
}

function unescapeProperty(text: string): string {
  return replaceCodes(text, PROPERTY_CODES);
}

function replaceCodes(text: string, codes: [string, string][]): string {
  if (!text.includes('%')) return text;
  let result = text;
  for (const [code, character] of codes) result = result.replaceAll(code, character);
  return result.replaceAll('%25', '%');
}
