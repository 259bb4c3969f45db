import { describe, expect, test } from '@jest/globals';
import { simWithRepo } from './client';

// REST docs "Create a deployment" (auto_merge, required_contexts, 202 merged-branch response,
// 409 on failed status checks), "Create a deployment status" (auto_inactive, environment),
// "Delete a deployment", and "Commit statuses" (combined state rules).

describe('github-sim deployments as GitHub gates them', () => {
  const gh = simWithRepo();
  const { repo } = gh;

  /** Deploys main to `environment` with no status checks required; the deployment's id. */
  async function deployMain(environment: string): Promise<number> {
    const { data } = await gh.octokit.rest.repos.createDeployment({
      ...repo,
      ref: 'main',
      environment,
      required_contexts: [],
    });
    return (data as { id: number }).id;
  }

  test('auto_merge (default true): a branch behind the default branch is merged into and answered 202 without an id', async () => {
    gh.sim.model.addBranch('o/r', 'topic');
    gh.sim.model.addCommit('o/r', { files: { 'a.txt': 'main moved on' } });
    const first = await gh.octokit.rest.repos.createDeployment({
      ...repo,
      ref: 'topic',
      environment: 'review',
    });
    expect(first.status).toBe(202);
    expect(first.data).toEqual({ message: 'Auto-merged main into topic on deployment.' });
    // The branch now contains main, so the next request deploys it.
    const second = await gh.octokit.rest.repos.createDeployment({
      ...repo,
      ref: 'topic',
      environment: 'review',
    });
    expect(second.status).toBe(201);
    expect(second.data).toHaveProperty('id');
    const topicSha = gh.sim.model.repos.resolveRef(gh.sim.model.repo('o/r'), 'topic');
    expect(second.data).toMatchObject({ sha: topicSha, description: '' });
    // Location names the created deployment.
    expect(second.headers.location).toBe((second.data as { url: string }).url);
    // auto_merge: false deploys the branch as it is.
    gh.sim.model.addCommit('o/r', { files: { 'b.txt': 'again' } });
    expect(
      (await gh.octokit.rest.repos.createDeployment({ ...repo, ref: 'topic', auto_merge: false })).status,
    ).toBe(201);
  });

  test('required_contexts (default: all reported contexts) must all be success, else 409', async () => {
    const sha = gh.sim.model.addCommit('o/r', { files: { 'c.txt': 'checked' } });
    await gh.octokit.rest.repos.createCommitStatus({ ...repo, sha, state: 'success', context: 'ci' });
    await gh.octokit.rest.repos.createCommitStatus({ ...repo, sha, state: 'failure', context: 'lint' });
    const refused = await gh.octokit.rest.repos
      .createDeployment({ ...repo, ref: 'main' })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 409 });
    expect((refused as { response: { data: { message: string } } }).response.data.message).toBe(
      'Conflict: Commit status checks failed for main.',
    );
    expect(
      (await gh.octokit.rest.repos.createDeployment({ ...repo, ref: 'main', required_contexts: ['ci'] }))
        .status,
    ).toBe(201);
    expect(
      (await gh.octokit.rest.repos.createDeployment({ ...repo, ref: 'main', required_contexts: [] })).status,
    ).toBe(201);
    // A required context nobody reported is not success either.
    await expect(
      gh.octokit.rest.repos.createDeployment({ ...repo, ref: 'main', required_contexts: ['ci', 'e2e'] }),
    ).rejects.toMatchObject({ status: 409 });
  });

  test('the combined status is failure if any context failed, pending if none or any pending, else success', async () => {
    const sha = gh.sim.model.addCommit('o/r', { files: { 'd.txt': 'combined' } });
    expect((await gh.octokit.rest.repos.getCombinedStatusForRef({ ...repo, ref: sha })).data).toMatchObject({
      state: 'pending',
      total_count: 0,
    });
    await gh.octokit.rest.repos.createCommitStatus({ ...repo, sha, state: 'pending', context: 'ci' });
    await gh.octokit.rest.repos.createCommitStatus({ ...repo, sha, state: 'success', context: 'ci' });
    const { data } = await gh.octokit.rest.repos.getCombinedStatusForRef({ ...repo, ref: 'main' });
    expect(data).toMatchObject({ state: 'success', sha, total_count: 1 });
    expect(data.statuses.map((s) => [s.context, s.state])).toEqual([['ci', 'success']]);
    await gh.octokit.rest.repos.createCommitStatus({ ...repo, sha, state: 'error', context: 'docs' });
    expect((await gh.octokit.rest.repos.getCombinedStatusForRef({ ...repo, ref: sha })).data.state).toBe(
      'failure',
    );
    expect((await gh.octokit.rest.repos.listCommitStatusesForRef({ ...repo, ref: sha })).data).toHaveLength(
      3,
    );
  });

  test('auto_inactive marks only earlier deployments that had a success state', async () => {
    const deploy = () => deployMain('staging');
    const succeeded = await deploy();
    await gh.octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: succeeded,
      state: 'success',
    });
    const failed = await deploy();
    await gh.octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: failed, state: 'failure' });
    const current = await deploy();
    await gh.octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: current, state: 'success' });
    const states = async (id: number) =>
      (await gh.octokit.rest.repos.listDeploymentStatuses({ ...repo, deployment_id: id })).data.map(
        (s) => s.state,
      );
    expect(await states(succeeded)).toEqual(['inactive', 'success']);
    expect(await states(failed)).toEqual(['failure']);
    expect(await states(current)).toEqual(['success']);
  });

  test("a status's environment defaults to the previous status's and moves the deployment; description defaults to ''", async () => {
    const id = await deployMain('qa');
    const moved = await gh.octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: id,
      state: 'in_progress',
      environment: 'prod-eu',
    });
    expect(moved.headers.location).toBe(moved.data.url);
    const next = await gh.octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: id,
      state: 'success',
    });
    expect(next.data).toMatchObject({ environment: 'prod-eu', description: '' });
    expect((await gh.octokit.rest.repos.getDeployment({ ...repo, deployment_id: id })).data.environment).toBe(
      'prod-eu',
    );
  });

  test('only an inactive deployment can be deleted (422 otherwise)', async () => {
    const id = await deployMain('tmp');
    await gh.octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: id, state: 'success' });
    await expect(
      gh.octokit.rest.repos.deleteDeployment({ ...repo, deployment_id: id }),
    ).rejects.toMatchObject({ status: 422 });
    await gh.octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: id, state: 'inactive' });
    expect((await gh.octokit.rest.repos.deleteDeployment({ ...repo, deployment_id: id })).status).toBe(204);
    await expect(gh.octokit.rest.repos.getDeployment({ ...repo, deployment_id: id })).rejects.toMatchObject({
      status: 404,
    });
  });
});
