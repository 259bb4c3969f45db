import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startGitHubSim } from '@qeml/github-sim';
import { runLocalAction } from '@qeml/local-runner';
import { type CliIO, type Command, UsageError } from '../command';
import { whileInterruptible } from '../interrupt';
import { nodeForTerminal } from '../node-choice';
import { printStepReport } from '../report';

const usage = `Usage: qeml run <action-dir> [options]

Runs a JavaScript action (a folder with action.yml) the way the GitHub runner does, printing its
log live, then its outputs, annotations and job summary. Exit code = the step's. Ctrl-C cancels
the step as a job cancellation does (the action's process tree is stopped, then killed).

Options:
  --input NAME=VALUE   an input (repeatable), as in a step's with:
  --event FILE         JSON event payload (GITHUB_EVENT_PATH); default {}
  --event-name NAME    GITHUB_EVENT_NAME; default push
  --api-url URL        GitHub API to talk to; default: a local simulator started for this run
  --token TOKEN        the step's github.token (masked in the log)
  --node PATH          Node binary to run the action with; default: the Node that runs.using names
                       (this one if it matches, else $QEML_NODE24, .tools/node24/bin/node or PATH;
                       when none is found, this one, with a note)`;

// Stands in for github.token against the embedded simulator, which accepts any token.
const SIMULATOR_TOKEN = 'qeml-local-simulator-token';

/** `--input a=b` pairs, split at the first `=` (values may contain `=`). */
export function parseInputs(pairs: string[]): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--input "${pair}" must look like NAME=VALUE`);
    inputs[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return inputs;
}

async function readEvent(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--event ${path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--event ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      input: { type: 'string', multiple: true, default: [] },
      event: { type: 'string' },
      'event-name': { type: 'string' },
      'api-url': { type: 'string' },
      token: { type: 'string' },
      node: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('give exactly one action directory');
  const action = resolve(io.cwd, positionals[0] ?? '.');
  if (!existsSync(join(action, 'action.yml')) && !existsSync(join(action, 'action.yaml'))) {
    throw new UsageError(`${action} has no action.yml`);
  }
  const inputs = parseInputs(values.input ?? []);
  const event = values.event ? await readEvent(resolve(io.cwd, values.event)) : undefined;

  const sim = values['api-url'] ? undefined : await startGitHubSim({});
  try {
    const result = await whileInterruptible((signal) =>
      runLocalAction({
        action,
        inputs,
        event,
        eventName: values['event-name'],
        apiUrl: values['api-url'] ?? sim?.url,
        token: values.token ?? (sim ? SIMULATOR_TOKEN : undefined),
        node: values.node ?? nodeForTerminal(action, io.env, (text) => io.stderr.write(`${text}\n`)),
        workspace: io.cwd,
        baseEnv: io.env,
        echo: (line) => io.stdout.write(`${line}\n`),
        signal,
      }),
    );
    printStepReport(result, io);
    return result.exitCode;
  } finally {
    await sim?.close();
  }
}

export const runCommand: Command = {
  name: 'run',
  summary: 'Run an action folder locally, as the GitHub runner would',
  usage,
  run,
};
