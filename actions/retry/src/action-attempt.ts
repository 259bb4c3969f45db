/** One attempt of a JavaScript action (`uses:`), run the way the runner runs it, with this step's context. */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type RunOptions, runLocalAction, type StepResult } from '@qeml/local-runner';
import { formatFileCommands, formatPathFile } from '@qeml/runner-protocol';
import type { AttemptResult } from './attempt';

export interface ActionAttempt {
  /** Directory holding the action's action.yml. */
  directory: string;
  /** `uses: ./path`: the runner runs no pre for a local action. */
  localAction?: boolean;
  inputs: Record<string, string>;
  /** The step's environment: GITHUB_* context and everything the action inherits. */
  env: NodeJS.ProcessEnv;
  token?: string;
  workspace: string;
  tempDir: string;
  timeoutMs?: number;
  timeoutReason?: string;
  killGraceMs: number;
  signal?: AbortSignal;
  /** Node binary for the action (default: the one running this action). */
  node?: string;
  /** Replaceable in tests. */
  run?: (options: RunOptions) => Promise<StepResult>;
}

/** The runner context of this step, so the inner action sees the same repository, run and event. */
export function contextFromEnv(env: NodeJS.ProcessEnv): Partial<RunOptions> {
  const number = (name: string) => (env[name] && /^\d+$/.test(env[name]!) ? Number(env[name]) : undefined);
  let event: unknown;
  try {
    event = env.GITHUB_EVENT_PATH ? JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) : undefined;
  } catch {
    event = undefined; // an unreadable event leaves the runner's default
  }
  const context: Partial<RunOptions> = {
    event,
    eventName: env.GITHUB_EVENT_NAME,
    apiUrl: env.GITHUB_API_URL,
    serverUrl: env.GITHUB_SERVER_URL,
    graphqlUrl: env.GITHUB_GRAPHQL_URL,
    repository: env.GITHUB_REPOSITORY,
    sha: env.GITHUB_SHA,
    ref: env.GITHUB_REF,
    runId: number('GITHUB_RUN_ID'),
    runAttempt: number('GITHUB_RUN_ATTEMPT'),
    runNumber: number('GITHUB_RUN_NUMBER'),
    workflow: env.GITHUB_WORKFLOW,
    job: env.GITHUB_JOB,
    actor: env.GITHUB_ACTOR,
    stepId: env.GITHUB_ACTION,
  };
  return Object.fromEntries(Object.entries(context).filter(([, v]) => v !== undefined && v !== ''));
}

export async function runActionAttempt(options: ActionAttempt): Promise<AttemptResult> {
  const run = options.run ?? runLocalAction;
  const step = await run({
    ...contextFromEnv(options.env),
    action: options.directory,
    localAction: options.localAction,
    inputs: options.inputs,
    baseEnv: options.env,
    node: options.node ?? process.execPath,
    token: options.token,
    workspace: options.workspace,
    tempDir: options.tempDir,
    passthrough: true,
    timeoutMs: options.timeoutMs,
    killGraceMs: options.killGraceMs,
    // A cancellation goes straight to SIGTERM: the runner will not wait long for us either.
    cancelGraceMs: 0,
    signal: options.signal,
  });
  const main = step.phases.find((phase) => phase.name === 'main');
  const files = {
    GITHUB_OUTPUT: formatFileCommands(step.outputs, randomUUID),
    GITHUB_ENV: formatFileCommands(step.env, randomUUID),
    // StepResult lists PATH order (last added first); the file lists them in the order added.
    GITHUB_PATH: formatPathFile([...step.path].reverse()),
  };
  const lastError = step.annotations.filter((a) => a.level === 'error').at(-1)?.message ?? '';
  const base = { exitCode: step.exitCode, signal: main?.signal ?? null, output: {}, files, lastError };
  if (options.signal?.aborted || step.outcome === 'cancelled')
    return { ...base, outcome: 'cancelled', reason: 'cancelled' };
  if (main?.timedOut) return { ...base, outcome: 'timeout', reason: options.timeoutReason ?? 'timed out' };
  if (step.outcome === 'success') return { ...base, outcome: 'success', reason: '' };
  const reason = main?.signal ? `killed by ${main.signal}` : `exit code ${step.exitCode}`;
  return { ...base, outcome: 'failure', reason };
}
