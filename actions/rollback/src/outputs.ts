/** What the step exposes: output names declared once, set through a `Runner` (no global). */
import { type Runner, redactDeep } from '@qeml/action-kit';
import { buildReport } from './report';
import type { RollbackResult } from './types';

export const Output = {
  DeploymentId: 'deployment-id',
  Verdict: 'verdict',
  RolledBack: 'rolled-back',
  KnownGoodRef: 'known-good-ref',
  KnownGoodSha: 'known-good-sha',
  RollbackDeploymentId: 'rollback-deployment-id',
  DeadlineMet: 'deadline-met',
  Report: 'report',
} as const;

export function setRollbackOutputs(runner: Runner, result: RollbackResult): void {
  runner.setOutput(Output.DeploymentId, result.deployment ? String(result.deployment.id) : '');
  runner.setOutput(Output.Verdict, result.verdict);
  runner.setOutput(Output.RolledBack, String(result.rolledBack));
  runner.setOutput(Output.KnownGoodRef, result.knownGood?.ref ?? '');
  runner.setOutput(Output.KnownGoodSha, result.knownGood?.sha ?? '');
  runner.setOutput(
    Output.RollbackDeploymentId,
    result.rollbackDeployment ? String(result.rollbackDeployment.id) : '',
  );
  runner.setOutput(Output.DeadlineMet, result.deadline ? String(result.deadline.met) : '');
  runner.setOutput(Output.Report, JSON.stringify(redactDeep(buildReport(result))));
}
