/**
 * From per-job verdicts to one decision per run. The diagnosis classifier's verdicts map so:
 * - `transient` (network, registry, runner lost, GitHub API hiccups): may be healed by the ladder;
 * - `deterministic` (tests, compile, lint, dependency), `resource` (OOM, disk: the code's appetite),
 *   `config`, `flaky` (a test: quarantined, never rerun blindly) and `unknown`: block any rerun.
 * The run is rerun only when EVERY failed job is transient: one real failure and a rerun only wastes
 * minutes and hides it, so the run escalates instead.
 */
import type { LogAnalysis, Verdict } from '@qeml/diagnosis';
import { type LadderPlan, rungFor } from './ladder';
import type { Decision, FailedJob } from './model';

const WHY: Record<Verdict, string> = {
  transient: 'transient: the world failed (network, registry, runner), a rerun should pass',
  deterministic: 'deterministic: the code or its tests failed, a rerun will not help',
  resource: 'resource: the job ran out of memory or disk, a rerun would fail the same way',
  config: 'config: the workflow or a tool is set up wrongly, a rerun will not help',
  flaky: 'flaky: a test that fails sometimes, quarantined rather than rerun',
  unknown: 'unknown: no known failure matched, so it is not taken as transient',
};

/** Whether the job allows a rerun, and why in words. */
export function judgeJob(analysis: LogAnalysis): { transient: boolean; why: string } {
  return { transient: analysis.verdict === 'transient', why: WHY[analysis.verdict] };
}

/** Which blocking verdict names the run when several jobs block (the most certain reason first). */
const BLOCKING_ORDER: readonly Verdict[] = ['deterministic', 'resource', 'config', 'flaky', 'unknown'];

export interface RunState {
  attempt: number;
  /** The run was dispatched as the fallback (never dispatched again). */
  isFallbackRun: boolean;
}

/** The run's decision: success, escalate (some job blocks) or the ladder's rung for this attempt. */
export function decide(jobs: readonly FailedJob[], plan: LadderPlan, run?: RunState): Decision {
  if (jobs.length === 0) return { verdict: 'success', recovery: 'none', because: 'no job failed' };
  const blocking = jobs.filter((job) => !job.transient);
  if (blocking.length > 0) {
    const verdict =
      BLOCKING_ORDER.find((v) => blocking.some((job) => job.analysis.verdict === v)) ?? 'unknown';
    const names = blocking.map((job) => `${job.name} (${job.analysis.verdict})`).join(', ');
    const onlyFlaky = blocking.every((job) => job.analysis.verdict === 'flaky');
    return {
      verdict,
      recovery: onlyFlaky ? 'quarantine' : 'escalate',
      because: `no rerun: ${blocking.length} of ${jobs.length} failed job${jobs.length === 1 ? '' : 's'} not transient: ${names}`,
    };
  }
  if (!run) {
    return { verdict: 'transient', recovery: 'rerun', because: 'every failed log is transient' };
  }
  const step = rungFor(run.attempt, plan, run.isFallbackRun);
  return {
    verdict: 'transient',
    recovery: step.rung,
    because: `every failed job is transient; ${step.because}`,
    ladder: { rungs: plan.ladder, attempt: run.attempt, maxAttempts: plan.maxAttempts, step },
  };
}
