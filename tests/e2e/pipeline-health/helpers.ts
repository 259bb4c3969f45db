/** Shared helpers of the pipeline-health e2e tests: a sim holding the month, the bundle run against it. */
import type { GitHubSim } from '@qeml/github-sim';
import type { StepResult } from '@qeml/local-runner';
import { type BundleRunOptions, runBundle } from '../../support/bundle';

export const REPO = 'octo/ml-lib';
export const TOKEN = 'ghs_pipeline_health_token_0123456789';

/** The bundle against the sim, as a step of a workflow in octo/ml-lib; backoff in 1 ms units, no write spacing. */
export function runHealthBundle(
  node: string,
  sim: GitHubSim,
  inputs: Record<string, string> = {},
  options: BundleRunOptions = {},
): Promise<StepResult> {
  return runBundle('pipeline-health', {
    node,
    inputs,
    apiUrl: sim.url,
    token: TOKEN,
    repository: REPO,
    ...options,
    env: { QEML_GITHUB_RETRY_BASE_MS: '1', QEML_GITHUB_MIN_WRITE_INTERVAL_MS: '0', ...options.env },
  });
}

/** The `report` output as JSON read back: the tests walk it by the documented names. */
// biome-ignore lint/suspicious/noExplicitAny: parsed JSON, checked by the assertions themselves
export type ReportJson = any;

/** The `report` output, parsed. */
export function reportOf(step: StepResult): ReportJson {
  return JSON.parse(step.outputs.report ?? '{}');
}

/** The figures the tests compare (every one the issue defines), from one `figures` object of the report. */
export function figuresOf(f: ReportJson) {
  return {
    runs: f.runs,
    counted: f.counted,
    apart: f.apart,
    successRate: f['success-rate'],
    firstAttemptSuccessRate: f['first-attempt-success-rate'],
    autoRecoveryRate: f['auto-recovery-rate'],
    mttrMean: f.mttr['mean-minutes'],
    mttrMedian: f.mttr['median-minutes'],
    recoveries: f.mttr.recoveries,
    openRedSince: f['open-red-periods'].map((p: { since: string }) => p.since),
    timeLost: f['time-lost-minutes'],
    queueMean: f.queue['mean-minutes'],
    queueMedian: f.queue['median-minutes'],
    failureClasses: f['failure-classes'],
  };
}

/** Per workflow and overall figures of a report, keyed by workflow name (and 'overall'). */
export function allFigures(report: ReportJson) {
  const out: Record<string, ReturnType<typeof figuresOf>> = { overall: figuresOf(report.overall) };
  for (const workflow of report.workflows) out[workflow.name] = figuresOf(workflow.figures);
  return out;
}
