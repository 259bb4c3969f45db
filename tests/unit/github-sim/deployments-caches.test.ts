import { describe, expect, test } from '@jest/globals';
import { simWithRepo } from './client';

describe('github-sim deployments, environments and caches', () => {
  const gh = simWithRepo();
  const { repo } = gh;

  test('create deployments and statuses; list with filters, newest first', async () => {
    const mainSha = gh.sim.model.repos.resolveRef(gh.sim.model.repo('o/r'), 'main');
    const oldId = gh.sim.model.addDeployment('o/r', { environment: 'staging', statuses: ['success'] });
    const { data: created } = await gh.octokit.rest.repos.createDeployment({
      ...repo,
      ref: 'main',
      environment: 'staging',
      auto_merge: false,
      required_contexts: [],
    });
    if (!('id' in created)) throw new Error('expected a deployment');
    expect(created).toMatchObject({
      sha: mainSha,
      ref: 'main',
      environment: 'staging',
      statuses_url: `${gh.sim.url}/repos/o/r/deployments/${created.id}/statuses`,
    });

    const { data: status } = await gh.octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: created.id,
      state: 'success',
      environment_url: 'https://staging.example.test',
      log_url: 'https://ci.example.test/run/1',
      description: 'deployed',
    });
    expect(status).toMatchObject({
      state: 'success',
      environment_url: 'https://staging.example.test',
      log_url: 'https://ci.example.test/run/1',
    });
    const { data: statuses } = await gh.octokit.rest.repos.listDeploymentStatuses({
      ...repo,
      deployment_id: created.id,
    });
    expect(statuses.map((s) => s.state)).toEqual(['success']);
    // GitHub marks the previous non-production deployment of the environment inactive.
    const { data: oldStatuses } = await gh.octokit.rest.repos.listDeploymentStatuses({
      ...repo,
      deployment_id: oldId,
    });
    expect(oldStatuses.map((s) => s.state)).toEqual(['inactive', 'success']);

    const { data: list } = await gh.octokit.rest.repos.listDeployments({ ...repo, environment: 'staging' });
    expect(list.map((d) => d.id)).toEqual([created.id, oldId]);
    expect(
      (await gh.octokit.rest.repos.listDeployments({ ...repo, environment: 'production' })).data,
    ).toEqual([]);
    expect((await gh.octokit.rest.repos.listDeployments({ ...repo, sha: mainSha })).data).toHaveLength(2);

    await expect(
      gh.octokit.rest.repos.createDeploymentStatus({
        ...repo,
        deployment_id: created.id,
        state: 'bogus' as 'success',
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      gh.octokit.rest.repos.createDeployment({ ...repo, ref: 'no-such-branch' }),
    ).rejects.toMatchObject({ status: 422 });
  });

  test('environments come from deployments or the builder', async () => {
    gh.sim.model.addEnvironment('o/r', 'production');
    const { data } = await gh.octokit.rest.repos.getAllEnvironments(repo);
    expect(data.total_count).toBe(2);
    expect(data.environments?.map((e) => e.name).sort()).toEqual(['production', 'staging']);
    expect(
      (await gh.octokit.rest.repos.getEnvironment({ ...repo, environment_name: 'staging' })).data.name,
    ).toBe('staging');
    await expect(
      gh.octokit.rest.repos.getEnvironment({ ...repo, environment_name: 'nope' }),
    ).rejects.toMatchObject({ status: 404 });
  });

  test('caches: list with key prefix and ref filters, delete by key and by id', async () => {
    gh.sim.model.addCache('o/r', { key: 'pip-linux-abc', sizeInBytes: 10 });
    gh.sim.model.addCache('o/r', { key: 'pip-linux-abc', ref: 'refs/pull/1/merge', sizeInBytes: 20 });
    const npmId = gh.sim.model.addCache('o/r', { key: 'npm-linux-def' });
    const { data } = await gh.octokit.rest.actions.getActionsCacheList({ ...repo, key: 'pip-' });
    expect(data.total_count).toBe(2);
    expect(data.actions_caches.every((c) => c.key === 'pip-linux-abc')).toBe(true);
    expect(
      (await gh.octokit.rest.actions.getActionsCacheList({ ...repo, ref: 'refs/pull/1/merge' })).data
        .total_count,
    ).toBe(1);
    const all = await gh.octokit.paginate(gh.octokit.rest.actions.getActionsCacheList, {
      ...repo,
      per_page: 1,
    });
    expect(all).toHaveLength(3);

    const { data: deleted } = await gh.octokit.rest.actions.deleteActionsCacheByKey({
      ...repo,
      key: 'pip-linux-abc',
      ref: 'refs/heads/main',
    });
    expect(deleted.total_count).toBe(1);
    await gh.octokit.rest.actions.deleteActionsCacheById({ ...repo, cache_id: npmId });
    expect(
      (await gh.octokit.rest.actions.getActionsCacheList(repo)).data.actions_caches.map((c) => c.ref),
    ).toEqual(['refs/pull/1/merge']);
    await expect(
      gh.octokit.rest.actions.deleteActionsCacheById({ ...repo, cache_id: npmId }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      gh.octokit.rest.actions.deleteActionsCacheByKey({ ...repo, key: 'nothing' }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
