/** Public types of @qeml/local-runner: what a caller passes and what one step run returns. */
import type { FileCommandVariable } from '@qeml/runner-protocol';

export type PhaseName = 'pre' | 'main' | 'post';
export type StepOutcome = 'success' | 'failure' | 'cancelled';

export interface RunOptions {
  /** Directory holding action.yml / action.yaml, or the metadata file itself. */
  action: string;
  /** `with:` values; keys matched case-insensitively against the declared inputs, like the runner. */
  inputs?: Record<string, string>;
  /** Payload written to GITHUB_EVENT_PATH (default `{}`). */
  event?: unknown;
  /** GITHUB_EVENT_NAME (default `push`). */
  eventName?: string;
  /** Step-level `env:`. */
  env?: Record<string, string>;
  /** Environment the step inherits (default: a minimal one: PATH, HOME, LANG, TMPDIR, ...). */
  baseEnv?: NodeJS.ProcessEnv;
  /**
   * Node binary for every phase. Default: by `runs.using` (case-insensitive), as the runner picks it:
   * node12/node16/node20 -> Node 20 (this process when it is Node 20, else one found as for node24),
   * node24 -> `$QEML_NODE24`, `.tools/node24/bin/node` under the working directory, or a `node` on
   * PATH of that major version; a clear error when none is found.
   */
  node?: string;
  /**
   * The file commands this runner offers (default: all five). Runners before 2.298 and older GHES
   * versions have no GITHUB_STEP_SUMMARY: leave it out to see how an action copes.
   */
  fileCommands?: readonly FileCommandVariable[];
  /** The step's `uses:` is a `./path` in the workspace: the runner runs no `pre` for such an action. */
  localAction?: boolean;
  /** Value of `${{ github.token }}` / `${{ secrets.GITHUB_TOKEN }}`; registered as a mask. */
  token?: string;
  apiUrl?: string;
  serverUrl?: string;
  graphqlUrl?: string;
  repository?: string;
  sha?: string;
  ref?: string;
  runId?: number;
  runAttempt?: number;
  runNumber?: number;
  workflow?: string;
  job?: string;
  actor?: string;
  /** GITHUB_WORKSPACE and the child's working directory (default `process.cwd()`). */
  workspace?: string;
  /** RUNNER_TEMP (default: a fresh temporary directory removed after the run). */
  tempDir?: string;
  /** GITHUB_ACTION (default `__local_<action directory name>`). */
  stepId?: string;
  /** Phases to run (default: all that the action declares). */
  phases?: PhaseName[];
  /** Cancels the step like a job cancellation: SIGINT, then SIGTERM, then SIGKILL. */
  signal?: AbortSignal;
  /** Wait after SIGINT before SIGTERM (default 7500 ms, the runner's value). */
  cancelGraceMs?: number;
  /** Wait after SIGTERM before SIGKILL (default 2500 ms, the runner's value). */
  killGraceMs?: number;
  /** Per-phase time limit; the phase is killed and fails. */
  timeoutMs?: number;
  /** Forward child stdout/stderr raw to this process (no parsing, no masking, empty `log`). */
  passthrough?: boolean;
  /** Also print processed (masked) log lines live; a function receives each line instead. */
  echo?: boolean | ((line: string) => void);
  /** Cap of the captured `log` in bytes (default 8 MiB); later lines are still parsed for commands. */
  maxLogBytes?: number;
  /** Report each phase's peak resident set size (through a `--require` preload). */
  measurePeakRss?: boolean;
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
  title?: string;
}

export interface PhaseResult {
  name: PhaseName;
  /** The child's exit code (128 + signal number when killed by a signal). */
  exitCode: number;
  signal: NodeJS.Signals | null;
  outcome: StepOutcome;
  durationMs: number;
  timedOut: boolean;
  peakRssBytes?: number;
}

export interface StepResult {
  /** Exit code of main, or of the first failing phase (1 when it failed through a command, not its exit code). */
  exitCode: number;
  outcome: StepOutcome;
  /** Outputs of the main phase (GITHUB_OUTPUT and the deprecated `::set-output`). */
  outputs: Record<string, string>;
  /** Variables written to GITHUB_ENV by any phase. */
  env: Record<string, string>;
  /** GITHUB_PATH entries in PATH order (the last added comes first). */
  path: string[];
  /** GITHUB_STATE / `::save-state` values (seen by later phases as STATE_<name>). */
  state: Record<string, string>;
  /** Job summary markdown of all phases, in order. */
  summary: string;
  annotations: Annotation[];
  /** Masked log of all phases; commands are rendered as the runner's raw log does (`##[error]msg`). */
  log: string;
  /** Values registered for masking (including the token). */
  masks: string[];
  phases: PhaseResult[];
  peakRssBytes?: number;
}

export interface ActionInput {
  description?: string;
  default?: string;
  required?: boolean;
  deprecationMessage?: string;
}

export interface ActionRuns {
  using: 'node12' | 'node16' | 'node20' | 'node24';
  main: string;
  pre?: string;
  post?: string;
  'pre-if'?: string;
  'post-if'?: string;
}

export interface ActionMetadata {
  /** Absolute path of the action.yml / action.yaml that was read. */
  file: string;
  /** Directory of the action (GITHUB_ACTION_PATH); `runs.*` paths are relative to it. */
  directory: string;
  name: string;
  description?: string;
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description?: string }>;
  runs: ActionRuns;
}
