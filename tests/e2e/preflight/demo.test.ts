/** The preflight demo (actions/preflight/demo.ts) ends the way it says, through the bundle. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { DemoStep } from '@qeml/cli';
import { type GitHubSim, startGitHubSim } from '@qeml/github-sim';
import { demo } from '../../../actions/preflight/demo';
import { runBundle } from '../../support/bundle';

let sim: GitHubSim;
beforeAll(async () => {
  sim = await startGitHubSim();
  await demo.setup?.(sim);
});
afterAll(async () => {
  await sim.close();
  await demo.teardown?.();
});

const run = (step: DemoStep) =>
  runBundle(demo.action, {
    inputs: step.inputs,
    workspace: step.workspace ?? '',
    event: step.event,
    eventName: step.eventName ?? 'push',
  });

describe('preflight demo', () => {
  const [source, docs, broken] = demo.steps as [DemoStep, DemoStep, DemoStep];

  test('a source change prunes the 36-job matrix to 12', async () => {
    const result = await run(source);
    expect(result.outcome).toBe('success');
    expect(JSON.parse(result.outputs.matrix ?? '').include).toHaveLength(12);
  });

  test('a docs-only change runs nothing', async () => {
    const result = await run(docs);
    expect(result.outputs['should-run']).toBe('false');
  });

  test('a broken workflow is caught', async () => {
    const result = await run(broken);
    expect(result.outcome).toBe('failure');
    expect(result.annotations.some((a) => a.file === '.github/workflows/ci.yml')).toBe(true);
  });
});
