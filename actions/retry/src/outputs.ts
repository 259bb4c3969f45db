/**
 * What the step exposes. The successful attempt's $GITHUB_OUTPUT/$GITHUB_ENV/$GITHUB_PATH are appended
 * first and the retry action's own outputs after them, so on a name clash ours win (documented).
 */

import { randomUUID } from 'node:crypto';
import { type Logger, type Runner, redact, redactDeep, redactThenTruncate } from '@qeml/action-kit';
import { formatFileCommands, parseFileCommands, REFUSED_ENV_MESSAGE } from '@qeml/runner-protocol';
import { acceptedEnv } from './child-env';
import { commitFileCommands } from './file-commands';
import { buildReport } from './report';
import type { RetryResult } from './retry-loop';

export const Output = {
  Attempts: 'attempts',
  ExitCode: 'exit-code',
  Outcome: 'outcome',
  DurationMs: 'duration-ms',
  Reason: 'reason',
  ExitError: 'exit-error',
  Report: 'report',
} as const;

const OWN_OUTPUTS = new Set<string>(Object.values(Output));

/**
 * Makes the file commands of the attempt that counts the step's (the files `env` names: the runner's,
 * or the CLI's when it runs inside a step): the successful attempt's, or when none succeeded the last
 * attempt's, as a failing `run:` step keeps what it wrote. Returns the names of the outputs it set. A
 * malformed $GITHUB_OUTPUT or $GITHUB_ENV (e.g. an unclosed heredoc) is dropped with a warning: appended
 * as is, it would swallow the outputs written after it.
 */
export async function commitFinalAttempt(
  result: RetryResult,
  logger: Logger,
  env: NodeJS.ProcessEnv,
): Promise<string[]> {
  const files = result.successful?.files ?? result.attempts.at(-1)?.result.files;
  if (!files) return [];
  const committed = { ...files };
  const parsed = (file: 'GITHUB_OUTPUT' | 'GITHUB_ENV'): Record<string, string> => {
    try {
      return parseFileCommands(files[file], file);
    } catch (error) {
      committed[file] = '';
      logger.warning(`The command wrote a malformed $${file}, which is dropped: ${(error as Error).message}`);
      return {};
    }
  };
  const outputNames = Object.keys(parsed('GITHUB_OUTPUT'));
  const { accepted, refused } = acceptedEnv(parsed('GITHUB_ENV'));
  if (refused.length > 0) {
    // The runner would refuse it and report an error: say why here, and keep the rest.
    for (const name of refused) logger.warning(`The command: ${REFUSED_ENV_MESSAGE(name)} It is dropped.`);
    committed.GITHUB_ENV = formatFileCommands(accepted, randomUUID);
  }
  await commitFileCommands(committed, env);
  return outputNames;
}

/** Sets the action's own outputs after the command's, warning about command outputs they replace. */
export function setRetryOutputs(
  runner: Runner,
  result: RetryResult,
  logger: Logger,
  commandOutputs: string[] = [],
): void {
  const clashes = commandOutputs.filter((name) => OWN_OUTPUTS.has(name));
  if (clashes.length > 0) {
    logger.warning(
      `The command set output(s) ${clashes.join(', ')}, which the retry action sets itself; the retry action's values win.`,
    );
  }
  runner.setOutput(Output.Attempts, String(result.attempts.length));
  runner.setOutput(Output.ExitCode, result.exitCode === null ? '' : String(result.exitCode));
  runner.setOutput(Output.Outcome, result.outcome);
  runner.setOutput(Output.DurationMs, String(Math.round(result.durationMs)));
  runner.setOutput(Output.Reason, redact(result.reason));
  const lastError = result.outcome === 'success' ? '' : (result.attempts.at(-1)?.result.lastError ?? '');
  runner.setOutput(Output.ExitError, redactThenTruncate(lastError, 1024));
  runner.setOutput(Output.Report, JSON.stringify(redactDeep(buildReport(result))));
}
