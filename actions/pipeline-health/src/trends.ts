/**
 * Predictive warnings: is a workflow's, a job's or a failure class's first-attempt failure rate
 * rising over the window? The window is cut in two halves by run creation time, and the second
 * half's rate is compared with the first half's by a one-sided Fisher exact test (exact for small
 * counts, where a normal approximation would warn on noise). Rising means: the later rate is higher,
 * p < 0.05, and at least 3 failures in the later half. A flat or falling rate is never warned.
 */

export interface HalfCounts {
  failures: number;
  runs: number;
}

export interface Trend {
  kind: 'workflow' | 'job' | 'failure-class';
  /** The workflow name, `workflow / job`, or the class. */
  subject: string;
  earlier: HalfCounts;
  later: HalfCounts;
  /** One-sided p-value that the later failure rate is no higher than the earlier one. */
  pValue: number;
}

export const RISING_P_VALUE = 0.05;
export const RISING_MIN_FAILURES = 3;

function logFactorial(n: number): number {
  let sum = 0;
  for (let i = 2; i <= n; i += 1) sum += Math.log(i);
  return sum;
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/** P(later failures >= observed) given the margins (hypergeometric tail): Fisher's exact test, one-sided. */
export function fisherRisingPValue(earlier: HalfCounts, later: HalfCounts): number {
  const total = earlier.runs + later.runs;
  const failures = earlier.failures + later.failures;
  if (total === 0 || failures === 0) return 1;
  const denominator = logChoose(total, later.runs);
  let p = 0;
  for (let x = later.failures; x <= Math.min(later.runs, failures); x += 1) {
    if (failures - x > earlier.runs) continue;
    p += Math.exp(logChoose(failures, x) + logChoose(total - failures, later.runs - x) - denominator);
  }
  return Math.min(1, p);
}

const rate = (half: HalfCounts): number => (half.runs === 0 ? 0 : half.failures / half.runs);

export function isRising(earlier: HalfCounts, later: HalfCounts): { rising: boolean; pValue: number } {
  const pValue = fisherRisingPValue(earlier, later);
  const rising =
    rate(later) > rate(earlier) && later.failures >= RISING_MIN_FAILURES && pValue < RISING_P_VALUE;
  return { rising, pValue };
}

/** "0 % (0/7) -> 71.4 % (5/7)" */
export function describeTrend(trend: Pick<Trend, 'earlier' | 'later'>): string {
  const show = (half: HalfCounts) =>
    `${half.runs === 0 ? 0 : Math.round(rate(half) * 1000) / 10} % (${half.failures}/${half.runs})`;
  return `${show(trend.earlier)} -> ${show(trend.later)}`;
}
