/**
 * What gets analysed: the run of the `workflow_run` event (not the analysing run itself), nothing
 * when the event's attempt is already superseded, local log files without any API call, and a test
 * that failed then passed on the same commit recorded as flaky with its run links.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { GitHubSim } from '@qeml/github-sim';
import { networkLog, passingLog, testFailureLog } from '../../fixtures/failure-analysis/logs';
import { bundleNodes } from '../../support/node';
import { makeTempDir, removeTempDir, writeFiles } from '../../support/temp';
import { addRun, analyse, matrixJobs, REPO, report, startRepoSim, writes } from './helpers';

const workflowRunEvent = (id: number, attempt: number, conclusion: string) => ({
  action: 'completed',
  workflow_run: { id, run_attempt: attempt, conclusion, repository: { full_name: REPO } },
  repository: { full_name: REPO },
});

describe.each(bundleNodes())('what failure-analysis analyses, under $label', ({ label, path: node }) => {
  let sim: GitHubSim;
  let work: string;
  beforeAll(async () => {
    sim = await startRepoSim();
    work = await makeTempDir('fa-sources-');
  });
  afterAll(async () => {
    await sim.close();
    await removeTempDir(work);
  });

  test('workflow_run: the triggering run is analysed, not the run the step belongs to', async () => {
    const failed = addRun(sim, matrixJobs(5, { 'install (a)': networkLog() }));
    const own = sim.model.addRun(REPO, { name: 'Failure analysis', status: 'in_progress', jobs: [] });
    sim.clearRequests();
    const step = await analyse(
      sim,
      node,
      { heal: 'true' },
      { eventName: 'workflow_run', event: workflowRunEvent(failed.id, 1, 'failure'), runId: own.id },
    );
    expect(step.exitCode).toBe(0);
    expect(report(step).run.id).toBe(failed.id);
    expect(step.outputs).toMatchObject({ verdict: 'transient', recovery: 'rerun', rerun: 'true' });
    expect(sim.requests.some((r) => r.path.includes(`/runs/${own.id}`))).toBe(false);
  });

  test('workflow_run for an attempt that has a newer one already: nothing is done twice', async () => {
    const failed = addRun(sim, matrixJobs(3, { 'install (a)': networkLog() }));
    sim.model.actions.rerun(sim.model.getRun(failed.id), { failedOnly: true }); // attempt 2, queued
    sim.clearRequests();
    const step = await analyse(
      sim,
      node,
      { heal: 'true', escalate: 'issue' },
      { eventName: 'workflow_run', event: workflowRunEvent(failed.id, 1, 'failure') },
    );
    expect(step.exitCode).toBe(0);
    expect(step.outputs).toMatchObject({ verdict: 'skipped', recovery: 'none', rerun: 'false' });
    expect(report(step).taken.notes.join()).toMatch(/attempt 2 of the run exists already/);
    expect(writes(sim)).toEqual([]);
  });

  test('log-files: local logs analysed with the same model and no API call', async () => {
    await writeFiles(work, {
      [`logs-${label}/install.log`]: networkLog(),
      [`logs-${label}/test.log`]: testFailureLog(),
      [`logs-${label}/notes.txt`]: 'not a log',
    });
    sim.clearRequests();
    const step = await analyse(sim, node, { 'log-files': `logs-${label}/*.log` }, { workspace: work });
    expect(step.exitCode).toBe(0);
    expect(sim.requests).toEqual([]);
    expect(step.outputs).toMatchObject({ verdict: 'deterministic', recovery: 'escalate', rerun: 'false' });
    const model = report(step);
    expect(model.logs.map((log: { file: string; verdict: string }) => [log.file, log.verdict])).toEqual([
      [`logs-${label}/install.log`, 'transient'],
      [`logs-${label}/test.log`, 'deterministic'],
    ]);
    expect(model.logs[1].findings[0]).toMatchObject({
      pattern: expect.any(String),
      excerpt: expect.stringContaining('assert 500 == 201'),
    });
  });

  test('a test that failed then passed on the same commit is recorded as flaky with its run links', async () => {
    const run = addRun(sim, [
      { name: 'lint', conclusion: 'success', log: passingLog('npm run lint') },
      { name: 'test (py3.11)', conclusion: 'failure', log: testFailureLog() },
    ]);
    sim.model.actions.rerun(sim.model.getRun(run.id), { failedOnly: true });
    sim.model.finishAttempt(run.id, {
      conclusion: 'success',
      jobs: { 'test (py3.11)': { conclusion: 'success', log: passingLog() } },
    });
    const step = await analyse(
      sim,
      node,
      {},
      { eventName: 'workflow_run', event: workflowRunEvent(run.id, 2, 'success') },
    );
    expect(step.exitCode).toBe(0);
    expect(step.outputs).toMatchObject({ verdict: 'success', recovery: 'quarantine' });
    const flaky = report(step).flaky;
    expect(flaky).toEqual([
      expect.objectContaining({
        test: 'test_create_user',
        job: 'test (py3.11)',
        failedUrl: expect.stringContaining(`/runs/${run.id}/job/`),
        passedUrl: expect.stringContaining(`/runs/${run.id}/job/`),
      }),
    ]);
    expect(step.summary).toContain('Flaky tests');
    expect(step.summary).toContain('test_create_user');
  });
  test('a later green run on the same commit: the tests the earlier failed run named are flaky', async () => {
    const sha = `${label === 'node20' ? 'a' : 'b'}`.repeat(40);
    const failing = sim.model.addRun(REPO, {
      workflow: 'ci.yml',
      name: 'CI',
      headSha: sha,
      jobs: [{ name: 'unit', conclusion: 'failure', log: testFailureLog() }],
    });
    const green = sim.model.addRun(REPO, {
      workflow: 'ci.yml',
      name: 'CI',
      headSha: sha,
      jobs: [{ name: 'unit', conclusion: 'success', log: passingLog() }],
    });
    const step = await analyse(sim, node, { 'run-id': String(green.id) });
    expect(step.outputs).toMatchObject({ verdict: 'success', recovery: 'quarantine' });
    expect(report(step).flaky).toEqual([
      expect.objectContaining({
        test: 'test_create_user',
        job: 'unit',
        failedUrl: expect.stringContaining(`/runs/${failing.id}/job/`),
        passedUrl: expect.stringContaining(`/runs/${green.id}/job/`),
      }),
    ]);
  });
});
