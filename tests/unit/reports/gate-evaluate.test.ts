/** The gate's verdict: default conditions, levels, fail-on, custom gates, baselines, noise. */
import { describe, expect, test } from '@jest/globals';
import {
  type BaselineMetrics,
  combineConditions,
  compareBenchmarks,
  createPathMapper,
  DEFAULT_THRESHOLDS,
  defaultConditions,
  evaluateGate,
  type FailOn,
  GateConfigError,
  type GateInput,
  parseGates,
  parseUnifiedDiff,
  type Report,
  resolveThresholds,
} from '@qeml/reports';
import {
  bench,
  benchmarkReport,
  complexityReport,
  coverageReport,
  fileCoverage,
  finding,
  findingsReport,
  testsReport,
} from './gate-builders';

/** A coverage report with `covered` of 100 lines hit in one file. */
function coverageOf(covered: number): Report {
  const hits: Record<number, number> = {};
  for (let line = 1; line <= 100; line += 1) hits[line] = line <= covered ? 1 : 0;
  return coverageReport([fileCoverage('src/app.py', hits)]);
}

function gate(reports: Report[], extra: Partial<GateInput> = {}) {
  const thresholds = extra.thresholds ?? DEFAULT_THRESHOLDS;
  return evaluateGate({
    reports,
    thresholds,
    conditions: extra.conditions ?? defaultConditions(thresholds),
    mapper: createPathMapper({ workspace: '/w' }),
    failOn: 'required',
    ...extra,
  });
}

const statusOf = (result: ReturnType<typeof gate>, name: string) =>
  result.conditions.find((c) => c.name === name)?.status;

describe('default conditions', () => {
  test('line coverage: below 70 fails, 70-85 warns, 85 passes', () => {
    expect(gate([coverageOf(69)]).verdict).toBe('fail');
    const warned = gate([coverageOf(80)]);
    expect([warned.verdict, warned.passed]).toEqual(['warn', true]);
    expect(statusOf(warned, 'coverage-recommended')).toBe('warn');
    expect(gate([coverageOf(85)]).verdict).toBe('pass');
  });

  test('a coverage exactly at the threshold passes (57 of 100 lines is 57 %, not 56.999…)', () => {
    const thresholds = resolveThresholds({ coverage: 57, 'coverage-recommended': 'off' });
    const result = gate([coverageOf(57)], { thresholds });
    expect(result.metrics['line-coverage'].value).toBe(57);
    expect(statusOf(result, 'coverage')).toBe('pass');
  });

  test('a critical or high finding fails; suppressed ones and medium do not', () => {
    const result = gate([
      findingsReport([finding('high'), finding('medium'), finding('critical', { suppressed: true })]),
    ]);
    expect(statusOf(result, 'high')).toBe('fail');
    expect(statusOf(result, 'critical')).toBe('pass');
    expect(result.findings?.items.map((f) => f.severity)).toEqual(['high', 'medium']);
    expect(result.findings?.suppressed).toBe(1);
  });

  test('JUnit failures and errors fail the gate', () => {
    expect(statusOf(gate([testsReport(10, 0, 1)]), 'test-failures')).toBe('fail');
    expect(statusOf(gate([testsReport(10, 0, 0)]), 'test-failures')).toBe('pass');
  });

  test('a metric without a report skips its conditions with the reason, never fails', () => {
    const result = gate([]);
    expect(result.verdict).toBe('pass');
    expect(result.conditions.find((c) => c.name === 'coverage')).toMatchObject({
      status: 'skip',
      note: 'no coverage report',
    });
  });

  test('diff coverage only with a threshold, and skipped below diff-coverage-min-lines', () => {
    const report = coverageReport([fileCoverage('src/a.py', { 1: 1, 2: 0, 3: 0, 4: 1 })]);
    const changes = parseUnifiedDiff(
      ['--- a/src/a.py', '+++ b/src/a.py', '@@ -0,0 +1,3 @@', '+a', '+b', '+c'].join('\n'),
    );
    expect(gate([report], { changes }).conditions.map((c) => c.name)).not.toContain('diff-coverage');
    const thresholds = resolveThresholds({
      'diff-coverage': 80,
      coverage: 'off',
      'coverage-recommended': 'off',
    });
    const result = gate([report], { changes, thresholds });
    expect(result.conditions.find((c) => c.name === 'diff-coverage')).toMatchObject({ status: 'fail' });
    expect(result.metrics['diff-coverage'].value).toBeCloseTo(33.33, 2);
    const small = gate([report], { changes, thresholds: { ...thresholds, 'diff-coverage-min-lines': 5 } });
    expect(small.conditions.find((c) => c.name === 'diff-coverage')).toMatchObject({
      status: 'skip',
      note: '3 changed line(s) with coverage information, fewer than diff-coverage-min-lines (5)',
    });
  });

  test('coverage drop vs the baseline: more than 0.5 points fails; no baseline skips with its reason', () => {
    const baseline: BaselineMetrics = { version: 1, lineCoverage: 90, branchCoverage: null, benchmarks: [] };
    expect(statusOf(gate([coverageOf(89)], { baseline }), 'coverage-drop')).toBe('fail');
    expect(statusOf(gate([coverageOf(90)], { baseline }), 'coverage-drop')).toBe('pass');
    const none = gate([coverageOf(90)], {
      noBaselineReason: 'baseline unavailable: cache service answered 500',
    });
    expect(none.conditions.find((c) => c.name === 'coverage-drop')?.note).toBe(
      'baseline unavailable: cache service answered 500',
    );
  });

  test('complexity: changed functions over the threshold warn (recommended)', () => {
    const changes = parseUnifiedDiff(['--- a/m.py', '+++ b/m.py', '@@ -10,0 +11 @@', '+x'].join('\n'));
    const report = complexityReport([
      { path: 'm.py', name: 'tangled', line: 5, endLine: 30, complexity: 14 },
      { path: 'm.py', name: 'untouched', line: 40, endLine: 60, complexity: 25 },
    ]);
    const result = gate([report], { changes });
    expect(result.complexity).toMatchObject({ considered: 1, max: 14, scope: 'changed' });
    expect(result.complexity?.offenders.map((o) => o.name)).toEqual(['tangled']);
    expect([statusOf(result, 'complexity'), result.verdict]).toEqual(['warn', 'warn']);
    expect(gate([report]).complexity).toMatchObject({ considered: 2, max: 25, scope: 'all' });
  });
});

