// Temp dirs for tests. Jest's global setup gives each run its own TMPDIR and the global teardown fails
// the run if anything is left in it (tests/global-teardown.ts): every dir made here must be removed.
import { mkdtempSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from '@jest/globals';

/** A fresh directory under the OS temp dir; remove it with `removeTempDir`. */
export function makeTempDir(prefix = 'qeml-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export function removeTempDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/** Runs `body` with a fresh temp dir that is removed afterwards, whatever happens. */
export async function withTempDir<T>(body: (dir: string) => Promise<T>, prefix?: string): Promise<T> {
  const dir = await makeTempDir(prefix);
  try {
    return await body(dir);
  } finally {
    await removeTempDir(dir);
  }
}

const madeForThisFile: string[] = [];
// Registered when a test file imports this module, so it runs after that file's tests.
afterAll(async () => {
  await Promise.all(madeForThisFile.splice(0).map(removeTempDir));
});

/**
 * A fresh temp dir, made synchronously and removed after the current test file's tests: for helpers
 * that build fixtures without a scope to clean up in (prefer `withTempDir` when there is one).
 */
export function tempDirForFile(prefix = 'qeml-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  madeForThisFile.push(dir);
  return dir;
}

/** Writes files given as { 'relative/path': content } under `dir`, creating folders. */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}
