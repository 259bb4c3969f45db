/**
 * The result model of every report parser: what a coverage, security, benchmark, test or
 * complexity file says, recounted from its detail. `toContract` turns it into the stable JSON
 * contract that `qeml report --format json` prints and other tools read; fields there are only
 * ever added, never changed.
 */

export type CoverageFormat =
  | 'cobertura'
  | 'lcov'
  | 'jacoco'
  | 'clover'
  | 'coverage-py-json'
  | 'istanbul-summary'
  | 'istanbul-final'
  | 'go-cover';
export type FindingsFormat =
  | 'sarif'
  | 'bandit'
  | 'pip-audit'
  | 'safety'
  | 'npm-audit'
  | 'pnpm-audit'
  | 'trivy'
  | 'semgrep';
export type BenchmarkFormat =
  | 'pytest-benchmark'
  | 'benchmark-action'
  | 'go-bench'
  | 'cargo-bench'
  | 'benchmarkjs'
  | 'jmh';
export type TestsFormat = 'junit';
export type ComplexityFormat = 'radon' | 'lizard-csv' | 'lizard-xml' | 'eslint';
export type ReportFormat = CoverageFormat | FindingsFormat | BenchmarkFormat | TestsFormat | ComplexityFormat;

export interface Counts {
  covered: number;
  total: number;
}

/** One source file of a coverage report. */
export interface FileCoverage {
  /** The path as the report names it, backslashes turned into `/`. */
  path: string;
  /**
   * Directories the report says paths are relative to (Cobertura `<source>`, JaCoCo package
   * directories, ...), in the report's order; empty when the report names none. The path mapper
   * tries each.
   */
  roots: string[];
  /** Executable line number → hit count (0 = not covered). Repeated records are merged (summed). */
  lines: Map<number, number>;
  /** Branch counts of this file (0/0 when the format has none). */
  branches: Counts;
  /**
   * Line counts for formats that give per-file counts but no per-line detail (Istanbul's
   * coverage-summary.json), or for a file whose lines the caller chose not to keep
   * (`ReportDeps.keepLines`); `lines` is then empty and the totals use these.
   */
  lineTotals?: Counts;
}

export interface CoverageResult {
  /** Recounted from `files`: covered = lines with hits > 0, total = executable lines. */
  lines: Counts;
  branches: Counts;
  files: FileCoverage[];
  /** Statements, where the format counts them (Istanbul, Clover, Go cover), recounted. */
  statements?: Counts;
  /** Functions/methods, where the format counts them (LCOV, Istanbul, Clover), recounted. */
  functions?: Counts;
  /**
   * Totals the file itself states (root attributes), when it states any. Rates are 0..1 as
   * written (a `NaN` rate is left out, with a warning).
   */
  stated?: { lines?: Counts; branches?: Counts; lineRate?: number; branchRate?: number };
}

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'unknown';
export type Level = 'error' | 'warning' | 'note' | 'none';

export interface Finding {
  tool: string;
  ruleId: string;
  message: string;
  severity: Severity;
  level: Level;
  /** Repository-relative when the report allows it; as reported otherwise. */
  path?: string;
  line?: number;
  /**
   * Suppressed in the source (SARIF: an accepted suppression and none under review or rejected;
   * Semgrep `is_ignored`; Safety ignored), or SARIF `baselineState: absent` (gone since the
   * baseline). `unchanged` results stay counted: `baselineState` lets the gate tell them apart.
   */
  suppressed: boolean;
  /** SARIF baselineState when present. */
  baselineState?: 'new' | 'unchanged' | 'updated' | 'absent';
  /** Package/version for dependency scanners. */
  package?: { name: string; version?: string; fixedIn?: string[] };
}

export interface FindingsResult {
  /** Findings counted (suppressed ones included in `total` and counted apart in `suppressed`). */
  total: number;
  suppressed: number;
  /** Unsuppressed findings by severity. */
  bySeverity: Record<Severity, number>;
  /** Unsuppressed findings by SARIF level (formats without levels map severity to a level). */
  byLevel: Record<Level, number>;
  items: Finding[];
}

export interface Benchmark {
  name: string;
  /** The central value (mean or median as the format gives it). */
  value: number;
  unit: string;
  biggerIsBetter: boolean;
  /** Spread the format gives (stddev, or min/max, or individual samples), for noise-aware comparison. */
  stddev?: number;
  samples?: number[];
  rounds?: number;
}

export interface TestCaseFailure {
  name: string;
  classname?: string;
  file?: string;
  line?: number;
  message?: string;
  kind: 'failure' | 'error';
}

export interface TestsResult {
  total: number;
  failed: number;
  errors: number;
  skipped: number;
  /** Wall time per test file (seconds) when the report gives it (preflight's shard history). */
  timeByFile?: Record<string, number>;
  failures: TestCaseFailure[];
}

export interface ComplexityItem {
  path: string;
  /** Function or method name as the tool reports it. */
  name: string;
  line?: number;
  endLine?: number;
  complexity: number;
}

export interface Report {
  file: string;
  format: ReportFormat;
  coverage: CoverageResult | null;
  findings: FindingsResult | null;
  benchmarks: Benchmark[] | null;
  tests: TestsResult | null;
  complexity: ComplexityItem[] | null;
  /** Things a user should know (stated totals disagree, entries skipped, caps reached). */
  warnings: string[];
}

/** A file that could not be read or parsed: one clear message naming it. */
export interface ReportError {
  file: string;
  error: string;
}

/** The stable JSON contract (issue 11). Only additive changes. */
export interface ReportsContract {
  reports: Array<{
    file: string;
    format: ReportFormat | null;
    coverage: { lines: Counts; branches: Counts } | null;
    findings: {
      total: number;
      suppressed: number;
      bySeverity: Record<Severity, number>;
      byLevel: Record<Level, number>;
    } | null;
    benchmarks: Array<{ name: string; value: number; unit: string; biggerIsBetter: boolean }> | null;
    tests: { total: number; failed: number; errors: number; skipped: number } | null;
    warnings: string[];
    /** Present only when the file could not be read or parsed. */
    error?: string;
  }>;
}
