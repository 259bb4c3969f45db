import { describe, expect, test } from '@jest/globals';
import { simWithRepo } from './client';

const MINUTE = 60_000;

describe('github-sim conditional requests and runs with a past re-run history', () => {
  const gh = simWithRepo();
  const { repo } = gh;

  test('a GET answer carries an ETag; If-None-Match with it answers 304, free of the rate limit', async () => {
    gh.sim.model.addRun('o/r', { name: 'CI', jobs: [{ name: 'build' }] });
    const first = await gh.octokit.rest.actions.listWorkflowRunsForRepo(repo);
    const etag = first.headers.etag ?? '';
    expect(etag).toMatch(/^W\/"[0-9a-f]{40}"$/);
    const remaining = Number(first.headers['x-ratelimit-remaining']);
    const again = await gh.octokit.rest.actions
      .listWorkflowRunsForRepo({ ...repo, headers: { 'if-none-match': etag } })
      .catch((error: { status: number; response: { headers: Record<string, string> } }) => error);
    expect(again).toMatchObject({ status: 304 });
    const headers = (again as { response: { headers: Record<string, string> } }).response.headers;
    expect(headers.etag).toBe(etag);
    expect(Number(headers['x-ratelimit-remaining'])).toBe(remaining);
    // Something changed: a new ETag and the full answer.
    gh.sim.model.addRun('o/r', { name: 'CI', jobs: [{ name: 'build' }] });
    const changed = await gh.octokit.rest.actions.listWorkflowRunsForRepo({
      ...repo,
      headers: { 'if-none-match': etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  test('addRun takes attempt 1 times and past re-runs, each attempt rendered with its own times', async () => {
    const created = Date.UTC(2026, 10, 2, 9, 0);
    const run = gh.sim.model.addRun('o/r', {
      name: 'History',
      createdAt: created,
      startedAt: created + MINUTE,
      completedAt: created + 11 * MINUTE,
      jobs: [{ name: 'test', conclusion: 'failure' }],
      reruns: [
        { startedAt: created + 20 * MINUTE, completedAt: created + 30 * MINUTE, jobs: [{ name: 'test' }] },
      ],
    });
    const { data: latest } = await gh.octokit.rest.actions.getWorkflowRun({ ...repo, run_id: run.id });
    expect(latest).toMatchObject({
      run_attempt: 2,
      conclusion: 'success',
      created_at: '2026-11-02T09:00:00Z',
      run_started_at: '2026-11-02T09:20:00Z',
      updated_at: '2026-11-02T09:30:00Z',
    });
    const { data: first } = await gh.octokit.rest.actions.getWorkflowRunAttempt({
      ...repo,
      run_id: run.id,
      attempt_number: 1,
    });
    expect(first).toMatchObject({
      run_attempt: 1,
      conclusion: 'failure',
      run_started_at: '2026-11-02T09:01:00Z',
      updated_at: '2026-11-02T09:11:00Z',
    });
    const { data: jobs } = await gh.octokit.rest.actions.listJobsForWorkflowRun({
      ...repo,
      run_id: run.id,
      filter: 'all',
    });
    expect(jobs.jobs.map((j) => [j.run_attempt, j.conclusion, j.completed_at])).toEqual([
      [1, 'failure', '2026-11-02T09:11:00Z'],
      [2, 'success', '2026-11-02T09:30:00Z'],
    ]);
  });
});
