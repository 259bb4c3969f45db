/**
 * The retry engine: runs the configured command (or action) under the retry loop, with live output,
 * a group per attempt, a warning per failed attempt, the on-retry command between attempts and the
 * environment it sets carried forward.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import {
  type Clock,
  ConfigurationError,
  formatDuration,
  type Logger,
  silentLogger,
  systemClock,
} from '@qeml/action-kit';
import { parseFileCommands } from '@qeml/local-runner';
import { type AttemptResult, runCommandAttempt } from './attempt';
import type { RandomSource } from './backoff';
import type { TarballDownload } from './fetch-action';
import type { RetryConfig } from './inputs';
import { type AttemptRequest, type BetweenAttempts, type RetryResult, runRetryLoop } from './retry-loop';

export interface RetryEnvironment {
  clock?: Clock;
  random?: RandomSource;
  /** Aborting it cancels the step: the running attempt's tree is killed, no further attempt starts. */
  signal?: AbortSignal;
  logger?: Logger;
  /** Where the command's output streams (default: this process's stdout/stderr). */
  stdout?: Writable;
  stderr?: Writable;
  /** The step's environment (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** RUNNER_TEMP (default from env, else the OS temp dir). */
  tempDir?: string;
  /** GITHUB_WORKSPACE (default from env, else the current directory). */
  workspace?: string;
  /** Fetches `owner/repo@ref` actions; required only for remote `uses`. */
  download?: TarballDownload;
  /** Node binary for retried actions (default: the running one). */
  node?: string;
}

/** Runs the retry; never throws for a failing command (see `outcome`), only for configuration problems. */
export async function runRetry(
  config: RetryConfig,
  environment: RetryEnvironment = {},
): Promise<RetryResult> {
  const env = environment.env ?? process.env;
  const logger = environment.logger ?? silentLogger;
  const clock = environment.clock ?? systemClock;
  const stdout = environment.stdout ?? process.stdout;
  const stderr = environment.stderr ?? process.stderr;
  const workspace = path.resolve(environment.workspace ?? env.GITHUB_WORKSPACE ?? process.cwd());
  const tempDir = environment.tempDir ?? env.RUNNER_TEMP ?? (await import('node:os')).tmpdir();
  const workingDirectory = path.resolve(workspace, config.workingDirectory);
  if (!existsSync(workingDirectory) || !statSync(workingDirectory).isDirectory()) {
    throw new ConfigurationError(
      `Input 'working-directory' got ${JSON.stringify(config.workingDirectory)}: ${workingDirectory} is not a directory`,
    );
  }

  // Environment set by on-retry through $GITHUB_ENV / $GITHUB_PATH, kept for every later attempt.
  const carriedEnv: Record<string, string> = {};
  const carriedPath: string[] = [];
  const stepEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => {
    const merged: NodeJS.ProcessEnv = { ...env, ...carriedEnv, ...extra };
    if (carriedPath.length > 0) {
      const key = Object.keys(merged).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
      merged[key] = [...carriedPath, merged[key] ?? ''].join(path.delimiter);
    }
    return merged;
  };

  const task = config.task;
  // Running an action (`uses:`) loads local-runner, tar and the GitHub client; a command run never needs them.
  const actions =
    task.kind === 'action'
      ? { ...(await import('./fetch-action')), ...(await import('./action-attempt')) }
      : undefined;
  const actionDirectory =
    task.kind === 'action' && actions
      ? await actions.resolveAction(task.uses, {
          workspace,
          tempDir,
          download: environment.download ?? actions.githubTarballDownload(config.githubToken, env),
        })
      : undefined;

  // retry-on: transient loads the diagnosis engine, and only then.
  const watchOutput = config.plan.retryOnlyTransient
    ? (await import('./transient')).transientClassifier()
    : undefined;

  const runOne = async (request: AttemptRequest): Promise<AttemptResult> => {
    const limits = {
      timeoutMs: request.timeoutMs,
      timeoutReason: request.timeoutReason,
      killGraceMs: config.killGraceMs,
      signal: request.signal,
    };
    const attemptEnv = stepEnv({ RETRY_ATTEMPT: String(request.attempt) });
    if (task.kind === 'action') {
      return actions!.runActionAttempt({
        directory: actionDirectory!,
        inputs: task.with,
        env: attemptEnv,
        token: config.githubToken,
        workspace,
        tempDir,
        node: environment.node,
        ...limits,
      });
    }
    const watch = watchOutput?.();
    const result = await runCommandAttempt({
      script: task.script,
      shell: config.shell,
      workingDirectory,
      tempDir,
      env: attemptEnv,
      retryOnOutput: config.plan.retryOnOutput,
      stopOnOutput: config.plan.stopOnOutput,
      observe: watch ? (chunk) => watch.write(chunk) : undefined,
      stdout,
      stderr,
      ...limits,
    });
    return watch && result.outcome === 'failure' ? { ...result, diagnosis: watch.finish() } : result;
  };

  const onRetry = config.onRetry;
  const beforeRetry = onRetry
    ? async (context: BetweenAttempts): Promise<void> => {
        const result = await logger.group(`on-retry before attempt ${context.nextAttempt}`, () =>
          runCommandAttempt({
            script: onRetry,
            shell: config.shell,
            workingDirectory,
            tempDir,
            env: stepEnv({
              RETRY_ATTEMPT: String(context.nextAttempt),
              RETRY_EXIT_CODE: context.previous.exitCode === null ? '' : String(context.previous.exitCode),
              RETRY_REASON: context.previous.reason,
            }),
            timeoutMs: context.timeoutMs,
            timeoutReason:
              context.timeoutMs === undefined
                ? undefined
                : `timed out after ${formatDuration(context.timeoutMs)}`,
            killGraceMs: config.killGraceMs,
            signal: context.signal,
            stdout,
            stderr,
          }),
        );
        carryEnvironment(result, carriedEnv, carriedPath);
        if (result.outcome !== 'success' && result.outcome !== 'cancelled') {
          // A failing cleanup should not cost the remaining attempts.
          logger.warning(
            `on-retry before attempt ${context.nextAttempt} failed (${result.reason}); retrying anyway`,
          );
        }
      }
    : undefined;

  return runRetryLoop({
    plan: config.plan,
    clock,
    random: environment.random,
    signal: environment.signal,
    runAttempt: (request) =>
      logger.group(`Attempt ${request.attempt} of ${request.maxAttempts}`, () => runOne(request)),
    beforeRetry,
    events: {
      attemptFinished(record, maxAttempts) {
        if (record.outcome === 'success' || record.outcome === 'cancelled') return;
        logger.warning(`Attempt ${record.number} of ${maxAttempts} failed: ${record.reason}`, {
          title: 'Retry: attempt failed',
        });
      },
      waiting(delayMs, nextAttempt) {
        if (delayMs > 0) logger.info(`Waiting ${formatDuration(delayMs)} before attempt ${nextAttempt}`);
      },
    },
  });
}

/** What on-retry wrote to $GITHUB_ENV / $GITHUB_PATH joins the environment of every later attempt. */
function carryEnvironment(
  result: AttemptResult,
  carriedEnv: Record<string, string>,
  carriedPath: string[],
): void {
  try {
    Object.assign(carriedEnv, parseFileCommands(result.files.GITHUB_ENV, 'GITHUB_ENV'));
  } catch {
    // A malformed file from on-retry carries nothing; the warning above already flagged a failure.
  }
  const added = result.files.GITHUB_PATH.split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  carriedPath.unshift(...added.reverse());
}
