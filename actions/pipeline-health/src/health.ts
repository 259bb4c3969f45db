/** The figures: pure functions from plain run records to the result model (the definitions). */
import { failureClasses, indexReports, type ReportIndex } from './failure-classes';
import { type FlakyJob, flakyJobs } from './flaky';
import {
  type FailureReport,
  firstAttempt,
  isCounted,
  isFailure,
  latestAttempt,
  mean,
  median,
  minutes,
  percent,
  type RunRecord,
  SUCCESS,
  type WorkflowRef,
} from './records';
import { type OpenRedPeriod, recoveries } from './recovery';
import { trendWarnings, type Warning } from './warnings';

export interface HealthInput {
  repo: string;
  branch: string;
  window: { start: number; end: number; label: string };
  workflows: readonly WorkflowRef[];
  runs: readonly RunRecord[];
  reports: readonly FailureReport[];
  /** Success-rate objective, percent. */
  slo: number;
}

export interface OpenRed {
  workflow: string;
  branch: string;
  runId: number;
  since: string;
  minutesSoFar: number;
}

export interface Figures {
  /** Runs in the window (any status). */
  runs: number;
  /** Runs that completed with success or a failure: the denominator of the rates. */
  counted: number;
  /** Runs counted apart, by conclusion (cancelled, skipped, neutral) or status (in_progress, ...). */
  apart: Record<string, number>;
  succeeded: number;
  firstAttemptSucceeded: number;
  firstAttemptFailed: number;
  autoRecovered: number;
  successRate: number | null;
  firstAttemptSuccessRate: number | null;
  autoRecoveryRate: number | null;
  mttr: { recoveries: number; meanMinutes: number | null; medianMinutes: number | null };
  openRedPeriods: OpenRed[];
  timeLostMinutes: number;
  queue: { meanMinutes: number | null; medianMinutes: number | null };
  /** Failed jobs (or attempts without jobs) by class. */
  failureClasses: Record<string, number>;
}

export interface WeekFigures {
  /** First day of the week (YYYY-MM-DD). */
  start: string;
  counted: number;
  succeeded: number;
  successRate: number | null;
  firstAttemptFailed: number;
}

export interface WorkflowHealth {
  name: string;
  path: string;
  figures: Figures;
  /** null when no run counted. */
  sloMet: boolean | null;
  weeks: WeekFigures[];
}

export interface HealthModel {
  repo: string;
  branch: string;
  window: { start: string; end: string; label: string };
  slo: number;
  overall: Figures;
  sloMet: boolean;
  workflows: WorkflowHealth[];
  flaky: FlakyJob[];
  warnings: Warning[];
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

export function figures(runs: readonly RunRecord[], windowEnd: number, reports: ReportIndex): Figures {
  const apart: Record<string, number> = {};
  let counted = 0;
  let succeeded = 0;
  let firstAttemptSucceeded = 0;
  let firstAttemptFailed = 0;
  let autoRecovered = 0;
  let timeLostMs = 0;
  const queueMs: number[] = [];
  const classes: Record<string, number> = {};
  for (const run of runs) {
    const first = firstAttempt(run);
    const latest = latestAttempt(run);
    if (first) queueMs.push(first.startedAt - run.createdAt);
    for (const attempt of run.attempts) {
      if (!isFailure(attempt.conclusion)) continue;
      timeLostMs += attempt.completedAt - attempt.startedAt;
      for (const cls of failureClasses(run, attempt, reports)) classes[cls] = (classes[cls] ?? 0) + 1;
    }
    const conclusion = run.status === 'completed' ? (latest?.conclusion ?? null) : null;
    if (!isCounted(conclusion)) {
      const reason = run.status === 'completed' ? (conclusion ?? 'unknown') : run.status;
      apart[reason] = (apart[reason] ?? 0) + 1;
      continue;
    }
    counted += 1;
    if (conclusion === SUCCESS) succeeded += 1;
    if (first?.conclusion === SUCCESS) firstAttemptSucceeded += 1;
    if (isFailure(first?.conclusion ?? null)) {
      firstAttemptFailed += 1;
      if (conclusion === SUCCESS) autoRecovered += 1;
    }
  }
  const found = recoveries(runs, windowEnd);
  const durations = found.recoveries.map((r) => r.durationMs / 60_000);
  return {
    runs: runs.length,
    counted,
    apart,
    succeeded,
    firstAttemptSucceeded,
    firstAttemptFailed,
    autoRecovered,
    successRate: percent(succeeded, counted),
    firstAttemptSuccessRate: percent(firstAttemptSucceeded, counted),
    autoRecoveryRate: percent(autoRecovered, firstAttemptFailed),
    mttr: {
      recoveries: durations.length,
      meanMinutes: round2(mean(durations)),
      medianMinutes: round2(median(durations)),
    },
    openRedPeriods: found.open.map(openRed),
    timeLostMinutes: minutes(timeLostMs),
    queue: {
      meanMinutes: round2(mean(queueMs.map((ms) => ms / 60_000))),
      medianMinutes: round2(median(queueMs.map((ms) => ms / 60_000))),
    },
    failureClasses: classes,
  };
}

function openRed(period: OpenRedPeriod): OpenRed {
  return {
    workflow: period.workflow,
    branch: period.branch,
    runId: period.failedRunId,
    since: iso(period.redSince),
    minutesSoFar: minutes(period.openMs),
  };
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

function weeks(runs: readonly RunRecord[], start: number, end: number): WeekFigures[] {
  const out: WeekFigures[] = [];
  for (let from = start; from < end; from += WEEK_MS) {
    const inWeek = runs.filter((run) => run.createdAt >= from && run.createdAt < from + WEEK_MS);
    const counted = inWeek.filter(
      (run) => run.status === 'completed' && isCounted(latestAttempt(run)?.conclusion ?? null),
    );
    const succeeded = counted.filter((run) => latestAttempt(run)?.conclusion === SUCCESS).length;
    out.push({
      start: iso(from).slice(0, 10),
      counted: counted.length,
      succeeded,
      successRate: percent(succeeded, counted.length),
      firstAttemptFailed: counted.filter((run) => isFailure(firstAttempt(run)?.conclusion ?? null)).length,
    });
  }
  return out;
}

export function computeHealth(input: HealthInput): HealthModel {
  const reports = indexReports(input.reports);
  const names = new Map(input.workflows.map((w) => [w.path, w.name]));
  const nameOf = (path: string) => names.get(path) ?? path;
  const named = (f: Figures): Figures => ({
    ...f,
    openRedPeriods: f.openRedPeriods.map((period) => ({ ...period, workflow: nameOf(period.workflow) })),
  });
  const workflows = input.workflows.map((workflow): WorkflowHealth => {
    const runs = input.runs.filter((run) => run.workflow === workflow.path);
    const f = named(figures(runs, input.window.end, reports));
    return {
      name: workflow.name,
      path: workflow.path,
      figures: f,
      sloMet: f.successRate === null ? null : f.successRate >= input.slo,
      weeks: weeks(runs, input.window.start, input.window.end),
    };
  });
  return {
    repo: input.repo,
    branch: input.branch,
    window: { start: iso(input.window.start), end: iso(input.window.end), label: input.window.label },
    slo: input.slo,
    overall: named(figures(input.runs, input.window.end, reports)),
    sloMet: workflows.every((w) => w.sloMet !== false),
    workflows,
    flaky: flakyJobs(input.runs, reports).map((entry) => ({ ...entry, workflow: nameOf(entry.workflow) })),
    warnings: trendWarnings(input, reports),
  };
}
