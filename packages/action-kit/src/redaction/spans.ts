/** Character ranges of a text to be masked: `[start, end)`, merged before they are applied. */
export interface Span {
  start: number;
  end: number;
}

/** Sorts the spans and merges those that overlap or touch, so each secret becomes one mask. */
export function mergeSpans(spans: Span[]): Span[] {
  if (spans.length <= 1) return spans;
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

/** Replaces each (merged, sorted) span of `text` between `from` and `to` with `mask`. */
export function applySpans(text: string, spans: Span[], mask: string, from = 0, to = text.length): string {
  let out = '';
  let position = from;
  for (const span of spans) {
    if (span.end <= from || span.start >= to) continue;
    out += text.slice(position, span.start) + mask;
    position = span.end;
  }
  return out + text.slice(position, to);
}
