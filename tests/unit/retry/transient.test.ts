/** retry-on: transient: a failed attempt is retried only when the diagnosis engine calls its output transient. */
import { describe, expect, test } from '@jest/globals';
import { ConfigurationError } from '@qeml/action-kit';
import { decideRetry, failureReason, readRetryConfig, transientClassifier } from '@qeml/retry';
import { attempt, plan } from './helpers';

const read = (inputs: Record<string, string>) => readRetryConfig((name) => inputs[name]);

function classify(output: string) {
  const watch = transientClassifier()();
  // Delivered in small pieces, as a pipe would.
  for (let i = 0; i < output.length; i += 9) watch.write(Buffer.from(output.slice(i, i + 9)));
  return watch.finish();
}

describe('the retry-on input', () => {
  test('transient: errors are retried only when transient, timeouts not unless asked', async () => {
    expect((await read({ run: 'x', 'retry-on': 'transient' })).plan).toMatchObject({
      retryOnError: true,
      retryOnTimeout: false,
      retryOnlyTransient: true,
    });
    expect((await read({ run: 'x', 'retry-on': 'transient, timeout' })).plan.retryOnTimeout).toBe(true);
    expect((await read({ run: 'x' })).plan.retryOnlyTransient).toBe(false);
  });

  test('transient with uses is refused: an action output is not read', async () => {
    await expect(read({ uses: 'a/b@v1', 'retry-on': 'transient' })).rejects.toThrow(ConfigurationError);
    await expect(read({ uses: 'a/b@v1', 'retry-on': 'transient' })).rejects.toThrow(/'retry-on'/);
  });
});

describe('the classification of an attempt', () => {
  const registryReset = [
    '> shop@1.0.0 ci',
    'npm WARN deprecated inflight@1.0.6: leaks memory',
    'npm ERR! code ECONNRESET',
    'npm ERR! syscall read',
    'npm ERR! network read ECONNRESET',
    'npm ERR! network This is a problem related to network connectivity.',
    '',
  ].join('\n');
  const failingTest = [
    'PASS src/errors.test.ts',
    '  ✓ handles a network error (ECONNRESET) in the client (3 ms)',
    'FAIL src/cart.test.ts',
    '  ● cart › total',
    '    Expected: 90',
    '    Received: 100',
    'Tests:       1 failed, 12 passed, 13 total',
    'npm ERR! Test failed.  See above for more details.',
    '',
  ].join('\n');

  test('a registry reset is transient, and the finding names its line', () => {
    const diagnosis = classify(registryReset);
    expect(diagnosis.transient).toBe(true);
    expect(diagnosis.finding?.line).toBe(3);
  });

  test('a failing test is not transient (a test name mentioning ECONNRESET does not fool it)', () => {
    expect(classify(failingTest).transient).toBe(false);
  });

  test('empty output is not transient', () => {
    expect(classify('').transient).toBe(false);
  });
});

describe('the decision', () => {
  const rules = plan({ retryOnlyTransient: true });
  const diagnosis = (transient: boolean) => ({
    verdict: transient ? 'transient' : 'deterministic',
    transient,
    finding: { title: 'npm ECONNRESET', line: 412, pattern: 'npm-econnreset' },
  });

  test('transient: retried; the reason names the finding and its line', () => {
    const result = attempt({ diagnosis: diagnosis(true) });
    expect(decideRetry(result, rules)).toEqual({ retry: true });
    expect(failureReason(result)).toBe('exit code 1 (npm ECONNRESET, line 412)');
  });

  test('not transient, or not classified: final, and says why', () => {
    expect(decideRetry(attempt({ diagnosis: diagnosis(false) }), rules)).toEqual({
      retry: false,
      because: 'retry-on is transient and the failure was classified deterministic',
    });
    expect(decideRetry(attempt(), rules)).toMatchObject({ retry: false });
  });

  test('without retry-on: transient the classification changes nothing', () => {
    expect(decideRetry(attempt({ diagnosis: diagnosis(false) }), plan())).toEqual({ retry: true });
  });
});
