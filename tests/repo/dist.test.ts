// Freshness of dist/ is `pnpm check:dist` (CI). Here: cheap properties every committed bundle keeps.

import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { buildTargets } from '../../scripts/lib/repo';
import { distDir, repoRoot } from '../support/paths';

const targets = buildTargets(repoRoot).map((t) => t.name);

describe.each(targets)('dist/%s', (name) => {
  test('is committed as an ES module bundle with licenses and a source map', async () => {
    for (const file of ['index.js', 'index.js.map', 'licenses.txt', 'package.json']) {
      expect(existsSync(join(distDir(name), file))).toBe(true);
    }
    expect(JSON.parse(await readFile(join(distDir(name), 'package.json'), 'utf8'))).toEqual({
      type: 'module',
    });
  });

  test('names its sources relative to the repository, never by an absolute path', async () => {
    const map = JSON.parse(await readFile(join(distDir(name), 'index.js.map'), 'utf8')) as {
      sources: string[];
    };
    expect(map.sources.filter((s) => !s.startsWith('../../'))).toEqual([]);
    const code = await readFile(join(distDir(name), 'index.js'), 'utf8');
    expect(code.includes(repoRoot)).toBe(false);
  });

  test('starts with no @actions code: @actions/core is the conformance oracle, @actions/cache a lazy chunk', async () => {
    // @actions/core's HTTP stack would more than double the cold start (docs/architecture.md). An
    // action that keeps values with @actions/cache imports it lazily, so it sits (with the
    // @actions/core it needs) in a chunk of its own that only a save or restore loads.
    const maps = (await readdir(distDir(name))).filter((file) => file.endsWith('.js.map'));
    let cacheChunks = 0;
    for (const file of maps) {
      const { sources } = JSON.parse(await readFile(join(distDir(name), file), 'utf8')) as {
        sources: string[];
      };
      const fromActions = sources.filter((source) => source.includes('/@actions/'));
      if (file === 'index.js.map' || fromActions.length === 0) {
        expect(fromActions).toEqual([]);
        continue;
      }
      cacheChunks += 1;
      expect(fromActions.some((source) => source.includes('/@actions/cache/'))).toBe(true);
    }
    if (cacheChunks === 0) {
      expect(await readFile(join(distDir(name), 'licenses.txt'), 'utf8')).not.toMatch(/@actions\/core/);
    }
  });
});

test('the qeml CLI bundle starts with a shebang', async () => {
  if (!targets.includes('cli')) return;
  expect((await readFile(join(distDir('cli'), 'index.js'), 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(
    true,
  );
});
