// A deliberately plain line matcher over the catalogue, for the catalogue's own tests: the
// scanner (tests/unit/diagnosis/scanner*) is what the engine really uses.
import type { Signature } from '../../../packages/diagnosis/src/types';

/** What the scanner removes before matching: the GitHub timestamp and `##[error]`-style markers. */
export function logText(line: string): string {
  return line
    .replace(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z /, '')
    .replace(/^##\[(?:error|warning|notice|debug)\]/, '');
}

/** The signatures that match lines[index] (and the window after it), keyword prefilter first. */
export function signaturesAt(
  lines: readonly string[],
  index: number,
  catalogue: readonly Signature[],
): Signature[] {
  const first = logText(lines[index]!).toLowerCase();
  return catalogue.filter((signature) => {
    if (!signature.keywords.some((k) => first.includes(k))) return false;
    const text = lines
      .slice(index, index + (signature.window ?? 1))
      .map(logText)
      .join('\n');
    return new RegExp(signature.pattern, signature.ignoreCase ? 'i' : '').test(text);
  });
}

/** Every (line number, signature id) the catalogue finds in a log, 1-based. */
export function findingsIn(log: string, catalogue: readonly Signature[]): { line: number; id: string }[] {
  const lines = log.split('\n');
  return lines.flatMap((_, i) => signaturesAt(lines, i, catalogue).map((s) => ({ line: i + 1, id: s.id })));
}
