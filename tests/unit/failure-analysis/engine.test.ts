/** The engine in-process against github-sim: backoff through the injected clock, the fingerprint, the result model. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createGitHubClient, Redactor, VirtualClock } from '@qeml/action-kit';
import { builtinCatalogue } from '@qeml/diagnosis';
import {
  DEFAULT_LADDER,
  type FailureAnalysisConfig,
  fingerprint,
  runFailureAnalysis,
} from '@qeml/failure-analysis';
import { type GitHubSim, startGitHubSim } from '@qeml/github-sim';
import { networkLog, passingLog, testFailureLog } from '../../fixtures/failure-analysis/logs';
import { RecordingLogger } from '../../support/recording-logger';

let sim: GitHubSim;
beforeAll(async () => {
  sim = await startGitHubSim();
  sim.model.addRepo('octo', 'app');
});
afterAll(() => sim.close());

const config = (runId: number, overrides: Partial<FailureAnalysisConfig> = {}): FailureAnalysisConfig => ({
  target: { kind: 'run', owner: 'octo', repo: 'app', runId, self: false },
  signatures: builtinCatalogue(),
  heal: true,
  maxAttempts: 3,
  rerunDelayMs: 10_000,
  ladder: DEFAULT_LADDER,
  escalate: 'none',
  issueLabels: [],
  closeOnRecovery: false,
  fallbackInputs: {},
  ...overrides,
});

function deps(clock = new VirtualClock(1_800_000_000_000)) {
  const github = createGitHubClient({
    token: 'ghs_engine',
    apiUrl: sim.url,
    retryAfterBaseValue: 1,
    throttle: { minWriteIntervalMs: 0 },
  });
  return { clock, logger: new RecordingLogger(), redactor: new Redactor(), github, workspace: process.cwd() };
}

describe('failure-analysis engine', () => {
  test('the backoff before a rerun goes through the clock, doubled for attempt 2', async () => {
    const failing = { conclusion: 'failure' as const, log: networkLog() };
    const run = sim.model.addRun('octo/app', { jobs: [{ name: 'install', ...failing }] });
    sim.model.onRerun((r) =>
      sim.model.finishAttempt(r.id, { conclusion: 'failure', jobs: { install: failing } }),
    );
    sim.model.actions.rerun(sim.model.getRun(run.id), { failedOnly: true });

    const d = deps();
    const result = await runFailureAnalysis(config(run.id), d);
    expect(result.decision.recovery).toBe('rerun-clean-cache');
    expect(d.clock.sleeps).toEqual([20_000]);
    expect(result.taken).toMatchObject({ rerun: true, delayMs: 20_000 });
    expect(result.taken.notes).toContain(
      'no cache the failure implicates was found: rerun without deleting any',
    );
    expect(d.logger.messages('info')).toContain('Waiting 20s before the rerun.');
  });

  test('without heal nothing sleeps and nothing is written', async () => {
    const run = sim.model.addRun('octo/app', {
      jobs: [{ name: 'install', conclusion: 'failure', log: networkLog() }],
    });
    sim.clearRequests();
    const d = deps();
    const result = await runFailureAnalysis(config(run.id, { heal: false }), d);
    expect(result.decision.recovery).toBe('rerun');
    expect(d.clock.sleeps).toEqual([]);
    expect(sim.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  test('the fingerprint ignores numbers, times and the job, and tells different reasons apart', async () => {
    const analyse = async (log: string, name: string) => {
      const run = sim.model.addRun('octo/app', { jobs: [{ name, conclusion: 'failure', log }] });
      return (await runFailureAnalysis(config(run.id, { heal: false }), deps())).jobs;
    };
    const a = await analyse(testFailureLog(), 'test (3.11)');
    const b = await analyse(
      testFailureLog().replace(/assert 500 == 201/g, 'assert 502 == 201'),
      'test (3.12)',
    );
    const c = await analyse(
      testFailureLog().replace(/assert 500 == 201/g, "assert 'a' == 'b'"),
      'test (3.11)',
    );
    expect(fingerprint('.github/workflows/ci.yml', a)).toBe(fingerprint('.github/workflows/ci.yml', b));
    expect(fingerprint('.github/workflows/ci.yml', a)).not.toBe(fingerprint('.github/workflows/ci.yml', c));
    expect(fingerprint('.github/workflows/ci.yml', a)).not.toBe(
      fingerprint('.github/workflows/other.yml', a),
    );
  });

  test("a passing run's log is the baseline of its own job only: another job's failure is judged without it", async () => {
    const lines = (log: string) => log.trimEnd().split('\n');
    // `test` failed a real test, then lost the network: deterministic, never rerun.
    const testLog = [...lines(testFailureLog()).slice(0, -1), ...lines(networkLog()).slice(6)].join('\n');
    // The passing `build` prints the same test failure lines (a retried test): they are normal for build, not for test.
    const passingBuild = `${lines(testFailureLog()).slice(0, -1).join('\n')}\nDone.\n`;
    const workflow = { name: 'Baseline CI', workflow: 'baseline.yml' };
    sim.model.addRun('octo/app', {
      ...workflow,
      jobs: [
        { name: 'build', conclusion: 'success', log: passingBuild },
        { name: 'test', conclusion: 'success', log: passingLog() },
      ],
    });
    const run = sim.model.addRun('octo/app', {
      ...workflow,
      jobs: [
        { name: 'build', conclusion: 'failure', log: networkLog() },
        { name: 'test', conclusion: 'failure', log: testLog },
      ],
    });
    const result = await runFailureAnalysis(config(run.id, { heal: false }), deps());
    expect(result.baseline).toMatchObject({ job: 'build' });
    expect(result.jobs.map((job) => [job.name, job.analysis.verdict])).toEqual([
      ['build', 'transient'],
      ['test', 'deterministic'],
    ]);
    expect(result.decision.recovery).toBe('escalate');
  });

  test('"recovered" is said once per failure: later green runs add no comment until it fails again', async () => {
    const workflow = { name: 'Nightly', workflow: 'nightly.yml' };
    const failing = () =>
      sim.model.addRun('octo/app', {
        ...workflow,
        jobs: [{ name: 'test', conclusion: 'failure', log: testFailureLog() }],
      });
    const green = () =>
      sim.model.addRun('octo/app', {
        ...workflow,
        jobs: [{ name: 'test', conclusion: 'success', log: passingLog() }],
      });
    let hour = 0;
    const analyse = async (runId: number) => {
      const clock = new VirtualClock(1_800_000_000_000 + ++hour * 3_600_000);
      return (await runFailureAnalysis(config(runId, { heal: false, escalate: 'issue' }), deps(clock))).taken;
    };
    const issue = (await analyse(failing().id)).issue?.number;
    const recoveredComments = () =>
      sim.model.issues.comments.filter((c) => c.issueNumber === issue && c.body.includes('Recovered'));

    expect((await analyse(green().id)).recovered).toEqual([{ issue, closed: false }]);
    expect((await analyse(green().id)).recovered).toEqual([]);
    expect(recoveredComments()).toHaveLength(1);

    await analyse(failing().id);
    await analyse(green().id);
    expect(recoveredComments()).toHaveLength(2);
  });

  test('a run that did not pass, yet has no failed job, is never called a success', async () => {
    const analyse = async (conclusion: 'cancelled' | 'startup_failure', jobs: { name: string }[]) => {
      const run = sim.model.addRun('octo/app', {
        name: 'Release',
        workflow: 'release.yml',
        conclusion,
        jobs: jobs.map((job) => ({ ...job, conclusion: 'cancelled' as const, log: passingLog() })),
      });
      return (await runFailureAnalysis(config(run.id, { escalate: 'issue' }), deps())).decision;
    };
    expect(await analyse('cancelled', [{ name: 'build' }])).toMatchObject({
      verdict: 'skipped',
      recovery: 'none',
      because: expect.stringContaining('cancelled'),
    });
    expect(await analyse('startup_failure', [])).toMatchObject({
      verdict: 'unknown',
      because: expect.stringContaining('startup_failure'),
    });
  });

  test('a flaky candidate whose failed log has expired is left out, not an error', async () => {
    const run = sim.model.addRun('octo/app', {
      name: 'Flaky CI',
      workflow: 'flaky.yml',
      jobs: [{ name: 'test', conclusion: 'failure', log: testFailureLog() }],
      reruns: [
        {
          startedAt: 1_800_000_600_000,
          completedAt: 1_800_000_900_000,
          conclusion: 'success',
          jobs: [{ name: 'test', conclusion: 'success', log: passingLog() }],
        },
      ],
    });
    const failedJob = sim.model.getRun(run.id).attempts[0]?.jobs[0];
    sim.faults.add({
      route: `/repos/octo/app/actions/jobs/${failedJob?.id}/logs`,
      status: 410,
      body: { message: 'Gone' },
    });
    const result = await runFailureAnalysis(config(run.id, { heal: false }), deps());
    expect(result.decision).toMatchObject({ verdict: 'success', because: 'the run passed' });
    expect(result.flaky).toEqual([]);
  });

  test('a baseline whose log has expired is no baseline, not an error', async () => {
    const workflow = { name: 'Expired CI', workflow: 'expired.yml' };
    const green = sim.model.addRun('octo/app', {
      ...workflow,
      jobs: [{ name: 'test', conclusion: 'success', log: passingLog() }],
    });
    sim.faults.add({
      route: `/repos/octo/app/actions/jobs/${sim.model.getRun(green.id).attempts[0]?.jobs[0]?.id}/logs`,
      status: 410,
      body: { message: 'Gone' },
    });
    const run = sim.model.addRun('octo/app', {
      ...workflow,
      jobs: [{ name: 'test', conclusion: 'failure', log: testFailureLog() }],
    });
    const result = await runFailureAnalysis(config(run.id, { heal: false }), deps());
    expect(result.baseline).toBeUndefined();
    expect(result.jobs.map((job) => job.analysis.verdict)).toEqual(['deterministic']);
  });

  test('an issue for 80 failed jobs with long reasons stays under the 65,536-character body limit of GitHub', async () => {
    const long = testFailureLog().replace(
      'E       assert 500 == 201',
      `E       assert ${'x'.repeat(390)} == 201\n`.repeat(12).trimEnd(),
    );
    const jobs = Array.from({ length: 80 }, (_, i) => ({
      name: `test (${i})`,
      conclusion: 'failure' as const,
      log: long,
    }));
    const run = sim.model.addRun('octo/app', { jobs });
    const result = await runFailureAnalysis(config(run.id, { heal: false, escalate: 'issue' }), deps());
    const issue = sim.model.issues.issues.find((i) => i.number === result.taken.issue?.number);
    expect(issue?.body?.length).toBeLessThan(65_536);
    expect(issue?.body?.length).toBeGreaterThan(50_000); // it was cut, not short
    expect(issue?.body).toContain('test (0)');
  });
});
