/**
 * The retry loop: p-retry sequences the attempts; our rules decide what is retryable; backoff sleeps go
 * through the injected Clock (p-retry's own delays are zero), so nothing ever waits after the last
 * attempt or after a final failure, and tests never wait at all.
 */
import { type Clock, formatDuration } from '@qeml/action-kit';
import pRetry from 'p-retry';
import type { AttemptOutcome, AttemptResult } from './attempt';
import { type BackoffPolicy, nextDelay, type RandomSource } from './backoff';
import { decideRetry, failureReason, type RetryRules } from './retry-rules';

export interface RetryPlan extends RetryRules {
  maxAttempts: number;
  /** Time limit of each attempt. */
  timeoutMs?: number;
  /** Time limit of all attempts and waits together. */
  totalTimeoutMs?: number;
  backoff: BackoffPolicy;
}

export interface AttemptRequest {
  attempt: number;
  maxAttempts: number;
  /** This attempt's limit: the smaller of `timeout` and what is left of `total-timeout`. */
  timeoutMs?: number;
  /** How to word hitting that limit. */
  timeoutReason?: string;
  signal: AbortSignal;
}

export interface BetweenAttempts {
  /** The attempt about to run. */
  nextAttempt: number;
  previous: AttemptRecord;
  timeoutMs?: number;
  signal: AbortSignal;
}

export interface AttemptRecord {
  number: number;
  startedAt: number;
  durationMs: number;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  outcome: AttemptOutcome;
  reason: string;
  /** The wait before the next attempt; null when none followed. */
  delayMs: number | null;
  result: AttemptResult;
}

export type RetryOutcome = 'success' | 'failure' | 'timeout' | 'cancelled';

export interface RetryResult {
  outcome: RetryOutcome;
  attempts: AttemptRecord[];
  /** Exit code of the last attempt. */
  exitCode: number | null;
  durationMs: number;
  startedAt: number;
  /** Why the last failed attempt failed (empty on success and when none failed). */
  reason: string;
  /** Why the loop stopped without success ("all 3 attempts failed", "exit code 2 is not in ..."). */
  finalBecause: string;
  /** The successful attempt, whose file commands become the step's. */
  successful?: AttemptResult;
}

/** Progress callbacks: the engine turns them into warnings and log lines through its Logger. */
export interface RetryEvents {
  attemptFinished?(record: AttemptRecord, maxAttempts: number): void;
  waiting?(delayMs: number, nextAttempt: number): void;
}

export interface RetryLoopOptions {
  plan: RetryPlan;
  runAttempt(request: AttemptRequest): Promise<AttemptResult>;
  /** The on-retry command, run after the wait and before the next attempt. */
  beforeRetry?(context: BetweenAttempts): Promise<void>;
  clock: Clock;
  random?: RandomSource;
  signal?: AbortSignal;
  events?: RetryEvents;
  /** When the step's time began (default: now); total-timeout counts from here, e.g. from before an action was fetched. */
  startedAt?: number;
}

/** Thrown by an attempt that failed, so p-retry sees a failure (never a TypeError: p-retry never retries those). */
class FailedAttempt extends Error {
  constructor(readonly record: AttemptRecord) {
    super(record.reason);
    this.name = 'FailedAttempt';
  }
}

