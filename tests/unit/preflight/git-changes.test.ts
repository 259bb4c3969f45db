// Changed files from git on real temporary repositories: push (incl. renames and deletions), first
// push, force push, a shallow clone deepened until the push's `before` is found, merge queues.

import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { type RunEvent, runPreflight } from '@qeml/preflight';
import { withTempDir } from '../../support/temp';
import { changesOnly, TestRepo, testDeps, ZERO } from './helpers';

const push = (before: string, after: string, extra: Record<string, unknown> = {}): RunEvent => ({
  name: 'push',
  sha: after,
  payload: { before, after, repository: { default_branch: 'main' }, ...extra },
});

async function changed(dir: string, event: RunEvent) {
  const result = await runPreflight(changesOnly(), { kind: 'event', event }, testDeps(dir));
  return result.changes;
}

describe('changed files of a push', () => {
  test('before..after lists renames (with the old path) and deletions', async () => {
    await withTempDir(async (dir) => {
      const repo = TestRepo.init(dir);
      const before = repo.commit({ 'src/a.py': 'a = 1\n'.repeat(20), 'src/b.py': 'b\n', 'docs/x.md': 'x\n' });
      repo.git('mv', 'src/a.py', 'src/renamed.py');
      const after = repo.commit({ 'src/b.py': null, 'src/new.py': 'n\n' });
      const changes = await changed(dir, push(before, after));
      expect(changes.full).toBe(false);
      expect(changes.files).toEqual([
        { path: 'src/b.py', status: 'removed' },
        { path: 'src/new.py', status: 'added' },
        { path: 'src/renamed.py', status: 'renamed', previous: 'src/a.py' },
      ]);
    });
  });

  test('a first push (zero before) compares with the merge-base of the default branch', async () => {
    await withTempDir(async (dir) => {
      const repo = TestRepo.init(dir);
      repo.commit({ 'README.md': 'r\n' });
      repo.git('checkout', '-q', '-b', 'feature');
      repo.commit({ 'src/one.py': '1\n' });
      const after = repo.commit({ 'src/two.py': '2\n' });
      repo.git('checkout', '-q', 'main');
      repo.commit({ 'main-only.txt': 'later on main\n' });
      const changes = await changed(dir, push(ZERO, after, { created: true }));
      expect(changes.files.map((f) => f.path)).toEqual(['src/one.py', 'src/two.py']);
      expect(changes.how).toMatch(/^first push/);
    });
  });

  test('a force push (before not an ancestor) takes the branch from its merge-base with the default branch', async () => {
    await withTempDir(async (dir) => {
      const repo = TestRepo.init(dir);
      repo.commit({ 'README.md': 'r\n' });
      repo.git('checkout', '-q', '-b', 'feature');
      repo.commit({ 'src/kept.py': 'k\n' });
      const before = repo.commit({ 'src/dropped.py': 'd\n' });
      repo.git('reset', '-q', '--hard', 'HEAD~1');
      const after = repo.commit({ 'src/rewritten.py': 'r\n' });
      const changes = await changed(dir, push(before, after, { forced: true }));
      expect(changes.files.map((f) => f.path)).toEqual(['src/kept.py', 'src/rewritten.py']);
      expect(changes.how).toMatch(/^force push/);
    });
  });

  test('a force push of the default branch itself diffs before and after, never an empty change', async () => {
    await withTempDir(async (dir) => {
      const repo = TestRepo.init(dir);
      repo.commit({ 'README.md': 'r\n' });
      const before = repo.commit({ 'src/dropped.py': 'd\n' });
      repo.git('reset', '-q', '--hard', 'HEAD~1');
      const after = repo.commit({ 'src/rewritten.py': 'r\n' });
      const result = await runPreflight(
        changesOnly(),
        { kind: 'event', event: push(before, after, { forced: true }) },
        testDeps(dir),
      );
      expect(result.changes.files.map((f) => f.path)).toEqual(['src/dropped.py', 'src/rewritten.py']);
      expect(result.shouldRun).toBe(true);
    });
  });

  test('a shallow clone (--depth 1) is deepened with git fetch --deepen until before is found', async () => {
    await withTempDir(async (root) => {
      const origin = TestRepo.init(join(root, 'origin'));
      for (let i = 0; i < 12; i += 1) origin.commit({ [`old/f${i}.txt`]: `${i}\n` });
      const before = origin.head();
      origin.commit({ 'src/p1.py': '1\n' });
      origin.commit({ 'src/p2.py': '2\n' });
      const after = origin.commit({ 'src/p3.py': '3\n', 'old/f0.txt': null });
      const clone = join(root, 'clone');
      new TestRepo(root).git('clone', '-q', '--depth', '1', `file://${origin.dir}`, clone);
      const deps = testDeps(clone);
      const real = deps.git;
      const commands: string[] = [];
      deps.git = (args) => {
        commands.push(args.join(' '));
        return real(args);
      };
      const result = await runPreflight(changesOnly(), { kind: 'event', event: push(before, after) }, deps);
      expect(result.changes.files.map((f) => f.path)).toEqual([
        'old/f0.txt',
        'src/p1.py',
        'src/p2.py',
        'src/p3.py',
      ]);
      // Two steps of --deepen (2, then 4 commits) reach `before`, 3 commits back; the clone stays shallow.
      expect(commands.filter((c) => c.startsWith('fetch'))).toEqual([
        `fetch --no-tags --deepen=2 origin ${after}`,
        `fetch --no-tags --deepen=4 origin ${after}`,
      ]);
      expect(new TestRepo(clone).git('rev-parse', '--is-shallow-repository')).toBe('true');
    });
  });

  test('a deleted branch needs no run', async () => {
    await withTempDir(async (dir) => {
      const repo = TestRepo.init(dir);
      const sha = repo.commit({ 'a.txt': 'a\n' });
      const result = await runPreflight(
        changesOnly(),
        { kind: 'event', event: push(sha, ZERO, { deleted: true }) },
        testDeps(dir),
      );
      expect(result.shouldRun).toBe(false);
    });
  });
});

