/**
 * The gate's decision: metrics computed from the reports (recounted, merged by repository path),
 * the change and the baseline, then every condition checked. A metric that cannot be computed
 * (no report of that kind, no diff, no baseline) skips its conditions with the reason.
 */
import type { Benchmark, Counts, Finding, Report, Severity, TestCaseFailure } from '../model';
import { type BenchmarkDelta, compareBenchmarks } from './benchmarks';
import { type ComplexitySummary, summarizeComplexity } from './complexity';
import { type Condition, holds, type Metric, type Thresholds } from './conditions';
import { type DiffCoverage, diffCoverage, mergeCoverage, percentOf } from './coverage';
import type { ChangedFile } from './diff';
import type { PathMapper } from './paths';

/** What a run on the default branch keeps for later pull requests to compare with. */
export interface BaselineMetrics {
  version: 1;
  lineCoverage: number | null;
  branchCoverage: number | null;
  benchmarks: Benchmark[];
  /** The commit and time it was measured at (shown in the summary). */
  sha?: string;
  savedAt?: string;
}

export type FailOn = 'required' | 'recommended' | 'never';
export type ConditionStatus = 'pass' | 'warn' | 'fail' | 'skip';

export interface GateInput {
  reports: readonly Report[];
  /** The change's files; undefined when no diff is known (a push, or no history). */
  changes?: readonly ChangedFile[];
  /** Why there is no diff (shown when diff coverage is skipped). */
  noDiffReason?: string;
  baseline?: BaselineMetrics;
  /** Why there is no baseline (shown when its conditions are skipped). */
  noBaselineReason?: string;
  thresholds: Thresholds;
  conditions: readonly Condition[];
  mapper: PathMapper;
  failOn: FailOn;
}

export interface MetricValue {
  value: number | null;
  /** Why the value is null. */
  reason?: string;
}

export interface ConditionResult extends Condition {
  actual: number | null;
  status: ConditionStatus;
  note?: string;
}

export interface GateEvaluation {
  verdict: 'pass' | 'warn' | 'fail';
  /** The verdict under `failOn`. */
  passed: boolean;
  conditions: ConditionResult[];
  metrics: Record<Metric, MetricValue>;
  coverage: { lines: Counts; branches: Counts; percent: number | null } | null;
  diff: DiffCoverage | null;
  findings: { bySeverity: Record<Severity, number>; suppressed: number; items: Finding[] } | null;
  benchmarks: BenchmarkDelta[] | null;
  tests: {
    total: number;
    failed: number;
    errors: number;
    skipped: number;
    failures: TestCaseFailure[];
  } | null;
  complexity: ComplexitySummary | null;
  /** The metrics a run on the default branch saves as the next baseline. */
  nextBaseline: BaselineMetrics;
}

const SEVERITY_ORDER: Severity[] = ['critical', 'high', 'medium', 'low', 'unknown'];

function present<T>(items: Array<T | null>): T[] {
  return items.filter((item): item is T => item !== null);
}

function none(reason: string): MetricValue {
  return { value: null, reason };
}

