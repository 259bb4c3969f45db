/** The step's outputs, set through a Runner over fresh file-command files. */
import { describe, expect, test } from '@jest/globals';
import { addSecret } from '@qeml/action-kit';
import { type RollbackResult, setRollbackOutputs } from '@qeml/rollback';
import { fakeStep } from '../../support/runner-fake';

const result: RollbackResult = {
  mode: 'verify',
  environment: 'production',
  outcome: 'failure',
  verdict: 'fail',
  message: 'Deployment #12 failed verification; token ghp_abcdefghijklmnopqrstuvwxyz0123456789 seen',
  deployment: { id: 12, ref: 'main', sha: 'b'.repeat(40) },
  rolledBack: true,
  knownGood: { id: 9, ref: 'release-1', sha: 'a'.repeat(40) },
  rollbackDeployment: { id: 13, ref: 'release-1', sha: 'a'.repeat(40) },
  deadline: { limitMs: 300_000, startedAt: 1000, elapsedMs: 95_000, met: true },
  timeline: [{ at: 1500, text: 'Known-good release: deployment #9' }],
  apiWrites: 6,
  startedAt: 1000,
  durationMs: 100_000,
};

describe('setRollbackOutputs', () => {
  test('the eight outputs, the report redacted', async () => {
    addSecret('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
    const step = fakeStep();
    setRollbackOutputs(step.runner, result);
    const outputs = await step.outputs();
    expect(outputs).toMatchObject({
      'deployment-id': '12',
      verdict: 'fail',
      'rolled-back': 'true',
      'known-good-ref': 'release-1',
      'known-good-sha': 'a'.repeat(40),
      'rollback-deployment-id': '13',
      'deadline-met': 'true',
    });
    const report = JSON.parse(outputs.report ?? '{}');
    expect(report.message).not.toContain('ghp_');
    expect(report.deadline).toEqual({
      'limit-ms': 300_000,
      'elapsed-ms': 95_000,
      met: true,
      'margin-ms': 205_000,
    });
    expect(report.timeline).toEqual([{ 'at-ms': 500, text: 'Known-good release: deployment #9' }]);
  });
});
