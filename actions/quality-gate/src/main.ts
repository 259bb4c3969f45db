/** The quality-gate action: read inputs, run the engine on the workspace's reports, expose and report the verdict. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createRunnerLogger,
  type GitHubClient,
  runAction,
  runner,
  systemClock,
  writeJobSummary,
} from '@qeml/action-kit';
import { fileSource, parseReports } from '@qeml/reports';
import type { BaselineStore } from './baseline';
import { gitIn } from './changes';
import { runnerContext } from './context';
import { type GateDeps, runGate } from './gate';
import { readGateConfig } from './inputs';
import { setGateOutputs, writeAnnotations } from './outputs';
import { buildComment, buildSummary } from './report';
import { verdictLine } from './sections';

function readEvent(path: string | undefined): Record<string, unknown> {
  if (!path || !existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** The Actions cache, loaded only when the baseline is used. */
async function baselineCache(): Promise<BaselineStore> {
  const { createJsonCache } = await import('@qeml/action-kit/cache');
  return createJsonCache({ name: 'quality-gate-baseline', logger: createRunnerLogger(runner) });
}

async function main(): Promise<void> {
  const config = await readGateConfig();
  const env = process.env;
  const logger = createRunnerLogger(runner);
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const context = runnerContext(env, readEvent(env.GITHUB_EVENT_PATH));
  let github: GitHubClient | undefined;
  if (config.githubToken) {
    const { createGitHubClient } = await import('@qeml/action-kit/github');
    github = createGitHubClient({ token: config.githubToken, log: logger });
  }
  const deps: GateDeps = {
    logger,
    clock: systemClock,
    workspace,
    context,
    parse: (files) => parseReports(files, { source: fileSource(workspace), clock: systemClock, logger }),
    ...(github ? { github } : {}),
    ...(existsSync(join(workspace, '.git')) ? { git: gitIn(workspace) } : {}),
    ...(config.baseline === 'cache' ? { baselineStore: await baselineCache() } : {}),
  };
  const result = await runGate(config, deps);

  setGateOutputs(runner, result);
  writeAnnotations(runner, result);
  if (env.GITHUB_STEP_SUMMARY) await writeJobSummary(buildSummary(result), runner.summary);
  else runner.debug('No job summary written: this runner does not set GITHUB_STEP_SUMMARY.');

  if (config.comment) {
    if (!github || context.pullNumber === undefined || !context.owner || !context.repo) {
      runner.info('No pull request comment: it needs a pull_request event and github-token.');
    } else {
      try {
        const { upsertMarkedComment } = await import('@qeml/action-kit/github');
        const comment = await upsertMarkedComment(github, {
          owner: context.owner,
          repo: context.repo,
          issueNumber: context.pullNumber,
          marker: { kind: 'quality-gate', id: config.name },
          body: buildComment(result),
        });
        runner.info(
          `${comment.created ? 'Commented' : 'Updated the comment'} on the pull request: ${comment.url}`,
        );
      } catch (error) {
        // The verdict stands without the comment (e.g. no pull-requests: write permission).
        runner.warning(`The pull request comment could not be written: ${(error as Error).message}`);
      }
    }
  }
  if (!result.passed) runner.setFailed(verdictLine(result));
}

void runAction(main);
