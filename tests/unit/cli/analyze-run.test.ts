/** `qeml analyze --run OWNER/REPO#RUN_ID`: the failure-analysis engine on a run in github-sim, read-only. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runCli } from '@qeml/cli';
import { type GitHubSim, startGitHubSim } from '@qeml/github-sim';
import { networkLog, passingLog, testFailureLog } from '../../fixtures/failure-analysis/logs';
import { captureIO } from '../../support/cli';
import { childEnv } from '../../support/run-temp';

let sim: GitHubSim;
let runId: number;
const env = () =>
  childEnv({ GITHUB_TOKEN: 'ghs_cliToken000000000000000000000000000', QEML_GITHUB_RETRY_BASE_MS: '1' });

beforeAll(async () => {
  sim = await startGitHubSim();
  sim.model.addRepo('octo', 'app');
  runId = sim.model.addRun('octo/app', {
    jobs: [
      { name: 'lint', conclusion: 'success', log: passingLog('npm run lint') },
      { name: 'install', conclusion: 'failure', log: networkLog() },
      { name: 'test', conclusion: 'failure', log: testFailureLog() },
    ],
  }).id;
});
afterAll(() => sim.close());

describe('qeml analyze --run', () => {
  test('--format json: the action report (logs + decision), no write to GitHub', async () => {
    sim.clearRequests();
    const io = captureIO(process.cwd(), env());
    expect(
      await runCli(['analyze', '--run', `octo/app#${runId}`, '--api-url', sim.url, '--format', 'json'], io),
    ).toBe(0);
    const report = JSON.parse(io.out());
    expect(report).toMatchObject({
      verdict: 'deterministic',
      recovery: 'escalate',
      run: { id: runId, totalJobs: 3 },
    });
    expect(report.logs.map((log: { file: string; verdict: string }) => [log.file, log.verdict])).toEqual([
      ['install', 'transient'],
      ['test', 'deterministic'],
    ]);
    expect(report.taken).toMatchObject({ rerun: false, 'deleted-caches': [] });
    expect(sim.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  test('text: the headline, each job with its reason and excerpt', async () => {
    const io = captureIO(process.cwd(), env());
    expect(await runCli(['analyze', '--run', `octo/app#${runId}`, '--api-url', sim.url], io)).toBe(0);
    expect(io.out()).toContain(
      `CI run ${runId} (attempt 1): 2 failed jobs, deterministic; recovery: escalate.`,
    );
    expect(io.out()).toContain('test: deterministic: the code or its tests failed');
    expect(io.out()).toMatch(/\| E {7}assert 500 == 201/);
  });

  test('a run that does not exist: one line on stderr, exit 1', async () => {
    const io = captureIO(process.cwd(), env());
    expect(await runCli(['analyze', '--run', 'octo/app#99999', '--api-url', sim.url], io)).toBe(1);
    expect(io.err()).toMatch(/^qeml analyze: GitHub answered 404 .*check inputs 'run-id' and 'repository'/);
  });

  test('usage mistakes: a malformed reference, log files with --run, --api-url alone', async () => {
    for (const argv of [
      ['analyze', '--run', 'octo/app/123'],
      ['analyze', '--run', `octo/app#${runId}`, 'job.log'],
      ['analyze', '--api-url', sim.url, 'job.log'],
    ]) {
      const io = captureIO(process.cwd(), env());
      expect(await runCli(argv, io)).toBe(2);
    }
  });
});
