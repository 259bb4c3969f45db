import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { makeTempDir, removeTempDir } from '../../support/temp';
import { runCacheLibrary, TWIRP } from './cache-library';
import { simWithRepo } from './client';

// The real @actions/cache (v6) against the simulated cache service: v2 is the twirp service of
// github.com runners (ACTIONS_RESULTS_URL + signed blob URLs), v1 the GHES REST service
// (ACTIONS_CACHE_URL). Matching rules: docs.github.com "Caching dependencies", "Matching a cache key".

describe('github-sim cache service behind the real @actions/cache', () => {
  const gh = simWithRepo();
  let root: string;
  const dirs = { workspace: '', temp: '' };

  beforeAll(async () => {
    root = await makeTempDir('qeml-cache-');
    dirs.workspace = join(root, 'work');
    dirs.temp = join(root, 'temp');
    await mkdir(dirs.temp, { recursive: true });
  });
  afterAll(async () => {
    await removeTempDir(root);
  });

  async function writeDeps(content: string): Promise<void> {
    await rm(join(dirs.workspace, 'deps'), { recursive: true, force: true });
    await mkdir(join(dirs.workspace, 'deps', 'nested'), { recursive: true });
    await writeFile(join(dirs.workspace, 'deps', 'nested', 'lib.txt'), content);
  }

  const readDeps = () => readFile(join(dirs.workspace, 'deps', 'nested', 'lib.txt'), 'utf8');

  describe.each(['v2', 'v1'] as const)('service %s', (version) => {
    test('saveCache then restoreCache round-trips a directory; the cache shows in the REST API', async () => {
      const env = gh.sim.cacheEnv('o/r', { version });
      await writeDeps(`numpy ${version}`);
      const saved = await runCacheLibrary('save', { paths: ['deps'], key: `deps-${version}-abc` }, env, dirs);
      expect(saved.error).toBeUndefined();
      expect(typeof saved.value).toBe('number');
      expect(saved.value).toBeGreaterThan(0);

      await rm(join(dirs.workspace, 'deps'), { recursive: true });
      const restored = await runCacheLibrary(
        'restore',
        { paths: ['deps'], key: `deps-${version}-abc` },
        env,
        dirs,
      );
      expect(restored.value).toBe(`deps-${version}-abc`);
      expect(await readDeps()).toBe(`numpy ${version}`);

      const { data } = await gh.octokit.rest.actions.getActionsCacheList({
        owner: 'o',
        repo: 'r',
        key: `deps-${version}`,
      });
      expect(data.actions_caches).toEqual([
        expect.objectContaining({ id: saved.value, key: `deps-${version}-abc`, ref: 'refs/heads/main' }),
      ]);
      expect(data.actions_caches[0]?.size_in_bytes).toBeGreaterThan(0);
      // The blob host never saw the runtime token.
      expect(
        gh.sim.requests.filter((r) => r.route === '/simstorage/{container}/{blob}' && r.hasAuthorization),
      ).toEqual([]);
    });

    test('a restore key matches by prefix, newest first; a miss returns undefined', async () => {
      const env = gh.sim.cacheEnv('o/r', { version });
      await writeDeps('old');
      await runCacheLibrary('save', { paths: ['deps'], key: `pip-${version}-1` }, env, dirs);
      await writeDeps('new');
      await runCacheLibrary('save', { paths: ['deps'], key: `pip-${version}-2` }, env, dirs);
      await rm(join(dirs.workspace, 'deps'), { recursive: true });

      const restored = await runCacheLibrary(
        'restore',
        { paths: ['deps'], key: `pip-${version}-missing`, restoreKeys: [`pip-${version}-`] },
        env,
        dirs,
      );
      expect(restored.value).toBe(`pip-${version}-2`);
      expect(await readDeps()).toBe('new');

      const miss = await runCacheLibrary('restore', { paths: ['deps'], key: 'nothing-like-it' }, env, dirs);
      expect(miss.value).toBeNull();
      // Another path list is another version: no hit even for the same key.
      const otherVersion = await runCacheLibrary(
        'restore',
        { paths: ['other'], key: `pip-${version}-2` },
        env,
        dirs,
      );
      expect(otherVersion.value).toBeNull();
    });

    test('saving an existing key is refused: saveCache returns -1 and logs, without throwing', async () => {
      const env = gh.sim.cacheEnv('o/r', { version });
      await writeDeps('same');
      const first = await runCacheLibrary('save', { paths: ['deps'], key: `dup-${version}` }, env, dirs);
      expect(first.value).toBeGreaterThan(0);
      const second = await runCacheLibrary('save', { paths: ['deps'], key: `dup-${version}` }, env, dirs);
      expect(second).toMatchObject({ value: -1 });
      expect(second.output).toMatch(/Failed to save: Unable to reserve cache with key dup-/);
    });

    test('a feature branch restores from the default branch but saves into its own scope', async () => {
      const main = gh.sim.cacheEnv('o/r', { version });
      const feature = gh.sim.cacheEnv('o/r', { version, ref: 'refs/heads/feature' });
      await writeDeps('from main');
      await runCacheLibrary('save', { paths: ['deps'], key: `scoped-${version}` }, main, dirs);
      expect(
        (await runCacheLibrary('restore', { paths: ['deps'], key: `scoped-${version}` }, feature, dirs))
          .value,
      ).toBe(`scoped-${version}`);
      await writeDeps('from feature');
      const saved = await runCacheLibrary(
        'save',
        { paths: ['deps'], key: `feature-only-${version}` },
        feature,
        dirs,
      );
      expect(saved.value).toBeGreaterThan(0);
      expect(
        (await runCacheLibrary('restore', { paths: ['deps'], key: `feature-only-${version}` }, main, dirs))
          .value,
      ).toBeNull();
    });
  });

  test('v2: a service error makes restoreCache return undefined and saveCache -1 (logged, not thrown)', async () => {
    const env = gh.sim.cacheEnv('o/r', { version: 'v2' });
    await writeDeps('x');
    // 501: a 5xx the library does not retry (500/502/503/504 are retried after 3 s+ waits).
    gh.sim.faults.add({
      route: `${TWIRP}/GetCacheEntryDownloadURL`,
      status: 501,
      body: { code: 'unimplemented', msg: 'down' },
      times: 1,
    });
    const restored = await runCacheLibrary('restore', { paths: ['deps'], key: 'deps-v2-abc' }, env, dirs);
    expect(restored.value).toBeNull();
    expect(restored.output).toMatch(
      /Failed to restore: Failed to GetCacheEntryDownloadURL: Received non-retryable error: Failed request: \(501\)/,
    );

    gh.sim.faults.add({
      route: `${TWIRP}/CreateCacheEntry`,
      status: 501,
      body: { code: 'unimplemented', msg: 'down' },
      times: 1,
    });
    const saved = await runCacheLibrary('save', { paths: ['deps'], key: 'fault-v2' }, env, dirs);
    expect(saved.value).toBe(-1);
    expect(saved.output).toMatch(/Failed to save: Unable to reserve cache with key fault-v2/);
  });

  test('v1: a 500 from the service makes restoreCache return undefined and saveCache -1', async () => {
    const env = gh.sim.cacheEnv('o/r', { version: 'v1' });
    await writeDeps('x');
    gh.sim.faults.add({ method: 'GET', route: '/_apis/artifactcache/cache', status: 500, times: 1 });
    const restored = await runCacheLibrary('restore', { paths: ['deps'], key: 'deps-v1-abc' }, env, dirs);
    expect(restored.value).toBeNull();
    expect(restored.output).toMatch(
      /::warning::Failed to restore: getCacheEntry failed: Cache service responded with 500/,
    );

    gh.sim.faults.add({ method: 'POST', route: '/_apis/artifactcache/caches', status: 500, times: 1 });
    const saved = await runCacheLibrary('save', { paths: ['deps'], key: 'fault-v1' }, env, dirs);
    expect(saved.value).toBe(-1);
  });

  test('v2: when the blob host refuses the upload, saveCache returns -1 and nothing is listed', async () => {
    const env = gh.sim.cacheEnv('o/r', { version: 'v2' });
    await writeDeps('refused');
    gh.sim.faults.add({
      method: 'PUT',
      route: '/simstorage/{container}/{blob}',
      status: 403,
      body: '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>no</Message></Error>',
      headers: { 'content-type': 'application/xml', 'x-ms-error-code': 'AuthenticationFailed' },
      times: 1,
    });
    const saved = await runCacheLibrary('save', { paths: ['deps'], key: 'refused-v2' }, env, dirs);
    expect(saved.value).toBe(-1);
    expect(saved.output).toMatch(/Failed to save/);
    const { data } = await gh.octokit.rest.actions.getActionsCacheList({
      owner: 'o',
      repo: 'r',
      key: 'refused-v2',
    });
    expect(data.total_count).toBe(0);
  });

  test('the cache service refuses requests without a runtime token (twirp 401)', async () => {
    const response = await fetch(`${gh.sim.cacheUrl}${TWIRP}/GetCacheEntryDownloadURL`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'k', version: 'v' }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: 'unauthenticated', msg: 'invalid token' });
  });
});
