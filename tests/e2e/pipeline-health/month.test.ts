/**
 * The pipeline-health bundle over a simulated month (actions/pipeline-health/month.ts) against
 * github-sim: every figure equals the hand computation below, per workflow and overall.
 *
 * Day d HH:MM = the window's start + d days (the window: the 30 days before now). "c 1-11" = the
 * run was created at 09:00, attempt started 09:01 and completed 09:11.
 *
 * CI (ci.yml, jobs build/test/lint) on main — 17 runs in the window
 *   run  day  attempts (start-end, conclusion)                 queue
 *   1    1    09:01-09:11 ok                                     1
 *   2    2    09:01-09:11 test fails; 09:20-09:30 ok (re-run)     1   red 09:11 -> 09:30 = 19 min
 *   3    3    09:02-09:12 ok                                     2
 *   4    5    10:01-10:11 test fails                             1   red from 10:11 ...
 *   5    5    11:01-11:11 test fails                             1   ... still red ...
 *   6    5    12:01-12:11 ok                                     1   ... -> 12:11 = 120 min
 *   7    8    09:01-09:04 cancelled                              1   (apart; no state change)
 *   8    10   09:01-09:11 ok                                     1
 *   9    12   09:01-09:06 lint fails; 09:10-09:15 lint fails; 09:20-09:25 ok   1   red 09:06 -> 09:25 = 19
 *   10   15   09:03-09:13 ok                                     3
 *   11   17   09:01-09:11 test fails; 09:15-09:25 ok             1   red 09:11 -> 09:25 = 14
 *   12   20   09:01-09:31 build timed_out                        1   red 09:31 ...
 *   13   20   10:01-10:11 ok (new run, same commit as 12)        1   ... -> 10:11 = 40
 *   14-16 22, 25, 27: 09:01-09:11 ok                            1 each
 *   17   28   09:00-09:00 startup_failure                        0   red since day 28 09:00: still open
 *   counted 16 (run 7 apart); latest success 12 -> 75 %; attempt 1 success 9 (1,3,6,8,10,13-16)
 *   -> 56.25 %; attempt 1 failed 7 (2,4,5,9,11,12,17), healed 3 (2,9,11) -> 42.86 %;
 *   MTTR 19, 120, 19, 14, 40: mean 212/5 = 42.4, median 19; time lost 10+10+10+5+5+10+30+0 = 80;
 *   queue 19/17 = 1.12 mean, median 1. Failure classes (no reports: the failed jobs' conclusions):
 *   run 2 a1 test, 4 test, 5 test, 9 a1 lint, 9 a2 lint, 11 a1 test = 6 `failure`; run 12 build
 *   `timed_out`; run 17 (no jobs) `startup_failure`.
 * Nightly (nightly.yml, job e2e) on main — 14 runs, created 02:00, 02:02-02:32 (queue 2, 30 min)
 *   days 1,3,...,13,16 ok; 18 fails (red 02:32); 20 fails; 22 ok (recovered: 4 days = 5760 min);
 *   24 fails then re-run 03:00-03:30 ok (58 min); 26 fails (red since day 26 02:32, open); 28 fails.
 *   counted 14; latest success 10 -> 71.43 %; attempt 1 success 9 -> 64.29 %; healed 1/5 -> 20 %;
 *   MTTR mean = median = (5760+58)/2 = 2909; time lost 5 x 30 = 150; queue 2/2; failure 5.
 * Overall: counted 30, success 22 -> 73.33 %, first attempt 18 -> 60 %, healed 4/12 -> 33.33 %,
 *   MTTR over 19,120,19,14,40,5760,58: mean 6030/7 = 861.43, median 40; time lost 230;
 *   queue 47/31 = 1.52, median 2 (0, fourteen 1s, fifteen 2s, 3); classes failure 11, timed_out 1,
 *   startup_failure 1.
 * Not counted at all: a CI run 3 days before the window, a failing CI run on feature/x, and Docs
 *   (its only run is older than the window).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type GitHubSim, startGitHubSim } from '@qeml/github-sim';
import { MONTH, seedMonth } from '../../../actions/pipeline-health/month';
import { bundleNodes } from '../../support/node';
import { tempDirForFile } from '../../support/temp';
import { allFigures, reportOf, runHealthBundle } from './helpers';

const CI = {
  runs: 17,
  counted: 16,
  apart: { cancelled: 1 },
  successRate: 75,
  firstAttemptSuccessRate: 56.25,
  autoRecoveryRate: 42.86,
  mttrMean: 42.4,
  mttrMedian: 19,
  recoveries: 5,
  openRedSince: ['day 28 09:00'],
  timeLost: 80,
  queueMean: 1.12,
  queueMedian: 1,
  failureClasses: { failure: 6, timed_out: 1, startup_failure: 1 },
};
const NIGHTLY = {
  runs: 14,
  counted: 14,
  apart: {},
  successRate: 71.43,
  firstAttemptSuccessRate: 64.29,
  autoRecoveryRate: 20,
  mttrMean: 2909,
  mttrMedian: 2909,
  recoveries: 2,
  openRedSince: ['day 26 02:32'],
  timeLost: 150,
  queueMean: 2,
  queueMedian: 2,
  failureClasses: { failure: 5 },
};
const OVERALL = {
  runs: 31,
  counted: 30,
  apart: { cancelled: 1 },
  successRate: 73.33,
  firstAttemptSuccessRate: 60,
  autoRecoveryRate: 33.33,
  mttrMean: 861.43,
  mttrMedian: 40,
  recoveries: 7,
  openRedSince: ['day 28 09:00', 'day 26 02:32'],
  timeLost: 230,
  queueMean: 1.52,
  queueMedian: 2,
  failureClasses: { failure: 11, timed_out: 1, startup_failure: 1 },
};
const DOCS = {
  runs: 0,
  counted: 0,
  apart: {},
  successRate: null,
  firstAttemptSuccessRate: null,
  autoRecoveryRate: null,
  mttrMean: null,
  mttrMedian: null,
  recoveries: 0,
  openRedSince: [],
  timeLost: 0,
  queueMean: null,
  queueMedian: null,
  failureClasses: {},
};

let sim: GitHubSim;
let windowStart: number;
let runIds: Record<string, number>;

/** "day D HH:MM" of the window as the report writes it. */
const day = (text: string) => {
  const [, d = '0', hh = '0', mm = '0'] = /day (\d+) (\d+):(\d+)/.exec(text) ?? [];
  const ms = windowStart + Number(d) * 86_400_000 + Number(hh) * 3_600_000 + Number(mm) * 60_000;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
};
const withDays = (figures: { openRedSince: string[] }) => ({
  ...figures,
  openRedSince: figures.openRedSince.map(day),
});

