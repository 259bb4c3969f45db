/** The engine running real shell commands (fast ones): outputs, env carry-over, patterns, timeouts, cancel. */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { VirtualClock } from '@qeml/action-kit';
import { readRetryConfig, runRetry } from '@qeml/retry';

let temp: string;
beforeAll(async () => {
  temp = await mkdtemp(path.join(tmpdir(), 'retry-engine-'));
});
afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

function sink() {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function retry(inputs: Record<string, string>, signal?: AbortSignal) {
  const config = await readRetryConfig((name) => inputs[name]);
  const out = sink();
  const err = sink();
  const clock = new VirtualClock(Date.now());
  const result = await runRetry(config, {
    clock,
    signal,
    stdout: out.stream,
    stderr: err.stream,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    tempDir: temp,
    workspace: temp,
  });
  return { result, stdout: out.text(), stderr: err.text(), clock };
}

/** Alive = exists and is not a zombie (an exited child not yet reaped by its new parent). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

async function waitForLines(file: string, count: number): Promise<number[]> {
  for (let i = 0; i < 400; i++) {
    const pids = (await readFile(file, 'utf8').catch(() => '')).split('\n').filter(Boolean).map(Number);
    if (pids.length >= count) return pids;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${file} never got ${count} lines`);
}

// A tree whose members all ignore SIGTERM: two background children, one with a grandchild.
const STUBBORN_TREE = `
echo $$ >> "$PIDFILE"
bash -c 'trap "" TERM; echo $$ >> "$PIDFILE"; sleep 1000 & echo $! >> "$PIDFILE"; wait' &
bash -c 'trap "" TERM; echo $$ >> "$PIDFILE"; bash -c "sleep 1000 & echo \\$! >> \\"\\$PIDFILE\\"; wait" & echo $! >> "$PIDFILE"; wait' &
trap "" TERM
wait
`;
const TREE_SIZE = 6;

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

  test('a timeout kills the whole tree, members that ignore SIGTERM included', async () => {
    const pidFile = path.join(temp, 'timeout-pids');
    await writeFile(pidFile, '');
    await writeFile(path.join(temp, 'tree.sh'), STUBBORN_TREE);
    const { result } = await retry({
      run: `export PIDFILE="${pidFile}"\nbash "${path.join(temp, 'tree.sh')}"`,
      timeout: '1s',
      'kill-grace': '500ms',
      'max-attempts': '1',
    });
    expect(result.outcome).toBe('timeout');
    expect(result.reason).toBe('timed out after 1s');
    const pids = await waitForLines(pidFile, TREE_SIZE);
    expect(pids.filter(alive)).toEqual([]);
  });

  test('cancelling kills the running attempt and ends with outcome cancelled', async () => {
    const pidFile = path.join(temp, 'cancel-pids');
    await writeFile(pidFile, '');
    await writeFile(path.join(temp, 'tree.sh'), STUBBORN_TREE);
    const controller = new AbortController();
    const running = retry(
      { run: `export PIDFILE="${pidFile}"\nbash "${path.join(temp, 'tree.sh')}"`, 'kill-grace': '300ms' },
      controller.signal,
    );
    const pids = await waitForLines(pidFile, TREE_SIZE);
    controller.abort();
    const { result } = await running;
    expect(result.outcome).toBe('cancelled');
    expect(result.attempts).toHaveLength(1);
    expect(pids.filter(alive)).toEqual([]);
  });
});
