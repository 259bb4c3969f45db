/**
 * The progressive recovery ladder: which recovery the analysed run's attempt number calls for when
 * every failed job is transient. Rung n is tried on attempt n; past the last rung, escalate.
 */

/** What one rung does. `rerun` / `rerun-clean-cache` make a new attempt of the same run. */
export const RUNGS = ['rerun', 'rerun-clean-cache', 'fallback'] as const;
export type Rung = (typeof RUNGS)[number];

/** The default ladder: attempt 1 rerun, attempt 2 clean the implicated caches then rerun, attempt 3 fallback. */
export const DEFAULT_LADDER: readonly Rung[] = ['rerun', 'rerun-clean-cache', 'fallback'];

export interface LadderPlan {
  ladder: readonly Rung[];
  /** Total run attempts allowed, counting the first (a rerun is refused once the run has this many). */
  maxAttempts: number;
  /** The workflow a `fallback` rung dispatches; without one that rung escalates. */
  fallbackWorkflow?: string;
}

export type LadderStep = { rung: Rung; because: string } | { rung: 'escalate'; because: string };

/**
 * The rung for `attempt` (1-based). A rerun rung is skipped when the run already has `maxAttempts`
 * attempts (a rerun would exceed them); then the next fallback rung applies, else escalation.
 * `isFallbackRun`: the analysed run was itself dispatched as the fallback, which is never dispatched again.
 */
export function rungFor(attempt: number, plan: LadderPlan, isFallbackRun = false): LadderStep {
  for (let index = attempt - 1; index < plan.ladder.length; index++) {
    const rung = plan.ladder[index] as Rung;
    const at = `rung ${index + 1} of ${plan.ladder.length}`;
    if (rung === 'fallback') {
      if (isFallbackRun) return { rung: 'escalate', because: 'this run is the fallback already' };
      if (!plan.fallbackWorkflow)
        return { rung: 'escalate', because: `${at} is fallback, but no fallback-workflow is set` };
      return { rung, because: `attempt ${attempt}: ${at}` };
    }
    if (attempt >= plan.maxAttempts) continue;
    if (index === attempt - 1) return { rung, because: `attempt ${attempt}: ${at}` };
  }
  const used = Math.min(attempt, plan.maxAttempts);
  return {
    rung: 'escalate',
    because: `the ladder is climbed (attempt ${attempt}, ${used} of max-attempts ${plan.maxAttempts} used)`,
  };
}

/** Backoff before a rerun: the first delay doubled per earlier attempt (attempt 1 waits `firstDelayMs`). */
export function rerunDelay(firstDelayMs: number, attempt: number, maxDelayMs = 15 * 60_000): number {
  return Math.min(maxDelayMs, firstDelayMs * 2 ** Math.max(0, attempt - 1));
}
