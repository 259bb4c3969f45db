// Peer-suite findings about what the retry action says when an input is wrong.
import { describe, expect, test } from '@jest/globals';
import type { RetryResult } from '@qeml/retry';
import { readRetryConfig, verdict } from '@qeml/retry';

const read = (inputs: Record<string, string>) => readRetryConfig((name) => inputs[name]);

describe('input messages', () => {
  test('retry-on written as a YAML list is refused with the form that works', async () => {
    await expect(read({ run: 'x', 'retry-on': '[error, timeout]' })).rejects.toThrow(
      /Input .retry-on. got "\[error, timeout\]": expected one or more of error, timeout, any, transient, comma-separated or one per line \(a YAML \[list\] is passed as text/,
    );
    expect((await read({ run: 'x', 'retry-on': 'error, timeout' })).plan.retryOnTimeout).toBe(true);
  });

  test.each(['0', '256', '-1'])('retry-on-exit-codes refuses %s', async (code) => {
    await expect(read({ run: 'x', 'retry-on-exit-codes': `1, ${code}` })).rejects.toThrow(
      /Input 'retry-on-exit-codes' got .*expected failing exit codes from 1 to 255/,
    );
  });

  test('shell or working-directory with uses and no on-retry is refused as having no effect', async () => {
    await expect(read({ uses: './a', shell: 'sh' })).rejects.toThrow(
      /Input 'shell' has no effect with 'uses'/,
    );
    await expect(read({ uses: './a', 'working-directory': 'sub' })).rejects.toThrow(
      /Input 'working-directory' has no effect with 'uses'/,
    );
    expect((await read({ uses: './a', shell: 'sh', 'on-retry': 'make clean' })).onRetry).toBe('make clean');
  });

  test('new-command-on-retry works with run only', async () => {
    await expect(read({ uses: './a', 'new-command-on-retry': 'x' })).rejects.toThrow(
      /Input 'new-command-on-retry' works with 'run' only/,
    );
  });
});

describe('the verdict of a cancelled retry', () => {
  const attempt = (number: number, outcome: 'failure' | 'cancelled') => ({
    number,
    startedAt: 0,
    durationMs: 10,
    exitCode: outcome === 'failure' ? 1 : 143,
    signal: null,
    outcome,
    reason: outcome === 'failure' ? 'exit code 1' : 'cancelled',
    delayMs: null,
    result: {
      outcome,
      exitCode: 1,
      signal: null,
      reason: '',
      output: {},
      files: { GITHUB_OUTPUT: '', GITHUB_ENV: '', GITHUB_PATH: '' },
    },
  });
  const result = (attempts: ReturnType<typeof attempt>[]): RetryResult => ({
    outcome: 'cancelled',
    attempts,
    exitCode: 1,
    durationMs: 20,
    startedAt: 0,
    reason: 'exit code 1',
    finalBecause: 'the step was cancelled',
  });

  test('cancelled in the wait after attempt 1 is reported as before attempt 2, not during attempt 1', () => {
    expect(verdict(result([attempt(1, 'failure')]))).toMatch(/Cancelled before attempt 2, after 1 attempt/);
    expect(verdict(result([attempt(1, 'failure'), attempt(2, 'cancelled')]))).toMatch(
      /Cancelled during attempt 2/,
    );
  });
});
