/**
 * Where the retry action keeps attempt scripts, their file-command files and fetched actions:
 * RUNNER_TEMP, which the runner gives each job for itself. Without it (an older runner, a terminal)
 * a private folder of our own (0700, removed afterwards) instead of the shared temp dir, where
 * another user could read what we write or plant what we would trust.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export async function withStepTempDir<T>(
  runnerTemp: string | undefined,
  body: (dir: string) => Promise<T>,
): Promise<T> {
  if (runnerTemp) return body(runnerTemp);
  const dir = await mkdtemp(path.join(tmpdir(), 'qeml-retry-'));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
