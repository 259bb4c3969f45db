/**
 * The action inside a job that names `environment:` (needed for required reviewers): GitHub Actions
 * records that job as a deployment of its own, in progress while the job runs. It is this run, not
 * another deploy, so it neither holds the environment nor is the deployment a rollback replaces.
 */
import { describe, expect, test } from '@jest/globals';
import { bundleNodes } from '../../support/node';
import {
  addVerifiedDeployment,
  deployMain,
  eachTestWorld,
  errors,
  REPO,
  runRollbackBundle,
  statesOf,
  type World,
} from './helpers';

const worlds = eachTestWorld();
const [node20] = bundleNodes();
const node = (node20 as { path: string }).path;

/** What GitHub Actions writes for a job with `environment: production`: no payload, queued, then in_progress. */
function addJobDeployment(world: World, runId: number): number {
  const model = world.sim.model;
  const repo = model.repo(REPO);
  const id = model.addDeployment(REPO, { ref: 'main', environment: 'production' });
  const deployment = model.deployments.get(repo, id);
  const logUrl = `https://github.com/${REPO}/actions/runs/${runId}/job/31337`;
  for (const state of ['queued', 'in_progress'] as const)
    model.deployments.addStatus(repo, deployment, { state, logUrl });
  return id;
}

describe('inside a job with environment: production', () => {
  test("deploy: the job's own deployment does not hold the environment; the bad deploy is rolled back", async () => {
    const world = worlds.current;
    addVerifiedDeployment(world, 'release-1');
    const job = addJobDeployment(world, 4242);
    const step = await runRollbackBundle(node, world, deployMain(world));
    expect(errors(step)[0]?.message).not.toContain('is in progress');
    expect(step.outputs).toMatchObject({
      verdict: 'fail',
      'rolled-back': 'true',
      'known-good-ref': 'release-1',
    });
    expect(world.service.state.live).toBe(world.good);
    // GitHub ends the job's deployment itself; the action never writes to it.
    expect(statesOf(world, job)).toEqual(['queued', 'in_progress']);
  });

  test("deploy: another run's job deployment in progress still holds the environment", async () => {
    const world = worlds.current;
    addVerifiedDeployment(world, 'release-1');
    const other = addJobDeployment(world, 999);
    const step = await runRollbackBundle(node, world, deployMain(world));
    expect(step.exitCode).toBe(1);
    expect(errors(step)[0]?.message).toContain(`Deployment #${other} of 'production' is in progress`);
  });

  test("rollback: the deployment before the job's own is the one rolled back", async () => {
    const world = worlds.current;
    addVerifiedDeployment(world, 'release-1');
    const bad = addVerifiedDeployment(world, 'main');
    world.service.state.live = world.bad;
    addJobDeployment(world, 4242);
    const step = await runRollbackBundle(node, world, { mode: 'rollback' });
    expect(step.outputs).toMatchObject({
      'deployment-id': String(bad),
      verdict: 'pass',
      'rolled-back': 'true',
      'known-good-ref': 'release-1',
    });
    expect(world.service.state.live).toBe(world.good);
    expect(statesOf(world, bad)).toEqual(['in_progress', 'success', 'failure']);
  });
});

describe('a deployment refused while another was in progress was never deployed', () => {
  /** What a run refused by the lock leaves: our marker, in_progress, then error "Refused: ...". */
  function addRefusedDeployment(world: World, holder: number): number {
    const model = world.sim.model;
    const repo = model.repo(REPO);
    const id = model.addDeployment(REPO, {
      ref: 'main',
      environment: 'production',
      payload: { 'qeml-rollback': { version: 1, kind: 'deploy', ref: 'main' } },
    });
    const deployment = model.deployments.get(repo, id);
    model.deployments.addStatus(repo, deployment, { state: 'in_progress', description: 'Deploying main' });
    model.deployments.addStatus(repo, deployment, {
      state: 'error',
      description: `Refused: deployment #${holder} is in progress`,
    });
    return id;
  }

  test('verify checks the deployment that is live, never turns the refused one known-good', async () => {
    const world = worlds.current;
    const live = addVerifiedDeployment(world, 'release-1');
    const refused = addRefusedDeployment(world, live);
    const step = await runRollbackBundle(node, world, { mode: 'verify' });
    expect(step.outputs).toMatchObject({ 'deployment-id': String(live), verdict: 'pass' });
    expect(statesOf(world, refused)).toEqual(['in_progress', 'error']);
  });

  test('promote without deployment-id never promotes a deployment that was refused', async () => {
    const world = worlds.current;
    const live = addVerifiedDeployment(world, 'release-1');
    const refused = addRefusedDeployment(world, live);
    const step = await runRollbackBundle(node, world, { mode: 'promote' });
    expect(step.outputs['deployment-id']).toBe(String(live));
    expect(statesOf(world, refused)).toEqual(['in_progress', 'error']);
  });
});

describe("verify never acts on another run's deployment still in progress", () => {
  test('a scheduled verify during a deploy refuses: no status written, nothing rolled back', async () => {
    const world = worlds.current;
    addVerifiedDeployment(world, 'release-1');
    const deploying = addVerifiedDeployment(world, 'main', 'production', ['in_progress']);
    world.service.state.live = world.bad;
    const step = await runRollbackBundle(node, world, { mode: 'verify' });
    expect(step.exitCode).toBe(1);
    expect(errors(step)[0]?.message).toContain(
      `Deployment #${deploying} of 'production' is in progress: refusing to verify it at the same time`,
    );
    expect(statesOf(world, deploying)).toEqual(['in_progress']);
    expect(world.service.state.live).toBe(world.bad);
  });

  test('a deployment another tool created and left in progress for us to check is verified', async () => {
    const world = worlds.current;
    const theirs = world.sim.model.addDeployment(REPO, {
      ref: 'release-1',
      environment: 'production',
      statuses: ['in_progress'],
    });
    const step = await runRollbackBundle(node, world, { mode: 'verify', 'auto-rollback': 'false' });
    expect(step.outputs).toMatchObject({ 'deployment-id': String(theirs), verdict: 'pass' });
    expect(statesOf(world, theirs)).toEqual(['in_progress', 'success']);
  });
});
