/** The dispatch and revert strategies through the bundle (command is shown by the other files). */
import { describe, expect, test } from '@jest/globals';
import { bundleNodes } from '../../support/node';
import {
  addVerifiedDeployment,
  eachTestWorld,
  errors,
  REPO,
  report,
  runRollbackBundle,
  statesOf,
} from './helpers';

const worlds = eachTestWorld();

const [first] = bundleNodes();
const node = (first as { path: string }).path;

describe('rollback strategies', () => {
  test('dispatch: the deploy workflow is re-dispatched on a branch with the known-good SHA as an input', async () => {
    const world = worlds.current;
    addVerifiedDeployment(world, 'release-1');
    const bad = addVerifiedDeployment(world, 'main');
    world.service.state.live = world.bad;
    world.sim.model.addWorkflow(REPO, {
      name: 'deploy',
      path: '.github/workflows/deploy.yml',
      triggers: { events: ['workflow_dispatch'], dispatchInputs: { ref: { required: true }, reason: {} } },
    });
    // The dispatched workflow deploys what it is given, as a real deploy workflow would.
    world.sim.model.onDispatch((run) => {
      world.service.state.live = String(run.inputs?.ref ?? '');
    });
    const step = await runRollbackBundle(node, world, {
      mode: 'rollback',
      strategy: 'dispatch',
      'deploy-workflow': 'deploy.yml',
      'deploy-inputs': 'ref: "{sha}"\nreason: "rollback of {ref}"',
      'rollback-command': '',
    });
    expect(step.exitCode).toBe(0);
    const dispatch = world.sim.requests.find(
      (r) => r.route === '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
    );
    // A SHA cannot be a dispatch ref: the workflow runs on the default branch and gets the SHA as an input.
    expect(dispatch?.body).toEqual({
      ref: 'main',
      inputs: { ref: world.good, reason: 'rollback of release-1' },
    });
    expect(world.service.state.live).toBe(world.good);
    expect(step.outputs).toMatchObject({
      'rolled-back': 'true',
      verdict: 'pass',
      'known-good-sha': world.good,
    });
    expect(statesOf(world, bad)).toEqual(['in_progress', 'success', 'failure']);
    expect(report(step).dispatched.workflow).toBe('deploy.yml');
  });

  test('revert: a pull request restoring the known-good tree is opened; nothing counts as rolled back yet', async () => {
    const world = worlds.current;
    addVerifiedDeployment(world, 'release-1');
    const bad = addVerifiedDeployment(world, 'main');
    const branch = `qeml-rollback/production-${bad}`;
    world.service.state.live = world.bad;
    const step = await runRollbackBundle(node, world, {
      mode: 'verify',
      strategy: 'revert',
      'rollback-command': '',
    });
    expect(step.exitCode).toBe(1);
    expect(step.outputs['rolled-back']).toBe('false');
    const pr = report(step)['revert-pull-request'];
    expect(pr.number).toBeGreaterThan(0);
    const repo = world.sim.model.repo(REPO);
    const pull = world.sim.model.pulls.get(repo, pr.number);
    expect(pull).toMatchObject({ base: 'main', head: branch });
    // The branch's commit sits on the bad release with the good release's files.
    const head = repo.commits.get(repo.branches.get(branch) ?? '');
    expect(head?.parents).toEqual([world.bad]);
    expect(head?.tree.get('app.txt')).toBe('v1');
    expect(errors(step)[0]?.message).toContain(
      `revert pull request #${pr.number} restores release-1 once merged and deployed`,
    );
    // No rollback deployment: the revert is not deployed until it is merged.
    expect(step.outputs['rollback-deployment-id']).toBe('');
  });
});
