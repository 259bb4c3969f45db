import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { type CacheLibrary, createJsonCache } from '@qeml/action-kit/cache';
import { withTempDir } from '../../support/temp';

/** An in-memory stand-in for @actions/cache: keys map to the file content saved under a path list. */
function memoryCache(available = true) {
  const entries: Array<{ key: string; paths: string[]; content: string }> = [];
  let base = '';
  const library: CacheLibrary = {
    isFeatureAvailable: () => available,
    async saveCache(paths, key) {
      const content = await readFile(path.resolve(base, paths[0] ?? ''), 'utf8');
      entries.push({ key, paths, content });
      return entries.length;
    },
    async restoreCache(paths, primaryKey, restoreKeys = []) {
      const match =
        entries.find((e) => e.key === primaryKey) ??
        [...entries].reverse().find((e) => restoreKeys.some((prefix) => e.key.startsWith(prefix)));
      if (!match || match.paths.join() !== paths.join()) return undefined;
      const file = path.resolve(base, paths[0] ?? '');
      await mkdir(path.dirname(file), { recursive: true }); // as tar does when it extracts
      await writeFile(file, match.content);
      return match.key;
    },
  };
  return { library, entries, setBase: (dir: string) => (base = dir) };
}

describe('createJsonCache', () => {
  test('saves a value and restores the newest entry by prefix, leaving no file behind', async () => {
    await withTempDir(async (dir) => {
      const fake = memoryCache();
      fake.setBase(dir);
      const cache = createJsonCache({ name: 'baseline', dir }, async () => fake.library);
      expect(await cache.save('qeml-baseline-1', { coverage: 71 })).toEqual({ saved: true });
      expect(await cache.save('qeml-baseline-2', { coverage: 74 })).toEqual({ saved: true });
      expect(await cache.restore('qeml-baseline-')).toEqual({
        found: true,
        key: 'qeml-baseline-2',
        value: { coverage: 74 },
      });
      expect(existsSync(path.join(dir, '.qeml-cache'))).toBe(false);
    });
  });

  test('a miss, an unavailable service, a library failure and a huge entry are reasons, never throws', async () => {
    await withTempDir(async (dir) => {
      const fake = memoryCache();
      fake.setBase(dir);
      const cache = createJsonCache({ name: 'x', dir, maxBytes: 10 }, async () => fake.library);
      expect(await cache.restore('none-')).toEqual({
        found: false,
        reason: 'no cache entry starts with none-',
        miss: true,
      });
      await cache.save('big-1', 'a'.repeat(100));
      expect(await cache.restore('big-')).toMatchObject({
        found: false,
        reason: expect.stringContaining('over the 10-byte limit'),
      });

      const off = createJsonCache({ name: 'x', dir }, async () => memoryCache(false).library);
      expect(await off.save('k', 1)).toMatchObject({
        saved: false,
        reason: expect.stringContaining('not available'),
      });
      expect(await off.restore('k')).toMatchObject({
        found: false,
        reason: expect.stringContaining('not available'),
      });

      const missing = createJsonCache({ name: 'x', dir }, async () => {
        throw new Error('Cannot find module');
      });
      expect(await missing.save('k', 1)).toMatchObject({
        saved: false,
        reason: expect.stringContaining('Cannot find module'),
      });

      const failing = createJsonCache({ name: 'x', dir }, async () => ({
        isFeatureAvailable: () => true,
        saveCache: async () => -1,
        restoreCache: async () => {
          throw new Error('tar exited with 2');
        },
      }));
      expect(await failing.save('k', 1)).toMatchObject({ saved: false });
      expect(await failing.restore('k')).toMatchObject({
        found: false,
        reason: expect.stringContaining('tar exited'),
      });
      expect(existsSync(path.join(dir, '.qeml-cache'))).toBe(false);
    });
  });

  test('a service failure the library only logs is told apart from a miss', async () => {
    await withTempDir(async (dir) => {
      const written: string[] = [];
      const stdout = { write: (chunk: string) => written.push(chunk) > 0 } as unknown as NodeJS.WriteStream;
      const cache = createJsonCache({ name: 'x', dir, stdout }, async () => ({
        isFeatureAvailable: () => true,
        saveCache: async () => 1,
        restoreCache: async () => {
          // What @actions/cache does when the service answers 500: a warning, then "no entry".
          stdout.write('::warning::Failed to restore: Cache service responded with 500\n');
          return undefined;
        },
      }));
      expect(await cache.restore('k-')).toEqual({
        found: false,
        reason: 'the cache service failed: Failed to restore: Cache service responded with 500',
        miss: false,
      });
      expect(written).toEqual(['::warning::Failed to restore: Cache service responded with 500\n']);
      expect(await cache.restore('k-')).toMatchObject({ miss: false });
    });
  });

  test('rejects a name that is not a plain file name', () => {
    expect(() => createJsonCache({ name: '../escape' })).toThrow(/cache name/);
  });
});
