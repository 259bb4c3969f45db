/** What the step exposes: the headline figures as plain numbers (percentages 0-100), the SLO verdict, the report. */
import type { Runner } from '@qeml/action-kit';
import type { HealthResult } from './pipeline-health';
import { buildReport } from './report';

export const Output = {
  SuccessRate: 'success-rate',
  FirstAttemptSuccessRate: 'first-attempt-success-rate',
  AutoRecoveryRate: 'auto-recovery-rate',
  MttrMinutes: 'mttr-minutes',
  SloMet: 'slo-met',
  Report: 'report',
} as const;

/** A figure as a plain number; empty when there was nothing to compute it from. */
const plain = (value: number | null) => (value === null ? '' : String(value));

export function setHealthOutputs(runner: Runner, result: HealthResult): void {
  const o = result.overall;
  runner.setOutput(Output.SuccessRate, plain(o.successRate));
  runner.setOutput(Output.FirstAttemptSuccessRate, plain(o.firstAttemptSuccessRate));
  runner.setOutput(Output.AutoRecoveryRate, plain(o.autoRecoveryRate));
  runner.setOutput(Output.MttrMinutes, plain(o.mttr.meanMinutes));
  runner.setOutput(Output.SloMet, String(result.sloMet));
  runner.setOutput(Output.Report, JSON.stringify(buildReport(result)));
}
