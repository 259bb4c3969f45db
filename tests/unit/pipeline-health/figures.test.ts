/** The pure figures over plain records: edge cases of the definitions the month does not show. */
import { describe, expect, test } from '@jest/globals';
import { builtinCatalogue, compileForAnalysis, LogAnalyzer } from '@qeml/diagnosis';
import { buildReport, type FailureAnalysisResult } from '@qeml/failure-analysis';
import {
  buildReport as buildHealthReport,
  buildSummary,
  computeHealth,
  fisherRisingPValue,
  isRising,
  parseFailureReports,
  type RunRecord,
  recoveries,
  renderText,
} from '../../../actions/pipeline-health/src/index';
import { networkLog } from '../../fixtures/failure-analysis/logs';

const MIN = 60_000;
let nextId = 1;

/** A run on ci.yml/main created at minute `at`; each attempt [conclusion, start, end] in minutes. */
function run(
  at: number,
  attempts: Array<[string, number, number]>,
  extra: Partial<RunRecord> = {},
): RunRecord {
  return {
    id: nextId++,
    workflow: '.github/workflows/ci.yml',
    branch: 'main',
    headSha: `sha${at}`,
    createdAt: at * MIN,
    status: 'completed',
    attempts: attempts.map(([conclusion, start, end], i) => ({
      number: i + 1,
      conclusion,
      startedAt: start * MIN,
      completedAt: end * MIN,
    })),
    ...extra,
  };
}

describe('MTTR', () => {
  test('a red period before the first green is not measured; cancelled attempts change nothing', () => {
    const runs = [
      run(0, [['failure', 1, 5]]), // state unknown: not a recovery's start
      run(10, [['success', 11, 15]]), // green
      run(20, [['failure', 21, 25]]), // red from 25
      run(30, [['cancelled', 31, 33]]), // no change
      run(40, [['success', 41, 45]]), // recovered: 45 - 25 = 20
    ];
    const { recoveries: found, open } = recoveries(runs, 100 * MIN);
    expect(found.map((r) => r.durationMs / MIN)).toEqual([20]);
    expect(open).toEqual([]);
  });

  test('only a rerun of the failed run or a later run ends a red period, not an older run finishing late', () => {
    const runs = [
      run(0, [['success', 1, 2]]), // green
      run(10, [['failure', 11, 20]]), // red from 20
      run(5, [['success', 6, 25]]), // an older commit's run finishing late: not a recovery
      run(30, [['success', 31, 40]]), // recovered: 40 - 20 = 20
    ];
    const { recoveries: found } = recoveries(runs, 100 * MIN);
    expect(found.map((r) => [r.durationMs / MIN, r.recoveredRunId])).toEqual([[20, runs[3]?.id]]);
  });

  test('pipelines are per workflow and branch: a green on another branch does not end a red', () => {
    const runs = [
      run(0, [['success', 1, 2]]),
      run(10, [['failure', 11, 12]]),
      run(5, [['success', 6, 7]], { branch: 'other' }),
      run(20, [['success', 21, 30]], { branch: 'other' }),
    ];
    const { recoveries: found, open } = recoveries(runs, 60 * MIN);
    expect(found).toEqual([]);
    expect(open.map((p) => [p.branch, p.redSince / MIN, p.openMs / MIN])).toEqual([['main', 12, 48]]);
  });
});

describe('counted runs and rates', () => {
  test('skipped, neutral and unfinished runs are apart; timed_out and startup_failure are failures', () => {
    const runs = [
      run(0, [['success', 1, 2]]),
      run(1, [['timed_out', 2, 3]]),
      run(2, [['startup_failure', 2, 2]]),
      run(3, [['skipped', 3, 3]]),
      run(4, [['neutral', 4, 4]]),
      run(5, [[null as unknown as string, 5, 5]], { status: 'in_progress' }),
    ];
    const model = computeHealth({
      repo: 'o/r',
      branch: 'main',
      window: { start: 0, end: 100 * MIN, label: 'test' },
      workflows: [{ id: 1, name: 'CI', path: '.github/workflows/ci.yml' }],
      runs,
      reports: [],
      slo: 50,
    });
    expect(model.overall).toMatchObject({
      runs: 6,
      counted: 3,
      apart: { skipped: 1, neutral: 1, in_progress: 1 },
      successRate: 33.33,
      failureClasses: { timed_out: 1, startup_failure: 1 },
    });
    expect(model.sloMet).toBe(false);
  });

  test('classes come from a failure-analysis report when one covers the attempt', () => {
    const failed = run(0, [['failure', 1, 2]], {
      jobs: [
        { name: 'test', attempt: 1, conclusion: 'failure' },
        { name: 'lint', attempt: 1, conclusion: 'success' },
      ],
    });
    const reports = parseFailureReports(
      JSON.stringify({ 'run-id': failed.id, jobs: [{ name: 'test', category: 'network' }] }),
      'r.json',
    );
    const model = computeHealth({
      repo: 'o/r',
      branch: 'main',
      window: { start: 0, end: 10 * MIN, label: 'test' },
      workflows: [{ id: 1, name: 'CI', path: '.github/workflows/ci.yml' }],
      runs: [failed],
      reports,
      slo: 99.5,
    });
    expect(model.overall.failureClasses).toEqual({ network: 1 });
  });
});

