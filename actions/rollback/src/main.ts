/** The rollback action: read inputs, build the deps from the runner's process, run the engine, report. */
import {
  type Clock,
  ConfigurationError,
  createGitHubClient,
  createRunnerLogger,
  runAction,
  runner,
  systemClock,
  writeJobSummary,
} from '@qeml/action-kit';
import { withStepTempDir } from '@qeml/retry/step-temp';
import { createShellCommandRunner } from './commands';
import { createHttpProbe } from './http-probe';
import { readRollbackConfig } from './inputs';
import { reportIssue } from './issue';
import { setRollbackOutputs } from './outputs';
import { buildSummary, headline } from './report';
import { runRollback } from './rollback';
import { SkippingClock } from './skipping-clock';

/** Test-only knob (documented in the README's "Testing" part): waits return at once, time moves on. */
function clockFromEnv(env: NodeJS.ProcessEnv): Clock {
  return env.QEML_ROLLBACK_SKIP_WAITS === '1' ? new SkippingClock() : systemClock;
}

function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = env;
  return server && repo && id ? `${server}/${repo}/actions/runs/${id}` : undefined;
}

async function main(): Promise<void> {
  const cancel = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => cancel.abort(signal));
  const env = process.env;
  const config = await readRollbackConfig(undefined, { repository: env.GITHUB_REPOSITORY });
  if (!config.githubToken)
    throw new ConfigurationError([
      "Input 'github-token' is required: expected a token with deployments: write",
    ]);
  const logger = createRunnerLogger(runner);
  // A refused request is reported once, by the engine, in words; Octokit's own error line goes to debug.
  const github = createGitHubClient({
    token: config.githubToken,
    log: { ...logger, error: (message) => logger.debug(message) },
  });
  const result = await withStepTempDir(env.RUNNER_TEMP, async (tempDir) => {
    const deps = {
      clock: clockFromEnv(env),
      logger,
      github,
      probe: createHttpProbe(),
      commands: createShellCommandRunner({
        env,
        workspace: env.GITHUB_WORKSPACE || process.cwd(),
        tempDir,
        stdout: process.stdout,
        stderr: process.stderr,
        signal: cancel.signal,
        announce: (line) => logger.info(line),
      }),
      runUrl: runUrl(env),
      signal: cancel.signal,
    };
    const outcome = await runRollback(config, deps);
    await reportIssue(config, deps, outcome);
    return outcome;
  });
  setRollbackOutputs(runner, result);
  if (env.GITHUB_STEP_SUMMARY) await writeJobSummary(buildSummary(result), runner.summary);
  else runner.debug('No job summary written: this runner does not set GITHUB_STEP_SUMMARY.');
  if (result.outcome !== 'success') runner.setFailed(headline(result));
}

void runAction(main);
