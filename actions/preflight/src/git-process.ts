/** The real git runner: `git` as a child process in one directory. */
import { execFile } from 'node:child_process';
import type { GitRunner } from './git';

export function createGitRunner(cwd: string, env?: NodeJS.ProcessEnv): GitRunner {
  return (args) =>
    new Promise((resolve) => {
      execFile(
        'git',
        args,
        { cwd, env, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 128) : 0;
          resolve({ exitCode: code, stdout, stderr });
        },
      );
    });
}
