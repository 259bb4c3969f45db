import { describe, expect, test } from '@jest/globals';
import { VirtualClock } from '@qeml/action-kit';
import { mulberry32 } from '@qeml/github-sim';
import {
  BACKOFF_STRATEGIES,
  type BackoffPolicy,
  baseDelay,
  delayBounds,
  JITTER_MODES,
  nextDelay,
  runRetryLoop,
} from '@qeml/retry';
import { attempt, plan } from './helpers';

const policy = (overrides: Partial<BackoffPolicy>): BackoffPolicy => ({
  strategy: 'exponential',
  initialDelayMs: 1000,
  maxDelayMs: 300_000,
  factor: 2,
  jitter: 'none',
  ...overrides,
});

describe('backoff without jitter', () => {
  test('exponential multiplies by the factor, linear adds the delay, constant stays', () => {
    const at = (p: Partial<BackoffPolicy>) => [1, 2, 3, 4].map((n) => baseDelay(policy(p), n));
    expect(at({ strategy: 'exponential' })).toEqual([1000, 2000, 4000, 8000]);
    expect(at({ strategy: 'exponential', factor: 3 })).toEqual([1000, 3000, 9000, 27000]);
    expect(at({ strategy: 'linear' })).toEqual([1000, 2000, 3000, 4000]);
    expect(at({ strategy: 'constant' })).toEqual([1000, 1000, 1000, 1000]);
  });

  test('max-delay caps every strategy, even when the factor overflows', () => {
    expect(baseDelay(policy({ maxDelayMs: 5000 }), 10)).toBe(5000);
    expect(baseDelay(policy({ maxDelayMs: 5000, strategy: 'linear' }), 100)).toBe(5000);
    expect(baseDelay(policy({ maxDelayMs: 5000, factor: 100 }), 5000)).toBe(5000);
  });

  test('a delay of 0 means 0, not a default', () => {
    for (const strategy of BACKOFF_STRATEGIES) {
      for (const jitter of JITTER_MODES) {
        expect(nextDelay(policy({ strategy, jitter, initialDelayMs: 0 }), 3, Math.random)).toBe(0);
      }
    }
  });
});

describe('jitter', () => {
  test('full draws from 0 to the delay, equal from half to the delay, none is exact', () => {
    const p = policy({ initialDelayMs: 1000 });
    expect(nextDelay({ ...p, jitter: 'full' }, 1, () => 0)).toBe(0);
    expect(nextDelay({ ...p, jitter: 'full' }, 1, () => 0.5)).toBe(500);
    expect(nextDelay({ ...p, jitter: 'equal' }, 1, () => 0)).toBe(500);
    expect(nextDelay({ ...p, jitter: 'equal' }, 1, () => 0.999_999)).toBe(1000);
    expect(nextDelay({ ...p, jitter: 'none' }, 1, () => 0.3)).toBe(1000);
  });
});

describe('every delay the loop sleeps lies within the policy bounds (3 strategies x 3 jitters, seeded draws)', () => {
  for (const strategy of BACKOFF_STRATEGIES) {
    for (const jitter of JITTER_MODES) {
      test(`${strategy} + ${jitter}`, async () => {
        for (let seed = 1; seed <= 40; seed++) {
          const random = mulberry32(seed * 7919);
          const backoff = policy({
            strategy,
            jitter,
            initialDelayMs: 1 + Math.floor(random() * 5000),
            maxDelayMs: 1000 + Math.floor(random() * 60_000),
            factor: 1 + random() * 3,
          });
          const clock = new VirtualClock();
          const result = await runRetryLoop({
            plan: plan({ maxAttempts: 8, backoff }),
            runAttempt: async () => attempt(),
            clock,
            random,
          });
          // Seven waits for eight attempts: never one after the last.
          expect(result.attempts).toHaveLength(8);
          expect(clock.sleeps).toHaveLength(7);
          clock.sleeps.forEach((slept, i) => {
            const { min, max } = delayBounds(backoff, i + 1);
            expect(slept).toBeGreaterThanOrEqual(min);
            expect(slept).toBeLessThanOrEqual(max);
            expect(slept).toBeLessThanOrEqual(backoff.maxDelayMs);
            expect(result.attempts[i]?.delayMs).toBe(slept);
          });
          expect(result.attempts.at(-1)?.delayMs).toBeNull();
        }
      });
    }
  }
});
