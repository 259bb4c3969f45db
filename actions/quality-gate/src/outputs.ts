/** What the step exposes: output names declared once, set through a `Runner`. */
import { type Runner, redact, redactDeep } from '@qeml/action-kit';
import type { GateResult } from './gate';
import { buildReport } from './report';

export const Output = {
  Passed: 'passed',
  Coverage: 'coverage',
  DiffCoverage: 'diff-coverage',
  Critical: 'critical',
  High: 'high',
  Regressions: 'regressions',
  Report: 'report',
} as const;

/** A number as an output: two decimals at most, '' when not measured. */
function numberText(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(Math.round(value * 100) / 100);
}

export function setGateOutputs(runner: Runner, result: GateResult): void {
  const m = result.evaluation.metrics;
  runner.setOutput(Output.Passed, String(result.passed));
  runner.setOutput(Output.Coverage, numberText(m['line-coverage'].value));
  runner.setOutput(
    Output.DiffCoverage,
    numberText(result.evaluation.diff ? result.evaluation.diff.percent : null),
  );
  runner.setOutput(Output.Critical, numberText(m.critical.value));
  runner.setOutput(Output.High, numberText(m.high.value));
  runner.setOutput(Output.Regressions, numberText(m.regressions.value));
  runner.setOutput(Output.Report, JSON.stringify(redactDeep(buildReport(result))));
}

/**
 * Annotations the engine planned (already capped), and a notice counting the ones left out. Messages
 * are redacted: a secret scanner's finding may quote the secret it found, which no mask covers.
 */
export function writeAnnotations(runner: Runner, result: GateResult): void {
  for (const annotation of result.annotations) {
    const title = annotation.properties.title;
    runner[annotation.level](redact(annotation.message), {
      ...annotation.properties,
      ...(title ? { title: redact(title) } : {}),
    });
  }
  if (result.annotationsLeftOut > 0) {
    runner.notice(
      `${result.annotationsLeftOut} more annotation(s) are in the job summary: the runner shows at most 10 error and 10 warning annotations per step.`,
    );
  }
}
