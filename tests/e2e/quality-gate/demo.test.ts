/** The quality-gate demo (actions/quality-gate/demo.ts): one report set passes, one fails, through the bundle. */
import { describe, expect, test } from '@jest/globals';
import { demo } from '../../../actions/quality-gate/demo';
import { runBundle } from '../../support/bundle';
import { repoRoot } from '../../support/paths';

const run = (step: (typeof demo.steps)[number]) =>
  runBundle(demo.action, { inputs: step.inputs, env: step.env ?? {}, workspace: repoRoot });

describe('quality-gate demo', () => {
  test('the passing set passes with the table in the summary', async () => {
    const [passing] = demo.steps;
    const result = await run(passing!);
    expect(result.outcome).toBe('success');
    expect(result.outputs).toMatchObject({ passed: 'true', coverage: '95', high: '0', critical: '0' });
    expect(result.summary).toContain('| ✅ | Line coverage | 95% | >= 70% | required | pass |');
  });

  test('the failing set fails the step on coverage, the high finding and the failing test', async () => {
    const failing = demo.steps[1]!;
    expect(failing.expect).toBe('failure');
    const result = await run(failing);
    expect(result.outcome).toBe('failure');
    const report = JSON.parse(result.outputs.report ?? '{}');
    expect(
      report.conditions
        .filter((c: { status: string }) => c.status === 'fail')
        .map((c: { name: string }) => c.name),
    ).toEqual(['coverage', 'high', 'test-failures']);
    expect(result.summary).toContain('| ❌ | Test failures | 1 | <= 0 | required | fail |');
  });
});
