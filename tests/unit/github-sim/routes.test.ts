import { describe, expect, test } from '@jest/globals';
import { unzipSync } from 'fflate';
import { simWithRepo } from './client';

// Routes the next actions call, each shaped by its REST docs page and checked against the
// OpenAPI description by the contract check (contract.ts).

describe('github-sim routes for failure analysis, quality gates and rollback', () => {
  const gh = simWithRepo();
  const { repo } = gh;

  test('run logs and attempt logs redirect to a zip with one file per job', async () => {
    const run = gh.sim.model.addRun('o/r', {
      jobs: [
        { name: 'build', log: 'built\n' },
        { name: 'test', conclusion: 'failure', log: 'boom\n' },
      ],
    });
    const response = await fetch(`${gh.sim.url}/repos/o/r/actions/runs/${run.id}/logs`, {
      headers: { authorization: 'token ghs_test' },
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    const zip = await fetch(response.headers.get('location') ?? '');
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(
      Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, Buffer.from(bytes).toString()])),
    ).toEqual({
      '0_build.txt': 'built\n',
      '1_test.txt': 'boom\n',
    });
    const attempt = await fetch(`${gh.sim.url}/repos/o/r/actions/runs/${run.id}/attempts/1/logs`, {
      headers: { authorization: 'token ghs_test' },
      redirect: 'manual',
    });
    expect(attempt.status).toBe(302);
  });

  test('check runs: one per job, by id and per commit (latest by default)', async () => {
    const sha = gh.sim.model.addCommit('o/r', { files: { 'x.txt': 'x' } });
    const run = gh.sim.model.addRun('o/r', {
      headSha: sha,
      jobs: [{ name: 'lint' }, { name: 'unit', conclusion: 'failure' }],
    });
    const { data: check } = await gh.octokit.rest.checks.get({
      ...repo,
      check_run_id: run.jobIds[1] as number,
    });
    expect(check).toMatchObject({
      name: 'unit',
      conclusion: 'failure',
      head_sha: sha,
      output: { annotations_count: 1 },
    });
    const { data } = await gh.octokit.rest.checks.listForRef({ ...repo, ref: sha });
    expect(data.check_runs.map((c) => c.name).sort()).toEqual(['lint', 'unit']);
    expect(
      (await gh.octokit.rest.checks.listForRef({ ...repo, ref: sha, check_name: 'lint' })).data.total_count,
    ).toBe(1);
  });

  test('labels: create (422 on a duplicate), get, list; remove all labels of an issue', async () => {
    const created = await gh.octokit.rest.issues.createLabel({ ...repo, name: 'flaky', color: 'ff0000' });
    expect(created.data).toMatchObject({ name: 'flaky', color: 'ff0000' });
    await expect(gh.octokit.rest.issues.createLabel({ ...repo, name: 'Flaky' })).rejects.toMatchObject({
      status: 422,
    });
    expect((await gh.octokit.rest.issues.getLabel({ ...repo, name: 'flaky' })).data.name).toBe('flaky');
    await expect(gh.octokit.rest.issues.getLabel({ ...repo, name: 'nope' })).rejects.toMatchObject({
      status: 404,
    });
    const number = gh.sim.model.addIssue('o/r', { title: 't', labels: ['flaky', 'bug'] });
    expect((await gh.octokit.rest.issues.listLabelsForRepo(repo)).data.map((l) => l.name)).toEqual([
      'flaky',
      'bug',
    ]);
    expect((await gh.octokit.rest.issues.removeAllLabels({ ...repo, issue_number: number })).status).toBe(
      204,
    );
    expect((await gh.octokit.rest.issues.get({ ...repo, issue_number: number })).data.labels).toEqual([]);
  });

  test('comments of the whole repository, oldest first; pull request commits', async () => {
    const a = gh.sim.model.addIssue('o/r', { title: 'a' });
    const b = gh.sim.model.addIssue('o/r', { title: 'b' });
    gh.sim.model.addComment('o/r', a, 'first');
    gh.sim.model.addComment('o/r', b, 'second');
    const { data } = await gh.octokit.rest.issues.listCommentsForRepo(repo);
    expect(data.map((c) => c.body)).toEqual(['first', 'second']);

    gh.sim.model.addBranch('o/r', 'pr-commits');
    const one = gh.sim.model.addCommit('o/r', { branch: 'pr-commits', files: { 'p.txt': '1' } });
    const two = gh.sim.model.addCommit('o/r', { branch: 'pr-commits', files: { 'p.txt': '2' } });
    const pull = gh.sim.model.addPullRequest('o/r', { head: 'pr-commits' });
    expect(
      (await gh.octokit.rest.pulls.listCommits({ ...repo, pull_number: pull })).data.map((c) => c.sha),
    ).toEqual([one, two]);
  });

  test('environments can be created with PUT; cache usage sums the active caches', async () => {
    const { data } = await gh.octokit.rest.repos.createOrUpdateEnvironment({
      ...repo,
      environment_name: 'canary',
    });
    expect(data.name).toBe('canary');
    gh.sim.model.addCache('o/r', { key: 'a', sizeInBytes: 100 });
    gh.sim.model.addCache('o/r', { key: 'b', sizeInBytes: 50 });
    expect((await gh.octokit.rest.actions.getActionsCacheUsage(repo)).data).toEqual({
      full_name: 'o/r',
      active_caches_size_in_bytes: 150,
      active_caches_count: 2,
    });
  });

  test('run lists filter by created, check_suite_id and drop pull_requests with exclude_pull_requests', async () => {
    const old = gh.sim.model.addRun('o/r', { name: 'Nightly', createdAt: Date.UTC(2020, 0, 10) });
    gh.sim.model.addRun('o/r', { name: 'Nightly', createdAt: Date.UTC(2020, 1, 10) });
    const list = (query: Record<string, string | boolean | number>) =>
      gh.octokit.rest.actions
        .listWorkflowRunsForRepo({ ...repo, ...query })
        .then((r) => r.data.workflow_runs);
    expect((await list({ created: '2020-01-01..2020-01-31' })).map((r) => r.id)).toEqual([old.id]);
    expect((await list({ created: '<2020-02-01' })).map((r) => r.id)).toEqual([old.id]);
    const [run] = await list({ created: '2020-01-10' });
    expect(run?.id).toBe(old.id);
    expect((await list({ check_suite_id: run?.check_suite_id ?? 0 })).map((r) => r.id)).toEqual([old.id]);
    expect((await list({ created: '2020-01-10', exclude_pull_requests: true }))[0]?.pull_requests).toEqual(
      [],
    );
  });
});
