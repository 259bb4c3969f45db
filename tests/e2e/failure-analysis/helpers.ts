/** Shared helpers of the failure-analysis e2e tests: a repo with failed runs in github-sim, the bundle run against it. */
import type { GitHubSim, JobSpec } from '@qeml/github-sim';
import { startGitHubSim } from '@qeml/github-sim';
import type { StepResult } from '@qeml/local-runner';
import { passingLog } from '../../fixtures/failure-analysis/logs';
import { type BundleRunOptions, runBundle } from '../../support/bundle';

export const REPO = 'octo/app';
export const TOKEN = 'ghs_simFailureAnalysisToken0123456789';

export async function startRepoSim(options: Parameters<typeof startGitHubSim>[0] = {}): Promise<GitHubSim> {
  const sim = await startGitHubSim(options);
  sim.model.addRepo('octo', 'app');
  sim.model.addWorkflow(REPO, { name: 'CI', path: '.github/workflows/ci.yml' });
  return sim;
}

/** A run of `total` jobs (`matrix (n)`), the named ones failing with the given logs. */
export function matrixJobs(total: number, failures: Record<string, string>): JobSpec[] {
  const failed = Object.entries(failures).map(([name, log]) => ({
    name,
    conclusion: 'failure' as const,
    log,
  }));
  const passing = Array.from({ length: total - failed.length }, (_, i) => ({
    name: `matrix (${i + 1})`,
    conclusion: 'success' as const,
    log: passingLog(),
  }));
  return [...passing.slice(0, 10), ...failed, ...passing.slice(10)];
}

export function addRun(
  sim: GitHubSim,
  jobs: JobSpec[],
  options: { branch?: string; conclusion?: 'success' } = {},
) {
  return sim.model.addRun(REPO, { workflow: 'ci.yml', name: 'CI', branch: options.branch ?? 'main', jobs });
}

/** Test-speed GitHub client settings: 1 ms retry units, no spacing between writes. */
export const FAST_CLIENT = { QEML_GITHUB_RETRY_BASE_MS: '1', QEML_GITHUB_MIN_WRITE_INTERVAL_MS: '0' };

export function analyse(
  sim: GitHubSim,
  node: string,
  inputs: Record<string, string>,
  options: BundleRunOptions = {},
): Promise<StepResult> {
  return runBundle('failure-analysis', {
    node,
    apiUrl: sim.url,
    serverUrl: sim.serverUrl,
    token: TOKEN,
    repository: REPO,
    ...options,
    inputs: { 'rerun-delay': '0', ...inputs },
    env: { ...FAST_CLIENT, ...options.env },
  });
}

/** The API requests since the last clearRequests, as `METHOD route` (storage hops as `GET storage`). */
export function calls(sim: GitHubSim): string[] {
  return sim.requests.map((r) => (r.origin === 'api' ? `${r.method} ${r.route}` : `${r.method} ${r.origin}`));
}

export const writes = (sim: GitHubSim) =>
  sim.requests.filter((r) => r.origin === 'api' && r.method !== 'GET' && r.method !== 'HEAD');

export const issuesOf = (sim: GitHubSim) =>
  sim.model.issues.issues.filter((issue) => issue.repoKey === REPO && issue.pull === null);

export const report = (step: StepResult) => JSON.parse(step.outputs.report ?? '{}');
