import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type GitHubSim, startGitHubSim } from '@qeml/github-sim';
import { type SimClient, simClient } from './client';

describe('github-sim issues, comments, labels and search', () => {
  let sim: GitHubSim;
  let octokit: SimClient;
  const repo = { owner: 'o', repo: 'r' };
  beforeAll(async () => {
    sim = await startGitHubSim();
    sim.model.addRepo('o', 'r');
    octokit = simClient(sim);
  });
  afterAll(() => sim.close());

  test('create, get, update and list with label/state/creator filters', async () => {
    const { data: created } = await octokit.rest.issues.create({
      ...repo,
      title: 'CI failure: test (3.11)',
      body: 'details',
      labels: ['ci-failure'],
    });
    expect(created).toMatchObject({
      number: expect.any(Number),
      state: 'open',
      html_url: `${sim.serverUrl}/o/r/issues/${created.number}`,
      url: `${sim.url}/repos/o/r/issues/${created.number}`,
      user: { login: 'github-actions[bot]', type: 'Bot' },
      labels: [expect.objectContaining({ name: 'ci-failure' })],
    });
    expect(created.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    await octokit.rest.issues.create({ ...repo, title: 'unrelated' });
    const { data: labelled } = await octokit.rest.issues.listForRepo({ ...repo, labels: 'ci-failure' });
    expect(labelled.map((i) => i.title)).toEqual(['CI failure: test (3.11)']);
    const { data: byCreator } = await octokit.rest.issues.listForRepo({ ...repo, creator: 'someone-else' });
    expect(byCreator).toEqual([]);

    const { data: closed } = await octokit.rest.issues.update({
      ...repo,
      issue_number: created.number,
      state: 'closed',
      title: 'renamed',
    });
    expect(closed).toMatchObject({
      state: 'closed',
      title: 'renamed',
      state_reason: 'completed',
      closed_at: expect.any(String),
    });
    expect((await octokit.rest.issues.listForRepo(repo)).data.map((i) => i.title)).toEqual(['unrelated']);
    expect((await octokit.rest.issues.listForRepo({ ...repo, state: 'all' })).data).toHaveLength(2);
    expect((await octokit.rest.issues.get({ ...repo, issue_number: created.number })).data.title).toBe(
      'renamed',
    );
  });

  test('validation and missing issues answer like GitHub', async () => {
    await expect(octokit.rest.issues.create({ ...repo, title: '' })).rejects.toMatchObject({ status: 422 });
    await expect(octokit.rest.issues.get({ ...repo, issue_number: 9999 })).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      octokit.rest.issues.get({ owner: 'o', repo: 'missing', issue_number: 1 }),
    ).rejects.toMatchObject({ status: 404 });
  });

  test('comments: create, list, update', async () => {
    const number = sim.model.addIssue('o/r', { title: 'flaky test' });
    const { data: comment } = await octokit.rest.issues.createComment({
      ...repo,
      issue_number: number,
      body: 'seen again',
    });
    expect(comment.html_url).toBe(`${sim.serverUrl}/o/r/issues/${number}#issuecomment-${comment.id}`);
    await octokit.rest.issues.updateComment({ ...repo, comment_id: comment.id, body: 'seen 2 times' });
    const { data: comments } = await octokit.rest.issues.listComments({ ...repo, issue_number: number });
    expect(comments.map((c) => c.body)).toEqual(['seen 2 times']);
    expect((await octokit.rest.issues.get({ ...repo, issue_number: number })).data.comments).toBe(1);
  });

  test('labels: add (created on first use), list, remove', async () => {
    const number = sim.model.addIssue('o/r', { title: 'labels' });
    const { data: added } = await octokit.rest.issues.addLabels({
      ...repo,
      issue_number: number,
      labels: ['flaky', 'ci'],
    });
    expect(added.map((l) => l.name)).toEqual(['flaky', 'ci']);
    await octokit.rest.issues.addLabels({ ...repo, issue_number: number, labels: ['flaky'] });
    await octokit.rest.issues.removeLabel({ ...repo, issue_number: number, name: 'ci' });
    const { data: labels } = await octokit.rest.issues.listLabelsOnIssue({ ...repo, issue_number: number });
    expect(labels.map((l) => l.name)).toEqual(['flaky']);
  });

  test('search/issues supports repo:, is:, in:title, quoted text and label: qualifiers', async () => {
    sim.model.addIssue('o/r', { title: 'Failure fingerprint abc123 in CI', labels: ['qeml'] });
    sim.model.addIssue('o/r', {
      title: 'Failure fingerprint abc123 in CI',
      labels: ['qeml'],
      state: 'closed',
    });
    const search = (q: string) => octokit.rest.search.issuesAndPullRequests({ q }).then((r) => r.data);
    const open = await search('repo:o/r is:issue is:open in:title "fingerprint abc123"');
    expect(open.total_count).toBe(1);
    expect(open.incomplete_results).toBe(false);
    expect(open.items[0]).toMatchObject({ state: 'open', score: 1 });
    expect((await search('repo:o/r is:issue label:qeml abc123')).total_count).toBe(2);
    expect((await search('repo:o/r is:issue label:"other label" abc123')).total_count).toBe(0);
    expect((await search('repo:x/y abc123')).total_count).toBe(0);
  });
});
