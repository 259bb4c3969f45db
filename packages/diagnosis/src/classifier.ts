/**
 * The classifier: one verdict and one recovery per log. When in doubt it is not transient: a wrong
 * "transient" reruns a real failure, the one mistake we never make. A log is transient only when its
 * top finding is a transient signature and no deterministic signature ranks near it.
 */
import type { Category, Finding, Recovery, Verdict } from './types';

/** Findings this close to the top (by rank) can veto a transient verdict. */
const NEAR_THE_TOP = 3;
/** A deterministic finding vetoes when its score is at least this share of the top finding's. */
const VETO_SHARE = 0.4;

/** Categories that describe the code, never the world: a finding in them is never transient. */
const NEVER_TRANSIENT: ReadonlySet<string> = new Set(['compile', 'lint', 'dependency', 'config']);

const CATEGORY_VERDICT: Partial<Record<Category, Verdict>> = {
  resource: 'resource',
  config: 'config',
};

export interface Classification {
  verdict: Verdict;
  recovery: Recovery;
}

export function classify(
  findings: readonly Finding[],
  recoveries: ReadonlyMap<string, Recovery>,
): Classification {
  const top = findings[0];
  if (!top || top.pattern === null) return { verdict: 'unknown', recovery: 'escalate' };
  const recovery = recoveries.get(top.pattern) ?? 'escalate';
  if (top.transient && !NEVER_TRANSIENT.has(top.category)) {
    const topScore = top.score ?? 0;
    const veto = findings
      .slice(1, NEAR_THE_TOP)
      .some((f) => f.pattern !== null && !f.transient && (f.score ?? 0) >= topScore * VETO_SHARE);
    if (veto) return { verdict: 'deterministic', recovery: 'escalate' };
    if (top.category === 'test')
      return { verdict: 'flaky', recovery: recovery === 'rerun' ? 'quarantine' : recovery };
    if (top.category === 'resource') return { verdict: 'resource', recovery };
    return { verdict: 'transient', recovery };
  }
  const verdict = CATEGORY_VERDICT[top.category as Category] ?? 'deterministic';
  // A rerun never fixes what is not transient.
  return { verdict, recovery: recovery === 'rerun' ? 'escalate' : recovery };
}
