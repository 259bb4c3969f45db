/**
 * Everything failure-analysis reads from GitHub, with the fewest calls: the run, its jobs once
 * (latest attempt, 100 per page), one log per failed job (streamed; the API redirects to storage on
 * another host, which the client follows without the token), the check run's annotations, and one
 * baseline log of the newest successful run of the same workflow on the same branch.
 */
import type { GitHubClient } from '@qeml/action-kit/github';
import type { AnalysedRun, JobAnnotation } from './model';

export interface RunJob {
  id: number;
  name: string;
  conclusion: string | null;
  status: string;
  url: string;
  attempt: number;
}

interface RawJob {
  id: number;
  name: string;
  conclusion: string | null;
  status: string;
  html_url: string | null;
  run_attempt?: number;
}

const toJob = (job: RawJob): RunJob => ({
  id: job.id,
  name: job.name,
  conclusion: job.conclusion,
  status: job.status,
  url: job.html_url ?? '',
  attempt: job.run_attempt ?? 1,
});

/** Conclusions that count as a failed job. */
export const FAILED_CONCLUSIONS: ReadonlySet<string> = new Set(['failure', 'timed_out']);

export async function getRun(
  github: GitHubClient,
  owner: string,
  repo: string,
  runId: number,
): Promise<Omit<AnalysedRun, 'totalJobs'>> {
  const { data } = await github.rest.actions.getWorkflowRun({ owner, repo, run_id: runId });
  return {
    owner,
    repo,
    id: data.id,
    attempt: data.run_attempt ?? 1,
    url: data.html_url,
    workflow: data.name ?? '',
    workflowPath: data.path ?? '',
    workflowId: data.workflow_id,
    branch: data.head_branch ?? '',
    sha: data.head_sha,
    event: data.event,
    status: data.status ?? '',
    conclusion: data.conclusion ?? null,
  };
}

/** The newest execution of every job of the run (`filter=latest`), all pages of 100. */
export async function listLatestJobs(
  github: GitHubClient,
  owner: string,
  repo: string,
  runId: number,
): Promise<RunJob[]> {
  const jobs = await github.paginate(github.rest.actions.listJobsForWorkflowRun, {
    owner,
    repo,
    run_id: runId,
    filter: 'latest',
    per_page: 100,
  });
  return (jobs as RawJob[]).map(toJob);
}

/** The jobs executed in one attempt (a failed-jobs rerun executes only the failed ones). */
export async function listAttemptJobs(
  github: GitHubClient,
  owner: string,
  repo: string,
  runId: number,
  attempt: number,
): Promise<RunJob[]> {
  const jobs = await github.paginate(github.rest.actions.listJobsForWorkflowRunAttempt, {
    owner,
    repo,
    run_id: runId,
    attempt_number: attempt,
    per_page: 100,
  });
  return (jobs as RawJob[]).map(toJob);
}

/** A job's plain-text log as a stream of chunks (never held whole in memory). */
export async function streamJobLog(
  github: GitHubClient,
  owner: string,
  repo: string,
  jobId: number,
): Promise<AsyncIterable<Buffer>> {
  const response = await github.request('GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', {
    owner,
    repo,
    job_id: jobId,
    request: { parseSuccessResponseBody: false },
  });
  return asBuffers(response.data as unknown as AsyncIterable<Uint8Array> | string | null);
}

async function* asBuffers(body: AsyncIterable<Uint8Array> | string | null): AsyncIterable<Buffer> {
  if (body === null || typeof body === 'string') {
    yield Buffer.from(body ?? '');
    return;
  }
  for await (const chunk of body) yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** The annotations of a failed job's check run that name a file (GitHub's exit-code one names `.github`). */
export async function listJobAnnotations(
  github: GitHubClient,
  owner: string,
  repo: string,
  jobId: number,
): Promise<JobAnnotation[]> {
  const annotations = await github.paginate(github.rest.checks.listAnnotations, {
    owner,
    repo,
    check_run_id: jobId,
    per_page: 100,
  });
  return annotations
    .filter((a) => a.path && a.path !== '.github' && a.start_line > 0)
    .map((a) => ({
      path: a.path,
      line: a.start_line,
      level: a.annotation_level ?? 'failure',
      message: a.message ?? '',
    }));
}

export interface BaselineSource {
  runId: number;
  url: string;
  job: RunJob;
}

/**
 * The job named `jobName` in the newest successful run of the same workflow on the same branch:
 * one list call (per_page=1) and one jobs list. Undefined when there is none.
 */
export async function findBaselineJob(
  github: GitHubClient,
  run: Omit<AnalysedRun, 'totalJobs'>,
  jobName: string,
): Promise<BaselineSource | undefined> {
  const { data } = await github.rest.actions.listWorkflowRuns({
    owner: run.owner,
    repo: run.repo,
    workflow_id: run.workflowId,
    branch: run.branch,
    status: 'success',
    per_page: 1,
  });
  const passing = data.workflow_runs.find((candidate) => candidate.id !== run.id);
  if (!passing) return undefined;
  const jobs = await listLatestJobs(github, run.owner, run.repo, passing.id);
  const job = jobs.find((candidate) => candidate.name === jobName && candidate.conclusion === 'success');
  return job ? { runId: passing.id, url: passing.html_url, job } : undefined;
}
