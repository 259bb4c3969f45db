/** How long to wait before the next attempt: a base that grows by strategy, capped, then jittered. */

export const BACKOFF_STRATEGIES = ['exponential', 'linear', 'constant'] as const;
export const JITTER_MODES = ['full', 'equal', 'none'] as const;

export type BackoffStrategy = (typeof BACKOFF_STRATEGIES)[number];
export type JitterMode = (typeof JITTER_MODES)[number];

export interface BackoffPolicy {
  strategy: BackoffStrategy;
  /** The delay before the first retry (before jitter), in ms. */
  initialDelayMs: number;
  /** No delay ever exceeds this, jitter included. */
  maxDelayMs: number;
  /** Growth per retry for `exponential`. */
  factor: number;
  jitter: JitterMode;
}

/** A source of uniform numbers in [0, 1); injectable so tests can draw from a seeded sequence. */
export type RandomSource = () => number;

/** The delay before the next attempt without jitter, capped by `maxDelayMs`. `retryNumber` is 1 for the first retry. */
export function baseDelay(policy: BackoffPolicy, retryNumber: number): number {
  const { strategy, initialDelayMs, factor } = policy;
  let base: number;
  if (strategy === 'exponential') base = initialDelayMs * factor ** (retryNumber - 1);
  else if (strategy === 'linear') base = initialDelayMs * retryNumber;
  else base = initialDelayMs;
  // A factor grown to Infinity (or 0 * Infinity = NaN) must still end at the cap.
  if (!Number.isFinite(base)) base = initialDelayMs === 0 ? 0 : Number.POSITIVE_INFINITY;
  return Math.min(base, policy.maxDelayMs);
}

/** The range a jittered delay falls in, for a given retry. */
export function delayBounds(policy: BackoffPolicy, retryNumber: number): { min: number; max: number } {
  const cap = baseDelay(policy, retryNumber);
  if (policy.jitter === 'full') return { min: 0, max: Math.round(cap) };
  if (policy.jitter === 'equal') return { min: Math.round(cap / 2), max: Math.round(cap) };
  return { min: Math.round(cap), max: Math.round(cap) };
}

/** The delay (whole ms) before retry number `retryNumber` (1 = before attempt 2). */
export function nextDelay(
  policy: BackoffPolicy,
  retryNumber: number,
  random: RandomSource = Math.random,
): number {
  const cap = baseDelay(policy, retryNumber);
  const r = Math.min(Math.max(random(), 0), 1);
  let delay: number;
  if (policy.jitter === 'full') delay = cap * r;
  else if (policy.jitter === 'equal') delay = cap / 2 + (cap / 2) * r;
  else delay = cap;
  return Math.round(delay);
}
