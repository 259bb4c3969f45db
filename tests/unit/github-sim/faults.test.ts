import { afterEach, describe, expect, test } from '@jest/globals';
import { type GitHubSim, mulberry32, startGitHubSim } from '@qeml/github-sim';
import { simClient } from './client';
import { contractCheck } from './contract';

const onApiResponse = contractCheck({ testRoutes: ['/repos/{owner}/{repo}/custom'] });

const JOB_LOGS = '/repos/{owner}/{repo}/actions/jobs/{job_id}/logs';

describe('github-sim fault injection', () => {
  let sim: GitHubSim | undefined;
  afterEach(() => sim?.close());

  async function start(options = {}) {
    sim = await startGitHubSim({ onApiResponse, ...options });
    sim.model.addRepo('o', 'r');
    return sim;
  }

  test('two injected 502s are recovered by plugin-retry on the third request', async () => {
    const s = await start();
    s.faults.add({ route: '/repos/{owner}/{repo}', status: 502, times: 2 });
    const response = await simClient(s).rest.repos.get({ owner: 'o', repo: 'r' });
    expect(response.status).toBe(200);
    expect(s.requests.map((r) => r.status)).toEqual([502, 502, 200]);
    expect(s.requests[0]?.fault).toBe('fault-1');
    expect(s.faults.list()).toHaveLength(0);
  });

  test('persistent 502s exhaust the retries and surface the error', async () => {
    const s = await start();
    s.faults.add({ method: 'GET', route: /^\/repos\/o\/r$/, status: 502, body: { message: 'Server Error' } });
    const error = await simClient(s, { retries: 2 })
      .rest.repos.get({ owner: 'o', repo: 'r' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502 });
    expect(s.requests).toHaveLength(3);
  });

  test('a dropped connection is retried, and surfaces as an error when it persists', async () => {
    const s = await start();
    const id = s.faults.add({ route: '/repos/{owner}/{repo}', drop: true, times: 1 });
    expect((await simClient(s).rest.repos.get({ owner: 'o', repo: 'r' })).status).toBe(200);
    expect(s.requests.map((r) => [r.status, r.fault])).toEqual([
      [0, id],
      [200, undefined],
    ]);
    s.faults.add({ route: '/repos/{owner}/{repo}', drop: true });
    await expect(
      simClient(s, { retries: 1 }).rest.repos.get({ owner: 'o', repo: 'r' }),
    ).rejects.toMatchObject({ status: 500 });
  });

  test('faults can target the log route and the blob it redirects to', async () => {
    const s = await start();
    const { jobIds } = s.model.addRun('o/r', { jobs: [{ name: 'build', log: 'hello\n' }] });
    s.faults.add({ route: JOB_LOGS, status: 503, times: 1 });
    s.faults.add({ route: '/_blobs/{token}', status: 500, times: 1 });
    const octokit = simClient(s);
    const { data } = await octokit.rest.actions.downloadJobLogsForWorkflowRun({
      owner: 'o',
      repo: 'r',
      job_id: jobIds[0] as number,
    });
    expect(data).toBe('hello\n');
    expect(s.requests.map((r) => `${r.route} ${r.status}`)).toEqual([
      `${JOB_LOGS} 503`,
      `${JOB_LOGS} 302`,
      '/_blobs/{token} 500',
      `${JOB_LOGS} 302`,
      '/_blobs/{token} 200',
    ]);
  });

  test('latency delays the answer without changing it', async () => {
    const s = await start();
    s.faults.add({ route: '/repos/{owner}/{repo}', latencyMs: 30, times: 1 });
    const started = performance.now();
    expect((await simClient(s).rest.repos.get({ owner: 'o', repo: 'r' })).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(s.requests[0]?.fault).toBe('fault-1');
  });

  test('probabilistic faults follow the seed, so a run repeats exactly', async () => {
    const outcomes = async (seed: number) => {
      const s = await start({ seed });
      s.faults.add({ route: '/repos/{owner}/{repo}', status: 500, probability: 0.5 });
      for (let i = 0; i < 12; i += 1) await fetch(`${s.url}/repos/o/r`);
      const statuses = s.requests.map((r) => r.status);
      await s.close();
      sim = undefined;
      return statuses;
    };
    const first = await outcomes(42);
    expect(await outcomes(42)).toEqual(first);
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(mulberry32(7)()).toBe(mulberry32(7)());
    await start().then((s) =>
      expect(() => s.faults.add({ route: '/x', probability: 2 })).toThrow(/probability/),
    );
  });

  test('unknown routes answer GitHub 404 JSON; requireToken answers 401 without a valid token', async () => {
    const s = await start({ requireToken: 'ghs_test' });
    const missing = await simClient(s)
      .request('GET /repos/{owner}/{repo}/nothing-here', { owner: 'o', repo: 'r' })
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({
      status: 404,
      response: { data: { message: 'Not Found', documentation_url: expect.any(String) } },
    });
    const anonymous = await fetch(`${s.url}/repos/o/r`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ message: 'Bad credentials' });
    expect(s.requests.at(-1)?.hasAuthorization).toBe(false);
  });

  test('later routes extend the sim', async () => {
    const s = await start();
    s.route('GET', '/repos/{owner}/{repo}/custom', (ctx) => ctx.paginate([1, 2, 3], 'things'));
    const { data } = await simClient(s).request('GET /repos/{owner}/{repo}/custom', {
      owner: 'o',
      repo: 'r',
    });
    expect(data).toEqual({ total_count: 3, things: [1, 2, 3] });
  });
});
