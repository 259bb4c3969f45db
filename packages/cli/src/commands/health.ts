// `qeml health --repo OWNER/REPO`: the pipeline-health engine from a terminal.
import { parseArgs } from 'node:util';
import { createConsoleLogger, createGitHubClient, isConfigurationError, systemClock } from '@qeml/action-kit';
import { startGitHubSim } from '@qeml/github-sim';
import {
  buildReport,
  localFiles,
  readHealthConfig,
  renderText,
  runPipelineHealth,
} from '@qeml/pipeline-health';
import { seedMonth } from '../../../../actions/pipeline-health/month';
import { type CliIO, type Command, UsageError } from '../command';

const usage = `Usage: qeml health --repo OWNER/REPO [options]

Success rate, first-attempt success rate, auto-recovery rate, MTTR, time lost, queue time, flaky
jobs and rising failure rates of a repository's workflows, from GitHub's REST API (the
pipeline-health action's engine and definitions: see actions/pipeline-health/README.md).

Options:
  --api-url URL         GitHub API to read; default: a local simulator holding a simulated month
                        of runs in OWNER/REPO (a demo, no token needed)
  --token TOKEN         token with actions: read; default $GITHUB_TOKEN
  --window DURATION     how far back: 30d (default), 2w, 12h, 90m
  --runs N              instead of a window, the last N runs of each workflow
  --branch BRANCH       default: the repository's default branch
  --workflow NAME       a workflow by name or file name (repeatable); default: all
  --slo PERCENT         success-rate objective per workflow (default 99.5)
  --report-path PATH    failure-analysis report file or folder (repeatable)
  --format text|json    default text; json is the action's report output

Exit code: 0, or 1 when --fail-on-slo is given and a workflow is under the SLO; 2 for usage.`;

const SIMULATOR_TOKEN = 'qeml-local-simulator-token';

async function run(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: false,
    options: {
      repo: { type: 'string' },
      'api-url': { type: 'string' },
      token: { type: 'string' },
      window: { type: 'string' },
      runs: { type: 'string' },
      branch: { type: 'string' },
      workflow: { type: 'string', multiple: true, default: [] },
      slo: { type: 'string' },
      'report-path': { type: 'string', multiple: true, default: [] },
      'fail-on-slo': { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
    },
  });
  if (!values.repo) throw new UsageError('give the repository: --repo OWNER/REPO');
  if (values.format !== 'text' && values.format !== 'json')
    throw new UsageError(`--format must be text or json, not ${values.format}`);
  const apiUrl = values['api-url'];
  const token = values.token ?? io.env.GITHUB_TOKEN ?? (apiUrl ? '' : SIMULATOR_TOKEN);
  const inputs: Record<string, string | undefined> = {
    window: values.window,
    runs: values.runs,
    branch: values.branch,
    workflows: values.workflow.join('\n'),
    slo: values.slo,
    'report-path': values['report-path'].join('\n'),
    'github-token': token,
  };
  let config: Awaited<ReturnType<typeof readHealthConfig>>['config'];
  try {
    ({ config } = await readHealthConfig(values.repo, (name) => inputs[name]));
  } catch (error) {
    if (isConfigurationError(error))
      throw new UsageError(
        error.message
          .replace(/Input 'github-token'/g, '--token (or GITHUB_TOKEN)')
          .replace(/[Ii]nput '([a-z-]+)'/g, '--$1'),
      );
    throw error;
  }

  const sim = apiUrl ? undefined : await startGitHubSim({});
  try {
    if (sim) {
      seedMonth(sim, Math.floor(Date.now() / 1000) * 1000, `${config.owner}/${config.repo}`);
      io.stderr.write(
        `No --api-url: reporting on a simulated month of runs in ${config.owner}/${config.repo}.\n`,
      );
    }
    const logger = createConsoleLogger({ write: (line) => io.stderr.write(`${line}\n`) });
    const client = createGitHubClient({
      token,
      apiUrl: apiUrl ?? sim?.url,
      env: io.env,
      log: logger,
      retries: 6,
    });
    const result = await runPipelineHealth(
      { ...config, failOnSlo: values['fail-on-slo'], escalate: 'none' },
      { clock: systemClock, logger, client, files: localFiles },
    );
    io.stdout.write(
      values.format === 'json' ? `${JSON.stringify(buildReport(result), null, 2)}\n` : renderText(result),
    );
    return result.failed ? 1 : 0;
  } catch (error) {
    if (isConfigurationError(error))
      throw new UsageError(error.message.replace(/[Ii]nput '([a-z-]+)'/g, '--$1'));
    throw error;
  } finally {
    await sim?.close();
  }
}

export const healthCommand: Command = {
  name: 'health',
  summary: 'success rate, MTTR, auto-recovery, flaky jobs and rising failure rates of a repository',
  usage,
  run,
};
