// Each Jest run gets a temp dir of its own as TMPDIR (also TMP/TEMP): test workers and every child
// process they start (bundles through local-runner, the CLI, shells) inherit it. The global teardown
// fails the run when anything is left in it, so a test or code path that leaks a temp dir is caught.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where global setup records the run's temp dir for the teardown (same process). */
export const RUN_TEMP_VARIABLE = 'QEML_TEST_RUN_TMPDIR';

/** Makes a fresh dir under the current temp dir and points TMPDIR/TMP/TEMP of `env` at it. */
export async function useFreshTempDir(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'qeml-jest-run-'));
  env[RUN_TEMP_VARIABLE] = dir;
  env.TMPDIR = dir;
  env.TMP = dir;
  env.TEMP = dir;
  return dir;
}

/** Removes the run's temp dir; throws, naming what was left, when it was not empty. */
export async function removeRunTempDir(dir: string): Promise<void> {
  const left = (await readdir(dir).catch(() => [] as string[])).sort();
  await rm(dir, { recursive: true, force: true });
  if (left.length > 0) {
    throw new Error(
      `Tests left ${left.length} entr${left.length === 1 ? 'y' : 'ies'} in the temp dir (${dir}): ` +
        `${left.slice(0, 20).join(', ')}${left.length > 20 ? ', ...' : ''}\n` +
        'Code that makes a temp dir must remove it, and tests must clean up (tests/support/temp.ts).',
    );
  }
}

/**
 * The small environment tests give child processes: PATH, HOME and the run's temp dir, so what a
 * child writes to its temp dir lands where the teardown checks it.
 */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { PATH, HOME, TMPDIR } = process.env;
  return { PATH, HOME, TMPDIR, ...extra };
}
