/** The fetch layer against github-sim: runs listed 100 a page, as many pages as the window or `runs` needs. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createGitHubClient, silentLogger } from '@qeml/action-kit';
import { type GitHubSim, startGitHubSim } from '@qeml/github-sim';
import { fetchHistory } from '../../../actions/pipeline-health/src/index';

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
const HOUR = 3_600_000;
let sim: GitHubSim;

beforeAll(async () => {
  sim = await startGitHubSim({ clock: { now: () => NOW } });
  sim.model.addRepo('o', 'r');
  // 150 green runs of CI, one an hour back from now, and one older than the 7-day window.
  for (let i = 150; i >= 1; i -= 1)
    sim.model.addRun('o/r', {
      name: 'CI',
      createdAt: NOW - i * HOUR,
      completedAt: NOW - i * HOUR + 60_000,
      jobs: [{ name: 'build' }],
    });
});
afterAll(() => sim.close());

const client = () => createGitHubClient({ token: 't', apiUrl: sim.url, env: {}, retryAfterBaseValue: 1 });
const deps = () => ({ client: client(), clock: { now: () => NOW }, logger: silentLogger });
const query = { owner: 'o', repo: 'r', branch: '', workflows: [] };
const runPages = () =>
  sim.requests
    .filter((r) => r.route === '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs')
    .map((r) => r.query.page);

describe('fetchHistory', () => {
  test('a window: every page of runs created in it, 100 a page', async () => {
    sim.clearRequests();
    const history = await fetchHistory({ ...query, span: { windowMs: 7 * 24 * HOUR } }, deps());
    expect(history.runs).toHaveLength(150);
    expect(runPages()).toEqual(['1', '2']);
    expect(history.api.byKind).toEqual({ repository: 1, workflows: 1, runs: 2, attempts: 0, jobs: 0 });
  });

  test('runs: N stops listing once it has N runs, and keeps the newest N', async () => {
    sim.clearRequests();
    const newest = await fetchHistory({ ...query, span: { runs: 30 } }, deps());
    expect(newest.runs).toHaveLength(30);
    expect(runPages()).toEqual(['1']);
    expect(Math.max(...newest.runs.map((r) => r.createdAt))).toBe(NOW - HOUR);
    expect(newest.window).toMatchObject({
      start: NOW - 30 * HOUR,
      end: NOW,
      label: 'last 30 runs of each workflow',
    });
  });

  test("past GitHub's 1,000 runs of a filtered list, it lists on below the oldest: every run of the window, once", async () => {
    const big = await startGitHubSim({ clock: { now: () => NOW } });
    try {
      big.model.addRepo('o', 'big');
      // 1,150 runs in the last 5 days, two of them in the same second at the cut.
      for (let i = 1150; i >= 1; i -= 1) {
        const at = NOW - i * 6 * 60_000 - (i === 151 ? 1000 : 0);
        big.model.addRun('o/big', {
          name: 'CI',
          createdAt: at,
          completedAt: at + 60_000,
          jobs: [{ name: 'b' }],
        });
      }
      const history = await fetchHistory(
        { ...query, repo: 'big', span: { windowMs: 7 * 24 * HOUR } },
        {
          ...deps(),
          client: createGitHubClient({ token: 't', apiUrl: big.url, env: {}, retryAfterBaseValue: 1 }),
        },
      );
      expect(history.runs).toHaveLength(1150);
      expect(new Set(history.runs.map((r) => r.id)).size).toBe(1150);
      const lists = big.requests.filter(
        (r) => r.route === '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
      );
      expect(lists.length).toBeLessThanOrEqual(13);
      const newest = await fetchHistory(
        { ...query, repo: 'big', span: { runs: 1100 } },
        {
          ...deps(),
          client: createGitHubClient({ token: 't', apiUrl: big.url, env: {}, retryAfterBaseValue: 1 }),
        },
      );
      expect(new Set(newest.runs.map((r) => r.id)).size).toBe(1100);
    } finally {
      await big.close();
    }
  });
});
