/** retry-on: transient through the bundle: a registry reset is retried, a failing test is not. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { bundleNodes } from '../../support/node';
import { makeTempDir, removeTempDir } from '../../support/temp';
import { runRetryBundle, warnings } from './helpers';

let work: string;
beforeAll(async () => {
  work = await makeTempDir('retry-transient-');
});
afterAll(() => removeTempDir(work));

/** npm's own words when the registry resets the connection (attempt 1 only). */
const REGISTRY_RESET_ONCE = [
  'echo "npm WARN deprecated inflight@1.0.6: leaks memory"',
  'if [ "$RETRY_ATTEMPT" = 1 ]; then',
  '  echo "npm ERR! code ECONNRESET" >&2',
  '  echo "npm ERR! syscall read" >&2',
  '  echo "npm ERR! network read ECONNRESET" >&2',
  '  echo "npm ERR! network This is a problem related to network connectivity." >&2',
  '  exit 1',
  'fi',
  'echo "added 812 packages in 19s"',
].join('\n');

const FAILING_TEST = [
  'echo "PASS src/errors.test.ts"',
  'echo "  ✓ retries after ECONNRESET (3 ms)"',
  'echo "FAIL src/cart.test.ts"',
  'echo "  ● cart › applies the discount"',
  'echo "    Expected: 90"',
  'echo "    Received: 100"',
  'echo "Tests:       1 failed, 12 passed, 13 total"',
  'exit 1',
].join('\n');

describe.each(bundleNodes())('retry-on: transient under $label', ({ path: node }) => {
  const retryTransient = (run: string) =>
    runRetryBundle(
      node,
      { run, 'retry-on': 'transient', 'max-attempts': '3' },
      { tempDir: work, workspace: work },
    );

  test('a registry reset is retried; the warning names the finding and its line', async () => {
    const step = await retryTransient(REGISTRY_RESET_ONCE);
    expect(step.exitCode).toBe(0);
    expect(step.outputs).toMatchObject({ attempts: '2', outcome: 'success' });
    const messages = warnings(step).map((w) => w.message);
    expect(messages).toHaveLength(1);
    // The finding (its catalogue title) and the line it is on.
    expect(messages[0]).toMatch(/^Attempt 1 of 3 failed: exit code 1 \(.+, line 2\)$/);
  });

  test('a failing test is not retried', async () => {
    const step = await retryTransient(FAILING_TEST);
    expect(step.exitCode).toBe(1);
    expect(step.outputs).toMatchObject({ attempts: '1', outcome: 'failure' });
    expect(step.log).not.toContain('Attempt 2 of 3');
    expect(step.log).toMatch(/retry-on is transient and the failure was classified (?!transient)/);
  });
});
