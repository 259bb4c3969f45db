/** What the step exposes: outputs (declared once), the report file, annotations at file:line. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger, Redactor, Runner } from '@qeml/action-kit';
import type { FailureAnalysisResult } from './model';
import { annotationsOf, buildReport, failedJobsSummary } from './report';

export const Output = {
  Verdict: 'verdict',
  Recovery: 'recovery',
  Rerun: 'rerun',
  IssueNumber: 'issue-number',
  FailedJobs: 'failed-jobs',
  Report: 'report',
} as const;

export function setFailureAnalysisOutputs(
  runner: Runner,
  result: FailureAnalysisResult,
  redactor: Redactor,
): void {
  runner.setOutput(Output.Verdict, result.decision.verdict);
  runner.setOutput(Output.Recovery, result.decision.recovery);
  runner.setOutput(Output.Rerun, String(result.taken.rerun));
  runner.setOutput(Output.IssueNumber, result.taken.issue ? String(result.taken.issue.number) : '');
  runner.setOutput(Output.FailedJobs, JSON.stringify(redactor.redactDeep(failedJobsSummary(result))));
  runner.setOutput(Output.Report, JSON.stringify(redactor.redactDeep(buildReport(result))));
}

/** The report JSON at `report-path` (relative to the workspace), redacted like the output. */
export async function writeReportFile(
  file: string,
  workspace: string,
  result: FailureAnalysisResult,
  redactor: Redactor,
): Promise<string> {
  const target = path.resolve(workspace, file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, `${JSON.stringify(redactor.redactDeep(buildReport(result)), null, 2)}\n`);
  return target;
}

/**
 * An error annotation at each file:line a failure names (the runner keeps the first 10 per level),
 * redacted: job names and check-run messages come from the run, not through the analyzer.
 */
export function annotateFailures(result: FailureAnalysisResult, logger: Logger, redactor: Redactor): void {
  for (const { message, properties } of annotationsOf(result))
    logger.error(redactor.redact(message), { ...properties, file: redactor.redact(properties.file ?? '') });
}
