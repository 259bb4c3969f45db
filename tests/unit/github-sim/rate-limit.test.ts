import { afterEach, describe, expect, test } from '@jest/globals';
import { type GitHubSim, startGitHubSim } from '@qeml/github-sim';
import { ManualClock, simClient } from './client';
import { contractCheck } from './contract';

const onApiResponse = contractCheck();

describe('github-sim rate limits', () => {
  let sim: GitHubSim | undefined;
  afterEach(() => sim?.close());

  test('every response carries x-ratelimit headers counting down from the budget', async () => {
    const clock = new ManualClock();
    sim = await startGitHubSim({ onApiResponse, clock, rateLimit: { limit: 10, resetAfterSeconds: 60 } });
    sim.model.addRepo('o', 'r');
    const octokit = simClient(sim);
    const first = await octokit.rest.repos.get({ owner: 'o', repo: 'r' });
    const second = await octokit.rest.repos.get({ owner: 'o', repo: 'r' });
    expect(first.headers['x-ratelimit-limit']).toBe('10');
    expect(first.headers['x-ratelimit-remaining']).toBe('9');
    expect(second.headers['x-ratelimit-remaining']).toBe('8');
    expect(second.headers['x-ratelimit-used']).toBe('2');
    expect(second.headers['x-ratelimit-resource']).toBe('core');
    expect(Number(second.headers['x-ratelimit-reset'])).toBe(Math.ceil((clock.ms + 60_000) / 1000));
    // GET /rate_limit is free, as on GitHub.
    const { data } = await octokit.rest.rateLimit.get();
    expect(data.resources.core.remaining).toBe(8);
    expect(data.rate.remaining).toBe(8);
  });

  test('primary limit: 403 with remaining 0 and a reset; the throttling plugin waits and recovers after reset', async () => {
    const clock = new ManualClock();
    sim = await startGitHubSim({ onApiResponse, clock, rateLimit: { limit: 2, resetAfterSeconds: 60 } });
    sim.model.addRepo('o', 'r');
    const waits: number[] = [];
    const octokit = simClient(sim, {
      onRateLimit: (retryAfter, _options, _octokit, retryCount) => {
        waits.push(retryAfter);
        clock.advance(61_000); // the reset passes while the plugin "waits"
        return retryCount < 1;
      },
    });
    await octokit.rest.repos.get({ owner: 'o', repo: 'r' });
    await octokit.rest.repos.get({ owner: 'o', repo: 'r' });
    const recovered = await octokit.rest.repos.get({ owner: 'o', repo: 'r' });
    expect(recovered.status).toBe(200);
    expect(recovered.headers['x-ratelimit-remaining']).toBe('1');
    expect(waits).toHaveLength(1);
    const refused = sim.requests.find((r) => r.status === 403);
    expect(refused?.route).toBe('/repos/{owner}/{repo}');
  });

  test('primary limit surfaces as an error when the client does not retry, and setRateLimit restores it', async () => {
    sim = await startGitHubSim({ onApiResponse, clock: new ManualClock() });
    sim.model.addRepo('o', 'r');
    sim.setRateLimit({ remaining: 0 });
    const octokit = simClient(sim);
    const error = await octokit.rest.repos.get({ owner: 'o', repo: 'r' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 403,
      response: { headers: expect.objectContaining({ 'x-ratelimit-remaining': '0' }) },
    });
    expect((error as Error).message).toMatch(/API rate limit exceeded/);
    sim.setRateLimit({ remaining: 100 });
    expect((await octokit.rest.repos.get({ owner: 'o', repo: 'r' })).headers['x-ratelimit-remaining']).toBe(
      '99',
    );
  });

  test('secondary limit: 403 with retry-after and the secondary-rate-limit message; the plugin retries after it', async () => {
    const clock = new ManualClock();
    sim = await startGitHubSim({
      onApiResponse,
      clock,
      secondaryLimit: { maxRequests: 2, perSeconds: 10, retryAfterSeconds: 1 },
    });
    sim.model.addRepo('o', 'r');
    const retryAfters: number[] = [];
    const octokit = simClient(sim, {
      onSecondaryRateLimit: (retryAfter) => {
        retryAfters.push(retryAfter);
        clock.advance(10_000);
        return true;
      },
    });
    await octokit.rest.repos.get({ owner: 'o', repo: 'r' });
    await octokit.rest.repos.get({ owner: 'o', repo: 'r' });
    expect((await octokit.rest.repos.get({ owner: 'o', repo: 'r' })).status).toBe(200);
    expect(retryAfters).toEqual([1]);
    expect(sim.requests.map((r) => r.status)).toEqual([200, 200, 403, 200]);

    const strict = simClient(sim);
    clock.advance(0);
    await strict.rest.repos.get({ owner: 'o', repo: 'r' });
    const error = await strict.rest.repos.get({ owner: 'o', repo: 'r' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 403,
      response: { headers: expect.objectContaining({ 'retry-after': '1' }) },
    });
    expect((error as Error).message).toMatch(/secondary rate limit.*#about-secondary-rate-limits/);
  });
});

// docs.github.com "Rate limits for the REST API": a GITHUB_TOKEN gets 1,000 requests per hour per
// repository; exceeding the primary limit answers 403 or 429.
describe('github-sim GITHUB_TOKEN budgets and 429 refusals', () => {
  let sim: GitHubSim | undefined;
  afterEach(() => sim?.close());

  test('a ghs_ token spends 1000 requests an hour per repository; other tokens the core 5000', async () => {
    sim = await startGitHubSim({ onApiResponse, clock: new ManualClock() });
    sim.model.addRepo('o', 'r');
    sim.model.addRepo('o', 'other');
    const actionsToken = simClient(sim);
    const first = await actionsToken.rest.repos.get({ owner: 'o', repo: 'r' });
    expect(first.headers).toMatchObject({ 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '999' });
    // Another repository has its own budget.
    const other = await actionsToken.rest.repos.get({ owner: 'o', repo: 'other' });
    expect(other.headers['x-ratelimit-remaining']).toBe('999');
    const personal = await fetch(`${sim.url}/repos/o/r`, {
      headers: { authorization: 'token ghp_personal' },
    });
    expect(personal.headers.get('x-ratelimit-limit')).toBe('5000');
  });

  test('refusalStatus 429: the primary refusal answers 429 with the rate-limit headers', async () => {
    sim = await startGitHubSim({
      onApiResponse,
      clock: new ManualClock(),
      rateLimit: { refusalStatus: 429 },
    });
    sim.model.addRepo('o', 'r');
    sim.setRateLimit({ remaining: 0 });
    const error = await simClient(sim)
      .rest.repos.get({ owner: 'o', repo: 'r' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 429,
      response: { headers: expect.objectContaining({ 'x-ratelimit-remaining': '0' }) },
    });
  });
});
