// `qeml retry [options] -- <command>`: the retry action's engine from a terminal.
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { createConsoleLogger, isConfigurationError, systemClock } from '@qeml/action-kit';
import { commitFinalAttempt, readRetryConfig, runRetry, timelineText, withStepTempDir } from '@qeml/retry';
import { type CliIO, type Command, UsageError } from '../command';
import { whileInterruptible } from '../interrupt';

const usage = `Usage: qeml retry [options] -- <script>
       qeml retry [options] -- <program> <arguments...>

Runs the command (in bash -eo pipefail, like a run: step, or --shell) until it succeeds, then
prints the attempt timeline. Exit code = the last attempt's. One word after -- is the script,
as written for the shell ('npm ci && npm test', or Python code with --shell python); several
words are a program and its arguments, quoted for bash or sh. Ctrl-C cancels the attempt.
Options mirror the retry action's inputs:

  --max-attempts N           attempts in total (default 3)
  --timeout DURATION         limit per attempt, e.g. 30s, 5m (the whole process tree is killed)
  --total-timeout DURATION   limit of all attempts and waits together
  --backoff KIND             exponential (default) | linear | constant
  --delay DURATION           wait before the second attempt (default 10s; 0 = none)
  --max-delay DURATION       longest wait (default 5m)
  --factor N                 growth of exponential backoff (default 2)
  --jitter KIND              full (default) | equal | none
  --retry-on KINDS           error, timeout, any, transient (default any; transient: only
                             failures the diagnosis engine classifies as transient)
  --retry-on-exit-codes LIST exit codes worth retrying, e.g. 1,75 (default: any non-zero)
  --retry-on-output REGEX    retry a failure only if its output matched (repeatable)
  --stop-on-output REGEX     a failure whose output matched is final (repeatable)
  --on-retry COMMAND         run before each new attempt (RETRY_ATTEMPT, RETRY_EXIT_CODE, RETRY_REASON)
  --kill-grace DURATION      SIGTERM to SIGKILL grace on timeout (default 10s)
  --shell SHELL              bash (default), sh, pwsh, python, node or a template with {0}
  --working-directory DIR    where to run (default: the current directory)

Example: qeml retry --max-attempts 5 --delay 2s --retry-on-output 'ECONNRESET' -- npm ci`;

const SINGLE = [
  'max-attempts',
  'timeout',
  'total-timeout',
  'backoff',
  'delay',
  'max-delay',
  'factor',
  'jitter',
  'retry-on',
  'retry-on-exit-codes',
  'on-retry',
  'kill-grace',
  'shell',
  'working-directory',
] as const;
const REPEATABLE = ['retry-on-output', 'stop-on-output'] as const;

/** Quotes one word for bash so `-- npm run "a b"` runs exactly those words. */
function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** Shells whose word quoting we know: several words after `--` are quoted for them. */
const POSIX_SHELLS = /^(?:bash|sh)(?:\s|$)/;

/**
 * The script for `run`: one word is the script itself (as with `bash -c`), several are a program
 * and its arguments, quoted word by word, which only a POSIX shell reads back the same way.
 */
function scriptFrom(words: string[], shell: string | undefined): string {
  if (words.length === 1) return words[0] ?? '';
  if (shell !== undefined && !POSIX_SHELLS.test(shell.trim())) {
    throw new UsageError(
      `with --shell ${shell}, give the script as one argument after -- (quote it), not ${words.length} words`,
    );
  }
  return words.map(shellQuote).join(' ');
}

/** The options as the action's input names, and the command after `--` as its `run`. */
export function retryInputs(argv: string[]): Record<string, string> {
  const separator = argv.indexOf('--');
  if (separator === -1 || separator === argv.length - 1)
    throw new UsageError('give the command to retry after --');
  const options = Object.fromEntries([
    ...SINGLE.map((name) => [name, { type: 'string' as const }]),
    ...REPEATABLE.map((name) => [name, { type: 'string' as const, multiple: true }]),
  ]);
  const { values } = parseArgs({ args: argv.slice(0, separator), options, allowPositionals: false });
  const shellOption = (values as Record<string, unknown>).shell;
  const shell = typeof shellOption === 'string' ? shellOption : undefined;
  const inputs: Record<string, string> = { run: scriptFrom(argv.slice(separator + 1), shell) };
  for (const [name, value] of Object.entries(values)) {
    inputs[name] = Array.isArray(value) ? value.join('\n') : String(value);
  }
  return inputs;
}

/** Pipes need a real stream; a test's io gets one that forwards to its write(). */
export function asWritable(target: CliIO['stdout']): Writable {
  if (target instanceof Writable) return target;
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      target.write(chunk.toString('utf8'));
      done();
    },
  });
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const inputs = retryInputs(argv);
  let config: Awaited<ReturnType<typeof readRetryConfig>>;
  try {
    config = await readRetryConfig((name) => inputs[name]);
  } catch (error) {
    if (isConfigurationError(error))
      throw new UsageError(error.message.replace(/Input '([a-z-]+)'/g, '--$1'));
    throw error;
  }
  const logger = createConsoleLogger({ write: (line, stream) => io[stream].write(`${line}\n`) });
  try {
    const result = await whileInterruptible((signal) =>
      withStepTempDir(io.env.RUNNER_TEMP, (tempDir) =>
        runRetry(config, {
          clock: systemClock,
          env: io.env,
          workspace: io.cwd,
          tempDir,
          stdout: asWritable(io.stdout),
          stderr: asWritable(io.stderr),
          signal,
          logger,
        }),
      ),
    );
    // Inside a workflow step, the successful attempt's $GITHUB_OUTPUT/ENV/PATH become the step's.
    await commitFinalAttempt(result, logger, io.env);
    io.stderr.write(`\n${timelineText(result)}\n`);
    if (result.outcome === 'success') return 0;
    return result.exitCode && result.exitCode > 0 ? result.exitCode : 1;
  } catch (error) {
    if (isConfigurationError(error))
      throw new UsageError(error.message.replace(/Input '([a-z-]+)'/g, '--$1'));
    throw error;
  }
}

export const retryCommand: Command = {
  name: 'retry',
  summary: 'run a command until it succeeds, with backoff, timeouts and a timeline',
  usage,
  run,
};