export function evaluateGate(input: GateInput): GateEvaluation {
  const { reports, mapper, thresholds } = input;
  const coverageFiles = present(reports.map((r) => r.coverage)).flatMap((c) => c.files);
  const hasCoverage = reports.some((r) => r.coverage !== null);
  const merged = hasCoverage ? mergeCoverage(coverageFiles, mapper) : null;
  const coverage = merged
    ? { lines: merged.lines, branches: merged.branches, percent: percentOf(merged.lines) }
    : null;
  const diff = hasCoverage && input.changes ? diffCoverage(input.changes, coverageFiles, mapper) : null;

  const findingResults = present(reports.map((r) => r.findings));
  const findings =
    findingResults.length === 0 ? null : collectFindings(findingResults.flatMap((f) => f.items));

  const currentBenchmarks = present(reports.map((r) => r.benchmarks)).flat();
  const hasBenchmarks = reports.some((r) => r.benchmarks !== null);
  const benchmarks = hasBenchmarks
    ? compareBenchmarks(
        currentBenchmarks,
        input.baseline?.benchmarks ?? [],
        thresholds['benchmark-regression'] ?? 20,
      )
    : null;

  const testResults = present(reports.map((r) => r.tests));
  const tests =
    testResults.length === 0
      ? null
      : {
          total: sum(testResults.map((t) => t.total)),
          failed: sum(testResults.map((t) => t.failed)),
          errors: sum(testResults.map((t) => t.errors)),
          skipped: sum(testResults.map((t) => t.skipped)),
          failures: testResults.flatMap((t) => t.failures),
        };

  const complexityItems = present(reports.map((r) => r.complexity)).flat();
  const complexity = reports.some((r) => r.complexity !== null)
    ? summarizeComplexity(complexityItems, input.changes, mapper, thresholds.complexity)
    : null;

  const metrics = computeMetrics(input, { coverage, diff, findings, benchmarks, tests, complexity });
  const conditions = input.conditions.map((condition) => check(condition, metrics[condition.metric]));
  const verdict = conditions.some((c) => c.status === 'fail')
    ? 'fail'
    : conditions.some((c) => c.status === 'warn')
      ? 'warn'
      : 'pass';
  const passed =
    input.failOn === 'never' || (input.failOn === 'required' ? verdict !== 'fail' : verdict === 'pass');
  return {
    verdict,
    passed,
    conditions,
    metrics,
    coverage,
    diff,
    findings,
    benchmarks,
    tests,
    complexity,
    nextBaseline: {
      version: 1,
      lineCoverage: coverage?.percent ?? null,
      branchCoverage: coverage ? percentOf(coverage.branches) : null,
      benchmarks: currentBenchmarks,
    },
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function collectFindings(items: Finding[]): GateEvaluation['findings'] {
  const bySeverity: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 };
  const open = items.filter((item) => !item.suppressed);
  for (const item of open) bySeverity[item.severity] += 1;
  open.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  return { bySeverity, suppressed: items.length - open.length, items: open };
}

type Parts = Pick<GateEvaluation, 'coverage' | 'diff' | 'findings' | 'benchmarks' | 'tests' | 'complexity'>;

function computeMetrics(input: GateInput, parts: Parts): Record<Metric, MetricValue> {
  const { coverage, diff, findings, benchmarks, tests, complexity } = parts;
  const noCoverage = none('no coverage report');
  const lineCoverage = coverage?.percent ?? null;
  const severity = (level: Severity): MetricValue =>
    findings ? { value: findings.bySeverity[level] } : none('no security report');

  let diffMetric: MetricValue;
  if (!coverage) diffMetric = noCoverage;
  else if (!diff) diffMetric = none(input.noDiffReason ?? 'no diff: not a pull request');
  else if (diff.measured < input.thresholds['diff-coverage-min-lines']) {
    diffMetric = none(
      `${diff.measured} changed line(s) with coverage information, fewer than diff-coverage-min-lines (${input.thresholds['diff-coverage-min-lines']})`,
    );
  } else diffMetric = { value: diff.percent };

  let drop: MetricValue;
  if (lineCoverage === null) drop = noCoverage;
  else if (!input.baseline) drop = none(input.noBaselineReason ?? 'no baseline');
  else if (input.baseline.lineCoverage === null) drop = none('the baseline has no coverage');
  else drop = { value: input.baseline.lineCoverage - lineCoverage };

  const noBench = none('no benchmark report');
  const compared = benchmarks?.filter((b) => b.baseline !== null) ?? [];
  const benchReason = input.baseline
    ? 'no benchmark of the baseline to compare'
    : (input.noBaselineReason ?? 'no baseline');
  // The worst change that is beyond noise (0 when none got worse beyond noise).
  const worst = compared
    .filter((b) => b.beyondNoise)
    .reduce((top, b) => Math.max(top, b.worsePercent ?? 0), 0);

  return {
    'line-coverage':
      lineCoverage === null
        ? none(coverage ? 'the coverage report has no executable lines' : 'no coverage report')
        : { value: lineCoverage },
    'branch-coverage':
      coverage && coverage.branches.total > 0
        ? { value: percentOf(coverage.branches) }
        : none('no branch coverage'),
    'diff-coverage': diffMetric,
    'coverage-drop': drop,
    critical: severity('critical'),
    high: severity('high'),
    medium: severity('medium'),
    low: severity('low'),
    'benchmark-regression': !benchmarks
      ? noBench
      : compared.length === 0
        ? none(benchReason)
        : { value: worst },
    regressions: !benchmarks
      ? noBench
      : compared.length === 0
        ? none(benchReason)
        : { value: compared.filter((b) => b.status === 'regression').length },
    'test-failures': tests ? { value: tests.failed + tests.errors } : none('no test report'),
    'max-complexity': !complexity
      ? none('no complexity report')
      : complexity.max === null
        ? none(`no ${complexity.scope} functions`)
        : { value: complexity.max },
    'complex-functions': complexity ? { value: complexity.offenders.length } : none('no complexity report'),
  };
}

function check(condition: Condition, metric: MetricValue): ConditionResult {
  if (metric.value === null) {
    return { ...condition, actual: null, status: 'skip', note: metric.reason ?? 'not measured' };
  }
  const ok = holds(metric.value, condition.op, condition.threshold);
  return {
    ...condition,
    actual: metric.value,
    status: ok ? 'pass' : condition.level === 'required' ? 'fail' : 'warn',
  };
}
