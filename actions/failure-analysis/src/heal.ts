/**
 * The ladder's rungs against GitHub. `planHeal` only reads (which implicated caches exist, whether
 * the fallback was already dispatched for this commit), so a permanent 401/404 stops the analysis
 * before any write; `applyHeal` then waits the backoff and writes.
 */
import type { Clock, Logger } from '@qeml/action-kit';
import type { GitHubClient } from '@qeml/action-kit/github';
import type { Rung } from './ladder';
import type { AnalysedRun } from './model';

export interface HealConfig {
  rerunDelayMs: number;
  fallbackWorkflow?: string;
  fallbackInputs: Record<string, string>;
}

export interface HealPlan {
  rung: Rung;
  delayMs: number;
  /** Exact cache keys to delete (listed by prefix, found to exist). */
  caches: string[];
  dispatch?: { workflow: string; ref: string; inputs: Record<string, string> };
  /** A fallback run for this commit exists already: not dispatched twice. */
  alreadyDispatched: boolean;
}

export async function planHeal(
  github: GitHubClient,
  run: AnalysedRun,
  rung: Rung,
  implicatedKeys: readonly string[],
  config: HealConfig,
  delayMs: number,
): Promise<HealPlan> {
  const plan: HealPlan = { rung, delayMs, caches: [], alreadyDispatched: false };
  if (rung === 'rerun-clean-cache') {
    for (const key of implicatedKeys) {
      const caches = await github.paginate(github.rest.actions.getActionsCacheList, {
        owner: run.owner,
        repo: run.repo,
        key,
        per_page: 100,
      });
      if (caches.some((cache) => cache.key === key)) plan.caches.push(key);
    }
  }
  if (rung === 'fallback' && config.fallbackWorkflow) {
    const { data } = await github.rest.actions.listWorkflowRuns({
      owner: run.owner,
      repo: run.repo,
      workflow_id: config.fallbackWorkflow,
      event: 'workflow_dispatch',
      head_sha: run.sha,
      per_page: 1,
    });
    plan.alreadyDispatched = data.workflow_runs.length > 0;
    plan.dispatch = { workflow: config.fallbackWorkflow, ref: run.branch, inputs: config.fallbackInputs };
  }
  return plan;
}

export interface HealOutcome {
  rerun: boolean;
  deletedCaches: string[];
  dispatched?: { workflow: string; ref: string };
  notes: string[];
}

export async function applyHeal(
  github: GitHubClient,
  run: AnalysedRun,
  plan: HealPlan,
  deps: { clock: Clock; logger: Logger },
): Promise<HealOutcome> {
  const outcome: HealOutcome = { rerun: false, deletedCaches: [], notes: [] };
  const repo = { owner: run.owner, repo: run.repo };
  if (plan.rung === 'fallback') {
    if (!plan.dispatch) return outcome;
    if (plan.alreadyDispatched) {
      outcome.notes.push(
        `${plan.dispatch.workflow} was already dispatched for ${run.sha.slice(0, 7)}: not dispatched twice`,
      );
      return outcome;
    }
    await github.rest.actions.createWorkflowDispatch({
      ...repo,
      workflow_id: plan.dispatch.workflow,
      ref: plan.dispatch.ref,
      inputs: plan.dispatch.inputs,
    });
    outcome.dispatched = { workflow: plan.dispatch.workflow, ref: plan.dispatch.ref };
    return outcome;
  }
  if (plan.delayMs > 0) {
    deps.logger.info(`Waiting ${Math.round(plan.delayMs / 1000)}s before the rerun.`);
    await deps.clock.sleep(plan.delayMs);
  }
  for (const key of plan.caches) {
    try {
      await github.rest.actions.deleteActionsCacheByKey({ ...repo, key });
      outcome.deletedCaches.push(key);
    } catch (error) {
      // Gone since it was listed (another analysis, or eviction): what we wanted.
      if ((error as { status?: number }).status !== 404) throw error;
      outcome.notes.push(`cache ${key} was already deleted`);
    }
  }
  if (plan.rung === 'rerun-clean-cache' && plan.caches.length === 0)
    outcome.notes.push('no cache the failure implicates was found: rerun without deleting any');
  try {
    await github.rest.actions.reRunWorkflowFailedJobs({ ...repo, run_id: run.id });
    outcome.rerun = true;
  } catch (error) {
    // Another analysis of the same attempt got there first (GitHub: "already running").
    const refusedAsDone = /already running|no failed jobs/i.test((error as Error).message);
    if ((error as { status?: number }).status !== 403 || !refusedAsDone) throw error;
    outcome.notes.push(
      `rerun refused (${(error as Error).message}): another analysis probably reran it already`,
    );
  }
  return outcome;
}
