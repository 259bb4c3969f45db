/**
 * Coverage recounted across reports, and diff coverage with diff-cover's definition: of the lines
 * a change added, the *measured* ones are those a coverage report lists as executable; diff coverage
 * is covered measured lines / measured lines, and 100 when no changed line is measured. Files a
 * report does not mention are not measured (diff-cover "ignores files not referenced" in it).
 * Several reports of one file are merged: a line is measured when any report lists it and covered
 * when any report hit it. (diff-cover prints the percentage floored to an integer unless
 * `--total-percent-float`; we keep the exact ratio.)
 */
import type { Counts, FileCoverage } from '../model';
import type { ChangedFile } from './diff';
import type { PathMapper } from './paths';

export interface MergedCoverage {
  lines: Counts;
  branches: Counts;
  /** Line number → hits, per repository path (or the report's path when it maps to none). */
  byPath: Map<string, Map<number, number>>;
}

export interface FileDiffCoverage {
  path: string;
  /** Changed lines the report lists as executable. */
  measured: number;
  covered: number;
  uncoveredLines: number[];
}

export interface DiffCoverage {
  /** Lines added by the change in files that still exist. */
  changedLines: number;
  measured: number;
  covered: number;
  /** covered / measured x 100; 100 when nothing is measured (diff-cover). */
  percent: number;
  /** Changed files some report covers, in diff order. */
  files: FileDiffCoverage[];
  /** Changed files with added lines that no report mentions (not measured). */
  notInReports: string[];
  /**
   * When changed lines exist and reports name files but no file matched the diff: what each report
   * path (up to 5) was tried as, so a user can fix `source-roots`.
   */
  mappingTried?: Array<{ reportPath: string; tried: string[] }>;
}

/** Merges every file of every report by repository path; `known` paths are preferred as keys. */
export function mergeCoverage(
  files: readonly FileCoverage[],
  mapper: PathMapper,
  known: ReadonlySet<string> = new Set(),
): MergedCoverage {
  const byPath = new Map<string, Map<number, number>>();
  // Files with counts but no per-line detail (Istanbul's summary, or lines not kept): summed apart.
  const countsOnly = new Map<string, Counts>();
  const branches = { covered: 0, total: 0 };
  // A known path some report names exactly is that file's: another file may not reach it by suffix.
  const exact = files.map((file) => mapper.candidates(file.path, file.roots).find((c) => known.has(c)));
  const claimed = new Set(exact.filter((path) => path !== undefined));
  const unclaimed = new Set([...known].filter((path) => !claimed.has(path)));
  for (const [index, file] of files.entries()) {
    const key =
      exact[index] ??
      mapper.match(file.path, file.roots, unclaimed) ??
      mapper.candidates(file.path, file.roots)[0];
    if (key === undefined) continue;
    if (file.lines.size === 0 && file.lineTotals) {
      const counts = countsOnly.get(key) ?? { covered: 0, total: 0 };
      countsOnly.set(key, {
        covered: Math.max(counts.covered, file.lineTotals.covered),
        total: Math.max(counts.total, file.lineTotals.total),
      });
      branches.covered += file.branches.covered;
      branches.total += file.branches.total;
      continue;
    }
    const merged = byPath.get(key) ?? new Map<number, number>();
    for (const [line, hits] of file.lines) merged.set(line, (merged.get(line) ?? 0) + hits);
    byPath.set(key, merged);
    branches.covered += file.branches.covered;
    branches.total += file.branches.total;
  }
  const lines = { covered: 0, total: 0 };
  for (const hitsByLine of byPath.values()) {
    for (const hits of hitsByLine.values()) {
      lines.total += 1;
      if (hits > 0) lines.covered += 1;
    }
  }
  for (const [key, counts] of countsOnly) {
    if (byPath.has(key)) continue; // another report has this file's lines: those count
    lines.covered += counts.covered;
    lines.total += counts.total;
  }
  return { lines, branches, byPath };
}

export function percentOf(counts: Counts): number | null {
  // Multiplied first: 57 / 100 * 100 is 56.99999999999999, which a ">= 57" condition would fail.
  return counts.total === 0 ? null : (counts.covered * 100) / counts.total;
}

/** Diff coverage of `changes` against the reports' files. */
export function diffCoverage(
  changes: readonly ChangedFile[],
  files: readonly FileCoverage[],
  mapper: PathMapper,
): DiffCoverage {
  const live = changes.filter((change) => change.status !== 'deleted');
  const changedPaths = new Set(live.map((change) => change.path));
  const merged = mergeCoverage(files, mapper, changedPaths);
  const result: DiffCoverage = {
    changedLines: 0,
    measured: 0,
    covered: 0,
    percent: 100,
    files: [],
    notInReports: [],
  };
  for (const change of live) {
    result.changedLines += change.addedLines.length;
    const hitsByLine = merged.byPath.get(change.path);
    if (!hitsByLine) {
      if (change.addedLines.length > 0) result.notInReports.push(change.path);
      continue;
    }
    const file: FileDiffCoverage = { path: change.path, measured: 0, covered: 0, uncoveredLines: [] };
    for (const line of change.addedLines) {
      const hits = hitsByLine.get(line);
      if (hits === undefined) continue;
      file.measured += 1;
      if (hits > 0) file.covered += 1;
      else file.uncoveredLines.push(line);
    }
    result.measured += file.measured;
    result.covered += file.covered;
    result.files.push(file);
  }
  if (result.measured > 0) result.percent = (result.covered * 100) / result.measured;
  if (result.files.length === 0 && result.changedLines > 0 && files.length > 0) {
    result.mappingTried = files.slice(0, 5).map((file) => ({
      reportPath: file.path,
      tried: mapper.candidates(file.path, file.roots),
    }));
  }
  return result;
}

/** `[3,4,5,9]` → `3-5, 9`: uncovered lines as a person reads them. */
export function lineRanges(lines: readonly number[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const line of [...lines].sort((a, b) => a - b)) {
    const last = ranges.at(-1);
    if (last && line === last[1] + 1) last[1] = line;
    else ranges.push([line, line]);
  }
  return ranges;
}

export function formatRanges(lines: readonly number[]): string {
  return lineRanges(lines)
    .map(([from, to]) => (from === to ? `${from}` : `${from}-${to}`))
    .join(', ');
}
