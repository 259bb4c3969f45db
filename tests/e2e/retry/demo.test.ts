/** The retry demo (actions/retry/demo.ts) ends the way it says, through the bundle. */
import { describe, expect, test } from '@jest/globals';
import { demo } from '../../../actions/retry/demo';
import { runBundle } from '../../support/bundle';

describe('retry demo', () => {
  test.each(demo.steps.map((step) => [step.title, step] as const))('%s', async (_title, step) => {
    const result = await runBundle(demo.action, { inputs: step.inputs, env: step.env ?? {} });
    expect(result.outcome).toBe(step.expect ?? 'success');
    if (step.expect === 'failure') expect(result.outputs.attempts).toBe('1');
    else expect(result.outputs).toMatchObject({ attempts: '3', version: '1.4.2' });
  });
});
