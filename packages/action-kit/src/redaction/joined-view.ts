/**
 * The text with line breaks, ANSI escape sequences and zero-width characters taken out, so that a
 * secret split by them (a wrapped token, a coloured one, one with a zero-width space inserted) is
 * found too; spans found in the view are mapped back to the text.
 */
import { ANSI_SEQUENCE_SOURCE } from '../ansi';
import type { Span } from './spans';

// ANSI escape sequences, line breaks, zero-width and soft-hyphen characters.
const BREAKS = new RegExp(`${ANSI_SEQUENCE_SOURCE}|[\\r\\n\\u200b-\\u200d\\u2060\\ufeff\\u00ad]+`, 'g');

export interface JoinedView {
  text: string;
  /** The span of the original text that a span of the view covers. */
  toOriginal(span: Span): Span;
}

/** Undefined when the text has nothing to take out. */
export function joinedView(text: string): JoinedView | undefined {
  BREAKS.lastIndex = 0;
  if (!BREAKS.test(text)) return undefined;
  // cuts[i]: the view index where the i-th removal happened; removed[i]: characters removed so far.
  const cuts: number[] = [];
  const removed: number[] = [];
  let view = '';
  let position = 0;
  let total = 0;
  BREAKS.lastIndex = 0;
  for (let match = BREAKS.exec(text); match; match = BREAKS.exec(text)) {
    view += text.slice(position, match.index);
    total += match[0].length;
    cuts.push(view.length);
    removed.push(total);
    position = match.index + match[0].length;
  }
  view += text.slice(position);
  const shift = (index: number, isEnd: boolean): number => {
    // The last cut at or before the index (for an end: strictly before, so a span ending at a cut
    // does not swallow the removed characters after it).
    let low = 0;
    let high = cuts.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const cut = cuts[middle] as number;
      if (isEnd ? cut < index : cut <= index) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return index + (found >= 0 ? (removed[found] as number) : 0);
  };
  return {
    text: view,
    toOriginal: (span) => ({ start: shift(span.start, false), end: shift(span.end, true) }),
  };
}
