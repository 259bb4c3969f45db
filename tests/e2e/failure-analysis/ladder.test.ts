/**
 * The progressive recovery ladder on a run that keeps failing transiently: attempt 1 rerun,
 * attempt 2 delete the implicated cache then rerun, attempt 3 dispatch the fallback workflow,
 * attempt 4 escalate — each once, in that order; analysing the same attempt again writes nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { GitHubSim } from '@qeml/github-sim';
import { cachedNetworkLog, passingLog } from '../../fixtures/failure-analysis/logs';
import { bundleNodes } from '../../support/node';
import { analyse, issuesOf, REPO, report, startRepoSim, writes } from './helpers';

const KEY = 'Linux-npm-3f9a2c1d';

describe.each(bundleNodes())('the recovery ladder under $label', ({ path: node }) => {
  let sim: GitHubSim;
  let runId: number;
  let inputs: Record<string, string>;
  beforeAll(async () => {
    sim = await startRepoSim();
    sim.model.addWorkflow(REPO, {
      name: 'CI (minimal deps)',
      path: '.github/workflows/ci-minimal.yml',
      triggers: { events: ['workflow_dispatch'], dispatchInputs: { deps: { required: true } } },
    });
    sim.model.addCache(REPO, { key: KEY, ref: 'refs/heads/main' });
    sim.model.addCache(REPO, { key: 'Linux-pip-77aa01', ref: 'refs/heads/main' });
    const failing = { conclusion: 'failure' as const, log: cachedNetworkLog(KEY) };
    runId = sim.model.addRun(REPO, {
      workflow: 'ci.yml',
      name: 'CI',
      jobs: [
        { name: 'install', ...failing },
        { name: 'lint', conclusion: 'success', log: passingLog('npm run lint') },
      ],
    }).id;
    // Every rerun fails the same transient way.
    sim.model.onRerun((run) =>
      sim.model.finishAttempt(run.id, { conclusion: 'failure', jobs: { install: failing } }),
    );
    inputs = {
      'run-id': String(runId),
      heal: 'true',
      escalate: 'issue',
      'rerun-delay': '0',
      'fallback-workflow': 'ci-minimal.yml',
      'fallback-inputs': 'deps: minimal',
    };
  });
  afterAll(() => sim.close());

  const step = async () => {
    sim.clearRequests();
    const result = await analyse(sim, node, inputs);
    expect(result.exitCode).toBe(0);
    return { result, writes: writes(sim).map((r) => `${r.method} ${r.route}`) };
  };

  test('attempt 1: rerun the failed jobs', async () => {
    const { result, writes } = await step();
    expect(result.outputs).toMatchObject({ recovery: 'rerun', rerun: 'true' });
    expect(writes).toEqual(['POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs']);
    expect(sim.model.getRun(runId).attempts).toHaveLength(2);
  });

  test('attempt 2: delete the cache the log restored, then rerun', async () => {
    const { result, writes } = await step();
    expect(result.outputs).toMatchObject({ recovery: 'rerun-clean-cache', rerun: 'true' });
    expect(writes).toEqual([
      'DELETE /repos/{owner}/{repo}/actions/caches',
      'POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs',
    ]);
    expect(sim.requests.find((r) => r.method === 'DELETE')?.query.key).toBe(KEY);
    expect(sim.model.caches.caches.map((c) => c.key)).toEqual(['Linux-pip-77aa01']);
    expect(report(result).taken['deleted-caches']).toEqual([KEY]);
    expect(sim.model.getRun(runId).attempts).toHaveLength(3);
  });

  test('attempt 3: dispatch the fallback workflow with its inputs (and only once)', async () => {
    const { result, writes } = await step();
    expect(result.outputs).toMatchObject({ recovery: 'fallback', rerun: 'false' });
    expect(writes).toEqual(['POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches']);
    expect(sim.requests.find((r) => r.method === 'POST')?.body).toEqual({
      ref: 'main',
      inputs: { deps: 'minimal' },
    });
    expect(result.summary).toMatch(/fallback/);

    const again = await step();
    expect(again.writes).toEqual([]);
    expect(report(again.result).taken.notes.join('\n')).toContain('already dispatched');
  });

  test('attempt 4 (a rerun by hand): the ladder is climbed, escalate to one issue', async () => {
    sim.model.actions.rerun(sim.model.getRun(runId), { failedOnly: true });
    const { result, writes } = await step();
    expect(result.outputs).toMatchObject({ recovery: 'escalate', rerun: 'false', verdict: 'transient' });
    expect(writes.filter((w) => w.startsWith('POST /repos/{owner}/{repo}/issues'))).toHaveLength(1);
    expect(issuesOf(sim)).toHaveLength(1);
    expect(report(result).ladder).toMatchObject({ attempt: 4, step: 'escalate' });
  });
});
