// `qeml run` and `qeml retry` under Ctrl-C: the step is cancelled (its processes stopped), the CLI
// does not exit leaving the action and its children running (peer-suite finding).
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { repoRoot } from '../../support/paths';
import { alive, waitForLines } from '../../support/processes';
import { withTempDir, writeFiles } from '../../support/temp';

const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
const cli = path.join(repoRoot, 'packages', 'cli', 'src', 'main.ts');

/** Starts the CLI, waits until the command under it wrote its pid, sends SIGINT, returns what happened. */
async function interrupt(args: string[], pidFile: string, cwd: string) {
  const child = spawn(tsx, [cli, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    // tsx keeps a cache in the temp dir: give it this test's folder, which is removed afterwards.
    env: { ...process.env, RUNNER_TEMP: cwd, TMPDIR: cwd },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await waitForLines(pidFile, 1);
  const pid = Number((await readFile(pidFile, 'utf8')).trim());
  child.kill('SIGINT');
  const code = await exited;
  return { code, pid, output };
}

describe('Ctrl-C cancels the step', () => {
  test('qeml run: the action process and its child are gone when the CLI exits', async () => {
    await withTempDir(async (dir) => {
      const pidFile = path.join(dir, 'pid');
      await writeFiles(dir, {
        'act/action.yml': 'name: slow\nruns:\n  using: node20\n  main: index.js\n',
        'act/index.js': `const { spawn } = require('node:child_process');
const c = spawn('sleep', ['60'], { stdio: 'ignore' });
require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(c.pid) + '\\n');
setInterval(() => {}, 1000);
`,
      });
      const { pid, output } = await interrupt(
        ['run', 'act', '--api-url', 'http://127.0.0.1:9'],
        pidFile,
        dir,
      );
      expect(alive(pid)).toBe(false);
      expect(output).toMatch(/cancel/i);
    });
  }, 30_000);

  test('qeml retry: the attempt is killed and no further attempt starts', async () => {
    await withTempDir(async (dir) => {
      const pidFile = path.join(dir, 'pid');
      const { code, pid, output } = await interrupt(
        [
          'retry',
          '--max-attempts',
          '5',
          '--delay',
          '0',
          '--kill-grace',
          '1s',
          '--',
          `sleep 60 & echo $! > ${pidFile}; wait`,
        ],
        pidFile,
        dir,
      );
      expect(alive(pid)).toBe(false);
      expect(code).not.toBe(0);
      expect(output).not.toContain('Attempt 2 of 5');
    });
  }, 30_000);
});
