/** Each way a rollback can go wrong, through the bundle: it refuses or fails clearly, once, never loops. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
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
  type World,
} from './helpers';

const worlds = eachTestWorld();

const deploymentCreates = (w: World) =>
  w.sim.requests.filter((r) => r.method === 'POST' && r.route === '/repos/{owner}/{repo}/deployments');

// One Node is enough for the refusals (the bundle's start under both Nodes is shown by the other files).
const [node20] = bundleNodes();
const node = (node20 as { path: string }).path;

describe('refusals: never back to a release that did not succeed', () => {
  test('no known-good release: a clear refusal, nothing deployed', async () => {
    const world = worlds.current;
    const bad = addVerifiedDeployment(world, 'main');
    const step = await runRollbackBundle(node, world, { mode: 'rollback' });
    expect(step.exitCode).toBe(1);
    expect(step.outputs['rolled-back']).toBe('false');
    expect(errors(step)[0]?.message).toBe(
      "⛔ No known-good release to roll back to: 'production' has no earlier deployment.",
    );
    expect(deploymentCreates(world)).toHaveLength(0);
    expect(statesOf(world, bad)).toEqual(['in_progress', 'success']);
  });

  test('the only earlier deployments failed or errored: refused, naming them', async () => {
    const world = worlds.current;
    addVerifiedDeployment(world, 'release-1', 'production', ['in_progress', 'failure']);
    addVerifiedDeployment(world, 'release-1', 'production', ['in_progress', 'success', 'failure']);
    addVerifiedDeployment(world, 'main');
    const step = await runRollbackBundle(node, world, { mode: 'rollback' });
    expect(step.exitCode).toBe(1);
    expect(errors(step)[0]?.message).toBe(
      "⛔ No known-good release to roll back to: none of the 2 earlier verified deployments of 'production' succeeded (they failed, errored or never finished).",
    );
    expect(world.service.state.history).toEqual([]);
  });

  test('a deployment made elsewhere (no marker) is never taken for known-good', async () => {
    const world = worlds.current;
    world.sim.model.addDeployment(REPO, {
      ref: 'release-1',
      environment: 'production',
      statuses: ['success'],
    });
    addVerifiedDeployment(world, 'main');
    const step = await runRollbackBundle(node, world, { mode: 'rollback' });
    expect(step.exitCode).toBe(1);
    expect(errors(step)[0]?.message).toContain(
      'none was verified by this action (deploy or promote one first)',
    );
  });

  test('the known-good deployment is inactive (auto_inactive): still found and rolled back to', async () => {
    const world = worlds.current;
    const knownGood = addVerifiedDeployment(world, 'release-1', 'staging');
    // A newer success makes GitHub mark the older one inactive in a non-production environment.
    addVerifiedDeployment(world, 'main', 'staging');
    expect(statesOf(world, knownGood)).toEqual(['in_progress', 'success', 'inactive']);
    world.service.state.live = world.bad;
    const step = await runRollbackBundle(node, world, { mode: 'verify', environment: 'staging' });
    expect(step.exitCode).toBe(1);
    expect(step.outputs).toMatchObject({
      verdict: 'fail',
      'rolled-back': 'true',
      'known-good-ref': 'release-1',
    });
    expect(world.service.state.live).toBe(world.good);
    const rollback = world.sim.model.deployments.get(
      world.sim.model.repo(REPO),
      Number(step.outputs['rollback-deployment-id']),
    );
    expect(rollback).toMatchObject({ production: false, transient: false, environment: 'staging' });
  });

  test('a rollback that fails its verification is not rolled back again (no flapping)', async () => {
    const world = worlds.current;
    addVerifiedDeployment(world, 'release-1');
    const rollback = world.sim.model.addDeployment(REPO, {
      ref: world.good,
      environment: 'production',
      payload: { 'qeml-rollback': { version: 1, kind: 'rollback', 'rollback-of': 1, ref: 'release-1' } },
      statuses: ['in_progress', 'success'],
    });
    world.service.releases.set(world.good, { kind: 'broken' });
    const step = await runRollbackBundle(node, world, { mode: 'verify' });
    expect(step.exitCode).toBe(1);
    expect(errors(step)[0]?.message).toContain(
      `Deployment #${rollback} is itself a rollback (to release-1): not rolling back a rollback.`,
    );
    expect(deploymentCreates(world)).toHaveLength(0);
    expect(statesOf(world, rollback)).toEqual(['in_progress', 'success', 'failure']);
  });
});

describe('a rollback that goes wrong ends in an error, once', () => {
  test('the rollback command fails: error status, an issue opened, no second attempt', async () => {
    const world = worlds.current;
    addVerifiedDeployment(world, 'release-1');
    const step = await runRollbackBundle(node, world, {
      ...deployMain(world),
      'rollback-command': 'echo "platform says no" >&2; exit 7',
      'open-issue': 'true',
    });
    expect(step.exitCode).toBe(1);
    expect(step.outputs['rolled-back']).toBe('false');
    expect(errors(step)[0]?.message).toContain(
      'rollback-command failed: exit code 7. Not retried: look at the environment by hand.',
    );
    const rollbackId = Number(step.outputs['rollback-deployment-id']);
    expect(statesOf(world, rollbackId)).toEqual(['in_progress', 'error']);
    expect(deploymentCreates(world)).toHaveLength(2);
    const opened = world.sim.requests.filter(
      (r) => r.method === 'POST' && r.route === '/repos/{owner}/{repo}/issues',
    );
    expect(opened).toHaveLength(1);
    expect(JSON.stringify(opened[0]?.body)).toContain('Rollback of production: needs attention');
    expect(report(step).issue.number).toBeGreaterThan(0);
    expect(report(step).deadline).toMatchObject({ met: false, 'elapsed-ms': null });
  });

  test('health stays bad after the rollback: failure status on the rollback, no further rollback', async () => {
    const world = worlds.current;
    addVerifiedDeployment(world, 'release-1');
    world.service.releases.set(world.good, { kind: 'broken', status: 500 });
    const step = await runRollbackBundle(node, world, {
      ...deployMain(world),
    });
    expect(step.exitCode).toBe(1);
    expect(errors(step)[0]?.message).toContain('Rolled back to release-1, but health stays bad');
    expect(statesOf(world, Number(step.outputs['rollback-deployment-id']))).toEqual([
      'in_progress',
      'failure',
    ]);
    expect(deploymentCreates(world)).toHaveLength(2);
    expect(step.outputs['deadline-met']).toBe('false');
  });
});

describe.each(bundleNodes())('health checks under $label', ({ path }) => {
  test('a flapping endpoint never passes: failures accumulate to the limit and it is rolled back', async () => {
    const world = worlds.current;
    addVerifiedDeployment(world, 'release-1');
    world.service.releases.set(world.bad, { kind: 'flap' });
    const step = await runRollbackBundle(path, world, {
      ...deployMain(world),
      successes: '3',
      'failure-limit': '2',
    });
    expect(step.outputs).toMatchObject({ verdict: 'fail', 'rolled-back': 'true' });
    const health = report(step).health;
    expect(health.failures).toBe(2);
    expect(health.successes).toBeGreaterThan(0);
  });

  test('status 200 over max-latency is unhealthy', async () => {
    const world = worlds.current;
    addVerifiedDeployment(world, 'release-1');
    world.service.releases.set(world.bad, { kind: 'slow', delayMs: 250 });
    const step = await runRollbackBundle(path, world, {
      ...deployMain(world),
      'max-latency': '100ms',
    });
    expect(step.outputs).toMatchObject({ verdict: 'fail', 'rolled-back': 'true' });
    expect(errors(step)[0]?.message).toMatch(/status 200 but took \d+ms \(max-latency 100ms\)/);
  });

  test('a DNS failure is an error with its own limit, not a failure', async () => {
    const world = worlds.current;
    addVerifiedDeployment(world, 'release-1');
    addVerifiedDeployment(world, 'main');
    const step = await runRollbackBundle(path, world, {
      mode: 'verify',
      'auto-rollback': 'false',
      'health-urls': 'http://health.shop.invalid/health',
      'error-limit': '2',
      'failure-limit': '1',
    });
    expect(step.exitCode).toBe(1);
    const health = report(step).health;
    expect(health).toMatchObject({ verdict: 'fail', failures: 0, errors: 2, checks: 2 });
    expect(health.reason).toMatch(
      /^2 checks without an answer reached error-limit 2: http:\/\/health\.shop\.invalid\/health: DNS lookup failed \(ENOTFOUND|EAI_AGAIN\)/,
    );
  });
});

describe('GitHub refusing or limiting the API', () => {
  test('409: required contexts not passing is a clear error before anything is deployed', async () => {
    const world = worlds.current;
    world.sim.model.addCommitStatus(REPO, 'main', 'failure', 'ci/tests');
    const step = await runRollbackBundle(node, world, {
      ...deployMain(world),
      'required-contexts': 'ci/tests',
    });
    expect(step.exitCode).toBe(1);
    expect(errors(step)[0]?.message).toContain(
      'GitHub answered 409 to POST /repos/octo/shop/deployments: Conflict: Commit status checks failed for main.',
    );
    expect(world.service.state.history).toEqual([]);
  });

  test('422 on a status write: stopped with GitHub’s message, no retry loop', async () => {
    const world = worlds.current;
    addVerifiedDeployment(world, 'release-1');
    world.sim.faults.add({
      method: 'POST',
      route: '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
      status: 422,
      body: { message: 'Validation Failed' },
    });
    const step = await runRollbackBundle(node, world, {
      mode: 'deploy',
      ref: 'main',
      'deploy-command': 'true',
    });
    expect(step.exitCode).toBe(1);
    expect(errors(step)[0]?.message).toContain('GitHub answered 422 to POST');
    const statusWrites = world.sim.requests.filter(
      (r) => r.route === '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses' && r.method === 'POST',
    );
    expect(statusWrites).toHaveLength(1);
  });
});

describe('bounded writes', () => {
  test('a run stops at max-writes instead of writing on', async () => {
    const world = worlds.current;
    addVerifiedDeployment(world, 'release-1');
    const step = await runRollbackBundle(node, world, {
      ...deployMain(world),
      'max-writes': '5',
    });
    expect(step.exitCode).toBe(1);
    expect(errors(step)[0]?.message).toMatch(
      /Stopped: max-writes 5 reached before setting deployment #\d+ to success \(this run made 5 API writes\)\.$/,
    );
    const writes = world.sim.requests.filter((r) => r.method === 'POST');
    expect(writes).toHaveLength(5);
    expect(report(step)['api-writes']).toBe(5);
  });
});

describe('secondary rate limits', () => {
  test('a burst refused with retry-after is waited out and the rollback completes', async () => {
    // The simulator's clock jumps by the retry-after it answers, as if the client had waited it out.
    let refused = () => 0;
    const world = await worlds.replace({
      secondaryLimit: { maxRequests: 4, perSeconds: 60, retryAfterSeconds: 60 },
      clock: { now: () => Date.now() + refused() * 61_000 },
    });
    const sim = world.sim;
    refused = () => sim.requests.filter((r) => r.status === 403 || r.status === 429).length;
    addVerifiedDeployment(world, 'release-1');
    const step = await runRollbackBundle(node, world, {
      ...deployMain(world),
    });
    const refusals = world.sim.requests.filter((r) => r.status === 403 || r.status === 429);
    expect(refusals.length).toBeGreaterThan(0);
    expect(step.outputs).toMatchObject({
      verdict: 'fail',
      'rolled-back': 'true',
      'known-good-ref': 'release-1',
    });
    expect(step.log).toContain('secondary rate limit hit');
  });
});

describe('two runs at once', () => {
  test('two rollbacks started together: one proceeds, the other refuses', async () => {
    const world = worlds.current;
    addVerifiedDeployment(world, 'release-1');
    addVerifiedDeployment(world, 'main');
    world.service.state.live = world.bad;
    // The winner's rollback command waits at a barrier until the other run has finished, so the
    // two really overlap however slowly either one starts.
    const barrier = path.join(world.tempDir, 'barrier');
    const waitingRollback = `while [ ! -f "${barrier}" ]; do sleep 0.05; done; ${world.service.deployCommand('KNOWN_GOOD_SHA')}`;
    const runs = [1, 2].map((n) =>
      runRollbackBundle(
        node,
        world,
        { mode: 'rollback', 'rollback-command': waitingRollback },
        { runId: 100 + n },
      ),
    );
    await Promise.race([...runs, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    await writeFile(barrier, '');
    const [a, b] = await Promise.all(runs);
    const steps = [a, b].map((s) => s as NonNullable<typeof a>);
    const codes = steps.map((s) => s.exitCode).sort();
    expect(codes).toEqual([0, 1]);
    const refused = steps.find((s) => s.exitCode === 1);
    expect(errors(refused as NonNullable<typeof a>)[0]?.message).toMatch(
      /^⛔ Deployment #\d+ of 'production' is in progress: refusing to roll back at the same time/,
    );
    // Only one rollback command ran.
    expect(world.service.state.history.filter((h) => h.startsWith('/_deploy'))).toHaveLength(1);
    expect(world.service.state.live).toBe(world.good);
  });
});
