import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** How a committed tree differs from a fresh one, by relative path (forward slashes). */
export interface TreeDiff {
  /** In the fresh build, not committed. */
  missing: string[];
  /** Committed, not produced by the build. */
  extra: string[];
  /** In both, with different bytes. */
  differing: string[];
}

export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

export async function diffTrees(expectedDir: string, actualDir: string): Promise<TreeDiff> {
  const [expected, actual] = await Promise.all([listFiles(expectedDir), listFiles(actualDir)]);
  const actualSet = new Set(actual);
  const expectedSet = new Set(expected);
  const differing: string[] = [];
  for (const file of expected.filter((f) => actualSet.has(f))) {
    const [a, b] = await Promise.all([readFile(join(expectedDir, file)), readFile(join(actualDir, file))]);
    if (!a.equals(b)) differing.push(file);
  }
  return {
    missing: expected.filter((f) => !actualSet.has(f)),
    extra: actual.filter((f) => !expectedSet.has(f)),
    differing,
  };
}

export function isSame(diff: TreeDiff): boolean {
  return diff.missing.length + diff.extra.length + diff.differing.length === 0;
}
