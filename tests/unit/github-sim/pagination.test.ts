import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type GitHubSim, startGitHubSim } from '@qeml/github-sim';
import { simClient } from './client';
import { contractCheck } from './contract';

const onApiResponse = contractCheck();

describe('github-sim pagination', () => {
  let sim: GitHubSim;
  let runId: number;
  beforeAll(async () => {
    sim = await startGitHubSim({ onApiResponse });
    sim.model.addRepo('o', 'r');
    const jobs = Array.from(
      { length: 250 },
      (_, i) => ({ name: `test (${i})`, conclusion: i === 7 ? 'failure' : 'success' }) as const,
    );
    runId = sim.model.addRun('o/r', { name: 'CI', jobs }).id;
  });
  afterAll(() => sim.close());

  test('octokit.paginate lists 250 jobs with per_page=100 in exactly 3 requests', async () => {
    const octokit = simClient(sim);
    sim.clearRequests();
    const jobs = await octokit.paginate(octokit.rest.actions.listJobsForWorkflowRun, {
      owner: 'o',
      repo: 'r',
      run_id: runId,
      per_page: 100,
    });
    expect(jobs).toHaveLength(250);
    expect(new Set(jobs.map((job) => job.id)).size).toBe(250);
    expect(jobs.find((job) => job.conclusion === 'failure')?.name).toBe('test (7)');
    expect(sim.requests.map((r) => [r.route, r.query.page ?? '1'])).toEqual([
      ['/repos/{owner}/{repo}/actions/runs/{run_id}/jobs', '1'],
      ['/repos/{owner}/{repo}/actions/runs/{run_id}/jobs', '2'],
      ['/repos/{owner}/{repo}/actions/runs/{run_id}/jobs', '3'],
    ]);
  });

  test('Link header carries prev, next, last and first as absolute URLs keeping the query', async () => {
    const octokit = simClient(sim);
    const response = await octokit.rest.actions.listJobsForWorkflowRun({
      owner: 'o',
      repo: 'r',
      run_id: runId,
      per_page: 100,
      page: 2,
      filter: 'latest',
    });
    const page = (n: number) =>
      `${sim.url}/repos/o/r/actions/runs/${runId}/jobs?per_page=100&page=${n}&filter=latest`;
    expect(response.headers.link).toBe(
      `<${page(1)}>; rel="prev", <${page(3)}>; rel="next", <${page(3)}>; rel="last", <${page(1)}>; rel="first"`,
    );
    expect(response.data.total_count).toBe(250);
    expect(response.data.jobs).toHaveLength(100);
  });

  test('first page has only next and last; default page size is 30; per_page is capped at 100', async () => {
    const octokit = simClient(sim);
    const first = await octokit.rest.actions.listJobsForWorkflowRun({ owner: 'o', repo: 'r', run_id: runId });
    expect(first.data.jobs).toHaveLength(30);
    expect(first.headers.link).toMatch(/^<[^>]+page=2>; rel="next", <[^>]+page=9>; rel="last"$/);
    const capped = await octokit.rest.actions.listJobsForWorkflowRun({
      owner: 'o',
      repo: 'r',
      run_id: runId,
      per_page: 500,
    });
    expect(capped.data.jobs).toHaveLength(100);
  });

  test('plain array lists (issues) paginate too', async () => {
    for (let i = 0; i < 120; i += 1) sim.model.addIssue('o/r', { title: `issue ${i}` });
    const octokit = simClient(sim);
    const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
      owner: 'o',
      repo: 'r',
      per_page: 50,
    });
    expect(issues).toHaveLength(120);
    expect(issues[0]?.title).toBe('issue 119');
  });
});
