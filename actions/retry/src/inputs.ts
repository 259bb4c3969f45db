/** The retry action's inputs: one schema, then the checks that involve several inputs. */
import {
  ConfigurationError,
  defineInputs,
  envInputSource,
  type InputSource,
  readInputsCollecting,
} from '@qeml/action-kit';
import { BACKOFF_STRATEGIES, JITTER_MODES } from './backoff';
import type { RetryPlan } from './retry-loop';
import { RETRY_ON_KINDS, type RetryOnKind, rulesFromRetryOn } from './retry-rules';
import { resolveShell, type ShellSpec } from './shell';

export const Input = {
  Run: 'run',
  Shell: 'shell',
  WorkingDirectory: 'working-directory',
  MaxAttempts: 'max-attempts',
  Timeout: 'timeout',
  TotalTimeout: 'total-timeout',
  Backoff: 'backoff',
  Delay: 'delay',
  MaxDelay: 'max-delay',
  Factor: 'factor',
  Jitter: 'jitter',
  RetryOn: 'retry-on',
  RetryOnExitCodes: 'retry-on-exit-codes',
  RetryOnOutput: 'retry-on-output',
  StopOnOutput: 'stop-on-output',
  OnRetry: 'on-retry',
  NewCommandOnRetry: 'new-command-on-retry',
  WarningOnRetry: 'warning-on-retry',
  KillGrace: 'kill-grace',
  Uses: 'uses',
  With: 'with',
  GitHubToken: 'github-token',
} as const;

export const retrySchema = defineInputs({
  [Input.Run]: { kind: 'string', trimWhitespace: false },
  [Input.Shell]: { kind: 'string', default: '' },
  [Input.WorkingDirectory]: { kind: 'string', default: '' },
  [Input.MaxAttempts]: { kind: 'integer', default: 3, min: 1, max: 10_000 },
  [Input.Timeout]: { kind: 'duration', min: 1 },
  [Input.TotalTimeout]: { kind: 'duration', min: 1 },
  [Input.Backoff]: { kind: 'enum', values: BACKOFF_STRATEGIES, default: 'exponential' },
  [Input.Delay]: { kind: 'duration', default: '10s' },
  [Input.MaxDelay]: { kind: 'duration', default: '5m' },
  [Input.Factor]: { kind: 'number', default: 2, min: 1, max: 100 },
  [Input.Jitter]: { kind: 'enum', values: JITTER_MODES, default: 'full' },
  [Input.RetryOn]: { kind: 'list', default: ['any'] },
  [Input.RetryOnExitCodes]: { kind: 'list', default: [] },
  [Input.RetryOnOutput]: { kind: 'patterns', default: [] },
  [Input.StopOnOutput]: { kind: 'patterns', default: [] },
  [Input.OnRetry]: { kind: 'string', trimWhitespace: false },
  [Input.NewCommandOnRetry]: { kind: 'string', trimWhitespace: false },
  [Input.WarningOnRetry]: { kind: 'boolean', default: true },
  [Input.KillGrace]: { kind: 'duration', default: '10s' },
  [Input.Uses]: { kind: 'string' },
  [Input.With]: { kind: 'object', default: {} },
  [Input.GitHubToken]: { kind: 'string', secret: true },
});

/** What to run in each attempt: a script in a shell, or a JavaScript action. */
export type RetryTask =
  | {
      kind: 'command';
      script: string /** Run from the second attempt on, instead of `script`. */;
      retryScript?: string;
    }
  | { kind: 'action'; uses: string; with: Record<string, string> };

export interface RetryConfig {
  task: RetryTask;
  shell: ShellSpec;
  /** As given (relative paths are taken from the workspace); empty = the workspace. */
  workingDirectory: string;
  plan: RetryPlan;
  /** Command run before each new attempt, in the same shell. */
  onRetry?: string;
  killGraceMs: number;
  /** A warning annotation per failed attempt (else a plain log line). */
  warnOnRetry: boolean;
  githubToken?: string;
}

