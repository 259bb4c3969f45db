/**
 * The text formats of the GitHub Actions runner protocol: workflow commands on stdout
 * (`::name key=value,...::message`) and file commands (`name<<DELIMITER` heredocs).
 * Pure string building; `runner.ts` writes them.
 */
import type { AnnotationProperties } from './logger';

/** Escapes a command's message: the runner reads `%`, CR and LF back from `%25`, `%0D`, `%0A`. */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: as data, plus `:` and `,`, which would end the value. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command line (without the line break); properties that are undefined or '' are left out. */
export function formatCommand(
  name: string,
  message: string,
  properties: Record<string, string | number | undefined> = {},
): string {
  const pairs = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${escapeCommandProperty(String(value))}`);
  return `::${name}${pairs.length > 0 ? ` ${pairs.join(',')}` : ''}::${escapeCommandData(message)}`;
}

/** Annotation properties under the names the runner reads (`line`, `col`, ...). */
export function annotationProperties(
  properties: AnnotationProperties = {},
): Record<string, string | number | undefined> {
  return {
    title: properties.title,
    file: properties.file,
    line: properties.startLine,
    endLine: properties.endLine,
    col: properties.startColumn,
    endColumn: properties.endColumn,
  };
}

/**
 * A `name<<DELIMITER` heredoc entry of GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE, safe for any value
 * on several lines. Refuses a name or value holding the delimiter: the runner would cut the value there.
 */
export function formatFileCommand(name: string, value: string, delimiter: string, eol = '\n'): string {
  if (name.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (value.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${name}<<${delimiter}${eol}${value}${eol}${delimiter}${eol}`;
}
