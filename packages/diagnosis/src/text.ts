/**
 * What one raw log line means once the transport is taken off: ANSI colours, NUL and other control
 * bytes, GitHub's timestamp prefix and its `##[...]` markers. Pure functions over strings.
 */

import { stripAnsi } from '@qeml/action-kit';

/** GitHub's per-line timestamp: `2024-01-01T00:00:00.0000000Z `. */
const TIMESTAMP = /^\uFEFF?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;
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
  /**
   * The text as a person reads it: no colours, control bytes, timestamp or marker; of a line
   * redrawn with lone "\r" (a progress bar), the last part that shows something.
   */
  text: string;
  /** The whole line, every redrawn part kept ("\r" as a space): for structure (step starts, exit lines). */
  full: string;
  /** GitHub's `##[kind]` marker, when the line had one. */
  marker?: LineMarker;
}

/** Cleans one line (already split on "\n", its CR removed). */
export function cleanLine(raw: string): CleanLine {
  let body = stripAnsi(raw).replace(TIMESTAMP, '');
  const found = MARKER.exec(body) ?? COMMAND.exec(body);
  if (found) body = body.slice(found[0].length);
  const marker = found ? { marker: found[1] as LineMarker } : {};
  if (!body.includes('\r')) {
    const text = body.replace(CONTROL, '');
    return { text, full: text, ...marker };
  }
  const full = body.replace(CONTROL, (c) => (c === '\r' ? ' ' : ''));
  const parts = body.split('\r');
  const shown = parts.findLast((part) => /\S/.test(part)) ?? '';
  return { text: shown.replace(CONTROL, ''), full, ...marker };
}

/** What a person may see of a line in an excerpt: cleaned (markers kept, as GitHub shows them), not yet cut. */
export function displayLine(raw: string): string {
  const { text, marker } = cleanLine(raw);
  return (marker ? `##[${marker}]${text}` : text).trimEnd();
}

/**
 * Cuts `text` to at most `max` characters at a word boundary: a word (a token, a URL with
 * credentials) is kept whole or dropped whole, so a cut never leaves half a secret that no
 * redaction rule recognises any more.
 */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max);
  return `${text.slice(0, Math.max(0, space))}…`;
}
