/** What the step exposes: output names declared once, written through a Runner. */
import { type Runner, redact, redactDeep } from '@qeml/action-kit';
import { matrixOutput } from './matrix';
import type { PreflightResult } from './preflight';
import { buildReport } from './report';

export const Output = {
  Matrix: 'matrix',
  ShouldRun: 'should-run',
  ChangedFiles: 'changed-files',
  Suites: 'suites',
  Shards: 'shards',
  Reason: 'reason',
  Report: 'report',
} as const;

/**
 * `matrix` is always a non-empty `{"include":[...]}` for `fromJSON` (when nothing runs it is the full
 * matrix and `should-run` is false); without a `matrix` input it is `{"include":[{}]}`: one job.
 */
export function setPreflightOutputs(runner: Runner, result: PreflightResult): void {
  runner.setOutput(Output.Matrix, JSON.stringify(matrixOutput(result.matrix)));
  runner.setOutput(Output.ShouldRun, String(result.shouldRun));
  runner.setOutput(Output.ChangedFiles, JSON.stringify(result.changes.files.map((file) => file.path)));
  runner.setOutput(Output.Suites, JSON.stringify(result.suites));
  runner.setOutput(Output.Shards, JSON.stringify(result.shards));
  runner.setOutput(Output.Reason, redact(result.reason));
  runner.setOutput(Output.Report, JSON.stringify(redactDeep(buildReport(result))));
}
