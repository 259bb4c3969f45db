/**
 * The retry engine: runs the configured command (or action) under the retry loop, with live output,
 * a group per attempt, a warning per failed attempt, the on-retry command between attempts and the
 * environment it sets carried forward.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { type Clock, ConfigurationError, formatDuration, type Logger } from '@qeml/action-kit';
import { parseFileCommands, parsePathFile, REFUSED_ENV_MESSAGE } from '@qeml/runner-protocol';
import { type AttemptResult, runCommandAttempt } from './attempt';
import type { RandomSource } from './backoff';
import { acceptedEnv, actionEnvironment, commandEnvironment } from './child-env';
import type { TarballDownload } from './fetch-action';
import type { RetryConfig } from './inputs';
import { type AttemptRequest, type BetweenAttempts, type RetryResult, runRetryLoop } from './retry-loop';

/**
 * Everything the engine touches besides its configuration: time, logging and the step's I/O. The
 * action's main.ts fills it from the runner's process, the `qeml retry` CLI from the terminal, tests
 * with fakes; the engine itself reads no process globals (`pnpm lint` checks, scripts/lint-engines.ts).
 */
export interface RetryDeps {
  clock: Clock;
  logger: Logger;
  /** The step's environment, which every attempt inherits. */
  env: NodeJS.ProcessEnv;
  /** Where the command's output streams, live. */
  stdout: Writable;
  stderr: Writable;
  /** RUNNER_TEMP: attempt scripts, their file-command files and fetched actions go here (and are removed). */
  tempDir: string;
  /** GITHUB_WORKSPACE: `working-directory` and `./path` actions are relative to it. */
  workspace: string;
  /** Jitter's random source (default Math.random). */
  random?: RandomSource;
  /** Aborting it cancels the step: the running attempt's tree is killed, no further attempt starts. */
  signal?: AbortSignal;
  /** Fetches `owner/repo@ref` actions (default: the GitHub API with the `github-token` input). */
  download?: TarballDownload;
  /** Node binary for retried actions (default: the running one). */
  node?: string;
}

/** Runs the retry; never throws for a failing command (see `outcome`), only for configuration problems. */
export async function runRetry(config: RetryConfig, deps: RetryDeps): Promise<RetryResult> {
  const { env, logger, clock, stdout, stderr, tempDir } = deps;
  const workspace = path.resolve(deps.workspace);
  const workingDirectory = path.resolve(workspace, config.workingDirectory);
  if (!existsSync(workingDirectory) || !statSync(workingDirectory).isDirectory()) {
    throw new ConfigurationError(
      `Input 'working-directory' got ${JSON.stringify(config.workingDirectory)}: ${workingDirectory} is not a directory`,
    );
  }

  // Environment set by on-retry through $GITHUB_ENV / $GITHUB_PATH, kept for every later attempt.
  const carriedEnv: Record<string, string> = {};
  const carriedPath: string[] = [];
  // Neither kind of child sees this step's inputs (the token among them); a command, like a `run:`
  // step, also not the runtime credentials the runner gives JavaScript actions only.
  const commandBase = commandEnvironment(env);
  const actionBase = actionEnvironment(env);
  const stepEnv = (extra: Record<string, string>, base = commandBase): NodeJS.ProcessEnv => {
    const merged: NodeJS.ProcessEnv = { ...base, ...carriedEnv, ...extra };
    if (carriedPath.length > 0) {
      const key = Object.keys(merged).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
      merged[key] = [...carriedPath, merged[key] ?? ''].join(path.delimiter);
    }
    return merged;
  };

  // total-timeout counts from here: fetching a remote action is part of the step's time.
  const startedAt = clock.now();
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
          // Fetching the action counts against total-timeout (the loop's deadline starts at
          // `startedAt` too), and a cancellation stops it.
          signal: AbortSignal.any([
            ...(deps.signal ? [deps.signal] : []),
            ...(config.plan.totalTimeoutMs !== undefined
              ? [AbortSignal.timeout(config.plan.totalTimeoutMs)]
              : []),
          ]),
          download: deps.download ?? actions.githubTarballDownload(config.githubToken, env),
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
    const attemptEnv = { RETRY_ATTEMPT: String(request.attempt) };
    if (task.kind === 'action') {
      return actions!.runActionAttempt({
        directory: actionDirectory!,
        localAction: task.uses.startsWith('./'),
        inputs: task.with,
        env: stepEnv(attemptEnv, actionBase),
        token: config.githubToken,
        workspace,
        tempDir,
        node: deps.node,
        ...limits,
      });
    }
    const watch = watchOutput?.();
    const result = await runCommandAttempt({
      script: request.attempt > 1 && task.retryScript !== undefined ? task.retryScript : task.script,
      shell: config.shell,
      workingDirectory,
      tempDir,
      env: stepEnv(attemptEnv),
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
        carryEnvironment(result, carriedEnv, carriedPath, logger);
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
    startedAt,
    random: deps.random,
    signal: deps.signal,
    runAttempt: (request) =>
      logger.group(`Attempt ${request.attempt} of ${request.maxAttempts}`, () => runOne(request)),
    beforeRetry,
    events: {
      attemptFinished(record, maxAttempts) {
        if (record.outcome === 'success' || record.outcome === 'cancelled') return;
        const message = `Attempt ${record.number} of ${maxAttempts} failed: ${record.reason}`;
        if (config.warnOnRetry) logger.warning(message, { title: 'Retry: attempt failed' });
        else logger.info(message);
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
  logger: Logger,
): void {
  try {
    const { accepted, refused } = acceptedEnv(parseFileCommands(result.files.GITHUB_ENV, 'GITHUB_ENV'));
    for (const name of refused)
      logger.warning(`on-retry: ${REFUSED_ENV_MESSAGE(name)} It is not carried to later attempts.`);
    Object.assign(carriedEnv, accepted);
  } catch {
    // A malformed file from on-retry carries nothing; the warning above already flagged a failure.
  }
  const added = parsePathFile(result.files.GITHUB_PATH);
  carriedPath.unshift(...added.reverse());
}
