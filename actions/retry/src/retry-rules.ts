/** Which failed attempts are worth another try: the retry-on, retry-on-exit-codes and output pattern rules. */
import type { AttemptResult } from './attempt';
import type { OutputPattern } from './output-match';

/** `transient`: a failed attempt is retried only when the diagnosis engine classifies its output transient. */
export const RETRY_ON_KINDS = ['error', 'timeout', 'any', 'transient'] as const;
export type RetryOnKind = (typeof RETRY_ON_KINDS)[number];

export interface RetryRules {
  /** Retry attempts that failed with a non-zero exit code / that timed out. */
  retryOnError: boolean;
  retryOnTimeout: boolean;
  /** Exit codes worth retrying; empty means every non-zero code. */
  retryOnExitCodes: readonly number[];
  /** When set, a failure is retried only if its output matched one of these. */
  retryOnOutput: readonly OutputPattern[];
  /** A failure whose output matched one of these is final. */
  stopOnOutput: readonly OutputPattern[];
  /** A failure is retried only when its output was classified transient (`retry-on: transient`). */
  retryOnlyTransient?: boolean;
}

export function rulesFromRetryOn(
  kinds: readonly RetryOnKind[],
): Pick<RetryRules, 'retryOnError' | 'retryOnTimeout' | 'retryOnlyTransient'> {
  const any = kinds.length === 0 || kinds.includes('any');
  const transient = kinds.includes('transient');
  return {
    retryOnError: any || transient || kinds.includes('error'),
    retryOnTimeout: any || kinds.includes('timeout'),
    retryOnlyTransient: transient,
  };
}

export type RetryDecision = { retry: true } | { retry: false; because: string };

const show = (pattern: OutputPattern) => `/${pattern.source}/`;

/** The reason to record for a failed attempt: a stop-on-output match outranks its exit code. */
export function failureReason(result: AttemptResult): string {
  if (result.outcome === 'failure' && result.output.stopMatch) {
    return `output matched stop-on-output ${show(result.output.stopMatch)}`;
  }
  const finding = result.diagnosis?.finding;
  if (result.outcome === 'failure' && finding)
    return `${result.reason} (${finding.title}, line ${finding.line})`;
  return result.reason;
}

/** Decides whether a failed attempt may be retried (attempts and time left are the loop's business). */
export function decideRetry(result: AttemptResult, rules: RetryRules): RetryDecision {
  if (result.outcome === 'cancelled') return { retry: false, because: 'the step was cancelled' };
  if (result.outcome === 'timeout') {
    return rules.retryOnTimeout
      ? { retry: true }
      : { retry: false, because: 'retry-on does not include timeout' };
  }
  if (result.output.stopMatch) {
    return { retry: false, because: `output matched stop-on-output ${show(result.output.stopMatch)}` };
  }
  if (!rules.retryOnError) return { retry: false, because: 'retry-on does not include error' };
  const code = result.exitCode;
  if (rules.retryOnExitCodes.length > 0 && (code === null || !rules.retryOnExitCodes.includes(code))) {
    return {
      retry: false,
      because: `exit code ${code} is not in retry-on-exit-codes (${rules.retryOnExitCodes.join(', ')})`,
    };
  }
  if (rules.retryOnOutput.length > 0 && !result.output.retryMatch) {
    return { retry: false, because: 'the output matched no retry-on-output pattern' };
  }
  if (rules.retryOnlyTransient && !result.diagnosis?.transient) {
    const verdict = result.diagnosis?.verdict ?? 'unknown';
    return { retry: false, because: `retry-on is transient and the failure was classified ${verdict}` };
  }
  return { retry: true };
}
