/** `qeml health`: the pipeline-health engine from a terminal, against an API or the embedded simulated month. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runCli } from '@qeml/cli';
import { type GitHubSim, startGitHubSim } from '@qeml/github-sim';
import { seedMonth } from '../../../actions/pipeline-health/month';
import { captureIO } from '../../support/cli';

let sim: GitHubSim;
beforeAll(async () => {
  sim = await startGitHubSim();
  seedMonth(sim, Math.floor(Date.now() / 1000) * 1000, 'acme/app');
});
afterAll(() => sim.close());

describe('qeml health', () => {
  test('--api-url: the text report with every figure, the flaky ranking, warnings and the API calls', async () => {
    const io = captureIO();
    const code = await runCli(['health', '--repo', 'acme/app', '--api-url', sim.url, '--token', 't0k'], io);
    expect(code).toBe(0);
    const text = io.out();
    expect(text).toMatch(/^acme\/app on main, last 30 days \(.+\), SLO 99.5 %: BREACHED/);
    expect(text).toContain('  success rate: 73.33 % (22/30)');
    expect(text).toContain('  MTTR: mean 42.4 min, median 19 min over 5 recoveries');
    expect(text).toContain('  2x CI / test (failure 2)');
    expect(text).toContain('workflow Nightly: first-attempt failure rate rising, 0 % (0/7) -> 71.4 % (5/7)');
    expect(text).toContain('API calls: 22 (repository 1, workflows 1, runs 3, attempts 5, jobs 12');
  });

  test('--format json is the action’s report; --workflow selects; --fail-on-slo exits 1', async () => {
    const io = captureIO();
    const code = await runCli(
      [
        'health',
        '--repo',
        'acme/app',
        '--api-url',
        sim.url,
        '--token',
        't',
        '--workflow',
        'nightly.yml',
        '--format',
        'json',
        '--fail-on-slo',
      ],
      io,
    );
    expect(code).toBe(1);
    const report = JSON.parse(io.out());
    expect(report.workflows.map((w: { name: string }) => w.name)).toEqual(['Nightly']);
    expect(report.overall['success-rate']).toBe(71.43);
  });

  test('--runs N: the last N runs of each workflow instead of a window (no created filter)', async () => {
    const io = captureIO();
    const args = ['health', '--repo', 'acme/app', '--api-url', sim.url, '--token', 't', '--runs', '5'];
    expect(await runCli([...args, '--format', 'json'], io)).toBe(0);
    const report = JSON.parse(io.out());
    // CI runs 13-17: 4 green and run 17's startup failure; Nightly 10-14: 11 and 12 (after its
    // re-run) green of 5; Docs: its one run, older than 30 days, now counts.
    expect(
      report.workflows.map((w: { name: string; figures: { counted: number; succeeded: number } }) => [
        w.name,
        w.figures.counted,
        w.figures.succeeded,
      ]),
    ).toEqual([
      ['CI', 5, 4],
      ['Nightly', 5, 2],
      ['Docs', 1, 1],
    ]);
    expect(report.overall['success-rate']).toBe(63.64);
    expect(report.window.label).toBe('last 5 runs of each workflow');
  });

  test('without --api-url it reports on the simulated month', async () => {
    const io = captureIO();
    expect(await runCli(['health', '--repo', 'demo/lib', '--window', '30d'], io)).toBe(0);
    expect(io.err()).toContain('No --api-url: reporting on a simulated month of runs in demo/lib.');
    expect(io.out()).toContain('success rate: 73.33 % (22/30)');
  });

  test('usage mistakes: exit 2 with one line naming the option', async () => {
    const io = captureIO();
    expect(await runCli(['health', '--repo', 'acme/app', '--window', '7d', '--runs', '5'], io)).toBe(2);
    expect(io.err()).toContain('--window and --runs were both given');
    const unknown = captureIO();
    expect(
      await runCli(
        ['health', '--repo', 'acme/app', '--api-url', sim.url, '--token', 't', '--workflow', 'Deploy'],
        unknown,
      ),
    ).toBe(2);
    expect(unknown.err()).toContain(
      "--workflows names 'Deploy', which match no workflow of the repository (found: CI (ci.yml), Nightly (nightly.yml), Docs (docs.yml))",
    );
  });
});
