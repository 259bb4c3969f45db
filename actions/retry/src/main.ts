/** The retry action: read inputs, run the engine, expose the successful attempt, report. */
import {
  createRunnerLogger,
  type Logger,
  runAction,
  runner,
  systemClock,
  writeJobSummary,
} from '@qeml/action-kit';
import { readRetryConfig } from './inputs';
import { commitFinalAttempt, setRetryOutputs } from './outputs';
import { buildSummary, summaryTitle, verdict } from './report';
import { type RetryDeps, runRetry } from './retry';
import { withStepTempDir } from './step-temp';

/** The engine's deps from the runner's process: its environment, streams, RUNNER_TEMP and workspace. */
function runnerDeps(signal: AbortSignal, tempDir: string, logger: Logger): RetryDeps {
  const env = process.env;
  return {
    clock: systemClock,
    logger,
    env,
    stdout: process.stdout,
    stderr: process.stderr,
    tempDir,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    signal,
  };
}

async function main(): Promise<void> {
  // The runner cancels a step with SIGINT, then SIGTERM: either one kills the attempt's tree and ends the loop.
  const cancel = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => cancel.abort(signal));

  const config = await readRetryConfig();
  const logger = createRunnerLogger(runner);
  const result = await withStepTempDir(process.env.RUNNER_TEMP, (tempDir) =>
    runRetry(config, runnerDeps(cancel.signal, tempDir, logger)),
  );

  const commandOutputs = await commitFinalAttempt(result, logger, process.env);
  setRetryOutputs(runner, result, logger, commandOutputs);
  if (process.env.GITHUB_STEP_SUMMARY) {
    await writeJobSummary(buildSummary(result, summaryTitle(config.task)), runner.summary);
  } else {
    // Older runners and GHES versions have no job summaries: the step's result does not depend on one.
    runner.debug('No job summary written: this runner does not set GITHUB_STEP_SUMMARY.');
  }
  if (result.outcome !== 'success') runner.setFailed(verdict(result));
}

void runAction(main);
