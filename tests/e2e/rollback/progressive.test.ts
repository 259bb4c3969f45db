/** Canary and blue-green through the user's hooks, through the bundle: abort = traffic back, marked failed, verified. */
import { describe, expect, test } from '@jest/globals';
import { bundleNodes } from '../../support/node';
import { addVerifiedDeployment, eachTestWorld, report, runRollbackBundle, statesOf } from './helpers';

const worlds = eachTestWorld();

describe.each(bundleNodes())('progressive delivery under $label', ({ path: node }) => {
  test('a canary of 4 steps aborts at step 2: weight back to 0, deployment failed, rolled back', async () => {
    const world = worlds.current;
    addVerifiedDeployment(world, 'release-1');
    const step = await runRollbackBundle(node, world, {
      mode: 'deploy',
      ref: 'main',
      'deploy-command': world.service.stageCommand('DEPLOY_SHA'),
      'canary-steps': '10,25,50,100',
      'traffic-command': world.service.trafficCommand,
      successes: '2',
    });
    expect(step.exitCode).toBe(1);
    expect(step.outputs).toMatchObject({
      verdict: 'fail',
      'rolled-back': 'true',
      'known-good-ref': 'release-1',
    });
    // The weights the traffic hook was given: two steps, then 0.
    expect(world.service.state.history.filter((h) => h.startsWith('/_weight'))).toEqual([
      '/_weight 10',
      '/_weight 25',
      '/_weight 0',
    ]);
    expect(world.service.state.weight).toBe(0);
    const r = report(step);
    expect(r.canary).toEqual({
      steps: [
        { weight: 10, verdict: 'pass' },
        { weight: 25, verdict: 'fail' },
      ],
      abortedAtStep: 2,
    });
    expect(statesOf(world, Number(step.outputs['deployment-id']))).toEqual(['in_progress', 'failure']);
    expect(statesOf(world, Number(step.outputs['rollback-deployment-id']))).toEqual([
      'in_progress',
      'success',
    ]);
    expect(r.deadline.met).toBe(true);
    expect(step.summary).toContain('10%: pass, 25%: fail — aborted at step 2');
  });

  test('a canary that stays healthy through 100% is verified and becomes known-good', async () => {
    const world = worlds.current;
    world.service.releases.set(world.bad, { kind: 'healthy' });
    const step = await runRollbackBundle(node, world, {
      mode: 'deploy',
      ref: 'main',
      'deploy-command': world.service.stageCommand('DEPLOY_SHA'),
      'canary-steps': '50,100',
      'traffic-command': world.service.trafficCommand,
      successes: '1',
    });
    expect(step.exitCode).toBe(0);
    expect(step.outputs.verdict).toBe('pass');
    expect(statesOf(world, Number(step.outputs['deployment-id']))).toEqual(['in_progress', 'success']);
  });

  test('blue-green: preview passes, the post-switch check fails, traffic switches back', async () => {
    const world = worlds.current;
    addVerifiedDeployment(world, 'release-1');
    world.service.releases.set(world.bad, { kind: 'fails-under-traffic' });
    const step = await runRollbackBundle(node, world, {
      mode: 'deploy',
      ref: 'main',
      'deploy-command': world.service.stageCommand('DEPLOY_SHA'),
      'preview-urls': world.service.previewUrl,
      'switch-command': world.service.switchCommand,
      'auto-rollback': 'false',
      successes: '2',
    });
    expect(step.exitCode).toBe(1);
    expect(world.service.state.history.filter((h) => h.startsWith('/_switch'))).toEqual([
      '/_switch new',
      '/_switch previous',
    ]);
    expect(world.service.state.live).toBe(world.good);
    const r = report(step);
    expect(r['blue-green']).toEqual({ preview: 'pass', switched: true, switchedBack: true });
    expect(r['rollback-health'].verdict).toBe('pass');
    expect(step.outputs).toMatchObject({ verdict: 'fail', 'rolled-back': 'true', 'deadline-met': 'true' });
    expect(statesOf(world, Number(step.outputs['deployment-id']))).toEqual(['in_progress', 'failure']);
  });
});
