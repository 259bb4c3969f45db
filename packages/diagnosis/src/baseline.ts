/**
 * Baseline diff (the idea of CiDiff and logreduce): a line of the failed log that also occurs in a
 * passing log of the same job, once volatile parts are normalised, is probably not the reason.
 * The baseline keeps only a bounded set of normalised lines (those the prefilter would look at).
 */

/** Normalised lines kept from one passing log at most (memory stays bounded on any log). */
const MAX_BASELINE_LINES = 200_000;

const VOLATILE: ReadonlyArray<[RegExp, string]> = [
  // ISO timestamps, dates and clock times
  [/\d{4}-\d\d-\d\d[t ]\d\d:\d\d:\d\d(?:[.,]\d+)?z?/g, '<time>'],
  [/\b\d{4}[-/]\d\d[-/]\d\d\b/g, '<date>'],
  [/\b\d\d?:\d\d(?::\d\d)?(?:[.,]\d+)?\b/g, '<time>'],
  // temporary paths (Linux, macOS, Windows)
  [/(?:\/tmp|\/var\/folders|\/private\/var\/folders)\/\S*/g, '<tmp>'],
  [/[a-z]:\\users\\[^\\\s]+\\appdata\\local\\temp\\\S*/g, '<tmp>'],
  [/\/home\/runner\/work\/_temp\/\S*|\/home\/[^/\s]+\/\.cache\/\S*/g, '<tmp>'],
  // hashes, uuids and other long hex runs
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<id>'],
  [/\b(?=[0-9a-f]*\d)[0-9a-f]{7,}\b/g, '<hash>'],
  // durations, then any other number
  [/\b\d+(?:\.\d+)?\s*(?:ns|µs|us|ms|s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?)\b/g, '<duration>'],
  [/\d+(?:\.\d+)?/g, '0'],
];

/** The line with timestamps, durations, hashes, temp paths and numbers made uniform. */
export function normalizeLine(cleaned: string): string {
  let text = cleaned.toLowerCase();
  for (const [pattern, replacement] of VOLATILE) text = text.replace(pattern, replacement);
  return text.replace(/\s+/g, ' ').trim();
}

/** The normalised lines of a passing log. */
export class Baseline {
  private readonly lines = new Set<string>();

  add(cleaned: string): void {
    if (this.lines.size < MAX_BASELINE_LINES) this.lines.add(normalizeLine(cleaned));
  }

  has(cleaned: string): boolean {
    return this.lines.has(normalizeLine(cleaned));
  }
}
