/** The retry action: read inputs, run the engine, expose the successful attempt, report. */
import { createRunnerLogger, runAction, runner, writeJobSummary } from '@qeml/action-kit';
import { readRetryConfig } from './inputs';
import { commitSuccessfulAttempt, setRetryOutputs } from './outputs';
import { buildSummary, verdict } from './report';
import { runRetry } from './retry';

async function main(): Promise<void> {
  // The runner cancels a step with SIGINT, then SIGTERM: either one kills the attempt's tree and ends the loop.
  const cancel = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => cancel.abort(signal));

  const config = await readRetryConfig();
  const logger = createRunnerLogger();
  const result = await runRetry(config, { logger, signal: cancel.signal });

  const commandOutputs = await commitSuccessfulAttempt(result, logger);
  setRetryOutputs(result, logger, commandOutputs);
  const title =
    config.task.kind === 'action'
      ? config.task.uses
      : (config.task.script.trim().split('\n')[0] ?? '').slice(0, 80);
  await writeJobSummary(buildSummary(result, title));
  if (result.outcome !== 'success') runner.setFailed(verdict(result));
}

void runAction(main);
