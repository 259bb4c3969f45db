import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type GitHubSim, startGitHubSim } from '@qeml/github-sim';
import { actionClient, ManualClock, simClient } from './client';
import { contractCheck } from './contract';

const onApiResponse = contractCheck();

describe('github-sim job logs, annotations and tarballs', () => {
  let sim: GitHubSim;
  const clock = new ManualClock();
  let jobId: number;
  beforeAll(async () => {
    sim = await startGitHubSim({ onApiResponse, clock, logUrlTtlMs: 60_000 });
    sim.model.addRepo('o', 'r');
    const run = sim.model.addRun('o/r', {
      name: 'CI',
      jobs: [
        {
          name: 'test (3.11)',
          conclusion: 'failure',
          log: '2024-01-01T00:00:00Z FAILED tests/test_x.py::test_y - AssertionError\n',
          annotations: [{ path: 'tests/test_x.py', start_line: 12, message: 'AssertionError' }],
        },
      ],
    });
    jobId = run.jobIds[0] as number;
  });
  afterAll(() => sim.close());

  test('a job log redirects to signed storage on another origin, which never sees the token', async () => {
    sim.clearRequests();
    const response = await actionClient(sim, 'ghs_secret_token').rest.actions.downloadJobLogsForWorkflowRun({
      owner: 'o',
      repo: 'r',
      job_id: jobId,
    });
    expect(response.data).toContain('FAILED tests/test_x.py::test_y');
    expect(new URL(sim.blobUrl).origin).not.toBe(new URL(sim.url).origin);
    expect(sim.requests.map((r) => [r.route, r.status, r.hasAuthorization, r.headers.host])).toEqual([
      ['/repos/{owner}/{repo}/actions/jobs/{job_id}/logs', 302, true, new URL(sim.url).host],
      ['/_blobs/{token}', 200, false, new URL(sim.blobUrl).host],
    ]);
    expect(sim.requests[0]?.headers.authorization).toBe('token REDACTED');
    expect(sim.requests[1]?.headers.authorization).toBeUndefined();
    expect(JSON.stringify(sim.requests)).not.toContain('ghs_secret_token');
  });

  test('the signed URL lives on the storage origin only, and expires', async () => {
    const octokit = simClient(sim);
    const redirect = await octokit.request('GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', {
      owner: 'o',
      repo: 'r',
      job_id: jobId,
      request: { redirect: 'manual' },
    });
    expect(redirect.status).toBe(302);
    const location = redirect.headers.location as string;
    expect(location).toMatch(new RegExp(`^${sim.blobUrl}/_blobs/[0-9a-f]+\\?expires=\\d+`));
    expect((await fetch(location)).status).toBe(200);
    // The API origin does not serve blobs, and storage serves nothing but blobs.
    const onApi = new URL(location);
    const apiOrigin = new URL(sim.url);
    onApi.host = apiOrigin.host;
    expect((await fetch(onApi, { headers: { authorization: 'token ghs_test' } })).status).toBe(404);
    expect((await fetch(`${sim.blobUrl}/repos/o/r`)).status).toBe(404);
    clock.advance(61_000);
    const expired = await fetch(location);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('AuthenticationFailed');
    expect((await fetch(`${sim.blobUrl}/_blobs/nope`)).status).toBe(404);
  });

  test("a job's check_run_url leads to its annotations", async () => {
    const octokit = simClient(sim);
    const { data: job } = await octokit.rest.actions.getJobForWorkflowRun({
      owner: 'o',
      repo: 'r',
      job_id: jobId,
    });
    expect(job.check_run_url).toBe(`${sim.url}/repos/o/r/check-runs/${jobId}`);
    expect(job.html_url).toMatch(new RegExp(`^${sim.serverUrl}/o/r/actions/runs/\\d+/job/${jobId}$`));
    const { data: annotations } = await octokit.rest.checks.listAnnotations({
      owner: 'o',
      repo: 'r',
      check_run_id: jobId,
    });
    expect(annotations).toEqual([
      expect.objectContaining({
        path: 'tests/test_x.py',
        start_line: 12,
        end_line: 12,
        annotation_level: 'failure',
        message: 'AssertionError',
      }),
    ]);
  });

  test("a failed job without explicit annotations gets GitHub's exit-code annotation", async () => {
    const { jobIds } = sim.model.addRun('o/r', { jobs: [{ name: 'lint', conclusion: 'failure' }] });
    const octokit = simClient(sim);
    const { data } = await octokit.rest.checks.listAnnotations({
      owner: 'o',
      repo: 'r',
      check_run_id: jobIds[0] as number,
    });
    expect(data.map((a) => a.message)).toEqual(['Process completed with exit code 1.']);
  });

  test('a tarball redirects to signed storage on another origin, which never sees the token', async () => {
    const archive = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3, 4]);
    sim.model.setTarball('o', 'r', 'v1', archive);
    const octokit = actionClient(sim, 'ghs_secret_token');
    sim.clearRequests();
    const response = await octokit.rest.repos.downloadTarballArchive({ owner: 'o', repo: 'r', ref: 'v1' });
    expect(Buffer.from(response.data as ArrayBuffer)).toEqual(archive);
    expect(sim.requests.map((r) => [r.route, r.status, r.hasAuthorization, r.headers.host])).toEqual([
      ['/repos/{owner}/{repo}/tarball/{ref}', 302, true, new URL(sim.url).host],
      ['/_blobs/{token}', 200, false, new URL(sim.blobUrl).host],
    ]);
    expect(JSON.stringify(sim.requests)).not.toContain('ghs_secret_token');
    await expect(
      octokit.rest.repos.downloadTarballArchive({ owner: 'o', repo: 'r', ref: 'nope' }),
    ).rejects.toMatchObject({ status: 404 });
  });

  test('closing the sim closes the storage listener too', async () => {
    const other = await startGitHubSim({ onApiResponse });
    const { blobUrl } = other;
    await other.close();
    await expect(fetch(`${blobUrl}/_blobs/nope`)).rejects.toThrow();
  });
});
