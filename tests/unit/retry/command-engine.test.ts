/** The engine running real shell commands (fast ones): outputs, env carry-over, patterns, timeouts, cancel. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, test } from '@jest/globals';
import { readRetryConfig, runRetry } from '@qeml/retry';
import { alive, killLeftovers, stubbornTree, waitForLines } from '../../support/processes';
import { tempDirForFile } from '../../support/temp';
import { retryDeps } from './helpers';

const temp = tempDirForFile('retry-engine-');

async function retry(inputs: Record<string, string>, signal?: AbortSignal) {
  const config = await readRetryConfig((name) => inputs[name]);
  const run = retryDeps(temp, { signal });
  const result = await runRetry(config, run.deps);
  return { result, stdout: run.stdout(), stderr: run.stderr(), clock: run.clock, logger: run.logger };
}

describe('retrying a command', () => {
  test('fails twice then succeeds: only attempt 3 outputs survive; on-retry env reaches later attempts', async () => {
    const { result, stdout } = await retry({
      run: [
        'echo "attempt=$RETRY_ATTEMPT" >> "$GITHUB_OUTPUT"',
        'echo "only-$RETRY_ATTEMPT=yes" >> "$GITHUB_OUTPUT"',
        'echo "ATTEMPT_ENV=$RETRY_ATTEMPT" >> "$GITHUB_ENV"',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell default, not a template
        'echo "seen CLEANED=${CLEANED:-unset}"',
        'test "$RETRY_ATTEMPT" -ge 3',
      ].join('\n'),
      'on-retry':
        'echo "CLEANED=before-$RETRY_ATTEMPT after $RETRY_EXIT_CODE ($RETRY_REASON)" >> "$GITHUB_ENV"',
      'max-attempts': '5',
      delay: '0',
    });
    expect(result.outcome).toBe('success');
    expect(result.attempts).toHaveLength(3);
    expect(result.exitCode).toBe(0);
    expect(result.successful?.files.GITHUB_OUTPUT).toBe('attempt=3\nonly-3=yes\n');
    expect(result.successful?.files.GITHUB_ENV).toBe('ATTEMPT_ENV=3\n');
    expect(stdout).toContain('seen CLEANED=unset');
    expect(stdout).toContain('seen CLEANED=before-2 after 1 (exit code 1)');
    expect(stdout).toContain('seen CLEANED=before-3 after 1 (exit code 1)');
  });

  test('logs a group per attempt and per on-retry, and a warning per failed attempt', async () => {
    const { logger } = await retry({
      run: 'test "$RETRY_ATTEMPT" -ge 2',
      'on-retry': 'true',
      'max-attempts': '3',
      delay: '0',
    });
    expect(logger.messages('group')).toEqual([
      'Attempt 1 of 3',
      'on-retry before attempt 2',
      'Attempt 2 of 3',
    ]);
    expect(logger.calls.filter((call) => call.level === 'warning')).toEqual([
      {
        level: 'warning',
        message: 'Attempt 1 of 3 failed: exit code 1',
        properties: { title: 'Retry: attempt failed' },
      },
    ]);
  });

  test('directories on-retry adds to $GITHUB_PATH are on PATH for later attempts', async () => {
    const bin = path.join(temp, 'fixed-tools');
    await mkdir(bin, { recursive: true });
    await writeFile(path.join(bin, 'healthy-tool'), '#!/bin/sh\necho tool ran\n', { mode: 0o755 });
    const { result, stdout } = await retry({
      run: 'healthy-tool',
      'on-retry': `echo "${bin}" >> "$GITHUB_PATH"`,
      delay: '0',
    });
    expect(result.attempts).toHaveLength(2);
    expect(result.outcome).toBe('success');
    expect(stdout).toContain('tool ran');
  });

  test('a command ended by a signal reports it; a failing on-retry only warns, in the same directory', async () => {
    const killed = await retry({ run: 'kill -9 $$', 'max-attempts': '1' });
    expect(killed.result.exitCode).toBe(137);
    expect(killed.result.attempts[0]?.reason).toBe('killed by SIGKILL');

    const { result, stdout } = await retry({
      run: 'test "$RETRY_ATTEMPT" = 2',
      'on-retry': 'echo "cleanup in $(pwd)"; exit 3',
      delay: '0',
    });
    expect(result.outcome).toBe('success');
    expect(result.attempts).toHaveLength(2);
    expect(stdout).toContain(`cleanup in ${temp}`);
  });

  test('the default shell is bash with -e and pipefail', async () => {
    const pipefail = await retry({ run: 'false | true\necho not-reached', 'max-attempts': '1' });
    expect(pipefail.result.outcome).toBe('failure');
    expect(pipefail.stdout).not.toContain('not-reached');
    const errexit = await retry({ run: 'false\necho not-reached', 'max-attempts': '1' });
    expect(errexit.result.exitCode).toBe(1);
    expect(errexit.stdout).not.toContain('not-reached');
  });

  test('multi-line scripts keep their inner whitespace', async () => {
    const { stdout } = await retry({ run: 'cat <<EOF\n  indented\n\ttabbed\nEOF\n', 'max-attempts': '1' });
    expect(stdout).toBe('  indented\n\ttabbed\n');
  });

  test('sh, python, node and a custom template run the script', async () => {
    expect((await retry({ run: 'echo "from sh"', shell: 'sh' })).stdout).toBe('from sh\n');
    expect((await retry({ run: 'print("from python")', shell: 'python' })).stdout).toBe('from python\n');
    expect((await retry({ run: 'console.log("from node")', shell: 'node' })).stdout).toBe('from node\n');
    expect(
      (await retry({ run: 'echo "$0" | grep -q "\\.sh$" && echo custom', shell: 'bash -e {0}' })).stdout,
    ).toBe('custom\n');
  });

  test('working-directory is where the command runs (relative to the workspace)', async () => {
    await mkdir(path.join(temp, 'sub dir'), { recursive: true });
    const { stdout } = await retry({ run: 'pwd', 'working-directory': 'sub dir' });
    expect(stdout.trim()).toBe(path.join(temp, 'sub dir'));
    await expect(retry({ run: 'pwd', 'working-directory': 'missing' })).rejects.toThrow(/working-directory/);
  });

  test('stop-on-output makes a failure final; retry-on-output retries only on a match', async () => {
    const stopped = await retry({
      run: 'echo "fatal: Permission denied"; exit 1',
      'stop-on-output': 'Permission denied',
      delay: '0',
    });
    expect(stopped.result.attempts).toHaveLength(1);
    expect(stopped.result.reason).toBe('output matched stop-on-output /Permission denied/');

    const transient = await retry({
      run: 'echo "curl: ECONNRESET" >&2; exit 1',
      'retry-on-output': 'ECONNRESET',
      delay: '0',
    });
    expect(transient.result.attempts).toHaveLength(3);
    expect(transient.stderr).toContain('curl: ECONNRESET');

    const other = await retry({
      run: 'echo "404 Not Found"; exit 1',
      'retry-on-output': 'ECONNRESET',
      delay: '0',
    });
    expect(other.result.attempts).toHaveLength(1);
  });

  test('patterns match within the first 64 Ki characters of a huge line, and never beyond', async () => {
    const huge = await retry({
      run: 'printf "TOKEN-HEAD"; head -c 3000000 /dev/zero | tr "\\0" "x"; printf "TAIL-MARK\\n"; exit 1',
      'retry-on-output': 'TOKEN-HEAD',
      'stop-on-output': 'TAIL-MARK',
      delay: '0',
      'max-attempts': '2',
    });
    expect(huge.result.attempts).toHaveLength(2);
    expect(huge.stdout.length).toBe(2 * (3_000_000 + 'TOKEN-HEADTAIL-MARK\n'.length));
  });

  test('total-timeout kills the whole tree (TERM-proof members too) and no further attempt starts', async () => {
    const tree = await stubbornTree(temp, 'total-timeout');
    let pids: number[] = [];
    try {
      const { result } = await retry({ run: tree.run, 'total-timeout': '1s', 'kill-grace': '500ms' });
      pids = await tree.started();
      expect(result.outcome).toBe('timeout');
      expect(result.attempts).toHaveLength(1);
      expect(result.reason).toBe('total-timeout of 1s reached');
      expect(pids.filter(alive)).toEqual([]);
    } finally {
      killLeftovers(pids);
    }
  });

  test('cancelling kills the running attempt and ends with outcome cancelled', async () => {
    const tree = await stubbornTree(temp, 'cancel');
    const controller = new AbortController();
    const running = retry({ run: tree.run, 'kill-grace': '300ms' }, controller.signal);
    const pids = await tree.started();
    try {
      controller.abort();
      const { result } = await running;
      expect(result.outcome).toBe('cancelled');
      expect(result.attempts).toHaveLength(1);
      expect(pids.filter(alive)).toEqual([]);
    } finally {
      killLeftovers(pids);
    }
  });

  test('a slow runner stdout slows the command down instead of buffering its output', async () => {
    let received = 0;
    let mostBuffered = 0;
    const slowStdout = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        mostBuffered = Math.max(mostBuffered, slowStdout.writableLength);
        setTimeout(done, 1);
      },
    });
    const config = await readRetryConfig((name) => ({ run: 'head -c 8000000 /dev/zero' })[name]);
    const result = await runRetry(config, retryDeps(temp, { stdout: slowStdout }).deps);
    expect(result.outcome).toBe('success');
    // Every byte, plus the line break that ends the unterminated last line before the group closes.
    expect(received).toBe(8_000_001);
    // Without backpressure nearly all 8 MB would wait in the sink's buffer.
    expect(mostBuffered).toBeLessThan(1024 * 1024);
  });

  test('a background child that keeps writing after the command exits does not hold the attempt open', async () => {
    const pidFile = path.join(temp, 'chatty-pids');
    await writeFile(pidFile, '');
    let pids: number[] = [];
    try {
      const { result, stdout } = await retry({
        run: `(while :; do echo tick; sleep 0.05; done) &\necho $! >> "${pidFile}"\necho started`,
        'max-attempts': '1',
      });
      pids = await waitForLines(pidFile, 1);
      expect(result.outcome).toBe('success');
      expect(stdout).toContain('started');
    } finally {
      killLeftovers(pids);
    }
  });

  test('a custom shell whose program does not exist is an error naming the shell input', async () => {
    await expect(retry({ run: 'x', shell: 'no-such-interpreter-qeml {0}' })).rejects.toThrow(
      /Input 'shell': 'no-such-interpreter-qeml' was not found/,
    );
  });
});
