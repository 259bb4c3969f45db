/**
 * What one raw log line means once the transport is taken off: ANSI colours, NUL and other control
 * bytes, GitHub's timestamp prefix and its `##[...]` markers. Pure functions over strings.
 */

/** GitHub's per-line timestamp: `2024-01-01T00:00:00.0000000Z `. */
const TIMESTAMP = /^\uFEFF?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;
// CSI sequences, OSC sequences (terminated by BEL or ST), charset selections and two-byte escapes.
const ANSI =
  /\x1b\[[0-9;?<=>!]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[()#][A-Za-z0-9]|\x1b[@-Z\\-_=>]/g;
// Control characters other than tab; a lone CR (a progress redraw) becomes a space.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/g;
const MARKER = /^##\[(group|endgroup|error|warning|notice|debug|command|section)\]/;
/** The runner's own workflow commands, when a log holds them unrendered (`::error::msg`). */
const COMMAND = /^::(group|endgroup|error|warning|notice|debug)(?: [^:]*)?::/;

export type LineMarker =
  | 'group'
  | 'endgroup'
  | 'error'
  | 'warning'
  | 'notice'
  | 'debug'
  | 'command'
  | 'section';

export interface CleanLine {
  /** The text as a person reads it: no colours, control bytes, timestamp or marker. */
  text: string;
  /** GitHub's `##[kind]` marker, when the line had one. */
  marker?: LineMarker;
}

export function stripAnsi(text: string): string {
  return text.includes('\x1b') ? text.replace(ANSI, '') : text;
}

/** Cleans one line (already split on "\n", its CR removed). */
export function cleanLine(raw: string): CleanLine {
  let text = stripAnsi(raw);
  text = text.replace(CONTROL, (c) => (c === '\r' ? ' ' : ''));
  text = text.replace(TIMESTAMP, '');
  const marker = MARKER.exec(text) ?? COMMAND.exec(text);
  if (marker) return { text: text.slice(marker[0].length), marker: marker[1] as LineMarker };
  return { text };
}

/** What a person may see of a line in an excerpt: cleaned and cut to a readable length. */
export function displayLine(raw: string, max = 400): string {
  const { text, marker } = cleanLine(raw);
  const shown = marker && marker !== 'group' && marker !== 'endgroup' ? `##[${marker}]${text}` : text;
  const trimmed = shown.trimEnd();
  return trimmed.length > max ? `${trimmed.slice(0, max)}…` : trimmed;
}
