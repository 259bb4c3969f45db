/**
 * The failure-analysis engine: explain every failed job of a run (or local log files), decide per
 * run, heal along the ladder, escalate once. Pure: GitHub, the clock, the logger and the redactor
 * come from `deps`; every read happens before the first write, so a permanent 401/404 leaves
 * nothing half done.
 */
import path from 'node:path';
import type { Clock, Logger, Redactor } from '@qeml/action-kit';
import type { GitHubClient } from '@qeml/action-kit/github';
import {
  type Baseline,
  type CompiledCatalogue,
  compileForAnalysis,
  readBaseline,
  type Signature,
} from '@qeml/diagnosis';
import { analyseLogs } from './analyse-jobs';
import { explainApiError } from './api-errors';
import { decide, judgeJob } from './decision';
import { commentRecovered, escalate, fingerprint } from './escalation';
import { findFlakyTests } from './flaky';
import { applyHeal, type HealPlan, planHeal } from './heal';
import { type Rung, rerunDelay } from './ladder';
import { analyseFiles } from './local-files';
import { type AnalysedRun, type FailedJob, type FailureAnalysisResult, noActions } from './model';
import {
  FAILED_CONCLUSIONS,
  findBaselineJob,
  getRun,
  listJobAnnotations,
  listLatestJobs,
  type RunJob,
  streamJobLog,
} from './run-source';

export type AnalysisTarget =
  | {
      kind: 'run';
      owner: string;
      repo: string;
      runId: number;
      /** The attempt the triggering event saw (workflow_run); a newer one means someone acted already. */
      attempt?: number;
      /** The run this step belongs to (still in progress: analysed, never healed). */
      self: boolean;
    }
  | { kind: 'files'; globs: string[] };

export interface FailureAnalysisConfig {
  target: AnalysisTarget;
  /** The catalogue: built-in signatures merged with the user's patterns file. */
  signatures: readonly Signature[];
  heal: boolean;
  maxAttempts: number;
  rerunDelayMs: number;
  ladder: readonly Rung[];
  escalate: 'issue' | 'none';
  issueLabels: readonly string[];
  closeOnRecovery: boolean;
  fallbackWorkflow?: string;
  fallbackInputs: Record<string, string>;
}

export interface FailureAnalysisDeps {
  clock: Clock;
  logger: Logger;
  redactor: Redactor;
  /** Absent when only local files are analysed. */
  github?: GitHubClient;
  /** Where `log-files` globs are resolved. */
  workspace: string;
}

export async function runFailureAnalysis(
  config: FailureAnalysisConfig,
  deps: FailureAnalysisDeps,
): Promise<FailureAnalysisResult> {
  const catalogue = compileForAnalysis(config.signatures);
  if (config.target.kind === 'files') return analyseFiles(config.target.globs, catalogue, deps);
  if (!deps.github) throw new Error('failure-analysis: a run is analysed through a GitHub client');
  const { owner, repo } = config.target;
  try {
    return await analyseRun(config, config.target, catalogue, deps.github, deps);
  } catch (error) {
    throw explainApiError(error, `${owner}/${repo}`);
  }
}

