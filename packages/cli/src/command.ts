/** What a subcommand sees of the outside world; tests pass their own streams and env. */
export interface CliIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Standard input (`qeml analyze -`); default process.stdin. */
  stdin?: AsyncIterable<Buffer | string>;
}

/** One `qeml <name>` subcommand. `run` returns the process exit code. */
export interface Command {
  name: string;
  /** One line for `qeml help`. */
  summary: string;
  /** Full usage text for `qeml help <name>` and `qeml <name> --help`. */
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const EXIT_USAGE = 2;
