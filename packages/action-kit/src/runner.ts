/**
 * Our side of the runner protocol, in place of @actions/core: that package pulls its HTTP client
 * (undici), exec and io into every bundle and more than doubled the actions' cold start.
 * Inputs are read by `inputs.ts` (`envInputSource`).
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, constants, existsSync, writeFileSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { EOL } from 'node:os';
import { delimiter as PATH_DELIMITER } from 'node:path';
import {
  annotationCommandProperties,
  type CommandProperties,
  type FileCommandVariable,
  formatCommand,
  formatFileCommand,
  heredocDelimiter,
  toCommandValue,
} from '@qeml/runner-protocol';
import type { SummaryWriter } from './job-summary';
import type { AnnotationProperties } from './logger';
import type { RunnerStatus } from './run';
import type { RunnerLogging } from './runner-logger';

/**
 * What an action tells the runner: logs and annotations on stdout, outputs/env/path/state/summary in
 * files. Values of any type are written as @actions/core writes them (strings as they are, others as JSON).
 */
export interface Runner extends RunnerStatus, RunnerLogging {
  notice(message: string | Error, properties?: AnnotationProperties): void;
  warning(message: string | Error, properties?: AnnotationProperties): void;
  error(message: string | Error, properties?: AnnotationProperties): void;
  /** `::error::` and exit code 1; an Error is written as `Error: message`, like @actions/core. */
  setFailed(message: string | Error): void;
  /** True when the run has step debug logging on (`RUNNER_DEBUG=1`). */
  isDebug(): boolean;
  /** `::echo::on` / `::echo::off`: whether the runner echoes the commands it processes. */
  setCommandEcho(enabled: boolean): void;
  setOutput(name: string, value: unknown): void;
  /** For later steps (GITHUB_ENV) and for this process and its children (process.env). */
  exportVariable(name: string, value: unknown): void;
  /** Prepends a directory to PATH for later steps (GITHUB_PATH) and for this process. */
  addPath(directory: string): void;
  /** Masks the value in the log from now on. */
  setSecret(secret: string): void;
  /** State for this action's later phases (pre -> main -> post). */
  saveState(name: string, value: unknown): void;
  getState(name: string): string;
  /** The step's job summary (GITHUB_STEP_SUMMARY): buffered by `addRaw`, appended by `write`. */
  readonly summary: SummaryWriter;
}

export interface RunnerOptions {
  /** The step's environment (default: process.env, read at each call). */
  env?: NodeJS.ProcessEnv;
  /** Where command lines go (default: process.stdout). */
  write?: (text: string) => void;
  /** Sets the exit code on a failure (default: `process.exitCode = code`). */
  setExitCode?: (code: number) => void;
  /** Heredoc delimiter suffixes (default: random UUIDs). */
  newId?: () => string;
}

export function createRunner(options: RunnerOptions = {}): Runner {
  const env = () => options.env ?? process.env;
  const write = options.write ?? ((text: string) => void process.stdout.write(text));
  const newId = options.newId ?? randomUUID;
  const setExitCode =
    options.setExitCode ??
    ((code: number) => {
      process.exitCode = code;
    });
  const line = (text: string) => write(text + EOL);
  const command = (name: string, message: unknown, properties?: CommandProperties) =>
    line(formatCommand(name, message, properties));

  /** Appends to the file the variable names; false when the variable is absent (an old runner). */
  const appendFileCommand = (variable: FileCommandVariable, text: () => string): boolean => {
    const file = env()[variable];
    if (!file) return false;
    // Everything that can throw happens before anything is written or set.
    const entry = text();
    if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
    appendFileSync(file, entry, 'utf8');
    return true;
  };
  const keyValue = (variable: FileCommandVariable, name: string, value: unknown): boolean =>
    appendFileCommand(variable, () => formatFileCommand(name, value, heredocDelimiter(newId()), EOL));
  const annotation = (level: string) => (message: string | Error, properties?: AnnotationProperties) =>
    command(level, errorText(message), annotationCommandProperties(properties));

  const runner: Runner = {
    debug: (message) => command('debug', message),
    info: (message) => line(message),
    notice: annotation('notice'),
    warning: annotation('warning'),
    error: annotation('error'),
    startGroup: (name) => command('group', name),
    endGroup: () => command('endgroup', ''),
    setFailed(message) {
      setExitCode(1);
      runner.error(message);
    },
    isDebug: () => env().RUNNER_DEBUG === '1',
    setCommandEcho: (enabled) => command('echo', enabled ? 'on' : 'off'),
    setOutput(name, value) {
      if (keyValue('GITHUB_OUTPUT', name, value)) return;
      write(EOL); // the legacy command must start a line of its own
      command('set-output', value, { name });
    },
    exportVariable(name, value) {
      if (!keyValue('GITHUB_ENV', name, value)) command('set-env', value, { name });
      env()[name] = toCommandValue(value);
    },
    addPath(directory) {
      if (!appendFileCommand('GITHUB_PATH', () => directory + EOL)) command('add-path', directory);
      const variables = env();
      variables.PATH = variables.PATH ? `${directory}${PATH_DELIMITER}${variables.PATH}` : directory;
    },
    setSecret: (secret) => command('add-mask', secret),
    saveState(name, value) {
      if (!keyValue('GITHUB_STATE', name, value)) command('save-state', value, { name });
    },
    getState: (name) => env()[`STATE_${name}`] ?? '',
    summary: createStepSummary(env),
  };
  return runner;
}

function createStepSummary(env: () => NodeJS.ProcessEnv): SummaryWriter {
  let buffer = '';
  const summary: SummaryWriter = {
    addRaw(text, addEOL = false) {
      buffer += addEOL ? text + EOL : text;
      return summary;
    },
    async write(options = {}) {
      const file = env().GITHUB_STEP_SUMMARY;
      if (!file) {
        throw new Error(
          'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
        );
      }
      try {
        await access(file, constants.R_OK | constants.W_OK); // the runner creates it; never make one up
      } catch {
        throw new Error(
          `Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`,
        );
      }
      if (options.overwrite) writeFileSync(file, buffer, 'utf8');
      else appendFileSync(file, buffer, 'utf8');
      buffer = '';
      return summary;
    },
  };
  return summary;
}

/** An Error as @actions/core writes it (`Error: message`); a string as it is. */
function errorText(message: string | Error): string {
  return message instanceof Error ? message.toString() : message;
}

/** The runner of this process (process.env, process.stdout). */
export const runner: Runner = createRunner();