/** Reads and checks every input; all problems come back together in one ConfigurationError. */
export async function readRetryConfig(source: InputSource = envInputSource()): Promise<RetryConfig> {
  const { values, problems } = await readInputsCollecting(retrySchema, source);
  const raw = (name: string) => source(name) ?? '';
  const hasRun = raw(Input.Run).trim() !== '';
  const hasUses = raw(Input.Uses).trim() !== '';
  if (!hasRun && !hasUses) {
    problems.push(
      `Input '${Input.Run}' is required (unless '${Input.Uses}' is given): expected the command to retry`,
    );
  }
  if (hasRun && hasUses) {
    problems.push(
      `Input '${Input.Run}' and input '${Input.Uses}' were both given: expected exactly one of them`,
    );
  }
  if (hasUses && (raw(Input.RetryOnOutput).trim() !== '' || raw(Input.StopOnOutput).trim() !== '')) {
    problems.push(
      `Input '${Input.RetryOnOutput}' / '${Input.StopOnOutput}' work with 'run' only: a retried action's output is passed through unread`,
    );
  }
  if (hasUses && raw(Input.NewCommandOnRetry).trim() !== '') {
    problems.push(
      `Input '${Input.NewCommandOnRetry}' works with 'run' only: it replaces the command from the second attempt on`,
    );
  }
  if (hasUses && raw(Input.OnRetry).trim() === '') {
    for (const name of [Input.Shell, Input.WorkingDirectory]) {
      if (raw(name).trim() !== '') {
        problems.push(
          `Input '${name}' has no effect with 'uses': it applies to 'run' and 'on-retry' only (an action runs in the workspace with its own runtime)`,
        );
      }
    }
  }
  if (hasUses && splitRaw(raw(Input.RetryOn)).includes('transient')) {
    problems.push(
      `Input '${Input.RetryOn}' got "transient", which works with 'run' only: a retried action's output is passed through unread`,
    );
  }
  const shell = resolveShell(raw(Input.Shell));
  if (typeof shell === 'string')
    problems.push(`Input '${Input.Shell}' got ${JSON.stringify(raw(Input.Shell).trim())}: ${shell}`);
  const retryOn = splitRaw(raw(Input.RetryOn));
  const unknownKinds = retryOn.filter((kind) => !RETRY_ON_KINDS.includes(kind as RetryOnKind));
  if (unknownKinds.length > 0) {
    const flow = /^\s*\[.*\]\s*$/s.test(raw(Input.RetryOn))
      ? ' (a YAML [list] is passed as text: write the kinds without brackets)'
      : '';
    problems.push(
      `Input '${Input.RetryOn}' got ${JSON.stringify(raw(Input.RetryOn).trim())}: expected one or more of ${RETRY_ON_KINDS.join(', ')}, comma-separated or one per line${flow}`,
    );
  }
  const exitCodes = splitRaw(raw(Input.RetryOnExitCodes));
  const badCodes = exitCodes.filter(
    (code) => !/^\d{1,3}$/.test(code) || Number(code) < 1 || Number(code) > 255,
  );
  if (badCodes.length > 0) {
    problems.push(
      `Input '${Input.RetryOnExitCodes}' got ${JSON.stringify(badCodes.join(', '))}: expected failing exit codes from 1 to 255 like 1, 2, 75 (0 is success, and a process cannot exit with more than 255)`,
    );
  }
  const withProblem = values ? checkWith(values[Input.With]) : undefined;
  if (withProblem) problems.push(withProblem);
  if (problems.length > 0 || !values || typeof shell === 'string') throw new ConfigurationError(problems);

  const newCommand = values[Input.NewCommandOnRetry];
  const task: RetryTask = hasRun
    ? {
        kind: 'command',
        script: values[Input.Run] ?? '',
        ...(newCommand !== undefined && newCommand.trim() !== '' ? { retryScript: newCommand } : {}),
      }
    : { kind: 'action', uses: (values[Input.Uses] ?? '').trim(), with: stringValues(values[Input.With]) };
  const onRetry = values[Input.OnRetry];
  return {
    task,
    shell,
    workingDirectory: values[Input.WorkingDirectory].trim(),
    plan: {
      maxAttempts: values[Input.MaxAttempts],
      timeoutMs: values[Input.Timeout],
      totalTimeoutMs: values[Input.TotalTimeout],
      backoff: {
        strategy: values[Input.Backoff],
        initialDelayMs: values[Input.Delay],
        maxDelayMs: values[Input.MaxDelay],
        factor: values[Input.Factor],
        jitter: values[Input.Jitter],
      },
      ...rulesFromRetryOn(retryOn as RetryOnKind[]),
      retryOnExitCodes: exitCodes.map(Number),
      retryOnOutput: values[Input.RetryOnOutput],
      stopOnOutput: values[Input.StopOnOutput],
    },
    onRetry: onRetry !== undefined && onRetry.trim() !== '' ? onRetry : undefined,
    killGraceMs: values[Input.KillGrace],
    warnOnRetry: values[Input.WarningOnRetry],
    githubToken: values[Input.GitHubToken] || undefined,
  };
}

function splitRaw(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** `with:` values reach the action as strings, like the runner passes them. */
function checkWith(map: Record<string, unknown>): string | undefined {
  const nested = Object.entries(map).filter(([, value]) => value !== null && typeof value === 'object');
  if (nested.length === 0) return undefined;
  return `Input '${Input.With}' has a non-scalar value for ${nested.map(([key]) => `'${key}'`).join(', ')}: expected a YAML map of input names to plain values`;
}

function stringValues(map: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(map).map(([key, value]) => [key, value === null ? '' : String(value)]),
  );
}