describe('other events', () => {
  test('merge_group diffs base_sha...head_sha', async () => {
    await withTempDir(async (dir) => {
      const repo = TestRepo.init(dir);
      const base = repo.commit({ 'README.md': 'r\n' });
      const head = repo.commit({ 'src/queued.py': 'q\n' });
      const event: RunEvent = {
        name: 'merge_group',
        sha: head,
        payload: { merge_group: { base_sha: base, head_sha: head } },
      };
      expect((await changed(dir, event)).files.map((f) => f.path)).toEqual(['src/queued.py']);
    });
  });

  test.each(['workflow_dispatch', 'schedule'])('%s runs everything', async (name) => {
    await withTempDir(async (dir) => {
      const repo = TestRepo.init(dir);
      const sha = repo.commit({ 'a.txt': 'a\n' });
      const result = await runPreflight(
        changesOnly(),
        { kind: 'event', event: { name, sha, payload: {} } },
        testDeps(dir),
      );
      expect(result.changes.full).toBe(true);
      expect(result.shouldRun).toBe(true);
      expect(result.reason).toContain(name);
    });
  });

  test('a range (the CLI) diffs from the merge-base, like base...head', async () => {
    await withTempDir(async (dir) => {
      const repo = TestRepo.init(dir);
      repo.commit({ 'README.md': 'r\n' });
      repo.git('checkout', '-q', '-b', 'topic');
      repo.commit({ 'src/topic.py': 't\n' });
      repo.git('checkout', '-q', 'main');
      repo.commit({ 'src/main-later.py': 'm\n' });
      const result = await runPreflight(
        changesOnly(),
        { kind: 'range', base: 'main', head: 'topic' },
        testDeps(dir),
      );
      expect(result.changes.files.map((f) => f.path)).toEqual(['src/topic.py']);
    });
  });
});
