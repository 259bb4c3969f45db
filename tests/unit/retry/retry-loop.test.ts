import { describe, expect, test } from '@jest/globals';
import { VirtualClock } from '@qeml/action-kit';
import { type AttemptResult, type RetryPlan, runRetryLoop } from '@qeml/retry';
import { attempt, pattern, plan } from './helpers';

/** Runs the loop over a scripted sequence of attempt results. */
async function loop(results: AttemptResult[], overrides: Partial<RetryPlan> = {}, signal?: AbortSignal) {
  const clock = new VirtualClock(1_700_000_000_000);
  const seen: number[] = [];
  const between: number[] = [];
  const result = await runRetryLoop({
    plan: plan(overrides),
    clock,
    signal,
    runAttempt: async ({ attempt: n }) => {
      seen.push(n);
      clock.advance(100);
      return results[n - 1] ?? attempt();
    },
    beforeRetry: async ({ nextAttempt }) => {
      between.push(nextAttempt);
    },
  });
  return { result, clock, seen, between };
}

describe('retry loop', () => {
  test('fails twice then succeeds: 3 attempts, exit 0, two waits, on-retry before attempts 2 and 3', async () => {
    const { result, clock, between } = await loop([attempt(), attempt(), attempt({ outcome: 'success' })], {
      maxAttempts: 5,
    });
    expect(result.outcome).toBe('success');
    expect(result.attempts).toHaveLength(3);
    expect(result.exitCode).toBe(0);
    expect(result.reason).toBe(''); // a success has no reason; each attempt keeps its own
    expect(result.attempts.map((a) => a.reason)).toEqual(['exit code 1', 'exit code 1', '']);
    expect(result.successful).toBe(result.attempts[2]?.result);
    expect(clock.sleeps).toEqual([1000, 2000]);
    expect(between).toEqual([2, 3]);
  });

  test('no wait after the last attempt', async () => {
    const { result, clock, between } = await loop([], { maxAttempts: 3 });
    expect(result.outcome).toBe('failure');
    expect(result.attempts).toHaveLength(3);
    expect(clock.sleeps).toEqual([1000, 2000]);
    expect(between).toEqual([2, 3]);
    expect(result.finalBecause).toBe('all 3 attempts failed');
    expect(result.attempts.map((a) => a.delayMs)).toEqual([1000, 2000, null]);
  });

  test('max-attempts 1 runs once and never waits', async () => {
    const { result, clock } = await loop([], { maxAttempts: 1 });
    expect(result.attempts).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  test('an exit code not in retry-on-exit-codes is final, without a wait', async () => {
    const { result, clock } = await loop([attempt({ exitCode: 2, reason: 'exit code 2' })], {
      retryOnExitCodes: [1, 75],
    });
    expect(result.attempts).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expect(result.exitCode).toBe(2);
    expect(result.finalBecause).toBe('exit code 2 is not in retry-on-exit-codes (1, 75)');
  });

  test('a listed exit code is retried', async () => {
    const { result } = await loop([attempt({ exitCode: 75 }), attempt({ outcome: 'success' })], {
      retryOnExitCodes: [1, 75],
    });
    expect(result.attempts).toHaveLength(2);
    expect(result.outcome).toBe('success');
  });

  test('a stop-on-output match is final and becomes the reason', async () => {
    const stop = pattern('Permission denied');
    const { result, clock } = await loop([attempt({ output: { stopMatch: stop } })], {
      stopOnOutput: [stop],
    });
    expect(result.attempts).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expect(result.reason).toBe('output matched stop-on-output /Permission denied/');
  });

  test('with retry-on-output, a failure is retried only when its output matched', async () => {
    const transient = pattern('ECONNRESET');
    const matched = await loop(
      [attempt({ output: { retryMatch: transient } }), attempt({ outcome: 'success' })],
      {
        retryOnOutput: [transient],
      },
    );
    expect(matched.result.attempts).toHaveLength(2);
    const unmatched = await loop([attempt()], { retryOnOutput: [transient] });
    expect(unmatched.result.attempts).toHaveLength(1);
    expect(unmatched.result.finalBecause).toBe('the output matched no retry-on-output pattern');
  });

  test('retry-on: error does not retry timeouts, timeout does not retry errors', async () => {
    const timedOut = attempt({ outcome: 'timeout', reason: 'timed out after 1s', exitCode: 143 });
    const onlyErrors = await loop([timedOut], { retryOnTimeout: false });
    expect(onlyErrors.result.attempts).toHaveLength(1);
    expect(onlyErrors.result.outcome).toBe('timeout');
    expect(onlyErrors.result.finalBecause).toBe('retry-on does not include timeout');
    const onlyTimeouts = await loop([attempt()], { retryOnError: false });
    expect(onlyTimeouts.result.attempts).toHaveLength(1);
    const timeoutRetried = await loop([timedOut, attempt({ outcome: 'success' })], { retryOnError: false });
    expect(timeoutRetried.result.attempts).toHaveLength(2);
  });

  /** Every attempt runs until its limit and times out. */
  async function timingOut(overrides: Partial<RetryPlan>) {
    const limits: (number | undefined)[] = [];
    const reasons: (string | undefined)[] = [];
    const clock = new VirtualClock(0);
    const result = await runRetryLoop({
      plan: plan(overrides),
      clock,
      runAttempt: async (request) => {
        limits.push(request.timeoutMs);
        reasons.push(request.timeoutReason);
        clock.advance(request.timeoutMs ?? 0);
        return attempt({ outcome: 'timeout', reason: request.timeoutReason ?? '' });
      },
    });
    return { result, clock, limits, reasons };
  }

  test('each attempt gets the per-attempt timeout, bounded by what is left of total-timeout', async () => {
    const { result, clock, limits, reasons } = await timingOut({
      maxAttempts: 10,
      timeoutMs: 4000,
      totalTimeoutMs: 10_000,
    });
    // 4s attempt, 1s wait, 4s attempt, then a 2s wait would pass the 10s total: stop.
    expect(limits).toEqual([4000, 4000]);
    expect(reasons[0]).toBe('timed out after 4s');
    expect(result.outcome).toBe('timeout');
    expect(result.finalBecause).toBe('total-timeout of 10s would pass before attempt 3');
    expect(clock.sleeps).toEqual([1000]);
  });

  test('total-timeout counts from the start of the step when given (time spent fetching an action)', async () => {
    const clock = new VirtualClock(1_700_000_000_000);
    const limits: Array<number | undefined> = [];
    await runRetryLoop({
      plan: plan({ maxAttempts: 1, totalTimeoutMs: 10_000 }),
      clock,
      startedAt: clock.now() - 4000,
      runAttempt: async ({ timeoutMs }) => {
        limits.push(timeoutMs);
        return attempt({ outcome: 'success' });
      },
    });
    expect(limits).toEqual([6000]);
  });

  test('an attempt cut by total-timeout is final', async () => {
    const { result, clock } = await timingOut({ maxAttempts: 5, timeoutMs: 60_000, totalTimeoutMs: 3000 });
    expect(result.attempts).toHaveLength(1);
    expect(result.reason).toBe('total-timeout of 3s reached');
    expect(clock.sleeps).toEqual([]);
  });

  test('retry-on-exit-codes applies to errors, not to timeouts', async () => {
    const { result } = await timingOut({ maxAttempts: 2, timeoutMs: 1000, retryOnExitCodes: [75] });
    expect(result.attempts).toHaveLength(2);
    expect(result.finalBecause).toBe('all 2 attempts failed');
  });

  test('an attempt that throws (e.g. its shell is missing) is not retried: the error is thrown', async () => {
    let runs = 0;
    const failing = runRetryLoop({
      plan: plan({ maxAttempts: 3 }),
      clock: new VirtualClock(0),
      runAttempt: async () => {
        runs += 1;
        throw new Error('spawn failed');
      },
    });
    await expect(failing).rejects.toThrow('spawn failed');
    expect(runs).toBe(1);
  });

  /** Cancels the step during the first attempt or during the wait after it. */
  async function cancelDuring(phase: 'attempt' | 'wait') {
    const controller = new AbortController();
    const clock = new VirtualClock(0);
    const result = await runRetryLoop({
      plan: plan({ maxAttempts: 5 }),
      clock,
      signal: controller.signal,
      runAttempt: async () => {
        if (phase !== 'attempt') return attempt();
        controller.abort();
        return attempt({ outcome: 'cancelled', reason: 'cancelled', exitCode: 143, signal: 'SIGTERM' });
      },
      events: { waiting: () => phase === 'wait' && controller.abort() },
    });
    return { result, clock };
  }

  test.each(['attempt', 'wait'] as const)(
    'cancellation during the %s ends with outcome cancelled and no further attempt',
    async (phase) => {
      const { result, clock } = await cancelDuring(phase);
      expect(result.outcome).toBe('cancelled');
      expect(result.attempts).toHaveLength(1);
      expect(result.finalBecause).toBe('the step was cancelled');
      if (phase === 'attempt') expect(clock.sleeps).toEqual([]);
    },
  );
});
