/** Shared helpers for the retry engine's unit tests: fake attempts, patterns, a plan. */
import type { AttemptResult, RetryPlan } from '@qeml/retry';

export function attempt(overrides: Partial<AttemptResult> = {}): AttemptResult {
  const outcome = overrides.outcome ?? 'failure';
  return {
    outcome,
    exitCode: outcome === 'success' ? 0 : 1,
    signal: null,
    reason: outcome === 'success' ? '' : 'exit code 1',
    output: {},
    files: { GITHUB_OUTPUT: '', GITHUB_ENV: '', GITHUB_PATH: '' },
    ...overrides,
  };
}

export const pattern = (source: string) => {
  const re = new RegExp(source);
  return { source, test: (line: string) => re.test(line) };
};

export function plan(overrides: Partial<RetryPlan> = {}): RetryPlan {
  return {
    maxAttempts: 3,
    backoff: {
      strategy: 'exponential',
      initialDelayMs: 1000,
      maxDelayMs: 300_000,
      factor: 2,
      jitter: 'none',
    },
    retryOnError: true,
    retryOnTimeout: true,
    retryOnExitCodes: [],
    retryOnOutput: [],
    stopOnOutput: [],
    ...overrides,
  };
}
