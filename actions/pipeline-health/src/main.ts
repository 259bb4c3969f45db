/** The pipeline-health action: read inputs, build the deps from the runner's process, run the engine, report. */
import {
  createRunnerLogger,
  redact,
  runAction,
  runner,
  systemClock,
  writeJobSummary,
} from '@qeml/action-kit';
import { createGitHubClient } from '@qeml/action-kit/github';
import { keptResponses } from './etag-cache';
import { localFiles } from './files';
import { readHealthConfig } from './inputs';
import { setHealthOutputs } from './outputs';
import { runPipelineHealth } from './pipeline-health';
import { verdict } from './report';
import { buildSummary } from './summary';

/** Read-only requests retry more than the default: a report is worth a few more seconds, not a failure. */
const API_RETRIES = 6;

async function main(): Promise<void> {
  const env = process.env;
  const { config, token } = await readHealthConfig(env.GITHUB_REPOSITORY);
  runner.setSecret(token);
  const logger = createRunnerLogger(runner);
  const client = createGitHubClient({ token, log: logger, retries: API_RETRIES });
  const kept = await keptResponses({
    repository: `${config.owner}/${config.repo}`,
    runKey: `${env.GITHUB_RUN_ID ?? Date.now()}-${env.GITHUB_RUN_ATTEMPT ?? 1}`,
    env,
    // Not RUNNER_TEMP: the cache version covers the path, which must be the same in the next run.
    dir: env.GITHUB_WORKSPACE || process.cwd(),
    logger,
  });
  const result = await runPipelineHealth(config, {
    clock: systemClock,
    logger,
    client,
    files: localFiles,
    responses: kept.store,
  });
  await kept.save();

  setHealthOutputs(runner, result);
  if (env.GITHUB_STEP_SUMMARY) await writeJobSummary(buildSummary(result), runner.summary);
  else runner.debug('No job summary written: this runner does not set GITHUB_STEP_SUMMARY.');
  for (const warning of result.warnings)
    runner.warning(redact(warning.text), { title: 'Pipeline health: rising failure rate' });
  if (result.failed) runner.setFailed(redact(verdict(result)));
  else runner.info(redact(verdict(result)));
}

void runAction(main);
