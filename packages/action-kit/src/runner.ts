/**
 * Our side of the runner protocol, in place of @actions/core: that package pulls its HTTP client
 * (undici), exec and io into every bundle and more than doubled the actions' cold start.
 * Inputs are read by `inputs.ts` (`envInputSource`).
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { EOL } from 'node:os';
import { delimiter as PATH_DELIMITER } from 'node:path';
import type { SummaryWriter } from './job-summary';
import type { AnnotationProperties } from './logger';
import type { RunnerStatus } from './run';
import type { RunnerLogging } from './runner-logger';
import { annotationProperties, formatCommand, formatFileCommand } from './runner-protocol';

/** What an action tells the runner: logs and annotations on stdout, outputs/env/path/state/summary in files. */
export interface Runner extends RunnerStatus, RunnerLogging {
  notice(message: string, properties?: AnnotationProperties): void;
  /** `::error::` and exit code 1. */
  setFailed(message: string): void;
  /** True when the run has step debug logging on (`RUNNER_DEBUG=1`). */
  isDebug(): boolean;
  setOutput(name: string, value: string): void;
  /** For later steps (GITHUB_ENV) and for this process and its children (process.env). */
  exportVariable(name: string, value: string): void;
  /** Prepends a directory to PATH for later steps (GITHUB_PATH) and for this process. */
  addPath(directory: string): void;
  /** Masks the value in the log from now on. */
  setSecret(secret: string): void;
  /** State for this action's later phases (pre -> main -> post). */
  saveState(name: string, value: string): void;
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

type FileCommandVariable = 'GITHUB_OUTPUT' | 'GITHUB_ENV' | 'GITHUB_PATH' | 'GITHUB_STATE';

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
  const command = (name: string, message: string, properties?: Record<string, string | number | undefined>) =>
    line(formatCommand(name, message, properties));

  /** Appends to the file the variable names; false when the variable is absent (an old runner). */
  const appendFileCommand = (variable: FileCommandVariable, text: string): boolean => {
    const file = env()[variable];
    if (!file) return false;
    if (!existsSync(file)) throw new Error(`Missing file at path: ${file} (from $${variable})`);
    appendFileSync(file, text, 'utf8');
    return true;
  };
  const keyValue = (variable: FileCommandVariable, name: string, value: string): boolean =>
    Boolean(env()[variable]) &&
    appendFileCommand(variable, formatFileCommand(name, value, `ghadelimiter_${newId()}`, EOL));

  const runner: Runner = {
    debug: (message) => command('debug', message),
    info: (message) => line(message),
    notice: (message, properties) => command('notice', message, annotationProperties(properties)),
    warning: (message, properties) => command('warning', message, annotationProperties(properties)),
    error: (message, properties) => command('error', message, annotationProperties(properties)),
    startGroup: (name) => command('group', name),
    endGroup: () => command('endgroup', ''),
    setFailed(message) {
      setExitCode(1);
      runner.error(message);
    },
    isDebug: () => env().RUNNER_DEBUG === '1',
    setOutput(name, value) {
      if (keyValue('GITHUB_OUTPUT', name, value)) return;
      write(EOL); // the legacy command must start a line of its own
      command('set-output', value, { name });
    },
    exportVariable(name, value) {
      env()[name] = value;
      if (!keyValue('GITHUB_ENV', name, value)) command('set-env', value, { name });
    },
    addPath(directory) {
      if (!appendFileCommand('GITHUB_PATH', directory + EOL)) command('add-path', directory);
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
      if (options.overwrite) writeFileSync(file, buffer, 'utf8');
      else appendFileSync(file, buffer, 'utf8');
      buffer = '';
      return summary;
    },
  };
  return summary;
}

/** The runner of this process (process.env, process.stdout). */
export const runner: Runner = createRunner();
