/**
 * Collects a coverage report's detail, file by file, and recounts the totals from it. Records of
 * the same file are merged (hits summed; a branch point seen twice keeps its larger counts), so a
 * file listed under two classes or two LCOV records counts each line once.
 */
import type { Counts, CoverageResult, FileCoverage } from './model';

interface FileEntry {
  path: string;
  roots: string[];
  lines: Map<number, number>;
  /**
   * For a file whose lines are not kept (`keepLines`): one byte per line number, bit 1 executable,
   * bit 2 covered; counted into `lineTotals` at the end. Memory follows line numbers, not records.
   */
  flags?: Uint8Array;
  /** Its line numbers far past what its records fill, with the same bits (a hostile number costs one entry). */
  farFlags?: Map<number, number>;
  /** Lines recorded into `flags`/`farFlags` so far. */
  records?: number;
  /** Branch point (line, or a format's own key) → covered/total. */
  branches: Map<number | string, [number, number]>;
  lineTotals?: Counts;
}

/**
 * A file whose lines are not kept grows its byte-per-line array only as far as its records could
 * fill (a few bytes per record, plus a free kilobyte): memory follows the input, never a line number.
 */
const FLAG_LINES_PER_RECORD = 8;
const FLAG_LINES_FREE = 1024;

export class CoverageBuilder {
  private readonly files = new Map<string, FileEntry>();
  readonly stated: NonNullable<CoverageResult['stated']> = {};
  private statements?: Counts;
  private functions?: Counts;

  /** `keepLines(path)` false: the file's per-line hits are not kept, only its counts (see ReportDeps.keepLines). */
  constructor(private readonly keepLines?: (path: string) => boolean) {}

  /** The entry for `path` (backslashes become `/`), created on first use. `key` separates same-named files. */
  file(path: string, roots: readonly string[] = [], key?: string): FileEntry {
    const normalized = normalizePath(path);
    const id = key ?? normalized;
    let entry = this.files.get(id);
    if (!entry) {
      entry = { path: normalized, roots: [...roots], lines: new Map(), branches: new Map() };
      if (this.keepLines && !this.keepLines(normalized)) entry.flags = new Uint8Array(64);
      this.files.set(id, entry);
    }
    return entry;
  }

  line(entry: FileEntry, line: number, hits: number): void {
    if (!Number.isInteger(line) || line < 0) return;
    const count = Number.isFinite(hits) && hits > 0 ? hits : 0;
    if (!entry.flags) {
      entry.lines.set(line, (entry.lines.get(line) ?? 0) + count);
      return;
    }
    const bits = count > 0 ? 3 : 1;
    entry.records = (entry.records ?? 0) + 1;
    const far = entry.farFlags?.get(line);
    if (far !== undefined) entry.farFlags?.set(line, far | bits);
    else if (line >= entry.flags.length && line > FLAG_LINES_PER_RECORD * entry.records + FLAG_LINES_FREE) {
      // Far past what this file's records fill: one map entry, not an array that long.
      entry.farFlags ??= new Map();
      entry.farFlags.set(line, bits);
    } else {
      if (line >= entry.flags.length) {
        const grown = new Uint8Array(Math.max(line + 1, entry.flags.length * 2));
        grown.set(entry.flags);
        entry.flags = grown;
      }
      entry.flags[line]! |= bits;
    }
  }

  branch(entry: FileEntry, key: number | string, covered: number, total: number): void {
    if (!(total > 0)) return;
    const previous = entry.branches.get(key);
    const safeCovered = Math.min(Math.max(covered, 0), total);
    if (!previous) entry.branches.set(key, [safeCovered, total]);
    else entry.branches.set(key, [Math.max(previous[0], safeCovered), Math.max(previous[1], total)]);
  }

  /** For formats that give per-file counts but no lines (Istanbul's coverage-summary.json). */
  lineTotals(entry: FileEntry, counts: Counts): void {
    entry.lineTotals = counts;
  }

  addStatements(counts: Counts): void {
    this.statements = add(this.statements, counts);
  }

  addFunctions(counts: Counts): void {
    this.functions = add(this.functions, counts);
  }

