// createJsonCache with the real @actions/cache against github-sim's cache service, both protocols.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from '@jest/globals';
import { repoRoot } from '../../support/paths';
import { withTempDir } from '../../support/temp';
import { simWithRepo } from '../github-sim/client';

const run = promisify(execFile);
const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
const child = path.join(repoRoot, 'tests', 'unit', 'action-kit', 'fixtures', 'json-cache-child.ts');

async function inChild(args: string[], env: Record<string, string>, dir: string): Promise<unknown> {
  const { stdout } = await run(tsx, [child, ...args], {
    cwd: dir,
    // tsx keeps a cache in the temp dir: give it this test's folder, which is removed afterwards.
    env: {
      PATH: process.env.PATH ?? '',
      GITHUB_WORKSPACE: dir,
      RUNNER_TEMP: dir,
      TMPDIR: dir,
      RUNNER_OS: 'Linux',
      ...env,
    },
  });
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`no result:\n${stdout}`);
  return JSON.parse(line.slice('RESULT '.length));
}

const fixture = simWithRepo();

describe.each(['v2', 'v1'] as const)('createJsonCache through the %s cache service', (version) => {
  test('a value saved on one run is restored by prefix on another, the newest first', async () => {
    const env = fixture.sim.cacheEnv('o/r', { version });
    await withTempDir(async (first) => {
      expect(await inChild(['save', `${version}-base-1`, '{"coverage":71}'], env, first)).toEqual({
        saved: true,
      });
      expect(await inChild(['save', `${version}-base-2`, '{"coverage":74.5}'], env, first)).toEqual({
        saved: true,
      });
    });
    await withTempDir(async (second) => {
      expect(await inChild(['restore', `${version}-base-`], env, second)).toEqual({
        found: true,
        key: `${version}-base-2`,
        value: { coverage: 74.5 },
      });
    });
  });

  test('without a cache service it says so instead of failing', async () => {
    await withTempDir(async (dir) => {
      expect(await inChild(['restore', 'x-'], {}, dir)).toMatchObject({
        found: false,
        reason: expect.stringContaining('not available'),
      });
    });
  });
});