beforeAll(async () => {
  sim = await startGitHubSim();
  // Whole seconds, as GitHub's timestamps: the hand computation's minutes stay exact.
  const seeded = seedMonth(sim, Math.floor(Date.now() / 1000) * 1000);
  windowStart = seeded.windowStart;
  runIds = seeded.runs;
});
afterAll(() => sim.close());

describe.each(bundleNodes())('pipeline-health bundle under $label', ({ path: node }) => {
  test('every figure of the month equals the hand computation, per workflow and overall', async () => {
    sim.clearRequests();
    const step = await runHealthBundle(node, sim);
    expect(step.exitCode).toBe(0);
    const report = reportOf(step);
    expect(allFigures(report)).toEqual({
      overall: withDays(OVERALL),
      CI: withDays(CI),
      Nightly: withDays(NIGHTLY),
      Docs: withDays(DOCS),
    });
    expect(report.branch).toBe('main');
    expect(step.outputs).toMatchObject({
      'success-rate': '73.33',
      'first-attempt-success-rate': '60',
      'auto-recovery-rate': '33.33',
      'mttr-minutes': '861.43',
      'slo-met': 'false',
    });
    // Flaky: CI test failed then passed on c02 (re-run) and c11 (re-run); build on c12 (a new run
    // on the same commit); lint on c09 (two failures, then a pass); Nightly e2e on day 24's commit.
    expect(
      report.flaky.map((f: { workflow: string; job: string; count: number; classes: object }) => [
        f.workflow,
        f.job,
        f.count,
        f.classes,
      ]),
    ).toEqual([
      ['CI', 'test', 2, { failure: 2 }],
      ['CI', 'build', 1, { timed_out: 1 }],
      ['CI', 'lint', 1, { failure: 2 }],
      ['Nightly', 'e2e', 1, { failure: 1 }],
    ]);
    // The summary: headline figures against the targets, the table, Mermaid charts.
    expect(step.summary).toContain('| Success rate | 73.33 % (22/30) | ≥ 99.5 % per workflow (SLO) | ❌ |');
    expect(step.summary).toContain('```mermaid\nxychart-beta');
    expect(step.summary).toContain('```mermaid\npie title "Failure classes"');
  });

  test('a rising failure rate is warned (Nightly: 0/7 -> 5/7), a flat one is not (CI: 4/8 -> 3/8)', async () => {
    const step = await runHealthBundle(node, sim);
    const report = reportOf(step);
    expect(
      report.warnings.map((w: { kind: string; subject: string; earlier: object; later: object }) => [
        w.kind,
        w.subject,
        w.earlier,
        w.later,
      ]),
    ).toEqual([
      ['workflow', 'Nightly', { failures: 0, runs: 7 }, { failures: 5, runs: 7 }],
      ['job', 'Nightly / e2e', { failures: 0, runs: 7 }, { failures: 5, runs: 7 }],
    ]);
    // p = C(7,5)/C(14,5) = 21/2002
    expect(report.warnings[0]['p-value']).toBeCloseTo(21 / 2002, 4);
    expect(step.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual([
      expect.stringContaining(
        'workflow Nightly: first-attempt failure rate rising, 0 % (0/7) -> 71.4 % (5/7)',
      ),
      expect.stringContaining('job Nightly / e2e'),
    ]);
    expect(step.summary).not.toContain('workflow CI:');
  });

  test('report-path: failure classes come from failure-analysis reports where they cover a failure', async () => {
    const reports = tempDirForFile('pipeline-health-reports-');
    // CI-12's build timed out on a registry outage; N-13's e2e failed on the network (qeml analyze's shape).
    await writeFile(
      join(reports, 'ci-12.json'),
      JSON.stringify({
        'run-id': runIds['CI-12'],
        jobs: [{ name: 'build', verdict: 'transient', category: 'registry' }],
      }),
    );
    await writeFile(
      join(reports, 'n-13.json'),
      JSON.stringify({
        runId: runIds['N-13'],
        logs: [{ file: 'e2e', verdict: 'transient', findings: [{ category: 'network' }] }],
      }),
    );
    const step = await runHealthBundle(node, sim, { 'report-path': reports });
    const report = reportOf(step);
    expect(report.overall['failure-classes']).toEqual({
      failure: 10,
      registry: 1,
      network: 1,
      startup_failure: 1,
    });
    expect(report.flaky.find((f: { job: string }) => f.job === 'build').classes).toEqual({ registry: 1 });
  });

  test('the request log: runs listed once per workflow, attempts only for runs with more than one, jobs only for failed runs', async () => {
    sim.clearRequests();
    const step = await runHealthBundle(node, sim);
    const api = sim.requests.filter((r) => r.origin === 'api');
    const runLists = api.filter(
      (r) => r.route === '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
    );
    expect(runLists.map((r) => r.query.per_page)).toEqual(['100', '100', '100']);
    expect(runLists.every((r) => r.query.created?.startsWith('>='))).toBe(true);
    const attempts = api
      .filter((r) => r.route === '/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}')
      .map((r) => r.path.split('/').slice(-3).join('/'))
      .sort();
    const id = (label: string) => runIds[label];
    // Runs with 2+ attempts: CI-2 (2), CI-9 (3), CI-11 (2), N-12 (2): the earlier attempts only.
    expect(attempts).toEqual(
      [
        `${id('CI-2')}/attempts/1`,
        `${id('CI-9')}/attempts/1`,
        `${id('CI-9')}/attempts/2`,
        `${id('CI-11')}/attempts/1`,
        `${id('N-12')}/attempts/1`,
      ].sort(),
    );
    const multi = new Set(MONTH.filter((run) => run.attempts.length > 1).map((run) => id(run.label)));
    expect(new Set(attempts.map((a) => Number(a.split('/')[0])))).toEqual(multi);
    const jobs = api.filter((r) => r.route === '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs');
    expect(jobs).toHaveLength(12); // CI 2,4,5,9,11,12,17 and Nightly 9,10,12,13,14
    const report = reportOf(step);
    expect(report.api).toEqual({
      calls: api.length,
      'not-modified': 0,
      'by-kind': { repository: 1, workflows: 1, runs: 3, attempts: 5, jobs: 12 },
    });
    expect(step.summary).toContain('API calls: 22');
  });
});
