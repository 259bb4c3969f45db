/** Shared helpers of the rollback e2e tests: a repo with a known-good and a bad release, the bundle run. */
import { afterEach, beforeEach } from '@jest/globals';
import { type GitHubSim, type GitHubSimOptions, startGitHubSim } from '@qeml/github-sim';
import type { StepResult } from '@qeml/local-runner';
import { type DemoService, startDemoService } from '../../../actions/rollback/demo-service';
import { type BundleRunOptions, runBundle } from '../../support/bundle';
import { makeTempDir, removeTempDir } from '../../support/temp';

export const REPO = 'octo/shop';
export const TOKEN = 'ghs_rollback_e2e_token_0123456789';

export interface World {
  sim: GitHubSim;
  service: DemoService;
  /** A scratch folder of this world, removed with it. */
  tempDir: string;
  /** The release that was verified good (branch release-1) and the bad one (main). */
  good: string;
  bad: string;
  close(): Promise<void>;
}

/** github-sim with octo/shop (release-1 = good, main = bad) and the service running the good release. */
export async function startWorld(simOptions: GitHubSimOptions = {}): Promise<World> {
  const sim = await startGitHubSim(simOptions);
  sim.model.addRepo('octo', 'shop');
  const good = sim.model.addCommit(REPO, { files: { 'app.txt': 'v1' }, message: 'v1' });
  sim.model.addBranch(REPO, 'release-1', good);
  const bad = sim.model.addCommit(REPO, { files: { 'app.txt': 'v2' }, message: 'v2' });
  const service = await startDemoService(good);
  service.releases.set(bad, { kind: 'broken' });
  const tempDir = await makeTempDir('rollback-world-');
  return {
    sim,
    service,
    tempDir,
    good,
    bad,
    async close() {
      await service.close();
      await sim.close();
      await removeTempDir(tempDir);
    },
  };
}

/** A fresh world for each test of the file: `worlds.current` inside a test; `replace` starts one with other options. */
export function eachTestWorld(): {
  readonly current: World;
  replace(options: GitHubSimOptions): Promise<World>;
} {
  let world: World | undefined;
  beforeEach(async () => {
    world = await startWorld();
  });
  afterEach(() => world?.close());
  return {
    get current() {
      return world as World;
    },
    async replace(options) {
      await world?.close();
      world = await startWorld(options);
      return world;
    },
  };
}

/** A deployment this action made and verified (our marker, then success), as an earlier run leaves it. */
export function addVerifiedDeployment(
  world: World,
  ref: string,
  environment = 'production',
  states: ('success' | 'failure' | 'error' | 'in_progress' | 'inactive')[] = ['in_progress', 'success'],
): number {
  return world.sim.model.addDeployment(REPO, {
    ref,
    environment,
    payload: { 'qeml-rollback': { version: 1, kind: 'deploy', ref } },
    statuses: states,
  });
}

/** The test-only knobs: waits skipped (time still moves on), API backoff and write spacing shrunk. */
export const FAST_ENV = {
  QEML_ROLLBACK_SKIP_WAITS: '1',
  QEML_GITHUB_RETRY_BASE_MS: '1',
  QEML_GITHUB_MIN_WRITE_INTERVAL_MS: '0',
};

export function runRollbackBundle(
  node: string,
  world: World,
  inputs: Record<string, string>,
  options: BundleRunOptions = {},
): Promise<StepResult> {
  return runBundle('rollback', {
    node,
    inputs: {
      'health-urls': world.service.healthUrl,
      'json-path': 'status',
      'json-value': 'ok',
      interval: '30s',
      'probe-timeout': '2s',
      'rollback-command': world.service.deployCommand('KNOWN_GOOD_SHA'),
      ...inputs,
    },
    apiUrl: world.sim.url,
    token: TOKEN,
    repository: REPO,
    runId: 4242,
    ...options,
    env: { ...FAST_ENV, ...options.env },
  });
}

/** The inputs of `mode: deploy` of main (the bad release) through the service's deploy command. */
export function deployMain(world: World): Record<string, string> {
  return { mode: 'deploy', ref: 'main', 'deploy-command': world.service.deployCommand('DEPLOY_SHA') };
}

export function report(step: StepResult) {
  return JSON.parse(step.outputs.report ?? '{}');
}

/** A deployment's states, oldest first, from the simulator's model. */
export function statesOf(world: World, id: number): string[] {
  const repo = world.sim.model.repo(REPO);
  const deployment = world.sim.model.deployments.get(repo, id);
  return world.sim.model.deployments
    .statusesOf(deployment)
    .map((s) => s.state)
    .reverse();
}

export function statusRecords(world: World, id: number) {
  const repo = world.sim.model.repo(REPO);
  return world.sim.model.deployments.statusesOf(world.sim.model.deployments.get(repo, id)).reverse();
}

export const errors = (step: StepResult) => step.annotations.filter((a) => a.level === 'error');
