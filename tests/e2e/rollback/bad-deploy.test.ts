/**
 * The rollback bundle through local-runner against github-sim and a local service: a bad deploy is
 * detected, rolled back to the known-good release, verified healthy, inside the deadline.
 */
import { describe, expect, test } from '@jest/globals';
import { bundleNodes } from '../../support/node';
import {
  addVerifiedDeployment,
  deployMain,
  eachTestWorld,
  errors,
  REPO,
  report,
  runRollbackBundle,
  statesOf,
  statusRecords,
} from './helpers';

const worlds = eachTestWorld();

describe.each(bundleNodes())('rollback bundle under $label', ({ path: node }) => {
  test('a bad deploy is detected, rolled back to the known-good release and verified, inside the deadline', async () => {
    const world = worlds.current;
    const knownGood = addVerifiedDeployment(world, 'release-1');
    const step = await runRollbackBundle(node, world, {
      ...deployMain(world),
      successes: '3',
      'failure-limit': '2',
      'rollback-deadline': '5m',
    });
    expect(step.exitCode).toBe(1);
    expect(step.outputs).toMatchObject({
      verdict: 'fail',
      'rolled-back': 'true',
      'known-good-ref': 'release-1',
      'known-good-sha': world.good,
      'deadline-met': 'true',
    });
    // The service runs the known-good release again.
    expect(world.service.state.live).toBe(world.good);
    const deploymentId = Number(step.outputs['deployment-id']);
    const rollbackId = Number(step.outputs['rollback-deployment-id']);
    expect(statesOf(world, deploymentId)).toEqual(['in_progress', 'failure']);
    expect(statesOf(world, rollbackId)).toEqual(['in_progress', 'success']);
    expect(statesOf(world, knownGood)).toEqual(['in_progress', 'success']);
    for (const status of statusRecords(world, rollbackId)) {
      expect(status.logUrl).toContain(`/${REPO}/actions/runs/4242`);
      expect(status.environmentUrl).toBe(world.service.healthUrl);
    }
    // Our deployments: explicit required_contexts, no auto-merge, production flags right, our marker.
    const creates = world.sim.requests.filter(
      (r) => r.method === 'POST' && r.route === '/repos/{owner}/{repo}/deployments',
    );
    expect(creates).toHaveLength(2);
    const rollbackDeployment = world.sim.model.deployments.get(world.sim.model.repo(REPO), rollbackId);
    expect(rollbackDeployment).toMatchObject({
      sha: world.good,
      production: true,
      transient: false,
      task: 'deploy:rollback',
    });
    expect(rollbackDeployment.payload).toEqual({
      'qeml-rollback': {
        version: 1,
        kind: 'rollback',
        'rollback-of': deploymentId,
        'known-good': knownGood,
        ref: 'release-1',
      },
    });

    // Two failed checks 30 s apart, then three healthy ones 30 s apart: about 90 s of (skipped) waiting.
    const r = report(step);
    expect(r.deadline['elapsed-ms']).toBeGreaterThanOrEqual(90_000);
    expect(r.deadline['elapsed-ms']).toBeLessThan(120_000);
    expect(r.deadline['margin-ms']).toBe(300_000 - r.deadline['elapsed-ms']);
    expect(r.health).toMatchObject({ verdict: 'fail', failures: 2, errors: 0 });
    expect(r['rollback-health']).toMatchObject({ verdict: 'pass', successes: 3 });
    expect(r['api-writes']).toBeLessThanOrEqual(8);
    const texts: string[] = r.timeline.map((e: { text: string }) => e.text);
    expect(texts[0]).toMatch(/^Deployment #\d+ of main \([0-9a-f]{7}\) to 'production' created\.$/);
    expect(texts).toContain(
      `Known-good release: deployment #${knownGood} (release-1, ${world.good.slice(0, 7)}).`,
    );
    expect(texts.at(-1)).toMatch(
      /^Rollback to release-1 verified healthy: verified 1m3\d(\.\d+)?s after the first failure, 3m2\d(\.\d+)?s inside the 5m deadline\.$/,
    );

    expect(step.summary).toContain('#### Timeline');
    expect(step.summary).toContain('Deadline 5m: met');
    expect(errors(step).map((e) => e.message)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^❌ Deployment #${deploymentId} failed verification \\(2 unhealthy checks reached failure-limit 2: .*status 503`,
        ),
      ),
    ]);
  });

  test('credentials in a health URL are sent as basic auth and never written to statuses, summary, report or issue', async () => {
    const world = worlds.current;
    addVerifiedDeployment(world, 'release-1');
    const secretUrl = world.service.healthUrl.replace('http://', 'http://probe:s3cr3t-Passw0rd@');
    const step = await runRollbackBundle(node, world, {
      ...deployMain(world),
      'health-urls': secretUrl,
      'open-issue': 'true',
    });
    expect(step.outputs['rolled-back']).toBe('true');
    expect(world.service.state.authorizations).toContain(
      `Basic ${Buffer.from('probe:s3cr3t-Passw0rd').toString('base64')}`,
    );
    const written = [
      step.summary,
      step.outputs.report ?? '',
      JSON.stringify(world.sim.requests.map((r) => r.body ?? null)),
    ].join('\n');
    expect(written).toContain('Rollback to release-1 verified healthy');
    expect(written).not.toContain('s3cr3t-Passw0rd');
  });

  test('a token in a health URL query is sent, and never written to statuses, environment URL, summary, report or issue', async () => {
    const world = worlds.current;
    addVerifiedDeployment(world, 'release-1');
    const step = await runRollbackBundle(node, world, {
      ...deployMain(world),
      'health-urls': `${world.service.healthUrl}?token=q5ecret-T0ken-value&verbose=1`,
      'open-issue': 'true',
    });
    expect(step.outputs['rolled-back']).toBe('true');
    const written = [
      step.summary,
      step.outputs.report ?? '',
      JSON.stringify(world.sim.requests.map((r) => r.body ?? null)),
    ].join('\n');
    expect(written).toContain(`${world.service.healthUrl}?token=***&verbose=***`);
    expect(written).not.toContain('q5ecret-T0ken-value');
    const rollbackId = Number(step.outputs['rollback-deployment-id']);
    for (const status of statusRecords(world, rollbackId))
      expect(status.environmentUrl).toBe(world.service.healthUrl);
  });
});
