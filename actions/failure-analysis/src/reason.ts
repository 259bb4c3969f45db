/** The reason a person reads first: the top finding of the first job that blocks a rerun (else of the first job). */
import type { Finding } from '@qeml/diagnosis';
import type { FailedJob } from './model';

/** Excerpt lines shown at most (summary, issue). */
export const EXCERPT_MAX_LINES = 30;

export function reasonOf(
  jobs: readonly FailedJob[],
): { job: FailedJob; finding: Finding | undefined } | undefined {
  const job = jobs.find((j) => !j.transient) ?? jobs[0];
  return job ? { job, finding: job.analysis.findings[0] } : undefined;
}

/** The finding's excerpt, at most 30 lines (already redacted by the analyzer, line by line). */
export function excerptLines(finding: Finding): string {
  const lines = finding.excerpt.split('\n');
  if (lines.length <= EXCERPT_MAX_LINES) return finding.excerpt;
  return [...lines.slice(0, EXCERPT_MAX_LINES), `… ${lines.length - EXCERPT_MAX_LINES} more lines`].join(
    '\n',
  );
}

/** The line a finding is about (1-based line of the log). */
export function focusLine(finding: Finding): number {
  return finding.focus ?? finding.start;
}
