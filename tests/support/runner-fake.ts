// A runner for tests of an action's edge (outputs.ts, main-like glue): action-kit's own createRunner
// over fresh file-command files in a temp dir, reading back what the action told the runner.
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { EOL } from 'node:os';
import { join } from 'node:path';
import { createRunner, type Runner, type RunnerOptions } from '@qeml/action-kit';
import {
  FILE_COMMAND_VARIABLES,
  type FileCommandVariable,
  parseFileCommands,
  parsePathFile,
  parseWorkflowCommand,
  type WorkflowCommand,
} from '@qeml/runner-protocol';
import { tempDirForFile } from './temp';

export type StepFile = FileCommandVariable;

export interface FakeStep {
  runner: Runner;
  /** The step's environment: the five file-command variables, PATH and anything passed in. */
  env: NodeJS.ProcessEnv;
  /** Exit codes the runner set (setFailed sets 1). */
  exitCodes: number[];
  /** Everything written to stdout. */
  stdout(): string;
  /** The `::name props::message` lines written to stdout, parsed. */
  commands(): WorkflowCommand[];
  /** Raw text of one file command. */
  file(name: StepFile): Promise<string>;
  outputs(): Promise<Record<string, string>>;
  exportedEnv(): Promise<Record<string, string>>;
  state(): Promise<Record<string, string>>;
  /** GITHUB_PATH entries in the order they were added. */
  path(): Promise<string[]>;
  summary(): Promise<string>;
}

/**
 * A fake step whose files live in `dir` (default: a temp dir removed after the test file);
 * `options` go to createRunner (e.g. `newId` for fixed heredoc delimiters).
 */
export function fakeStep(
  env: NodeJS.ProcessEnv = {},
  options: Omit<RunnerOptions, 'env' | 'write' | 'setExitCode'> = {},
  dir = tempDirForFile('qeml-step-'),
): FakeStep {
  const stepEnv: NodeJS.ProcessEnv = { PATH: '/usr/bin', ...env };
  for (const name of FILE_COMMAND_VARIABLES) {
    stepEnv[name] = join(dir, name.toLowerCase());
    writeFileSync(stepEnv[name], '');
  }
  let stdout = '';
  const exitCodes: number[] = [];
  const runner = createRunner({
    env: stepEnv,
    write: (text) => {
      stdout += text;
    },
    setExitCode: (code) => exitCodes.push(code),
    ...options,
  });
  const file = (name: StepFile) => readFile(stepEnv[name] ?? '', 'utf8');
  return {
    runner,
    env: stepEnv,
    exitCodes,
    stdout: () => stdout,
    commands: () =>
      stdout
        .split(EOL)
        .map((line) => parseWorkflowCommand(line))
        .filter((command) => command !== undefined),
    file,
    outputs: async () => parseFileCommands(await file('GITHUB_OUTPUT'), 'GITHUB_OUTPUT'),
    exportedEnv: async () => parseFileCommands(await file('GITHUB_ENV'), 'GITHUB_ENV'),
    state: async () => parseFileCommands(await file('GITHUB_STATE'), 'GITHUB_STATE'),
    path: async () => parsePathFile(await file('GITHUB_PATH')),
    summary: () => file('GITHUB_STEP_SUMMARY'),
  };
}