export async function runRetryLoop(options: RetryLoopOptions): Promise<RetryResult> {
  const { plan, clock, events = {} } = options;
  const signal = options.signal ?? new AbortController().signal;
  const random = options.random ?? Math.random;
  const startedAt = options.startedAt ?? clock.now();
  const deadline = plan.totalTimeoutMs !== undefined ? startedAt + plan.totalTimeoutMs : undefined;
  const attempts: AttemptRecord[] = [];
  let finalBecause = '';
  // Attempts whose limit was what remained of total-timeout: timing out there ends the retry.
  const cutByTotal = new Set<number>();

  const limitFor = (): Pick<AttemptRequest, 'timeoutMs' | 'timeoutReason'> & { byTotal?: boolean } => {
    const own = plan.timeoutMs;
    const left = deadline === undefined ? undefined : Math.max(0, deadline - clock.now());
    if (left !== undefined && (own === undefined || left < own)) {
      const timeoutReason = `total-timeout of ${formatDuration(plan.totalTimeoutMs!)} reached`;
      return { timeoutMs: left, timeoutReason, byTotal: true };
    }
    if (own === undefined) return {};
    return { timeoutMs: own, timeoutReason: `timed out after ${formatDuration(own)}` };
  };

  const attemptOnce = async (attempt: number): Promise<void> => {
    const started = clock.now();
    const { byTotal, ...limit } = limitFor();
    if (byTotal) cutByTotal.add(attempt);
    const result = await options.runAttempt({ attempt, maxAttempts: plan.maxAttempts, ...limit, signal });
    const record: AttemptRecord = {
      number: attempt,
      startedAt: started,
      durationMs: Math.max(0, clock.now() - started),
      exitCode: result.exitCode,
      signal: result.signal,
      outcome: result.outcome,
      reason: failureReason(result),
      delayMs: null,
      result,
    };
    attempts.push(record);
    events.attemptFinished?.(record, plan.maxAttempts);
    if (result.outcome !== 'success') throw new FailedAttempt(record);
  };

  try {
    await pRetry(attemptOnce, {
      retries: plan.maxAttempts - 1,
      // p-retry must never wait itself: the backoff below goes through the injected clock.
      minTimeout: 0,
      maxTimeout: 0,
      factor: 1,
      randomize: false,
      signal,
      onFailedAttempt: ({ retriesLeft }) => {
        if (retriesLeft === 0) {
          finalBecause =
            plan.maxAttempts === 1
              ? 'its only attempt failed (max-attempts is 1)'
              : `all ${plan.maxAttempts} attempts failed`;
        }
      },
      // Called by p-retry only while attempts are left, so the sleep here never follows the last one.
      shouldRetry: async ({ error, attemptNumber }) => {
        // Anything but a failed attempt (a missing shell, a bug) is not retried: it is rethrown below.
        if (!(error instanceof FailedAttempt)) return false;
        const record = error.record;
        if (record.outcome === 'timeout' && cutByTotal.has(record.number)) {
          finalBecause = record.reason;
          return false;
        }
        const decision = decideRetry(record.result, plan);
        if (!decision.retry) {
          finalBecause = decision.because;
          return false;
        }
        const delay = nextDelay(plan.backoff, attemptNumber, random);
        if (deadline !== undefined && clock.now() + delay >= deadline) {
          finalBecause = `total-timeout of ${formatDuration(plan.totalTimeoutMs!)} would pass before attempt ${attemptNumber + 1}`;
          return false;
        }
        record.delayMs = delay;
        events.waiting?.(delay, attemptNumber + 1);
        await clock.sleep(delay, signal);
        const { byTotal: _, ...limit } = limitFor();
        await options.beforeRetry?.({ nextAttempt: attemptNumber + 1, previous: record, ...limit, signal });
        return true;
      },
    });
  } catch (error) {
    if (!(error instanceof FailedAttempt) && !signal.aborted) throw error;
  }

  const last = attempts.at(-1);
  const lastFailed = attempts.findLast((a) => a.outcome !== 'success');
  const successful = last?.outcome === 'success' ? last.result : undefined;
  let outcome: RetryOutcome;
  if (successful) outcome = 'success';
  else if (signal.aborted) outcome = 'cancelled';
  else outcome = last?.outcome === 'timeout' ? 'timeout' : 'failure';
  if (outcome === 'cancelled') finalBecause = 'the step was cancelled';
  return {
    outcome,
    attempts,
    exitCode: last?.exitCode ?? null,
    durationMs: Math.max(0, clock.now() - startedAt),
    startedAt,
    // The reason of a failure; a success has none (the attempts keep their own).
    reason: successful ? '' : (lastFailed?.reason ?? (outcome === 'cancelled' ? 'cancelled' : '')),
    finalBecause: successful ? '' : finalBecause,
    successful,
  };
}
