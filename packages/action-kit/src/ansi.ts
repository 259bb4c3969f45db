/**
 * ANSI escape sequences as terminals and CI logs carry them: CSI (colours, cursor moves), OSC
 * (titles, hyperlinks, ended by BEL or ESC \, or cut off by the end of a line), character-set and
 * line-attribute selections, and two-character escapes (keypad modes among them). Repeats are bounded, so
 * matching is linear on any input.
 */
export const ANSI_SEQUENCE_SOURCE =
  '\\x1b\\[[0-?!]{0,32}[ -/]{0,8}[@-~]|\\x1b\\][^\\x07\\x1b]{0,512}(?:\\x07|\\x1b\\\\)?|\\x1b[()*+#][0-9A-Za-z]|\\x1b[@-Z\\\\-_=>]';

const ANSI_SEQUENCE = new RegExp(ANSI_SEQUENCE_SOURCE, 'g');

/** The text a person sees: `\x1b[31mError\x1b[0m` -> `Error`. */
export function stripAnsi(text: string): string {
  return text.includes('\x1b') ? text.replace(ANSI_SEQUENCE, '') : text;
}
