// Runs an action's committed bundle exactly as the runner would: actions/<name>/action.yml points
// runs.main at dist/<name>/index.js, and local-runner executes it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type RunOptions, runLocalAction, type StepResult } from '@qeml/local-runner';
import { actionDir, distDir } from './paths';

export type BundleRunOptions = Omit<RunOptions, 'action'>;

/** `runLocalAction` on actions/<name> (its action.yml and the bundle in dist/<name>/). */
export function runBundle(name: string, options: BundleRunOptions = {}): Promise<StepResult> {
  return runLocalAction({ ...options, action: actionDir(name) });
}

/** True once `pnpm build` has produced dist/<name>/index.js. */
export function bundleExists(name: string): boolean {
  return existsSync(join(distDir(name), 'index.js'));
}
