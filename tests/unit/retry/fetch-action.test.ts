/** fetch-action.ts: `owner/repo[/path]@ref`, safe tarball extraction, folders under RUNNER_TEMP/_actions. */
import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { extractInside, parseRemoteUses, resolveAction } from '@qeml/retry';
import * as tar from 'tar';
import { withTempDir } from '../../support/temp';

describe('remote actions', () => {
  test('owner/repo[/path]@ref is parsed', () => {
    expect(parseRemoteUses('octo/tools/setup/node@v2')).toEqual({
      owner: 'octo',
      repo: 'tools',
      subPath: 'setup/node',
      ref: 'v2',
    });
    expect(parseRemoteUses('octo/tools@main')).toEqual({
      owner: 'octo',
      repo: 'tools',
      subPath: '',
      ref: 'main',
    });
    expect(parseRemoteUses('./local')).toBeUndefined();
  });

  test('extraction strips the top directory and refuses entries or symlinks leaving the directory', async () => {
    await withTempDir(async (work) => {
      const src = path.join(work, 'src');
      await mkdir(path.join(src, 'octo-tools-abc123'), { recursive: true });
      await writeFile(path.join(src, 'octo-tools-abc123', 'action.yml'), 'name: x\n');
      await tar.c({ gzip: true, file: path.join(work, 'good.tgz'), cwd: src }, ['octo-tools-abc123']);
      const good = await mkdtemp(path.join(work, 'out-'));
      await extractInside(path.join(work, 'good.tgz'), good);
      expect(await readFile(path.join(good, 'action.yml'), 'utf8')).toBe('name: x\n');

      await symlink('/etc/passwd', path.join(src, 'octo-tools-abc123', 'escape'));
      await tar.c({ gzip: true, file: path.join(work, 'bad.tgz'), cwd: src }, ['octo-tools-abc123']);
      const bad = await mkdtemp(path.join(work, 'out-'));
      await expect(extractInside(path.join(work, 'bad.tgz'), bad)).rejects.toThrow(
        /leave its directory: .*escape/,
      );
      expect(await readdir(bad)).not.toContain('escape');
    });
  });
});

describe('remote action folders', () => {
  test('a repo or ref of dots cannot climb out of RUNNER_TEMP/_actions/owner', async () => {
    await withTempDir(async (work) => {
      const src = path.join(work, 'src');
      await mkdir(path.join(src, 'octo-x-abc', 'tool'), { recursive: true });
      await writeFile(
        path.join(src, 'octo-x-abc', 'tool', 'action.yml'),
        'name: t\nruns:\n  using: node24\n  main: i.js\n',
      );
      await tar.c({ gzip: true, file: path.join(work, 'a.tgz'), cwd: src }, ['octo-x-abc']);
      const tempDir = path.join(work, 'temp');
      const directory = await resolveAction('octo/../tool@..', {
        workspace: work,
        tempDir,
        download: async () => readFile(path.join(work, 'a.tgz')),
      });
      expect(directory).toBe(path.join(tempDir, '_actions', 'octo', '__', '__', 'tool'));
    });
  });
});
