/** The retry demo (actions/retry/demo.ts) ends the way it says, through the bundle, against the simulator. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type GitHubSim, startGitHubSim } from '@qeml/github-sim';
import { demo } from '../../../actions/retry/demo';
import { runBundle } from '../../support/bundle';

let sim: GitHubSim;
beforeAll(async () => {
  sim = await startGitHubSim();
  await demo.setup?.(sim);
});
afterAll(() => sim.close());

const [flakyCommand, stopOnOutput, flakyAction] = demo.steps;
const run = (step: NonNullable<typeof flakyCommand>) =>
  runBundle(demo.action, {
    inputs: step.inputs,
    env: step.env ?? {},
    apiUrl: sim.url,
    token: 'ghs_demo_test_token_0123456789',
  });

describe('retry demo', () => {
  test('the flaky command heals on attempt 3 and its output survives', async () => {
    const result = await run(flakyCommand!);
    expect(result.outcome).toBe('success');
    expect(result.outputs).toMatchObject({ attempts: '3', version: '1.4.2' });
  });

  test('stop-on-output makes the real failure final at once', async () => {
    const result = await run(stopOnOutput!);
    expect(stopOnOutput!.expect).toBe('failure');
    expect(result.outcome).toBe('failure');
    expect(result.outputs.attempts).toBe('1');
  });

  test('the flaky action is fetched despite a 502 and heals on attempt 2 with its output', async () => {
    const result = await run(flakyAction!);
    expect(result.outcome).toBe('success');
    expect(result.outputs).toMatchObject({ attempts: '2', path: '/opt/setup-tool/2.1.0' });
    const tarballs = sim.requests.filter((r) => r.route === '/repos/{owner}/{repo}/tarball/{ref}');
    expect(tarballs.map((r) => r.status)).toEqual([502, 302]);
  });
});