describe('failure-analysis reports', () => {
  test("reads jobs[] and qeml analyze's logs[] shapes; a file that is not JSON names the input", () => {
    expect(
      parseFailureReports(
        JSON.stringify([
          {
            runId: 7,
            'run-attempt': 2,
            logs: [{ file: 'build', verdict: 'transient', findings: [{ category: 'registry' }] }],
          },
          { run_id: 8, jobs: [{ name: 'e2e', verdict: 'flaky' }] },
          { note: 'no run id: ignored' },
        ]),
        'a.json',
      ),
    ).toEqual([
      { runId: 7, attempt: 2, classesByJob: { build: 'registry' } },
      { runId: 8, classesByJob: { e2e: 'flaky' } },
    ]);
    expect(() => parseFailureReports('{oops', 'reports/b.json')).toThrow(
      /^Input 'report-path': reports\/b.json is not JSON/,
    );
  });
});

describe('secrets in names', () => {
  test('a token in a job name reaches neither the CLI text, the summary nor the report', () => {
    const secret = 'ghp_R8x2Lq9Vb4Nz7Kc1Wd5Ht3Jm6Pf0Ys8Ga2Ue';
    const job = `deploy (${secret})`;
    const runs = [
      run(0, [['success', 1, 2]]),
      run(
        10,
        [
          ['failure', 11, 12],
          ['success', 13, 14],
        ],
        {
          jobs: [
            { name: job, attempt: 1, conclusion: 'failure' },
            { name: job, attempt: 2, conclusion: 'success' },
          ],
        },
      ),
    ];
    const model = computeHealth({
      repo: 'o/r',
      branch: 'main',
      window: { start: 0, end: 20 * MIN, label: 'test' },
      workflows: [{ id: 1, name: 'CI', path: '.github/workflows/ci.yml' }],
      runs,
      reports: [],
      slo: 99.5,
    });
    expect(model.flaky.map((f) => f.job)).toEqual([job]);
    const result = {
      ...model,
      api: {
        calls: 1,
        notModified: 0,
        byKind: { repository: 0, workflows: 0, runs: 1, attempts: 0, jobs: 0 },
      },
      escalations: [],
      failed: false,
    };
    for (const text of [
      renderText(result),
      buildSummary(result).render(),
      JSON.stringify(buildHealthReport(result)),
    ])
      expect(text).not.toContain(secret);
  });
});

describe("the failure-analysis action's own report", () => {
  test("its run, attempt and each job's finding category are read", () => {
    const analyzer = new LogAnalyzer({ catalogue: compileForAnalysis(builtinCatalogue()) });
    analyzer.write(networkLog());
    const { stats: _stats, ...analysis } = analyzer.end('install');
    const job = {
      id: 11,
      name: 'install',
      url: 'https://github.com/o/r/actions/runs/7/job/11',
      conclusion: 'failure',
      analysis,
      annotations: [],
      cacheKeys: [],
      transient: true,
      why: 'transient',
    };
    const result: FailureAnalysisResult = {
      run: {
        owner: 'o',
        repo: 'r',
        id: 7,
        attempt: 2,
        url: 'https://github.com/o/r/actions/runs/7',
        workflow: 'CI',
        workflowPath: '.github/workflows/ci.yml',
        workflowId: 1,
        branch: 'main',
        sha: 'abc',
        event: 'push',
        status: 'completed',
        conclusion: 'failure',
        totalJobs: 3,
      },
      jobs: [job],
      flaky: [],
      decision: { verdict: 'transient', recovery: 'rerun', because: 'every failed log is transient' },
      taken: { rerun: false, delayMs: 0, deletedCaches: [], notes: [] },
    };
    expect(parseFailureReports(JSON.stringify(buildReport(result)), 'fa.json')).toEqual([
      { runId: 7, attempt: 2, classesByJob: { install: analysis.findings[0]?.category } },
    ]);
    expect(analysis.findings[0]?.category).toBe('registry');
  });
});

describe('rising failure rates: one-sided Fisher exact test', () => {
  test('p-values: 0/7 -> 5/7 is C(7,5)/C(14,5); equal rates are not rising', () => {
    expect(fisherRisingPValue({ failures: 0, runs: 7 }, { failures: 5, runs: 7 })).toBeCloseTo(21 / 2002, 10);
    expect(fisherRisingPValue({ failures: 3, runs: 10 }, { failures: 3, runs: 10 })).toBeGreaterThan(0.5);
  });

  test.each([
    [{ failures: 0, runs: 7 }, { failures: 5, runs: 7 }, true],
    [{ failures: 4, runs: 8 }, { failures: 3, runs: 8 }, false], // falling
    [{ failures: 0, runs: 7 }, { failures: 2, runs: 7 }, false], // too few failures to say
    [{ failures: 0, runs: 2 }, { failures: 2, runs: 2 }, false], // 100 % of 2 runs: noise
    [{ failures: 10, runs: 100 }, { failures: 12, runs: 100 }, false], // flat
    [{ failures: 5, runs: 100 }, { failures: 20, runs: 100 }, true],
  ])('%j -> %j rising: %s', (earlier, later, rising) => {
    expect(isRising(earlier, later).rising).toBe(rising);
  });
});
