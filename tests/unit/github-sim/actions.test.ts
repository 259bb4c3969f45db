import { describe, expect, test } from '@jest/globals';
import { simWithRepo } from './client';

describe('github-sim workflows, runs, attempts and repository data', () => {
  const gh = simWithRepo({ files: { 'src/a.py': 'x = 1\n', 'README.md': '# r\n' } });
  const { repo } = gh;

  test('runs are listed newest first, wrapped, and filtered by status/branch/event/head_sha', async () => {
    gh.sim.model.addBranch('o/r', 'feature');
    const ok = gh.sim.model.addRun('o/r', {
      name: 'Lint',
      event: 'pull_request',
      branch: 'feature',
      jobs: [{ name: 'lint' }],
    });
    const bad = gh.sim.model.addRun('o/r', { name: 'Lint', jobs: [{ name: 'lint', conclusion: 'failure' }] });
    const { data } = await gh.octokit.rest.actions.listWorkflowRunsForRepo(repo);
    expect(data.workflow_runs.map((r) => r.id).slice(0, 2)).toEqual([bad.id, ok.id]);
    expect(data.workflow_runs[0]).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      run_attempt: 1,
      html_url: `${gh.sim.serverUrl}/o/r/actions/runs/${bad.id}`,
      jobs_url: `${gh.sim.url}/repos/o/r/actions/runs/${bad.id}/jobs`,
      repository: { full_name: 'o/r' },
    });
    const filter = async (query: Record<string, string>) =>
      (await gh.octokit.rest.actions.listWorkflowRunsForRepo({ ...repo, ...query })).data.workflow_runs.map(
        (r) => r.id,
      );
    expect(await filter({ status: 'failure' })).toEqual([bad.id]);
    expect(await filter({ branch: 'feature' })).toEqual([ok.id]);
    expect(await filter({ event: 'pull_request' })).toEqual([ok.id]);
    expect(await filter({ status: 'in_progress' })).toEqual([]);
    const { data: byFile } = await gh.octokit.rest.actions.listWorkflowRuns({
      ...repo,
      workflow_id: 'lint.yml',
    });
    expect(byFile.total_count).toBe(2);
    const { data: workflow } = await gh.octokit.rest.actions.getWorkflow({
      ...repo,
      workflow_id: ok.workflowId,
    });
    expect(workflow).toMatchObject({ name: 'Lint', path: '.github/workflows/lint.yml', state: 'active' });
  });

  test('rerun-failed-jobs makes a new attempt re-running only the failed jobs', async () => {
    const run = gh.sim.model.addRun('o/r', {
      name: 'CI',
      jobs: [
        { name: 'build', conclusion: 'success' },
        { name: 'test (3.11)', conclusion: 'failure' },
      ],
    });
    const attempts: number[] = [];
    gh.sim.model.onRerun((record, attempt) => {
      attempts.push(attempt.number);
      if (record.id === run.id)
        gh.sim.model.finishAttempt(record.id, { jobs: { 'test (3.11)': { log: 'passed on retry' } } });
    });
    const response = await gh.octokit.rest.actions.reRunWorkflowFailedJobs({ ...repo, run_id: run.id });
    expect(response.status).toBe(201);
    expect(attempts).toEqual([2]);

    const { data: latestRun } = await gh.octokit.rest.actions.getWorkflowRun({ ...repo, run_id: run.id });
    expect(latestRun).toMatchObject({ run_attempt: 2, status: 'completed', conclusion: 'success' });
    expect(latestRun.previous_attempt_url).toBe(`${gh.sim.url}/repos/o/r/actions/runs/${run.id}/attempts/1`);
    const { data: first } = await gh.octokit.rest.actions.getWorkflowRunAttempt({
      ...repo,
      run_id: run.id,
      attempt_number: 1,
    });
    expect(first.conclusion).toBe('failure');

    const jobs = async (filter: 'latest' | 'all') =>
      (
        await gh.octokit.rest.actions.listJobsForWorkflowRun({ ...repo, run_id: run.id, filter })
      ).data.jobs.map((j) => `${j.name}#${j.run_attempt}:${j.conclusion}`);
    expect(await jobs('latest')).toEqual(['build#1:success', 'test (3.11)#2:success']);
    expect(await jobs('all')).toEqual(['build#1:success', 'test (3.11)#1:failure', 'test (3.11)#2:success']);
    const { data: attemptJobs } = await gh.octokit.rest.actions.listJobsForWorkflowRunAttempt({
      ...repo,
      run_id: run.id,
      attempt_number: 2,
    });
    expect(attemptJobs.jobs.map((j) => j.name)).toEqual(['test (3.11)']);

    await expect(
      gh.octokit.rest.actions.reRunWorkflowFailedJobs({ ...repo, run_id: run.id }),
    ).rejects.toMatchObject({ status: 403 });
    await gh.octokit.rest.actions.reRunWorkflow({ ...repo, run_id: run.id });
    expect(gh.sim.model.getRun(run.id).attempts).toHaveLength(3);
  });

  test('dispatch creates a queued run with the inputs; cancel stops it; a completed run cannot be cancelled', async () => {
    const workflowId = gh.sim.model.addWorkflow('o/r', {
      name: 'Deploy',
      path: '.github/workflows/deploy.yml',
    });
    const status = await gh.octokit.rest.actions.createWorkflowDispatch({
      ...repo,
      workflow_id: 'deploy.yml',
      ref: 'main',
      inputs: { env: 'prod' },
    });
    expect(status.status).toBe(204);
    const { data } = await gh.octokit.rest.actions.listWorkflowRuns({
      ...repo,
      workflow_id: workflowId,
      event: 'workflow_dispatch',
    });
    const run = data.workflow_runs[0];
    expect(run).toMatchObject({ status: 'queued', head_branch: 'main', event: 'workflow_dispatch' });
    expect(gh.sim.model.getRun(run?.id as number).inputs).toEqual({ env: 'prod' });
    await gh.octokit.rest.actions.cancelWorkflowRun({ ...repo, run_id: run?.id as number });
    expect(
      (await gh.octokit.rest.actions.getWorkflowRun({ ...repo, run_id: run?.id as number })).data.conclusion,
    ).toBe('cancelled');
    await expect(
      gh.octokit.rest.actions.cancelWorkflowRun({ ...repo, run_id: run?.id as number }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      gh.octokit.rest.actions.createWorkflowDispatch({ ...repo, workflow_id: 'deploy.yml', ref: 'nope' }),
    ).rejects.toMatchObject({ status: 422 });
  });

  test('compare and pull request files report the changes since the merge base', async () => {
    gh.sim.model.addBranch('o/r', 'topic');
    gh.sim.model.addCommit('o/r', {
      branch: 'topic',
      files: { 'src/a.py': 'x = 2\n', 'src/b.py': 'y = 1\n', 'README.md': null },
    });
    gh.sim.model.addCommit('o/r', { branch: 'main', files: { 'docs/x.md': 'doc\n' } });
    const { data } = await gh.octokit.rest.repos.compareCommits({ ...repo, base: 'main', head: 'topic' });
    expect(data).toMatchObject({ status: 'diverged', ahead_by: 1, behind_by: 1, total_commits: 1 });
    expect(data.files?.map((f) => `${f.status} ${f.filename}`)).toEqual([
      'removed README.md',
      'modified src/a.py',
      'added src/b.py',
    ]);
    expect(data.files?.find((f) => f.filename === 'src/a.py')).toMatchObject({
      additions: 1,
      deletions: 1,
      changes: 2,
    });

    const number = gh.sim.model.addPullRequest('o/r', { head: 'topic', title: 'Topic' });
    const { data: pull } = await gh.octokit.rest.pulls.get({ ...repo, pull_number: number });
    expect(pull).toMatchObject({
      number,
      state: 'open',
      head: { ref: 'topic' },
      base: { ref: 'main' },
      changed_files: 3,
    });
    const files = await gh.octokit.paginate(gh.octokit.rest.pulls.listFiles, {
      ...repo,
      pull_number: number,
      per_page: 2,
    });
    expect(files.map((f) => f.filename)).toEqual(['README.md', 'src/a.py', 'src/b.py']);
    const { data: repository } = await gh.octokit.rest.repos.get(repo);
    expect(repository).toMatchObject({
      default_branch: 'main',
      visibility: 'public',
      html_url: `${gh.sim.serverUrl}/o/r`,
    });
  });
});
