/**
 * Which workflows, jobs and failure classes have a rising first-attempt failure rate: the halves of
 * the window compared by trends.ts's test, over the counted runs of each subject.
 */
import { failedJobs, failureClasses, type ReportIndex } from './failure-classes';
import type { HealthInput } from './health';
import { firstAttempt, isCounted, isFailure, latestAttempt, type RunRecord } from './records';
import { describeTrend, type HalfCounts, isRising, type Trend } from './trends';

export interface Warning extends Trend {
  /** "first-attempt failure rate 0 % (0/7) -> 71.4 % (5/7)" */
  text: string;
}

/** Counted runs of each half of the window whose attempt 1 failed the way `failed` says. */
function halves(
  runs: readonly RunRecord[],
  middle: number,
  failed: (run: RunRecord) => boolean,
): [HalfCounts, HalfCounts] {
  const half = (early: boolean): HalfCounts => {
    const inHalf = runs.filter(
      (run) =>
        run.status === 'completed' &&
        isCounted(latestAttempt(run)?.conclusion ?? null) &&
        run.createdAt < middle === early,
    );
    return { runs: inHalf.length, failures: inHalf.filter(failed).length };
  };
  return [half(true), half(false)];
}

export function trendWarnings(input: HealthInput, reports: ReportIndex): Warning[] {
  const middle = input.window.start + (input.window.end - input.window.start) / 2;
  const firstFailed = (run: RunRecord) => isFailure(firstAttempt(run)?.conclusion ?? null);
  const subjects: Array<{
    kind: Trend['kind'];
    subject: string;
    runs: RunRecord[];
    failed: (run: RunRecord) => boolean;
  }> = [];
  for (const workflow of input.workflows) {
    const runs = input.runs.filter((run) => run.workflow === workflow.path);
    subjects.push({ kind: 'workflow', subject: workflow.name, runs, failed: firstFailed });
    const jobs = new Set(runs.flatMap((run) => failedJobs(run, 1)));
    for (const job of [...jobs].sort())
      subjects.push({
        kind: 'job',
        subject: `${workflow.name} / ${job}`,
        runs,
        failed: (run) => failedJobs(run, 1).includes(job),
      });
  }
  const classesOf = (run: RunRecord) => {
    const first = firstAttempt(run);
    return first && isFailure(first.conclusion) ? failureClasses(run, first, reports) : [];
  };
  const allClasses = new Set(input.runs.flatMap(classesOf));
  for (const cls of [...allClasses].sort())
    subjects.push({
      kind: 'failure-class',
      subject: cls,
      runs: [...input.runs],
      failed: (run) => classesOf(run).includes(cls),
    });

  const warnings: Warning[] = [];
  for (const { kind, subject, runs, failed } of subjects) {
    const [earlier, later] = halves(runs, middle, failed);
    const { rising, pValue } = isRising(earlier, later);
    if (!rising) continue;
    const what = kind === 'failure-class' ? `failure class ${subject}` : `${kind} ${subject}`;
    warnings.push({
      kind,
      subject,
      earlier,
      later,
      pValue: Math.round(pValue * 10_000) / 10_000,
      text: `${what}: first-attempt failure rate rising, ${describeTrend({ earlier, later })} (one-sided Fisher p = ${pValue.toFixed(3)})`,
    });
  }
  return warnings;
}