  finish(): CoverageResult {
    const files: FileCoverage[] = [];
    const lines: Counts = { covered: 0, total: 0 };
    const branches: Counts = { covered: 0, total: 0 };
    for (const entry of this.files.values()) {
      const fileBranches: Counts = { covered: 0, total: 0 };
      for (const [covered, total] of entry.branches.values()) {
        fileBranches.covered += covered;
        fileBranches.total += total;
      }
      const file: FileCoverage = {
        path: entry.path,
        roots: entry.roots,
        lines: entry.lines,
        branches: fileBranches,
      };
      if (entry.flags) entry.lineTotals = flagCounts([entry.flags, entry.farFlags?.values() ?? []]);
      if (entry.lineTotals) {
        file.lineTotals = entry.lineTotals;
        lines.covered += entry.lineTotals.covered;
        lines.total += entry.lineTotals.total;
      } else {
        for (const hits of entry.lines.values()) {
          lines.total++;
          if (hits > 0) lines.covered++;
        }
      }
      branches.covered += fileBranches.covered;
      branches.total += fileBranches.total;
      files.push(file);
    }
    const result: CoverageResult = { lines, branches, files };
    if (this.statements) result.statements = this.statements;
    if (this.functions) result.functions = this.functions;
    if (Object.keys(this.stated).length > 0) result.stated = this.stated;
    return result;
  }
}

function flagCounts(parts: Iterable<number>[]): Counts {
  const counts: Counts = { covered: 0, total: 0 };
  for (const flags of parts) {
    for (const flag of flags) {
      if (flag & 1) counts.total++;
      if (flag & 2) counts.covered++;
    }
  }
  return counts;
}

function add(a: Counts | undefined, b: Counts): Counts {
  return { covered: (a?.covered ?? 0) + b.covered, total: (a?.total ?? 0) + b.total };
}

export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/');
}

export function percent(counts: Counts): string {
  return counts.total === 0 ? '-' : `${Math.round((counts.covered / counts.total) * 10000) / 100} %`;
}

/** A warning when stated counts differ from the recount (undefined when they agree or are not stated). */
export function countsWarning(what: string, stated: Counts | undefined, counted: Counts): string | undefined {
  if (!stated || (stated.covered === counted.covered && stated.total === counted.total)) return undefined;
  return `states ${what} ${stated.covered}/${stated.total} but its detail gives ${counted.covered}/${counted.total}: the recount is used`;
}

/**
 * A warning when a stated rate (0..1, as written) differs from the recount by more than its written
 * precision (at most 4 decimals) allows; `NaN` (MATLAB) is reported as unusable.
 */
export function rateWarning(what: string, written: string | undefined, counted: Counts): string | undefined {
  if (written === undefined || written.trim() === '') return undefined;
  const stated = Number(written);
  if (!Number.isFinite(stated)) return `states ${what} ${written}: ignored, the recount is used`;
  if (counted.total === 0) return undefined;
  const decimals = Math.min((written.split('.')[1] ?? '').length, 4);
  const actual = counted.covered / counted.total;
  if (Math.abs(stated - actual) <= 0.5 * 10 ** -decimals + 1e-12) return undefined;
  return `states ${what} ${written} but its detail gives ${actual.toFixed(4)}: the recount is used`;
}

/** Counts from two stated numbers (attributes or JSON values), when both are numbers. */
export function statedCounts(covered: unknown, total: unknown): Counts | undefined {
  const c = typeof covered === 'string' && covered.trim() !== '' ? Number(covered) : covered;
  const t = typeof total === 'string' && total.trim() !== '' ? Number(total) : total;
  return typeof c === 'number' && typeof t === 'number' && Number.isFinite(c) && Number.isFinite(t)
    ? { covered: c, total: t }
    : undefined;
}

/**
 * Records the stated line and branch totals on `coverage` and warns for each that disagrees with
 * the recount (`labels` names them as the format does, e.g. "lines (LH/LF)").
 */
export function applyStated(
  coverage: CoverageResult,
  stated: { lines?: Counts | undefined; branches?: Counts | undefined },
  warnings: string[],
  labels: { lines: string; branches: string } = { lines: 'lines', branches: 'branches' },
): void {
  const kept: NonNullable<CoverageResult['stated']> = { ...coverage.stated };
  if (stated.lines) kept.lines = stated.lines;
  if (stated.branches) kept.branches = stated.branches;
  if (Object.keys(kept).length > 0) coverage.stated = kept;
  for (const warning of [
    countsWarning(labels.lines, stated.lines, coverage.lines),
    countsWarning(labels.branches, stated.branches, coverage.branches),
  ]) {
    if (warning) warnings.push(warning);
  }
}
