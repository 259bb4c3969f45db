/** The preflight action: read inputs, build deps from the process, run the engine, write outputs and the summary. */
import { readFile } from 'node:fs/promises';
import {
  createRunnerLogger,
  type Logger,
  runAction,
  runner,
  systemClock,
  writeJobSummary,
} from '@qeml/action-kit';
import { createJsonCache } from '@qeml/action-kit/cache';
import { createGitRunner } from './git-process';
import { createPreflightApi } from './github-api';
import { readPreflightInputs } from './inputs';
import { setPreflightOutputs } from './outputs';
import { type PreflightDeps, type PreflightTarget, runPreflight } from './preflight';
import { buildSummary, verdict } from './report';
import { cachedTimings } from './timing-store';
import { diskWorkspace, freeBytes, onPath } from './workspace-disk';

async function runTarget(env: NodeJS.ProcessEnv): Promise<PreflightTarget> {
  const payload = env.GITHUB_EVENT_PATH ? JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) : {};
  // GITHUB_WORKFLOW_REF: owner/repo/.github/workflows/ci.yml@refs/heads/main -> ci.yml (a workflow id for the API).
  const workflow = /\/\.github\/workflows\/([^@]+)@/.exec(env.GITHUB_WORKFLOW_REF ?? '')?.[1];
  const runId = Number(env.GITHUB_RUN_ID);
  return {
    kind: 'event',
    event: { name: env.GITHUB_EVENT_NAME ?? '', payload, sha: env.GITHUB_SHA ?? '' },
    ...(workflow ? { workflow } : {}),
    ...(Number.isInteger(runId) && runId > 0 ? { runId } : {}),
  };
}

async function runnerDeps(
  env: NodeJS.ProcessEnv,
  token: string | undefined,
  logger: Logger,
): Promise<PreflightDeps> {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const api =
    token && owner && repo
      ? createPreflightApi(
          (await import('@qeml/action-kit/github')).createGitHubClient({ token }),
          owner,
          repo,
        )
      : undefined;
  const cache = createJsonCache({
    name: 'preflight-timings',
    dir: env.RUNNER_TEMP || undefined,
    env,
    logger,
  });
  return {
    clock: systemClock,
    logger,
    git: createGitRunner(workspace),
    files: diskWorkspace(workspace),
    env,
    ...(api ? { api } : {}),
    timings: cachedTimings(cache, `${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`, logger),
    freeBytes: () => freeBytes(workspace),
    which: onPath(env.PATH),
  };
}

async function main(): Promise<void> {
  const { config, githubToken } = await readPreflightInputs();
  const logger = createRunnerLogger(runner);
  const deps = await runnerDeps(process.env, githubToken, logger);
  const result = await runPreflight(config, await runTarget(process.env), deps);
  setPreflightOutputs(runner, result);
  for (const check of result.checks) {
    for (const problem of check.problems) {
      const where = problem.file
        ? { file: problem.file, ...(problem.line ? { startLine: problem.line } : {}) }
        : undefined;
      if (check.result === 'fail' && problem.level === 'error') runner.error(problem.message, where);
      else runner.warning(problem.message, where);
    }
  }
  if (process.env.GITHUB_STEP_SUMMARY) await writeJobSummary(buildSummary(result), runner.summary);
  else runner.debug('No job summary written: this runner does not set GITHUB_STEP_SUMMARY.');
  if (result.failed) runner.setFailed(verdict(result));
  else runner.info(verdict(result));
}

void runAction(main);
