/** Parsing of `::name key=value,...::message` workflow commands, with the runner's escaping. */

export interface WorkflowCommand {
  name: string;
  /** Property names lower-cased (the runner matches them case-insensitively). */
  properties: Record<string, string>;
  message: string;
}

/**
 * Parses one log line as a workflow command; undefined when it is ordinary output. Leading
 * whitespace is allowed, like the runner. The name is not checked here (stop-commands tokens
 * are arbitrary names).
 */
export function parseWorkflowCommand(line: string): WorkflowCommand | undefined {
  const start = firstNonBlank(line);
  if (!line.startsWith('::', start)) return undefined;
  const end = line.indexOf('::', start + 2);
  if (end < 0) return undefined;
  const info = line.slice(start + 2, end);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  if (name === '') return undefined;
  const properties: Record<string, string> = {};
  if (space >= 0) {
    for (const pair of info
      .slice(space + 1)
      .trim()
      .split(',')) {
      const equals = pair.indexOf('=');
      if (equals <= 0 || equals === pair.length - 1) continue;
      properties[pair.slice(0, equals).toLowerCase()] = unescapeProperty(pair.slice(equals + 1));
    }
  }
  return { name, properties, message: unescapeData(line.slice(end + 2)) };
}

/** True when the line may be a command: cheap test run on every line of a stream. */
export function mayBeCommand(line: string): boolean {
  return line.startsWith('::', firstNonBlank(line));
}

function firstNonBlank(line: string): number {
  let index = 0;
  while (index < line.length && (line[index] === ' ' || line[index] === '\t')) index++;
  return index;
}

const DATA_ESCAPES: Record<string, string> = { '%25': '%', '%0D': '\r', '%0A': '\n' };
const PROPERTY_ESCAPES: Record<string, string> = { ...DATA_ESCAPES, '%3A': ':', '%2C': ',' };

export function unescapeData(text: string): string {
  return text.includes('%') ? text.replace(/%(?:25|0D|0A)/g, (code) => DATA_ESCAPES[code] ?? code) : text;
}

export function unescapeProperty(text: string): string {
  return text.includes('%')
    ? text.replace(/%(?:25|0D|0A|3A|2C)/g, (code) => PROPERTY_ESCAPES[code] ?? code)
    : text;
}

/** The inverse, as @actions/core writes commands (used by tests and by callers that re-emit). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
