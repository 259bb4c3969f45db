/**
 * The complexity gate looks at the functions a change touched: a function is changed when one of
 * its lines (line..endLine; its first line alone when the tool gives no end) was added or modified.
 * Without a diff (a push), every function counts.
 */
import type { ComplexityItem } from '../model';
import type { ChangedFile } from './diff';
import type { PathMapper } from './paths';

export interface ComplexitySummary {
  /** Cyclomatic complexity above which a function is an offender. */
  threshold: number;
  /** Functions considered (changed ones, or all without a diff). */
  considered: number;
  /** The highest complexity among them; null when there are none. */
  max: number | null;
  /** Considered functions above the threshold, most complex first. */
  offenders: ComplexityItem[];
  scope: 'changed' | 'all';
}

export function summarizeComplexity(
  items: readonly ComplexityItem[],
  changes: readonly ChangedFile[] | undefined,
  mapper: PathMapper,
  threshold: number,
): ComplexitySummary {
  let considered: ComplexityItem[];
  if (changes === undefined) {
    considered = [...items];
  } else {
    const added = new Map(
      changes.filter((c) => c.status !== 'deleted').map((c) => [c.path, new Set(c.addedLines)]),
    );
    const known = new Set(added.keys());
    considered = items.filter((item) => {
      const path = mapper.match(item.path, [], known);
      const lines = path === undefined ? undefined : added.get(path);
      if (!lines || item.line === undefined) return false;
      const end = item.endLine ?? item.line;
      for (let line = item.line; line <= end; line += 1) if (lines.has(line)) return true;
      return false;
    });
  }
  const offenders = considered
    .filter((item) => item.complexity > threshold)
    .sort((a, b) => b.complexity - a.complexity);
  const max = considered.reduce<number | null>((top, item) => Math.max(top ?? 0, item.complexity), null);
  return {
    threshold,
    considered: considered.length,
    max,
    offenders,
    scope: changes === undefined ? 'all' : 'changed',
  };
}