describe('fail-on', () => {
  test.each<[FailOn, number, boolean]>([
    ['required', 80, true],
    ['required', 60, false],
    ['recommended', 80, false],
    ['recommended', 90, true],
    ['never', 10, true],
  ])('fail-on %s with %i %% coverage: passed=%s', (failOn, covered, passed) => {
    expect(gate([coverageOf(covered)], { failOn }).passed).toBe(passed);
  });
});

describe('custom gates and thresholds', () => {
  test('strings and mappings; a default name replaces the default, a new name is added', () => {
    const custom = parseGates([
      'branch-coverage >= 60 recommended',
      { name: 'coverage', metric: 'line-coverage', op: '>=', threshold: 50, level: 'required' },
    ]);
    const conditions = combineConditions(defaultConditions(DEFAULT_THRESHOLDS), custom);
    expect(conditions.find((c) => c.name === 'coverage')?.threshold).toBe(50);
    expect(conditions.at(-1)).toEqual({
      name: 'branch-coverage >= 60',
      metric: 'branch-coverage',
      op: '>=',
      threshold: 60,
      level: 'recommended',
    });
    expect(gate([coverageOf(60)], { conditions }).conditions.find((c) => c.name === 'coverage')?.status).toBe(
      'pass',
    );
  });

  test('bad entries: one message each, naming the entry', () => {
    expect(() =>
      parseGates(['coverage >= 80', { metric: 'line-coverage', op: '=>', threshold: 1 }, 7]),
    ).toThrow(GateConfigError);
    try {
      parseGates(['coverage >= 80', { metric: 'line-coverage', op: '=>', threshold: 1 }, 7]);
    } catch (error) {
      expect((error as GateConfigError).problems).toEqual([
        expect.stringMatching(/^gates\[0\]: metric "coverage" is not one of line-coverage, /),
        'gates[1]: op "=>" is not one of >= > <= < == !=',
        'gates[2] must be a string or a mapping {metric, op, threshold, level, name}',
      ]);
    }
    expect(() => resolveThresholds({ coverge: 80, high: -1 })).toThrow(
      /coverge is not a threshold[\s\S]*high got -1: expected a number >= 0 or off/,
    );
  });
});

describe('benchmarks: direction-aware and noise-aware', () => {
  test('slower time and lower throughput are regressions beyond 20 %', () => {
    const deltas = compareBenchmarks(
      [bench('parse', 130), bench('ops', 70, { unit: 'ops/s', biggerIsBetter: true }), bench('faster', 50)],
      [bench('parse', 100), bench('ops', 100, { unit: 'ops/s', biggerIsBetter: true }), bench('faster', 100)],
      20,
    );
    expect(deltas.map((d) => [d.name, d.status, d.worsePercent])).toEqual([
      ['parse', 'regression', 30],
      ['ops', 'regression', 30],
      ['faster', 'improvement', -50],
    ]);
  });

  test('a 30 % change inside the noise of the samples is not a regression', () => {
    // stddev 20 on 5 rounds each side: 3 standard errors = 3 * sqrt(400/5 + 400/5) = 37.9 > 30
    const [noisy] = compareBenchmarks(
      [bench('io', 130, { stddev: 20, rounds: 5 })],
      [bench('io', 100, { stddev: 20, rounds: 5 })],
      20,
    );
    expect(noisy?.status).toBe('within-noise');
    expect(noisy?.noise).toBeCloseTo(37.95, 2);
    // the same spread over 50 rounds: 3 * sqrt(8 + 8) = 12 < 30 -> a regression
    const [steady] = compareBenchmarks(
      [bench('io', 130, { stddev: 20, rounds: 50 })],
      [bench('io', 100, { stddev: 20, rounds: 50 })],
      20,
    );
    expect(steady?.status).toBe('regression');
    // samples give the spread themselves
    const [sampled] = compareBenchmarks(
      [bench('io', 130, { samples: [90, 170, 130] })],
      [bench('io', 100, { samples: [99, 100, 101] })],
      20,
    );
    expect(sampled?.status).toBe('within-noise');
  });

  test('the gate counts regressions and fails on the worst one beyond noise', () => {
    const baseline: BaselineMetrics = {
      version: 1,
      lineCoverage: null,
      branchCoverage: null,
      benchmarks: [bench('parse', 100)],
    };
    const result = gate([benchmarkReport([bench('parse', 125), bench('brand-new', 5)])], { baseline });
    expect(result.metrics.regressions.value).toBe(1);
    expect(result.metrics['benchmark-regression'].value).toBe(25);
    expect(statusOf(result, 'benchmark-regression')).toBe('fail');
    expect(result.benchmarks?.find((b) => b.name === 'brand-new')?.status).toBe('new');
  });
});
