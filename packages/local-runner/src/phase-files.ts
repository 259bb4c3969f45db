import {
  FILE_COMMANDS,
  type FileCommandVariable,
  isRefusedEnvName,
  parseFileCommands,
  parsePathFile,
  REFUSED_ENV_MESSAGE,
} from '@qeml/runner-protocol';
import { readCommandFile } from './file-commands';

/** The runner refuses a step summary over 1 MiB. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
// Bounds memory when an action writes a runaway file command; far above any real use.
const FILE_COMMAND_LIMIT_BYTES = 64 * 1024 * 1024;

export interface PhaseFileEffects {
  outputs: Record<string, string>;
  env: Record<string, string>;
  /** Entries in the order written. */
  path: string[];
  state: Record<string, string>;
  summary: string;
  warnings: string[];
  /** Errors the runner reports without failing the step (NODE_OPTIONS in GITHUB_ENV, an oversized summary). */
  reportedErrors: string[];
  /** Errors that fail the phase (malformed file, missing heredoc delimiter, oversized file). */
  errors: string[];
}

/** Reads the file-command files a phase wrote, collecting every problem instead of stopping at the first. */
export function readPhaseFiles(files: Record<FileCommandVariable, string>): PhaseFileEffects {
  const effects: PhaseFileEffects = {
    outputs: {},
    env: {},
    path: [],
    state: {},
    summary: '',
    warnings: [],
    reportedErrors: [],
    errors: [],
  };
  const read = (variable: FileCommandVariable): string | undefined => {
    const file = readCommandFile(files[variable], FILE_COMMAND_LIMIT_BYTES);
    if (!file.tooLarge) return file.text;
    effects.errors.push(
      `Unable to process file command '${FILE_COMMANDS[variable].label}' successfully: the file is ${file.size} bytes, ` +
        `over local-runner's limit of ${FILE_COMMAND_LIMIT_BYTES}`,
    );
    return undefined;
  };
  const parse = (variable: FileCommandVariable): Record<string, string> => {
    const text = read(variable);
    if (text === undefined) return {};
    try {
      return parseFileCommands(text, FILE_COMMANDS[variable].label);
    } catch (error) {
      effects.errors.push((error as Error).message);
      return {};
    }
  };

  effects.outputs = parse('GITHUB_OUTPUT');
  for (const [name, value] of Object.entries(parse('GITHUB_ENV'))) {
    if (isRefusedEnvName(name)) {
      effects.reportedErrors.push(REFUSED_ENV_MESSAGE(name));
      continue;
    }
    effects.env[name] = value;
  }
  effects.state = parse('GITHUB_STATE');
  effects.path = parsePathFile(read('GITHUB_PATH') ?? '');

  const summary = readCommandFile(files.GITHUB_STEP_SUMMARY, SUMMARY_LIMIT_BYTES);
  if (summary.tooLarge) {
    effects.reportedErrors.push(
      `$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of ${SUMMARY_LIMIT_BYTES / 1024}k, ` +
        `got ${Math.ceil(summary.size / 1024)}k.`,
    );
  } else {
    effects.summary = summary.text;
  }
  return effects;
}
