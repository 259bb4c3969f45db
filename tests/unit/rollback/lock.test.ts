/** The environment lock and the known-good search over the Deployments API (in-process github-sim). */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createGitHubClient } from '@qeml/action-kit';
import { type GitHubSim, startGitHubSim } from '@qeml/github-sim';
import { acquireEnvironment, DeploymentsApi, findKnownGood } from '@qeml/rollback';

let sim: GitHubSim;
let api: DeploymentsApi;
beforeAll(async () => {
  sim = await startGitHubSim();
  sim.model.addRepo('octo', 'lock');
  const github = createGitHubClient({
    token: 'ghs_lock_test_token_0123456789',
    apiUrl: sim.url,
    retryAfterBaseValue: 1,
    throttle: { minWriteIntervalMs: 0 },
  });
  api = new DeploymentsApi(github, 'octo', 'lock', 50);
});
afterAll(() => sim.close());

const create = (environment: string) =>
  api.create({
    ref: 'main',
    environment,
    description: 'test',
    task: 'deploy:rollback',
    marker: { version: 1, kind: 'rollback', ref: 'main' },
    production: false,
    transient: false,
    requiredContexts: [],
  });

describe('acquireEnvironment', () => {
  test('two runs that both created their deployment before listing: exactly the older one proceeds', async () => {
    const first = await create('race');
    const second = await create('race');
    const [a, b] = await Promise.all([
      acquireEnvironment(api, 'race', first, []),
      acquireEnvironment(api, 'race', second, []),
    ]);
    expect(a).toEqual({ acquired: true });
    expect(b).toMatchObject({ acquired: false, holder: { id: first.id } });
  });

  test('a finished older deployment does not hold the environment; an ignored one (the one replaced) neither', async () => {
    const old = await create('calm');
    await api.setStatus(old.id, 'success', 'done', {});
    const stuck = await create('calm');
    await api.setStatus(stuck.id, 'in_progress', 'hung', {});
    const ours = await create('calm');
    expect(await acquireEnvironment(api, 'calm', ours, [stuck.id])).toEqual({ acquired: true });
    expect(await acquireEnvironment(api, 'calm', ours, [])).toMatchObject({
      acquired: false,
      holder: { id: stuck.id },
    });
  });
});

describe('findKnownGood', () => {
  test('skips the SHA being replaced and anything that failed after succeeding', async () => {
    const good = await create('kg');
    await api.setStatus(good.id, 'success', 'verified', {});
    const later = await create('kg');
    await api.setStatus(later.id, 'success', 'verified', {});
    await api.setStatus(later.id, 'failure', 'went bad', {});
    const answer = await findKnownGood(api, 'kg', { excludeSha: 'f'.repeat(40) });
    expect(answer).toMatchObject({ found: true, deployment: { id: good.id } });
    expect(await findKnownGood(api, 'kg', { excludeSha: good.sha })).toMatchObject({ found: false });
  });
});
