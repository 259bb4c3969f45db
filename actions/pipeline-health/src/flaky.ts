/**
 * Flaky jobs: a job that failed and then passed on the same head SHA, in a re-run or a new run of
 * the same workflow. A run whose attempt succeeded passed every job it has, so a later successful
 * attempt on the SHA counts as the job passing even when that run's jobs were not fetched (jobs are
 * fetched only for runs that failed). Ranked by the number of SHAs on which it happened.
 */
import { type ReportIndex, reportedClass } from './failure-classes';
import { isFailure, type RunRecord, SUCCESS } from './records';

export interface FlakyJob {
  workflow: string;
  job: string;
  /** SHAs on which the job failed and then passed. */
  count: number;
  shas: string[];
  /** Classes of its failures on those SHAs: from failure-analysis reports, else the job's conclusion. */
  classes: Record<string, number>;
}

interface JobEvent {
  job: string;
  at: number;
  passed: boolean;
  runId: number;
  attempt: number;
  conclusion: string;
}

export function flakyJobs(runs: readonly RunRecord[], reports: ReportIndex): FlakyJob[] {
  const byShaAndWorkflow = new Map<string, RunRecord[]>();
  for (const run of runs) {
    const key = `${run.workflow}\u0000${run.headSha}`;
    byShaAndWorkflow.set(key, [...(byShaAndWorkflow.get(key) ?? []), run]);
  }
  const found = new Map<string, FlakyJob>();
  for (const group of byShaAndWorkflow.values()) {
    const events: JobEvent[] = [];
    const greenAt: number[] = [];
    for (const run of group) {
      const completedAt = new Map(run.attempts.map((a) => [a.number, a.completedAt]));
      for (const job of run.jobs ?? []) {
        const at = completedAt.get(job.attempt);
        if (at === undefined || job.conclusion === null) continue;
        const passed = job.conclusion === SUCCESS;
        if (!passed && !isFailure(job.conclusion)) continue;
        events.push({
          job: job.name,
          at,
          passed,
          runId: run.id,
          attempt: job.attempt,
          conclusion: job.conclusion,
        });
      }
      for (const attempt of run.attempts)
        if (attempt.conclusion === SUCCESS) greenAt.push(attempt.completedAt);
    }
    const failures = events.filter((e) => !e.passed);
    const jobsSeen = new Set(failures.map((e) => e.job));
    for (const job of jobsSeen) {
      const firstFailure = failures.filter((e) => e.job === job).sort((a, b) => a.at - b.at)[0] as JobEvent;
      const passedLater =
        events.some((e) => e.job === job && e.passed && e.at > firstFailure.at) ||
        greenAt.some((at) => at > firstFailure.at);
      if (!passedLater) continue;
      const run = group[0] as RunRecord;
      const key = `${run.workflow}\u0000${job}`;
      const entry = found.get(key) ?? { workflow: run.workflow, job, count: 0, shas: [], classes: {} };
      entry.count += 1;
      entry.shas.push(run.headSha);
      for (const failure of failures.filter((e) => e.job === job)) {
        const cls = reportedClass(reports, failure.runId, failure.attempt, job) ?? failure.conclusion;
        entry.classes[cls] = (entry.classes[cls] ?? 0) + 1;
      }
      found.set(key, entry);
    }
  }
  return [...found.values()].sort(
    (a, b) => b.count - a.count || a.workflow.localeCompare(b.workflow) || a.job.localeCompare(b.job),
  );
}
