/** The retry bundle run through local-runner as the runner would, retrying shell commands. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { bundleNodes } from '../../support/node';
import { alive, killLeftovers, stubbornTree } from '../../support/processes';
import { makeTempDir, removeTempDir } from '../../support/temp';
import { errors, runRetryBundle, warnings } from './helpers';

let work: string;
beforeAll(async () => {
  work = await makeTempDir('retry-e2e-');
});
afterAll(() => removeTempDir(work));

describe.each(bundleNodes())('retry bundle under $label', ({ label, path: node }) => {
  test('fails twice then succeeds: attempt 3 outputs only, on-retry env carried, a group per attempt', async () => {
    const step = await runRetryBundle(
      node,
      {
        run: [
          'echo "greeting=hello from $RETRY_ATTEMPT" >> "$GITHUB_OUTPUT"',
          'echo "from-attempt-$RETRY_ATTEMPT=1" >> "$GITHUB_OUTPUT"',
          'echo "BUILT_BY=attempt-$RETRY_ATTEMPT" >> "$GITHUB_ENV"',
          'echo "/opt/tool-$RETRY_ATTEMPT/bin" >> "$GITHUB_PATH"',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell default, not a template
          'echo "CARRIED=${CARRIED:-none}"',
          'test "$RETRY_ATTEMPT" = 3',
        ].join('\n'),
        'on-retry': 'echo "CARRIED=set-before-$RETRY_ATTEMPT" >> "$GITHUB_ENV"',
        'max-attempts': '5',
      },
      { tempDir: work, workspace: work },
    );
    expect(step.exitCode).toBe(0);
    expect(step.outputs).toMatchObject({
      attempts: '3',
      'exit-code': '0',
      outcome: 'success',
      reason: '', // a success has no reason; the report keeps each attempt's
      greeting: 'hello from 3',
      'from-attempt-3': '1',
    });
    expect(step.outputs['from-attempt-1']).toBeUndefined();
    expect(step.env.BUILT_BY).toBe('attempt-3');
    expect(step.path).toEqual(['/opt/tool-3/bin']);
    expect(step.outputs['from-attempt-2']).toBeUndefined();
    expect(step.log).toContain('CARRIED=none');
    expect(step.log).toContain('CARRIED=set-before-2');
    expect(step.log).toContain('CARRIED=set-before-3');
    for (const n of [1, 2, 3]) expect(step.log).toContain(`##[group]Attempt ${n} of 5`);
    expect(step.log).not.toContain('Attempt 4 of 5');
    expect(warnings(step).map((w) => w.message)).toEqual([
      'Attempt 1 of 5 failed: exit code 1',
      'Attempt 2 of 5 failed: exit code 1',
    ]);
    const report = JSON.parse(step.outputs.report ?? '{}');
    expect(report.attempts.map((a: { outcome: string }) => a.outcome)).toEqual([
      'failure',
      'failure',
      'success',
    ]);
    expect(report.attempts[2]['delay-ms']).toBeNull();
    expect(step.summary).toContain(
      '| Attempt | Started (UTC) | Duration | Exit code | Outcome | Reason | Delay before next |',
    );
    expect(step.summary).toContain('Succeeded on attempt 3');
  });

  test('all attempts failing: exit 1, outcome failure, one error with the verdict, no wait after the last', async () => {
    const step = await runRetryBundle(
      node,
      { run: 'exit 3', 'max-attempts': '2', delay: '20ms', jitter: 'none' },
      { tempDir: work, workspace: work },
    );
    expect(step.exitCode).toBe(1);
    expect(step.outputs).toMatchObject({
      attempts: '2',
      'exit-code': '3',
      outcome: 'failure',
      reason: 'exit code 3',
    });
    expect(errors(step)).toHaveLength(1);
    expect(errors(step)[0]?.message).toContain('Failed after 2 attempts');
    const report = JSON.parse(step.outputs.report ?? '{}');
    expect(report.attempts.map((a: { 'delay-ms': number | null }) => a['delay-ms'])).toEqual([20, null]);
    expect(step.log.match(/Waiting \S+ before attempt/g)).toEqual(['Waiting 20ms before attempt']);
  });

  test('a malformed $GITHUB_OUTPUT of the successful attempt is dropped with a warning; our outputs stay', async () => {
    const step = await runRetryBundle(
      node,
      { run: 'printf "broken<<EOF\\nno end" >> "$GITHUB_OUTPUT"' },
      { tempDir: work, workspace: work },
    );
    expect(step.exitCode).toBe(0);
    expect(step.outputs).toMatchObject({ outcome: 'success', attempts: '1' });
    expect(step.outputs.broken).toBeUndefined();
    expect(warnings(step)[0]?.message).toContain('malformed $GITHUB_OUTPUT');
  });

  test("the retry action's own outputs win over a command output of the same name", async () => {
    const step = await runRetryBundle(
      node,
      { run: 'echo "attempts=99" >> "$GITHUB_OUTPUT"' },
      { tempDir: work, workspace: work },
    );
    expect(step.outputs.attempts).toBe('1');
    expect(warnings(step)[0]?.message).toContain('attempts');
  });

  test('an exit code not in retry-on-exit-codes is not retried', async () => {
    const step = await runRetryBundle(
      node,
      { run: 'exit 2', 'retry-on-exit-codes': '1, 75' },
      { tempDir: work, workspace: work },
    );
    expect(step.outputs).toMatchObject({ attempts: '1', 'exit-code': '2' });
    expect(JSON.parse(step.outputs.report ?? '{}')['final-because']).toBe(
      'exit code 2 is not in retry-on-exit-codes (1, 75)',
    );
  });

  test('stop-on-output stops; retry-on-output retries on a match and only then', async () => {
    const stopped = await runRetryBundle(
      node,
      { run: 'echo "E: Permission denied"; exit 1', 'stop-on-output': 'Permission\\s+denied' },
      { tempDir: work, workspace: work },
    );
    expect(stopped.outputs).toMatchObject({
      attempts: '1',
      reason: 'output matched stop-on-output /Permission\\s+denied/',
    });

    const matched = await runRetryBundle(
      node,
      {
        run: 'echo "curl: (56) Recv failure: Connection reset by peer" >&2; exit 56',
        'retry-on-output': 'Connection reset',
      },
      { tempDir: work, workspace: work },
    );
    expect(matched.outputs.attempts).toBe('3');

    const unmatched = await runRetryBundle(
      node,
      { run: 'echo "404 Not Found"; exit 22', 'retry-on-output': 'Connection reset' },
      { tempDir: work, workspace: work },
    );
    expect(unmatched.outputs.attempts).toBe('1');
  });

  test('a timeout kills the whole tree, TERM-ignoring members included', async () => {
    const tree = await stubbornTree(work, `timeout-${label}`);
    let pids: number[] = [];
    try {
      const step = await runRetryBundle(
        node,
        { run: tree.run, timeout: '1s', 'kill-grace': '500ms', 'max-attempts': '1' },
        { tempDir: work, workspace: work },
      );
      pids = await tree.started();
      expect(step.outputs).toMatchObject({ outcome: 'timeout', reason: 'timed out after 1s' });
      expect(step.exitCode).toBe(1);
      expect(pids.filter(alive)).toEqual([]);
      // The attempt ended once the grace after TERM was over: timeout + kill-grace, not the 1000 s sleeps.
      const [attempt] = JSON.parse(step.outputs.report ?? '{}').attempts;
      expect(attempt['duration-ms']).toBeGreaterThanOrEqual(1000);
      expect(attempt['duration-ms']).toBeLessThan(1000 + 500 + 1500);
    } finally {
      killLeftovers(pids);
    }
  });

  test('cancelling the step kills the tree and ends with outcome cancelled, outputs and summary written', async () => {
    const tree = await stubbornTree(work, `cancel-${label}`);
    const controller = new AbortController();
    const running = runRetryBundle(
      node,
      { run: tree.run, 'kill-grace': '300ms' },
      { tempDir: work, workspace: work, signal: controller.signal },
    );
    const pids = await tree.started();
    try {
      controller.abort();
      const step = await running;
      expect(step.outputs).toMatchObject({ outcome: 'cancelled', attempts: '1' });
      expect(step.exitCode).toBe(1);
      expect(step.summary).toContain('Cancelled during attempt 1');
      expect(pids.filter(alive)).toEqual([]);
    } finally {
      killLeftovers(pids);
    }
  });

  test('working-directory and shell are honoured', async () => {
    const step = await runRetryBundle(
      node,
      { run: 'import os\nprint("cwd=" + os.getcwd())', shell: 'python', 'working-directory': '.' },
      { tempDir: work, workspace: work },
    );
    expect(step.exitCode).toBe(0);
    expect(step.log).toContain(`cwd=${work}`);
  });
});
