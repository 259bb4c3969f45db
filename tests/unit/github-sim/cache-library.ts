import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The path prefix of the v2 (twirp) cache service. */
export const TWIRP = '/twirp/github.actions.results.api.v1.CacheService';

const script = fileURLToPath(new URL('./actions-cache-child.mjs', import.meta.url));
const run = promisify(execFile);

export interface CacheLibraryResult {
  /** saveCache's cache id (-1 when it gave up) or restoreCache's matched key (null for a miss). */
  value?: number | string | null;
  /** What the library threw, when it threw. */
  error?: { name: string; message: string };
  /** The library's own log (info, warnings as `::warning::`). */
  output: string;
}

/**
 * Runs the real `@actions/cache` in a child process with the given environment (from
 * `sim.cacheEnv`) plus a workspace and RUNNER_TEMP, so nothing leaks into the Jest process.
 */
export async function runCacheLibrary(
  operation: 'save' | 'restore',
  args: { paths: string[]; key: string; restoreKeys?: string[] },
  env: Record<string, string>,
  dirs: { workspace: string; temp: string },
): Promise<CacheLibraryResult> {
  const { stdout } = await run(process.execPath, [script, operation, JSON.stringify(args)], {
    cwd: dirs.workspace,
    env: {
      PATH: process.env.PATH ?? '',
      GITHUB_WORKSPACE: dirs.workspace,
      RUNNER_TEMP: dirs.temp,
      RUNNER_OS: 'Linux',
      ...env,
    },
  });
  const marker = stdout.lastIndexOf('RESULT ');
  if (marker < 0) throw new Error(`no result from the cache library:\n${stdout}`);
  const result = JSON.parse(stdout.slice(marker + 'RESULT '.length)) as Omit<CacheLibraryResult, 'output'>;
  return { ...result, output: stdout.slice(0, marker) };
}
