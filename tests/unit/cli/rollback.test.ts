/** `qeml verify` / `qeml rollback` / `qeml promote`: the rollback engine from a terminal, the inputs as flags. */
import { describe, expect, test } from '@jest/globals';
import { runCli } from '@qeml/cli';
import { addVerifiedDeployment, eachTestWorld, REPO, statesOf, type World } from '../../e2e/rollback/helpers';
import { captureIO } from '../../support/cli';
import { childEnv } from '../../support/run-temp';

const worlds = eachTestWorld();

const env = () =>
  childEnv({
    QEML_ROLLBACK_SKIP_WAITS: '1',
    QEML_GITHUB_RETRY_BASE_MS: '1',
    QEML_GITHUB_MIN_WRITE_INTERVAL_MS: '0',
  });
const against = (w: World) => [
  '--api-url',
  w.sim.url,
  '--token',
  'ghs_cli_test_token_0123456789',
  '--repository',
  REPO,
];

describe('qeml rollback / verify / promote', () => {
  test('qeml rollback goes back to the known-good release and prints the timeline', async () => {
    const world = worlds.current;
    addVerifiedDeployment(world, 'release-1');
    const bad = addVerifiedDeployment(world, 'main');
    world.service.state.live = world.bad;
    const io = captureIO(process.cwd(), env());
    const code = await runCli(
      [
        'rollback',
        ...against(world),
        '--health-urls',
        world.service.healthUrl,
        '--rollback-command',
        world.service.deployCommand('KNOWN_GOOD_SHA'),
        '--interval',
        '5s',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(io.out()).toMatch(
      new RegExp(
        `^✅ Rolled back 'production' from deployment #${bad} to release-1 \\(deployment #\\d+\\), verified `,
      ),
    );
    expect(io.out()).toContain('Timeline:');
    expect(io.out()).toMatch(/Deadline:\s+Deadline 5m: met/);
    expect(world.service.state.live).toBe(world.good);
    expect(statesOf(world, bad).at(-1)).toBe('failure');
  });

  test('qeml promote --format json marks a deployment made elsewhere as known-good (a new, marked deployment)', async () => {
    const world = worlds.current;
    const elsewhere = world.sim.model.addDeployment(REPO, {
      ref: 'release-1',
      environment: 'production',
      statuses: ['success'],
    });
    const io = captureIO(process.cwd(), env());
    expect(await runCli(['promote', ...against(world), '--format', 'json'], io)).toBe(0);
    const report = JSON.parse(io.out());
    expect(report.deployment.id).not.toBe(elsewhere);
    expect(report.deployment).toMatchObject({ ref: 'release-1', sha: world.good });
    const marked = world.sim.model.deployments.get(world.sim.model.repo(REPO), report.deployment.id);
    expect(marked.payload).toEqual({ 'qeml-rollback': { version: 1, kind: 'promote', ref: 'release-1' } });
  });

  test('qeml promote refuses a deployment that failed unless it is health-checked now', async () => {
    const world = worlds.current;
    addVerifiedDeployment(world, 'main', 'production', ['in_progress', 'failure']);
    const refused = captureIO(process.cwd(), env());
    expect(await runCli(['promote', ...against(world)], refused)).toBe(1);
    expect(refused.out()).toMatch(/ended in failure: not promoted without a health check/);
    world.service.releases.set(world.bad, { kind: 'healthy' });
    world.service.state.live = world.bad;
    const checked = captureIO(process.cwd(), env());
    expect(
      await runCli(
        ['promote', ...against(world), '--health-urls', world.service.healthUrl, '--successes', '1'],
        checked,
      ),
    ).toBe(0);
  });

  test('qeml verify against the embedded simulator: nothing to verify, exit 1', async () => {
    const world = worlds.current;
    const io = captureIO(process.cwd(), env());
    expect(
      await runCli(['verify', '--health-urls', world.service.healthUrl, '--auto-rollback', 'false'], io),
    ).toBe(1);
    expect(io.out()).toContain("⛔ Nothing to verify: no deployment of 'production'.");
  });

  test('a missing health check is a usage error naming the flag', async () => {
    const world = worlds.current;
    const io = captureIO(process.cwd(), env());
    expect(await runCli(['verify', ...against(world)], io)).toBe(2);
    expect(io.err()).toContain('--health-urls or --health-command is required for mode verify');
  });
});
