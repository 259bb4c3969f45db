/**
 * One issue per failure fingerprint: a second identical failure updates it (count, last seen,
 * links), two analyses at once still leave one open issue, and a later green run of the workflow
 * on that branch comments that it recovered (and closes it when asked).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { parseMarker } from '@qeml/action-kit/github';
import type { GitHubSim } from '@qeml/github-sim';
import { passingLog, testFailureLog } from '../../fixtures/failure-analysis/logs';
import { bundleNodes } from '../../support/node';
import { addRun, analyse, issuesOf, matrixJobs, REPO, startRepoSim } from './helpers';

const failing = () => matrixJobs(4, { 'test (py3.11)': testFailureLog() });
const openIssues = (sim: GitHubSim) => issuesOf(sim).filter((issue) => issue.state === 'open');
const state = (body: string | null) => parseMarker(body)?.state as { occurrences: number; runs: string[] };

describe.each(bundleNodes())('escalation under $label', ({ path: node }) => {
  let sim: GitHubSim;
  beforeAll(async () => {
    sim = await startRepoSim();
  });
  afterAll(() => sim.close());
  const escalate = (runId: number, extra: Record<string, string> = {}) =>
    analyse(sim, node, {
      'run-id': String(runId),
      escalate: 'issue',
      'issue-labels': 'ci, triage',
      ...extra,
    });

  test('a second identical failure updates the issue instead of opening another', async () => {
    const first = await escalate(addRun(sim, failing()).id);
    expect(first.outputs['issue-number']).toBe('1');
    const second = await escalate(addRun(sim, failing()).id);
    expect(second.outputs['issue-number']).toBe('1');

    expect(issuesOf(sim)).toHaveLength(1);
    const [issue] = issuesOf(sim);
    expect(issue?.labels).toEqual(expect.arrayContaining(['failure-analysis', 'ci', 'triage']));
    expect(state(issue?.body ?? null).occurrences).toBe(2);
    expect(issue?.body).toContain('Seen **2** times');
    expect(issue?.body).toContain('assert 500 == 201');
  });

  test('two analyses of a new failure at once leave one open issue', async () => {
    const run = addRun(
      sim,
      matrixJobs(3, {
        'build (docs)': testFailureLog().replace(/assert 500 == 201/g, "assert 'draft' == 'published'"),
      }),
      { branch: 'main' },
    );
    const before = issuesOf(sim).length;
    const [a, b] = await Promise.all([escalate(run.id), escalate(run.id)]);
    expect(a.exitCode).toBe(0);
    expect(b.exitCode).toBe(0);
    expect(a.outputs['issue-number']).toBe(b.outputs['issue-number']);
    const mine = openIssues(sim).filter((issue) => issue.number === Number(a.outputs['issue-number']));
    expect(mine).toHaveLength(1);
    // Any duplicate opened in the race is closed as such.
    const created = issuesOf(sim).slice(before);
    expect(created.filter((issue) => issue.state === 'open')).toHaveLength(1);
    expect(state(mine[0]?.body ?? null).occurrences).toBe(1);
  });

  test('a later green run of the workflow on that branch comments "recovered" and closes when asked', async () => {
    const green = addRun(
      sim,
      matrixJobs(4, {}).map((job) => ({ ...job, log: passingLog() })),
    );
    const step = await escalate(green.id, { 'close-on-recovery': 'true' });
    expect(step.exitCode).toBe(0);
    expect(step.outputs).toMatchObject({ verdict: 'success', recovery: 'none' });
    const comments = sim.model.issues.comments;
    expect(comments.some((c) => c.body.includes('Recovered') && c.body.includes(String(green.id)))).toBe(
      true,
    );
    expect(openIssues(sim)).toHaveLength(0);
    expect(issuesOf(sim).find((issue) => issue.number === 1)?.stateReason).toBe('completed');
  });

  test('a green run on another branch leaves the issue alone', async () => {
    await escalate(addRun(sim, failing()).id);
    expect(openIssues(sim)).toHaveLength(1); // reopened
    sim.model.addBranch(REPO, 'feature');
    const green = addRun(sim, matrixJobs(2, {}), { branch: 'feature' });
    const commentsBefore = sim.model.issues.comments.length;
    await escalate(green.id, { 'close-on-recovery': 'true' });
    expect(sim.model.issues.comments).toHaveLength(commentsBefore);
    expect(openIssues(sim)).toHaveLength(1);
  });
});
