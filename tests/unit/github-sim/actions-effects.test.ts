import { describe, expect, test } from '@jest/globals';
import { ManualClock, simWithRepo } from './client';

// REST docs "Create a workflow dispatch event" (204, or 200 with the run when return_run_details;
// inputs checked against on.workflow_dispatch.inputs, at most 25), "Re-run a workflow" / "Re-run a
// job" (201), "Cancel" / "Force cancel" (202: accepted, not done), docs "Re-running workflows and
// jobs" (30 days, 50 re-runs), "Update an issue" (state_reason values).

describe('github-sim actions effects arrive after a delay, and requests are validated', () => {
  const clock = new ManualClock(Date.UTC(2024, 5, 1));
  const gh = simWithRepo(undefined, { clock, effectDelayMs: 2000 });
  const { repo } = gh;

  test('a dispatch is accepted at once and its run appears after the delay; return_run_details names it', async () => {
    gh.sim.model.addWorkflow('o/r', { name: 'Deploy', path: '.github/workflows/deploy.yml' });
    const accepted = await gh.octokit.rest.actions.createWorkflowDispatch({
      ...repo,
      workflow_id: 'deploy.yml',
      ref: 'main',
    });
    expect(accepted.status).toBe(204);
    const runs = async () =>
      (await gh.octokit.rest.actions.listWorkflowRuns({ ...repo, workflow_id: 'deploy.yml' })).data
        .total_count;
    expect(await runs()).toBe(0);
    clock.advance(2000);
    expect(await runs()).toBe(1);

    const detailed = await gh.octokit.request(
      'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
      {
        ...repo,
        workflow_id: 'deploy.yml',
        ref: 'main',
        return_run_details: true,
      },
    );
    expect(detailed.status).toBe(200);
    const details = detailed.data as unknown as {
      workflow_run_id: number;
      run_url: string;
      html_url: string;
    };
    expect(details.run_url).toBe(`${gh.sim.url}/repos/o/r/actions/runs/${details.workflow_run_id}`);
    await expect(
      gh.octokit.rest.actions.getWorkflowRun({ ...repo, run_id: details.workflow_run_id }),
    ).rejects.toMatchObject({
      status: 404,
    });
    clock.advance(2000);
    const { data: run } = await gh.octokit.rest.actions.getWorkflowRun({
      ...repo,
      run_id: details.workflow_run_id,
    });
    expect(run).toMatchObject({ event: 'workflow_dispatch', status: 'queued' });
  });

  test('a re-run and a cancel answer 201/202 before they take effect', async () => {
    const failed = gh.sim.model.addRun('o/r', {
      jobs: [{ name: 'test', conclusion: 'failure' }, { name: 'lint' }],
    });
    expect(
      (await gh.octokit.rest.actions.reRunWorkflowFailedJobs({ ...repo, run_id: failed.id })).status,
    ).toBe(201);
    expect(gh.sim.model.getRun(failed.id).attempts).toHaveLength(1);
    clock.advance(2000);
    const { data: rerun } = await gh.octokit.rest.actions.getWorkflowRun({ ...repo, run_id: failed.id });
    expect(rerun).toMatchObject({ run_attempt: 2, status: 'queued' });

    expect((await gh.octokit.rest.actions.cancelWorkflowRun({ ...repo, run_id: failed.id })).status).toBe(
      202,
    );
    expect((await gh.octokit.rest.actions.getWorkflowRun({ ...repo, run_id: failed.id })).data.status).toBe(
      'queued',
    );
    clock.advance(2000);
    expect((await gh.octokit.rest.actions.getWorkflowRun({ ...repo, run_id: failed.id })).data).toMatchObject(
      {
        status: 'completed',
        conclusion: 'cancelled',
      },
    );
  });

  test('a single job re-runs alone; force-cancel answers 202 and 409 once the run is completed', async () => {
    const run = gh.sim.model.addRun('o/r', {
      jobs: [{ name: 'build' }, { name: 'test', conclusion: 'failure' }],
    });
    const buildJob = run.jobIds[0] as number;
    expect((await gh.octokit.rest.actions.reRunJobForWorkflowRun({ ...repo, job_id: buildJob })).status).toBe(
      201,
    );
    clock.advance(2000);
    const { data } = await gh.octokit.rest.actions.listJobsForWorkflowRunAttempt({
      ...repo,
      run_id: run.id,
      attempt_number: 2,
    });
    expect(data.jobs.map((j) => j.name)).toEqual(['build']);
    expect((await gh.octokit.rest.actions.forceCancelWorkflowRun({ ...repo, run_id: run.id })).status).toBe(
      202,
    );
    clock.advance(2000);
    await expect(
      gh.octokit.rest.actions.forceCancelWorkflowRun({ ...repo, run_id: run.id }),
    ).rejects.toMatchObject({ status: 409 });
  });

  test('dispatch inputs are checked against the workflow trigger: unknown, missing required, over 25, no workflow_dispatch', async () => {
    gh.sim.model.addWorkflow('o/r', {
      name: 'Release',
      path: '.github/workflows/release.yml',
      triggers: {
        events: ['workflow_dispatch'],
        dispatchInputs: { version: { required: true }, dry_run: { default: 'false' } },
      },
    });
    gh.sim.model.addWorkflow('o/r', {
      name: 'Push only',
      path: '.github/workflows/push.yml',
      triggers: { events: ['push'] },
    });
    const dispatch = (workflow_id: string, inputs: Record<string, string>) =>
      gh.octokit.rest.actions.createWorkflowDispatch({ ...repo, workflow_id, ref: 'main', inputs });
    const message = async (call: Promise<unknown>) =>
      (await call.catch((e: unknown) => e)) as { status: number; response: { data: { message: string } } };

    expect((await dispatch('release.yml', { version: '1.2.3' })).status).toBe(204);
    expect(await message(dispatch('release.yml', { version: '1', colour: 'red' }))).toMatchObject({
      status: 422,
      response: { data: { message: 'Unexpected inputs provided: ["colour"]' } },
    });
    expect(await message(dispatch('release.yml', { dry_run: 'true' }))).toMatchObject({
      status: 422,
      response: { data: { message: "Required input 'version' not provided" } },
    });
    const many = Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`i${i}`, 'x']));
    expect(await message(dispatch('deploy.yml', many))).toMatchObject({ status: 422 });
    expect(await message(dispatch('push.yml', {}))).toMatchObject({
      status: 422,
      response: { data: { message: "Workflow does not have 'workflow_dispatch' trigger" } },
    });
  });

  test('re-runs are refused after 30 days and past 50 re-runs', async () => {
    const old = gh.sim.model.addRun('o/r', {
      createdAt: clock.now() - 31 * 24 * 3600 * 1000,
      jobs: [{ name: 'a' }],
    });
    await expect(gh.octokit.rest.actions.reRunWorkflow({ ...repo, run_id: old.id })).rejects.toMatchObject({
      status: 403,
    });

    const busy = gh.sim.model.addRun('o/r', { jobs: [{ name: 'a' }] });
    for (let attempt = 0; attempt < 50; attempt += 1) {
      await gh.octokit.rest.actions.reRunWorkflow({ ...repo, run_id: busy.id });
      clock.advance(2000);
      await gh.octokit.rest.repos.get(repo);
      gh.sim.model.finishAttempt(busy.id);
    }
    expect(gh.sim.model.getRun(busy.id).attempts).toHaveLength(51);
    await expect(gh.octokit.rest.actions.reRunWorkflow({ ...repo, run_id: busy.id })).rejects.toMatchObject({
      status: 403,
    });
  });

  test('state_reason must be completed, not_planned, duplicate, reopened or null', async () => {
    const number = gh.sim.model.addIssue('o/r', { title: 'dup' });
    await expect(
      gh.octokit.rest.issues.update({
        ...repo,
        issue_number: number,
        state: 'closed',
        state_reason: 'wontfix' as 'completed',
      }),
    ).rejects.toMatchObject({ status: 422 });
    const { data } = await gh.octokit.rest.issues.update({
      ...repo,
      issue_number: number,
      state: 'closed',
      state_reason: 'duplicate',
    });
    expect(data).toMatchObject({ state: 'closed', state_reason: 'duplicate' });
  });
});
