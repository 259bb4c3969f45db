// `qeml verify`, `qeml rollback`, `qeml promote`: the rollback action's engine from a terminal, with
// the action's inputs as flags, against --api-url (default: an embedded github-sim).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type Clock,
  createConsoleLogger,
  createGitHubClient,
  isConfigurationError,
  redactDeep,
  systemClock,
} from '@qeml/action-kit';
import { startGitHubSim } from '@qeml/github-sim';
import {
  buildReport,
  createHttpProbe,
  createShellCommandRunner,
  type Mode,
  readRollbackConfig,
  reportIssue,
  resultText,
  rollbackSchema,
  runRollback,
  SkippingClock,
} from '@qeml/rollback';
import { type CliIO, type Command, UsageError } from '../command';
import { whileInterruptible } from '../interrupt';
import { asWritable } from './retry';

// The mode is the command; github-token comes from --token or GITHUB_TOKEN.
const FLAGS = Object.keys(rollbackSchema).filter((name) => name !== 'mode' && name !== 'github-token');
const SIMULATOR_TOKEN = 'qeml-local-simulator-token';

const WHAT: Record<Exclude<Mode, 'deploy'>, string> = {
  verify:
    'Health-checks a deployment (--deployment-id, default the newest of --environment) and, when it\n' +
    'fails, rolls back to the last known-good release (unless --auto-rollback false).',
  rollback: 'Rolls the environment back now to its last known-good release, then verifies it.',
  promote: 'Marks a deployment (checked first when health URLs are given) as the known-good release.',
};

function usage(mode: Exclude<Mode, 'deploy'>): string {
  return `Usage: qeml ${mode} [options]

${WHAT[mode]}
Prints the outcome and a timeline; exit code 0 on success, 1 otherwise, 2 for a usage mistake.

Options (the rollback action's inputs, see actions/rollback/README.md):
  --repository OWNER/NAME    default $GITHUB_REPOSITORY (octo/app against the embedded simulator)
  --environment NAME         default production
  --health-urls URL          a URL to check (repeat the flag for several)
  --rollback-command CMD     how to deploy KNOWN_GOOD_REF / KNOWN_GOOD_SHA (strategy command)
  --strategy KIND            command (default) | dispatch | revert
  --interval, --successes, --failure-limit, --error-limit, --expected-status, --body-pattern,
  --json-path, --json-value, --max-latency, --rollback-deadline, --force, --open-issue, ...
  --api-url URL              GitHub API; default: a local simulator started for this run
  --token TOKEN              default $GITHUB_TOKEN
  --format text|json         json prints the action's report output`;
}

function makeCommand(mode: Exclude<Mode, 'deploy'>): Command {
  const run = async (argv: string[], io: CliIO): Promise<number> => {
    const options = Object.fromEntries([
      ...FLAGS.map((name) => [name, { type: 'string' as const, multiple: true }]),
      ['api-url', { type: 'string' as const }],
      ['token', { type: 'string' as const }],
      ['format', { type: 'string' as const, default: 'text' }],
    ]);
    const { values } = parseArgs({ args: argv, options, allowPositionals: false });
    const flags = values as Record<string, string | string[] | undefined>;
    const format = flags.format;
    if (format !== 'text' && format !== 'json')
      throw new UsageError(`--format must be text or json, not ${format}`);
    const apiUrl = flags['api-url'] as string | undefined;
    const sim = apiUrl ? undefined : await startGitHubSim({});
    try {
      const repository =
        (flags.repository as string[] | undefined)?.at(-1) ??
        io.env.GITHUB_REPOSITORY ??
        (sim ? 'octo/app' : '');
      if (sim && repository.includes('/')) {
        const [owner = '', name = ''] = repository.split('/');
        sim.model.addRepo(owner, name);
      }
      const source = (name: string) => {
        if (name === 'mode') return mode;
        const given = flags[name];
        return Array.isArray(given) ? given.join('\n') : given;
      };
      let config: Awaited<ReturnType<typeof readRollbackConfig>>;
      try {
        config = await readRollbackConfig(source, { repository });
      } catch (error) {
        if (isConfigurationError(error))
          throw new UsageError(error.message.replace(/[Ii]nput '([a-z-]+)'/g, '--$1'));
        throw error;
      }
      const token =
        (flags.token as string | undefined) ?? io.env.GITHUB_TOKEN ?? (sim ? SIMULATOR_TOKEN : undefined);
      if (!token) throw new UsageError('give --token or set GITHUB_TOKEN (deployments: write)');
      // Progress goes to stderr, so stdout holds only the result (pure JSON with --format json).
      const logger = createConsoleLogger({ write: (line) => io.stderr.write(`${line}\n`) });
      // The same test-only knob as the action: waits return at once while time moves on.
      const clock: Clock = io.env.QEML_ROLLBACK_SKIP_WAITS === '1' ? new SkippingClock() : systemClock;
      const github = createGitHubClient({
        token,
        apiUrl: apiUrl ?? sim?.url,
        env: io.env,
        log: { ...logger, error: (message) => logger.debug(message) },
      });
      const tempDir = await mkdtemp(join(tmpdir(), 'qeml-rollback-'));
      try {
        const result = await whileInterruptible(async (signal) => {
          const deps = {
            clock,
            logger,
            github,
            probe: createHttpProbe(),
            commands: createShellCommandRunner({
              env: io.env,
              workspace: io.cwd,
              tempDir,
              stdout: asWritable(io.stderr),
              stderr: asWritable(io.stderr),
              signal,
              announce: (line) => logger.info(line),
            }),
            signal,
          };
          const outcome = await runRollback(config, deps);
          await reportIssue(config, deps, outcome);
          return outcome;
        });
        io.stdout.write(
          format === 'json'
            ? `${JSON.stringify(redactDeep(buildReport(result)), null, 2)}\n`
            : `${resultText(result)}\n`,
        );
        return result.outcome === 'success' ? 0 : 1;
      } finally {
        await rm(tempDir, { recursive: true, force: true });
      }
    } finally {
      await sim?.close();
    }
  };
  const summary: Record<Exclude<Mode, 'deploy'>, string> = {
    verify: 'Verify a deployment with health checks; roll back when it fails',
    rollback: 'Roll an environment back to its last known-good release now',
    promote: 'Mark a verified deployment as the known-good release',
  };
  return { name: mode, summary: summary[mode], usage: usage(mode), run };
}

export const verifyCommand = makeCommand('verify');
export const rollbackCommand = makeCommand('rollback');
export const promoteCommand = makeCommand('promote');
