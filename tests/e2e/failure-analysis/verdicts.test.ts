/**
 * The 36-job run: every failed job gets its verdict; one deterministic failure blocks the rerun and
 * the run escalates to one issue; with only transient failures the failed jobs are rerun. The
 * request log holds only the calls the analysis needs.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { GitHubSim } from '@qeml/github-sim';
import {
  networkLog,
  oomLog,
  passingLog,
  runnerLostLog,
  testFailureLog,
} from '../../fixtures/failure-analysis/logs';
import { bundleNodes } from '../../support/node';
import { addRun, analyse, calls, issuesOf, matrixJobs, report, startRepoSim, writes } from './helpers';

const TRANSIENT = {
  'install (node 20)': networkLog(),
  'install (node 22)': networkLog('registry.yarnpkg.com'),
  'test (ubuntu, py3.12)': runnerLostLog(),
};
const ALL_FIVE = { ...TRANSIENT, 'test (ubuntu, py3.11)': testFailureLog(), build: oomLog() };

describe.each(bundleNodes())('failure-analysis verdicts under $label', ({ path: node }) => {
  let sim: GitHubSim;
  beforeAll(async () => {
    sim = await startRepoSim();
    // The newest green run on main: its job's log is the baseline.
    addRun(
      sim,
      matrixJobs(36, {}).map((job, i) =>
        i === 10 ? { ...job, name: 'install (node 20)', log: passingLog('npm ci') } : job,
      ),
    );
  });
  afterAll(() => sim.close());

  test('36 jobs, 5 failed (2 network, 1 runner lost, 1 test, 1 OOM): right verdicts, no rerun, one issue, minimal calls', async () => {
    const run = addRun(sim, matrixJobs(36, ALL_FIVE));
    sim.clearRequests();
    const step = await analyse(sim, node, { 'run-id': String(run.id), heal: 'true', escalate: 'issue' });

    expect(step.exitCode).toBe(0);
    expect(step.outputs).toMatchObject({
      verdict: 'deterministic',
      recovery: 'escalate',
      rerun: 'false',
      'issue-number': '1',
    });
    const verdicts = Object.fromEntries(
      JSON.parse(step.outputs['failed-jobs'] ?? '[]').map((job: { name: string; verdict: string }) => [
        job.name,
        job.verdict,
      ]),
    );
    expect(verdicts).toEqual({
      'install (node 20)': 'transient',
      'install (node 22)': 'transient',
      'test (ubuntu, py3.12)': 'transient',
      'test (ubuntu, py3.11)': 'deterministic',
      build: 'resource',
    });
    expect(issuesOf(sim)).toHaveLength(1);
    expect(issuesOf(sim)[0]?.labels).toContain('failure-analysis');
    expect(report(step)).toMatchObject({
      run: { id: run.id, attempt: 1, totalJobs: 36 },
      baseline: { job: 'install (node 20)' },
    });
    expect(step.summary).toContain('test (ubuntu, py3.11)');
    expect(step.summary).toContain('assert 500 == 201');

    const api = calls(sim).sort();
    const expected = [
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}',
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
      // baseline: the newest green run of ci.yml on main, its jobs, the matching job's log
      'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
      ...Array(6).fill('GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs'),
      ...Array(6).fill('GET storage'),
      ...Array(5).fill('GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations'),
      // the marked issue: list by label, create, list again (two runs at once)
      'GET /repos/{owner}/{repo}/issues',
      'POST /repos/{owner}/{repo}/issues',
      'GET /repos/{owner}/{repo}/issues',
    ].sort();
    expect(api).toEqual(expected);
    // The log's redirect went to storage without the token.
    expect(sim.requests.filter((r) => r.origin === 'storage').every((r) => !r.hasAuthorization)).toBe(true);
    const jobsListed = sim.requests.find(
      (r) => r.route === '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
    );
    expect(jobsListed?.query.per_page).toBe('100');
  });

  test('the same run with only the 3 transient failures: rerun requested after backoff, no issue', async () => {
    const issuesBefore = issuesOf(sim).length;
    const run = addRun(sim, matrixJobs(36, TRANSIENT));
    sim.clearRequests();
    const step = await analyse(sim, node, { 'run-id': String(run.id), heal: 'true', escalate: 'issue' });

    expect(step.exitCode).toBe(0);
    expect(step.outputs).toMatchObject({
      verdict: 'transient',
      recovery: 'rerun',
      rerun: 'true',
      'issue-number': '',
    });
    expect(writes(sim).map((r) => r.route)).toEqual([
      '/repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs',
    ]);
    expect(issuesOf(sim)).toHaveLength(issuesBefore);
    expect(step.summary).toContain('rerun');
  });

  test('without heal the transient run is only recommended a rerun: no write at all', async () => {
    const run = addRun(sim, matrixJobs(8, TRANSIENT));
    sim.clearRequests();
    const step = await analyse(sim, node, { 'run-id': String(run.id) });
    expect(step.outputs).toMatchObject({ verdict: 'transient', recovery: 'rerun', rerun: 'false' });
    expect(writes(sim)).toEqual([]);
    expect(report(step).taken.notes).toContain('heal is off: rerun recommended, not done');
  });

  test('150 jobs: listed once, in two pages of 100', async () => {
    const run = addRun(sim, matrixJobs(150, { 'install (node 20)': networkLog() }));
    sim.clearRequests();
    const step = await analyse(sim, node, { 'run-id': String(run.id) });
    expect(report(step).run.totalJobs).toBe(150);
    const pages = sim.requests.filter(
      (r) =>
        r.route === '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs' && r.path.includes(`/runs/${run.id}/`),
    );
    expect(pages.map((r) => [r.query.per_page, r.query.page ?? '1'])).toEqual([
      ['100', '1'],
      ['100', '2'],
    ]);
  });

  test('annotations at file:line where the check run or the log names the place', async () => {
    const run = addRun(sim, [
      {
        name: 'typecheck',
        conclusion: 'failure',
        log: testFailureLog(),
        annotations: [
          {
            path: '.github',
            start_line: 1,
            annotation_level: 'failure',
            message: 'Process completed with exit code 1.',
          },
          {
            path: 'src/cart.py',
            start_line: 12,
            annotation_level: 'failure',
            message: 'Argument of type "str" is not assignable',
          },
        ],
      },
    ]);
    const step = await analyse(sim, node, { 'run-id': String(run.id) });
    expect(step.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        file: 'src/cart.py',
        line: 12,
        message: expect.stringContaining('not assignable'),
      }),
    );
    expect(step.annotations.some((a) => a.file === '.github')).toBe(false);
    expect(step.summary).toContain('`src/cart.py:12`');
  });
});
