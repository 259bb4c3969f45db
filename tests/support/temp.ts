import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

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

/** Writes files given as { 'relative/path': content } under `dir`, creating folders. */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}
