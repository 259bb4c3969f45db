// A runner for tests of an action's edge (outputs.ts, main-like glue): action-kit's own createRunner
// over fresh file-command files in a temp dir, reading back what the action told the runner.
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { EOL } from 'node:os';
import { join } from 'node:path';
import { createRunner, type Runner } from '@qeml/action-kit';
import { parseFileCommands, parseWorkflowCommand } from '@qeml/runner-protocol';
import { tempDirForFile } from './temp';

export const STEP_FILES = [
  'GITHUB_OUTPUT',
  'GITHUB_ENV',
  'GITHUB_PATH',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY',
] as const;
export type StepFile = (typeof STEP_FILES)[number];

export interface FakeStep {
  runner: Runner;
  /** The step's environment: the five file-command variables, PATH and anything passed in. */
  env: NodeJS.ProcessEnv;
  /** Exit codes the runner set (setFailed sets 1). */
  exitCodes: number[];
  /** Everything written to stdout. */
  stdout(): string;
  /** The `::name props::message` lines written to stdout, parsed. */
  commands(): { name: string; properties: Record<string, string>; message: string }[];
  /** Raw text of one file command. */
  file(name: StepFile): Promise<string>;
  outputs(): Promise<Record<string, string>>;
  exportedEnv(): Promise<Record<string, string>>;
  state(): Promise<Record<string, string>>;
  /** GITHUB_PATH entries in the order they were added. */
  path(): Promise<string[]>;
  summary(): Promise<string>;
}

/** A fake step whose files live in a temp dir removed after the test file. */
export function fakeStep(env: NodeJS.ProcessEnv = {}): FakeStep {
  const dir = tempDirForFile('qeml-step-');
  const stepEnv: NodeJS.ProcessEnv = { PATH: '/usr/bin', ...env };
  for (const name of STEP_FILES) {
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
    path: async () => (await file('GITHUB_PATH')).split(EOL).filter((line) => line !== ''),
    summary: () => file('GITHUB_STEP_SUMMARY'),
  };
}
