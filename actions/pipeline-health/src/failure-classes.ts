/**
 * The failure classes of a failed attempt: from failure-analysis reports when one covers it (the class
 * it gives each failed job), else from the failed jobs' conclusions (`failure`, `timed_out`), else
 * from the attempt's own conclusion (a `startup_failure` has no jobs).
 */
import { type AttemptRecord, type FailureReport, isFailure, type RunRecord } from './records';

export type ReportIndex = ReadonlyMap<number, readonly FailureReport[]>;

export function indexReports(reports: readonly FailureReport[]): ReportIndex {
  const index = new Map<number, FailureReport[]>();
  for (const report of reports) index.set(report.runId, [...(index.get(report.runId) ?? []), report]);
  return index;
}

/** Failed jobs of one attempt, by name. */
export function failedJobs(run: RunRecord, attempt: number): string[] {
  return (run.jobs ?? [])
    .filter((job) => job.attempt === attempt && isFailure(job.conclusion))
    .map((job) => job.name);
}

/** The class of each failed job of the attempt (one entry per failed job, or one for the attempt). */
export function failureClasses(run: RunRecord, attempt: AttemptRecord, reports: ReportIndex): string[] {
  const jobs = failedJobs(run, attempt.number);
  const report = (reports.get(run.id) ?? []).find(
    (r) => r.attempt === undefined || r.attempt === attempt.number,
  );
  if (report) {
    const named =
      jobs.length > 0 ? jobs.filter((job) => report.classesByJob[job]) : Object.keys(report.classesByJob);
    if (named.length > 0) return named.map((job) => report.classesByJob[job] as string);
  }
  if (jobs.length > 0)
    return (run.jobs ?? [])
      .filter((job) => job.attempt === attempt.number && isFailure(job.conclusion))
      .map((job) => job.conclusion as string);
  return [attempt.conclusion ?? 'failure'];
}

/** The class a report gives one job of a run, if any. */
export function reportedClass(
  reports: ReportIndex,
  runId: number,
  attempt: number,
  job: string,
): string | undefined {
  const report = (reports.get(runId) ?? []).find((r) => r.attempt === undefined || r.attempt === attempt);
  return report?.classesByJob[job];
}
