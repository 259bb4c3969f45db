// An action's tarball is untrusted input (security review of the retry action's `uses:` fetch).
import { chmod, lstat, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { extractInside, fetchRemoteAction, resolveAction } from '@qeml/retry';
import * as tar from 'tar';
import { withTempDir } from '../../support/temp';

const TOP = 'octo-tools-abc123';

/** Packs the folder `top` under `src` (as GitHub's tarball API does: one top directory). */
async function pack(work: string, name: string, entries: string[] = [TOP]): Promise<string> {
  const file = path.join(work, name);
  await tar.c({ gzip: true, file, cwd: path.join(work, 'src'), portable: false }, entries);
  return file;
}

async function source(
  work: string,
  files: Record<string, string> = { 'action.yml': 'name: x\n' },
): Promise<string> {
  const root = path.join(work, 'src', TOP);
  await mkdir(root, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
  return root;
}

describe('extracting an action archive', () => {
  test('strips the one top directory', async () => {
    await withTempDir(async (work) => {
      await source(work, { 'action.yml': 'name: x\n', 'dist/index.js': 'ok' });
      const out = path.join(work, 'out');
      await mkdir(out);
      await extractInside(await pack(work, 'good.tgz'), out);
      expect(await readFile(path.join(out, 'dist', 'index.js'), 'utf8')).toBe('ok');
    });
  });

  test('a link pointing outside is refused', async () => {
    await withTempDir(async (work) => {
      const root = await source(work);
      await symlink('/etc/passwd', path.join(root, 'escape'));
      const out = path.join(work, 'out');
      await mkdir(out);
      await expect(extractInside(await pack(work, 'bad.tgz'), out)).rejects.toThrow(
        /leave its directory.*escape/,
      );
    });
  });

  test('a chain of links that only resolves outside through another link is refused', async () => {
    await withTempDir(async (work) => {
      const root = await source(work);
      // Lexically `a/a/../../etc` stays inside; but `a` is the folder itself, so it climbs two levels up.
      await symlink('.', path.join(root, 'a'));
      await symlink('a/a/../../etc', path.join(root, 'etc'));
      const out = path.join(work, 'deep', 'out');
      await mkdir(out, { recursive: true });
      await mkdir(path.join(work, 'etc'));
      await expect(extractInside(await pack(work, 'chain.tgz'), out)).rejects.toThrow(
        /link that resolves outside its directory or nowhere: etc/,
      );
    });
  });

  test('a small archive that expands past the limit is stopped while it expands', async () => {
    await withTempDir(async (work) => {
      await source(work, { 'zeros.bin': '\0'.repeat(8 * 1024 * 1024) });
      const archive = await pack(work, 'bomb.tgz');
      expect((await stat(archive)).size).toBeLessThan(64 * 1024);
      const out = path.join(work, 'out');
      await mkdir(out);
      await expect(
        extractInside(archive, out, { limits: { maxExpandedBytes: 1024 * 1024 } }),
      ).rejects.toThrow(/expands to more than 1.0 MiB/);
    });
  });

  test('too many entries are refused', async () => {
    await withTempDir(async (work) => {
      const files = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`f${i}.txt`, 'x']));
      await source(work, files);
      const out = path.join(work, 'out');
      await mkdir(out);
      await expect(
        extractInside(await pack(work, 'many.tgz'), out, { limits: { maxEntries: 50 } }),
      ).rejects.toThrow(/more than 50 entries/);
    });
  });

  test('an archive over the download limit is refused before extraction', async () => {
    await withTempDir(async (work) => {
      await source(work);
      const out = path.join(work, 'out');
      await mkdir(out);
      await expect(
        extractInside(await pack(work, 'a.tgz'), out, { limits: { maxArchiveBytes: 10 } }),
      ).rejects.toThrow(/more than the 0.0 MiB allowed/);
    });
  });

  test('a second top directory is refused', async () => {
    await withTempDir(async (work) => {
      await source(work);
      await mkdir(path.join(work, 'src', 'other'));
      await writeFile(path.join(work, 'src', 'other', 'x'), 'x');
      const out = path.join(work, 'out');
      await mkdir(out);
      await expect(extractInside(await pack(work, 'two.tgz', [TOP, 'other']), out)).rejects.toThrow(
        /more than one top directory/,
      );
    });
  });

  test('setuid, setgid, sticky and group/world-write bits are dropped', async () => {
    await withTempDir(async (work) => {
      const root = await source(work, { 'tool.sh': '#!/bin/sh\n' });
      await chmod(path.join(root, 'tool.sh'), 0o6777);
      const out = path.join(work, 'out');
      await mkdir(out);
      await extractInside(await pack(work, 'suid.tgz'), out);
      expect((await lstat(path.join(out, 'tool.sh'))).mode & 0o7777).toBe(0o755);
    });
  });

  test('an abort (total-timeout, cancel) stops the extraction', async () => {
    await withTempDir(async (work) => {
      await source(work);
      const out = path.join(work, 'out');
      await mkdir(out);
      const abort = new AbortController();
      abort.abort(new Error('total-timeout reached'));
      await expect(extractInside(await pack(work, 'a.tgz'), out, { signal: abort.signal })).rejects.toThrow(
        /total-timeout reached/,
      );
    });
  });
});

describe('the per-run action cache', () => {
  const action = 'name: t\nruns:\n  using: node24\n  main: i.js\n';

  test('refs that differ only by / and _ get folders of their own, and dots never climb out', async () => {
    await withTempDir(async (work) => {
      await source(work, { 'action.yml': action });
      const archive = await pack(work, 'a.tgz');
      const download = async () => readFile(archive);
      const tempDir = path.join(work, 'temp');
      const a = await fetchRemoteAction(
        { owner: 'octo', repo: 'tools', subPath: '', ref: 'feature/x' },
        { workspace: work, tempDir, download },
      );
      const b = await fetchRemoteAction(
        { owner: 'octo', repo: 'tools', subPath: '', ref: 'feature_x' },
        { workspace: work, tempDir, download },
      );
      expect(a).not.toBe(b);
      const dots = await resolveAction('octo/..@..', { workspace: work, tempDir, download });
      expect(path.relative(path.join(tempDir, '_actions'), dots).startsWith('..')).toBe(false);
    });
  });

  test('the cache folder is private to the user, and a planted folder is not trusted', async () => {
    await withTempDir(async (work) => {
      await source(work, { 'action.yml': action });
      const archive = await pack(work, 'a.tgz');
      let downloads = 0;
      const download = async () => {
        downloads += 1;
        return readFile(archive);
      };
      const tempDir = path.join(work, 'temp');
      const remote = { owner: 'octo', repo: 'tools', subPath: '', ref: 'v1' };
      const dir = await fetchRemoteAction(remote, { workspace: work, tempDir, download });
      expect((await stat(path.join(tempDir, '_actions'))).mode & 0o077).toBe(0);
      await fetchRemoteAction(remote, { workspace: work, tempDir, download });
      expect(downloads).toBe(1); // reused within the run
      // Someone made the folder writable for all (as a planted copy in a shared temp dir would be).
      await chmod(dir, 0o777);
      await writeFile(path.join(dir, 'action.yml'), 'name: planted\n');
      await fetchRemoteAction(remote, { workspace: work, tempDir, download });
      expect(downloads).toBe(2);
      expect(await readFile(path.join(dir, 'action.yml'), 'utf8')).toBe(action);
      expect(await readdir(path.join(tempDir, '_actions'))).toEqual(['o-octo']);
    });
  });
});
