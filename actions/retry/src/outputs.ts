/**
 * What the step exposes. The successful attempt's $GITHUB_OUTPUT/$GITHUB_ENV/$GITHUB_PATH are appended
 * first and the retry action's own outputs after them, so on a name clash ours win (documented).
 */
import { type Logger, redact, redactDeep, runner } from '@qeml/action-kit';
import { parseFileCommands } from '@qeml/local-runner';
import { commitFileCommands } from './file-commands';
import { buildReport } from './report';
import type { RetryResult } from './retry-loop';

export const Output = {
  Attempts: 'attempts',
  ExitCode: 'exit-code',
  Outcome: 'outcome',
  DurationMs: 'duration-ms',
  Reason: 'reason',
  Report: 'report',
} as const;

const OWN_OUTPUTS = new Set<string>(Object.values(Output));

/** Makes the successful attempt's file commands the step's, warning about outputs that ours replace. */
export async function commitSuccessfulAttempt(result: RetryResult, logger: Logger): Promise<void> {
  const files = result.successful?.files;
  if (!files) return;
  let names: string[] = [];
  try {
    names = Object.keys(parseFileCommands(files.GITHUB_OUTPUT, 'GITHUB_OUTPUT'));
  } catch (error) {
    logger.warning(`The command wrote a malformed $GITHUB_OUTPUT: ${(error as Error).message}`);
  }
  const clashes = names.filter((name) => OWN_OUTPUTS.has(name));
  if (clashes.length > 0) {
    logger.warning(
      `The command set output(s) ${clashes.join(', ')}, which the retry action sets itself; the retry action's values win.`,
    );
  }
  await commitFileCommands(files);
}

export function setRetryOutputs(result: RetryResult): void {
  runner.setOutput(Output.Attempts, String(result.attempts.length));
  runner.setOutput(Output.ExitCode, result.exitCode === null ? '' : String(result.exitCode));
  runner.setOutput(Output.Outcome, result.outcome);
  runner.setOutput(Output.DurationMs, String(Math.round(result.durationMs)));
  runner.setOutput(Output.Reason, redact(result.reason));
  runner.setOutput(Output.Report, JSON.stringify(redactDeep(buildReport(result))));
}
