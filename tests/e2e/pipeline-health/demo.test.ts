/** The pipeline-health demo (actions/pipeline-health/demo.ts) ends the way it says, through the bundle. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type GitHubSim, startGitHubSim } from '@qeml/github-sim';
import { demo } from '../../../actions/pipeline-health/demo';
import { runBundle } from '../../support/bundle';

let sim: GitHubSim;
beforeAll(async () => {
  sim = await startGitHubSim();
  await demo.setup?.(sim);
});
afterAll(() => sim.close());

describe('pipeline-health demo', () => {
  test('the report, then escalation: each step ends as the demo expects, its summary printed', async () => {
    for (const step of demo.steps) {
      const result = await runBundle(demo.action, {
        inputs: step.inputs,
        env: step.env ?? {},
        repository: step.repository,
        apiUrl: sim.url,
        token: 'ghs_demo_test_token_0123456789',
      });
      expect(result.outcome).toBe(step.expect ?? 'success');
      expect(result.summary).toContain('## Pipeline health: octo/health-demo on main');
    }
    expect(sim.model.issues.issues.map((issue) => issue.title)).toEqual([
      'Pipeline health: CI is under its 99.5 % success SLO',
      'Pipeline health: Nightly is under its 99.5 % success SLO',
    ]);
  });
});
