/**
 * Faults: with one API call in five failing (502s and secondary rate limits, seeded) the decisions
 * are those of a healthy API; a permanent 401/404 gives one clear failure message and no write.
 */
import { afterEach, describe, expect, test } from '@jest/globals';
import type { GitHubSim } from '@qeml/github-sim';
import { networkLog, oomLog, runnerLostLog, testFailureLog } from '../../fixtures/failure-analysis/logs';
import { bundleNodes } from '../../support/node';
import { addRun, analyse, issuesOf, matrixJobs, startRepoSim, writes } from './helpers';

const TRANSIENT = {
  'install (a)': networkLog(),
  'install (b)': networkLog('pypi.org'),
  'test (c)': runnerLostLog(),
};
const MIXED = { ...TRANSIENT, 'test (d)': testFailureLog(), build: oomLog() };
const INPUTS = { heal: 'true', escalate: 'issue' };

function faulty(sim: GitHubSim): void {
  sim.faults.add({ route: /./, status: 502, probability: 0.1 });
  sim.faults.add({
    route: /./,
    status: 403,
    probability: 0.1,
    headers: { 'retry-after': '1' },
    body: {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    },
  });
}

/** Each sim listens on its own port: compare the jobs without their links. */
const withoutUrls = (json = '[]') => JSON.parse(json).map(({ url: _url, ...job }: { url: string }) => job);

/** What the analysis decided: outputs, the writes made and the issues left. */
async function decisions(node: string, failures: Record<string, string>, withFaults: boolean) {
  const sim = await startRepoSim({ seed: 7 });
  try {
    const run = addRun(sim, matrixJobs(36, failures));
    if (withFaults) faulty(sim);
    const step = await analyse(sim, node, { 'run-id': String(run.id), ...INPUTS });
    const failedCalls = sim.requests.filter((r) => r.status === 502 || r.status === 403).length;
    const share = failedCalls / sim.requests.length;
    return {
      exitCode: step.exitCode,
      outputs: {
        ...step.outputs,
        report: undefined,
        'failed-jobs': withoutUrls(step.outputs['failed-jobs']),
      },
      writes: [
        ...new Set(
          writes(sim)
            .filter((r) => r.status < 300)
            .map((r) => `${r.method} ${r.route}`),
        ),
      ].sort(),
      issues: issuesOf(sim).filter((i) => i.state === 'open').length,
      failedCalls,
      share,
    };
  } finally {
    await sim.close();
  }
}

describe.each(bundleNodes())('failure-analysis under faults, $label', ({ path: node }) => {
  let sim: GitHubSim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  test.each([
    ['mixed failures (escalate)', MIXED],
    ['transient failures (rerun)', TRANSIENT],
  ])('%s: the same decisions with 20 %% of calls failing', async (_name, failures) => {
    const healthy = await decisions(node, failures, false);
    const faulted = await decisions(node, failures, true);
    expect(faulted.share).toBeGreaterThan(0.1); // seeded: 6 of 27 and 2 of 15 calls fail
    expect({ ...faulted, failedCalls: 0, share: 0 }).toEqual({ ...healthy, failedCalls: 0, share: 0 });
  });

  test('a refused token (401): one clear message, no write', async () => {
    sim = await startRepoSim();
    const run = addRun(sim, matrixJobs(4, MIXED));
    sim.faults.add({ route: /./, status: 401, body: { message: 'Bad credentials' } });
    const step = await analyse(sim, node, { 'run-id': String(run.id), ...INPUTS });
    expect(step.exitCode).toBe(1);
    const errors = step.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/^GitHub answered 401 Bad credentials .*check input 'github-token'/);
    expect(step.log).not.toMatch(/at .*index\.js/); // no stack trace
    expect(writes(sim)).toEqual([]);
  });

  test('a run that does not exist (404): one clear message, no write', async () => {
    sim = await startRepoSim();
    const step = await analyse(sim, node, { 'run-id': '987654', ...INPUTS });
    expect(step.exitCode).toBe(1);
    const errors = step.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/GitHub answered 404 .*check inputs 'run-id' and 'repository'/);
    expect(writes(sim)).toEqual([]);
  });

  test('a 404 after some reads (annotations) still writes nothing: every read comes first', async () => {
    sim = await startRepoSim();
    const run = addRun(sim, matrixJobs(6, MIXED));
    sim.faults.add({
      route: '/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations',
      status: 404,
      times: 100,
    });
    const step = await analyse(sim, node, { 'run-id': String(run.id), ...INPUTS });
    expect(step.exitCode).toBe(1);
    expect(writes(sim)).toEqual([]);
    expect(issuesOf(sim)).toHaveLength(0);
  });

  test('an expired job log (410) leaves that job unknown: no rerun, the others still explained', async () => {
    sim = await startRepoSim();
    const run = addRun(sim, matrixJobs(5, TRANSIENT));
    const expired = sim.model.getRun(run.id).attempts[0]?.jobs.find((job) => job.name === 'install (b)');
    sim.faults.add({
      route: `/repos/octo/app/actions/jobs/${expired?.id}/logs`,
      status: 410,
      body: { message: 'Gone' },
    });
    const step = await analyse(sim, node, { 'run-id': String(run.id), heal: 'true' });
    expect(step.exitCode).toBe(0);
    expect(step.outputs).toMatchObject({ verdict: 'unknown', recovery: 'escalate', rerun: 'false' });
    const verdicts = JSON.parse(step.outputs['failed-jobs'] ?? '[]').map(
      (job: { verdict: string }) => job.verdict,
    );
    expect(verdicts).toEqual(['transient', 'unknown', 'transient']);
    expect(writes(sim)).toEqual([]);
  });
});