async function analyseRun(
  config: FailureAnalysisConfig,
  target: Extract<AnalysisTarget, { kind: 'run' }>,
  catalogue: CompiledCatalogue,
  github: GitHubClient,
  deps: FailureAnalysisDeps,
): Promise<FailureAnalysisResult> {
  const { logger, redactor } = deps;
  const fetched = await getRun(github, target.owner, target.repo, target.runId);
  const skip = (because: string): FailureAnalysisResult => ({
    run: { ...fetched, totalJobs: 0 },
    jobs: [],
    flaky: [],
    decision: { verdict: 'skipped', recovery: 'none', because },
    taken: noActions([because]),
  });
  if (target.attempt !== undefined && fetched.attempt > target.attempt)
    return skip(
      `attempt ${fetched.attempt} of the run exists already (the event was for attempt ${target.attempt}): nothing to do twice`,
    );
  if (!target.self && fetched.status !== 'completed')
    return skip(
      `the run is ${fetched.status.replace('_', ' ')} (attempt ${fetched.attempt}): nothing to do until it completes`,
    );

  const latest = await listLatestJobs(github, target.owner, target.repo, target.runId);
  const run: AnalysedRun = { ...fetched, totalJobs: latest.length };
  const failedJobs = latest.filter(
    (job) => job.status === 'completed' && FAILED_CONCLUSIONS.has(job.conclusion ?? ''),
  );
  logger.info(
    `${run.workflow} run ${run.id} attempt ${run.attempt}: ${failedJobs.length} of ${latest.length} jobs failed.`,
  );

  const flaky = await findFlakyTests(github, run, latest, { catalogue, redactor });
  if (failedJobs.length === 0) return recoveredRun(config, run, flaky, github);

  const baseline = await baselineFor(github, run, failedJobs, catalogue, logger);
  const gone: string[] = [];
  const analysed = await analyseLogs(
    failedJobs.map((job) => ({
      item: job,
      name: job.name,
      // Another job's passing log is no baseline: its normal lines may be this job's reason.
      ...(baseline && job.name === baseline.source.job ? { baseline: baseline.baseline } : {}),
      open: () =>
        streamJobLog(github, run.owner, run.repo, job.id).catch((error: { status?: number }) => {
          // Logs expire (90 days by default): the job stays in the report, judged unknown.
          if (error.status !== 404 && error.status !== 410) throw error;
          gone.push(job.name);
          return [];
        }),
    })),
    { catalogue, redactor },
  );
  const jobs: FailedJob[] = [];
  for (const { item, analysis, cacheKeys } of analysed) {
    const annotations = await listJobAnnotations(github, run.owner, run.repo, item.id);
    jobs.push({
      id: item.id,
      name: item.name,
      url: item.url,
      conclusion: item.conclusion ?? 'failure',
      analysis,
      annotations,
      cacheKeys,
      ...judgeJob(analysis),
    });
  }

  const isFallbackRun =
    run.event === 'workflow_dispatch' &&
    config.fallbackWorkflow !== undefined &&
    [String(run.workflowId), run.workflowPath, path.basename(run.workflowPath)].includes(
      config.fallbackWorkflow,
    );
  const decision = decide(
    jobs,
    { ladder: config.ladder, maxAttempts: config.maxAttempts, fallbackWorkflow: config.fallbackWorkflow },
    { attempt: run.attempt, isFallbackRun },
  );
  const result: FailureAnalysisResult = {
    run,
    jobs,
    flaky,
    decision,
    taken: noActions(),
    ...(baseline ? { baseline: baseline.source } : {}),
  };
  for (const name of gone)
    result.taken.notes.push(`the log of ${name} is no longer available: judged unknown`);
  const rung = decision.recovery;
  if (rung === 'escalate') {
    const blocking = jobs.filter((job) => !job.transient);
    result.fingerprint = fingerprint(run.workflowPath, blocking.length > 0 ? blocking : jobs);
  }

  // Reads for the writes to come, then the writes.
  let plan: HealPlan | undefined;
  if (rung === 'rerun' || rung === 'rerun-clean-cache' || rung === 'fallback') {
    if (!config.heal) result.taken.notes.push(`heal is off: ${rung} recommended, not done`);
    else if (target.self)
      result.taken.notes.push(
        `the run is still in progress (this step is part of it): ${rung} recommended, not done`,
      );
    else {
      const keys = [...new Set(jobs.flatMap((job) => job.cacheKeys))];
      const delayMs = rung === 'fallback' ? 0 : rerunDelay(config.rerunDelayMs, run.attempt);
      plan = await planHeal(github, run, rung, keys, config, delayMs);
    }
  }
  if (plan) {
    const outcome = await applyHeal(github, run, plan, deps);
    result.taken = {
      ...result.taken,
      ...outcome,
      delayMs: plan.delayMs,
      notes: [...result.taken.notes, ...outcome.notes],
    };
  }
  if (rung === 'escalate' && result.fingerprint) {
    if (config.escalate === 'issue') {
      result.taken.issue = await escalate(github, {
        run,
        jobs,
        fingerprint: result.fingerprint,
        labels: config.issueLabels,
        verdict: decision.verdict,
        because: decision.because,
        now: new Date(deps.clock.now()).toISOString(),
        redactor,
      });
    } else result.taken.notes.push('escalate is none: no issue opened');
  }
  return result;
}

/** A green run: comment "recovered" on the issues this workflow opened for this branch. */
async function recoveredRun(
  config: FailureAnalysisConfig,
  run: AnalysedRun,
  flaky: FailureAnalysisResult['flaky'],
  github: GitHubClient,
): Promise<FailureAnalysisResult> {
  const result: FailureAnalysisResult = {
    run,
    jobs: [],
    flaky,
    decision: withoutFailedJob(run, flaky.length > 0),
    taken: noActions(),
  };
  if (config.escalate === 'issue' && run.conclusion === 'success')
    result.taken.recovered = await commentRecovered(github, run, config.closeOnRecovery);
  return result;
}

/** Failure conclusions of a run (a run can fail before any job does: startup_failure). */
const RUN_FAILED: ReadonlySet<string> = new Set(['failure', 'timed_out', 'startup_failure']);

/** The decision for a run without a failed job: a success only when it passed (or is this run, still going). */
function withoutFailedJob(run: AnalysedRun, flaky: boolean): FailureAnalysisResult['decision'] {
  const recovery = flaky ? 'quarantine' : 'none';
  if (run.conclusion === 'success') return { verdict: 'success', recovery, because: 'the run passed' };
  if (run.conclusion === null) return { verdict: 'success', recovery, because: 'no job failed' };
  if (RUN_FAILED.has(run.conclusion))
    return {
      verdict: 'unknown',
      recovery: 'none',
      because: `the run concluded ${run.conclusion}, yet no job failed (the workflow file or its setup is to blame): nothing to rerun`,
    };
  return {
    verdict: 'skipped',
    recovery: 'none',
    because: `the run was ${run.conclusion} and no job failed: nothing to explain`,
  };
}

/** One passing log of the same workflow on the same branch, for the first failed job's name. */
async function baselineFor(
  github: GitHubClient,
  run: AnalysedRun,
  failed: readonly RunJob[],
  catalogue: CompiledCatalogue,
  logger: Logger,
): Promise<{ baseline: Baseline; source: NonNullable<FailureAnalysisResult['baseline']> } | undefined> {
  const first = failed[0];
  if (!first || !run.branch) return undefined;
  const source = await findBaselineJob(github, run, first.name);
  if (!source) {
    logger.debug(
      `No successful run of ${run.workflowPath} on ${run.branch} with job ${first.name}: no baseline.`,
    );
    return undefined;
  }
  let log: AsyncIterable<Buffer>;
  try {
    log = await streamJobLog(github, run.owner, run.repo, source.job.id);
  } catch (error) {
    // An expired or deleted log (404/410): no baseline, as without a passing run.
    const status = (error as { status?: number }).status;
    if (status !== 404 && status !== 410) throw error;
    logger.debug(`The log of ${source.job.name} in run ${source.runId} is gone: no baseline.`);
    return undefined;
  }
  const baseline = await readBaseline(log, catalogue);
  return { baseline, source: { runId: source.runId, url: source.url, job: source.job.name } };
}
