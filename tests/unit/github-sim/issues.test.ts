import { describe, expect, test } from '@jest/globals';
import { simWithRepo } from './client';

describe('github-sim issues, comments, labels and search', () => {
  const gh = simWithRepo(undefined, { searchIndexDelayMs: 0 });
  const { repo } = gh;

  test('create, get, update and list with label/state/creator filters', async () => {
    const { data: created } = await gh.octokit.rest.issues.create({
      ...repo,
      title: 'CI failure: test (3.11)',
      body: 'details',
      labels: ['ci-failure'],
    });
    expect(created).toMatchObject({
      number: expect.any(Number),
      state: 'open',
      html_url: `${gh.sim.serverUrl}/o/r/issues/${created.number}`,
      url: `${gh.sim.url}/repos/o/r/issues/${created.number}`,
      user: { login: 'github-actions[bot]', type: 'Bot' },
      labels: [expect.objectContaining({ name: 'ci-failure' })],
    });
    expect(created.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    await gh.octokit.rest.issues.create({ ...repo, title: 'unrelated' });
    const { data: labelled } = await gh.octokit.rest.issues.listForRepo({ ...repo, labels: 'ci-failure' });
    expect(labelled.map((i) => i.title)).toEqual(['CI failure: test (3.11)']);
    const { data: byCreator } = await gh.octokit.rest.issues.listForRepo({
      ...repo,
      creator: 'someone-else',
    });
    expect(byCreator).toEqual([]);

    const { data: closed } = await gh.octokit.rest.issues.update({
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
    expect((await gh.octokit.rest.issues.listForRepo(repo)).data.map((i) => i.title)).toEqual(['unrelated']);
    expect((await gh.octokit.rest.issues.listForRepo({ ...repo, state: 'all' })).data).toHaveLength(2);
    expect((await gh.octokit.rest.issues.get({ ...repo, issue_number: created.number })).data.title).toBe(
      'renamed',
    );
  });

  test('validation and missing issues answer like GitHub', async () => {
    await expect(gh.octokit.rest.issues.create({ ...repo, title: '' })).rejects.toMatchObject({
      status: 422,
    });
    await expect(gh.octokit.rest.issues.get({ ...repo, issue_number: 9999 })).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      gh.octokit.rest.issues.get({ owner: 'o', repo: 'missing', issue_number: 1 }),
    ).rejects.toMatchObject({ status: 404 });
  });

  test('comments: create, list, update', async () => {
    const number = gh.sim.model.addIssue('o/r', { title: 'flaky test' });
    const { data: comment } = await gh.octokit.rest.issues.createComment({
      ...repo,
      issue_number: number,
      body: 'seen again',
    });
    expect(comment.html_url).toBe(`${gh.sim.serverUrl}/o/r/issues/${number}#issuecomment-${comment.id}`);
    await gh.octokit.rest.issues.updateComment({ ...repo, comment_id: comment.id, body: 'seen 2 times' });
    const { data: comments } = await gh.octokit.rest.issues.listComments({ ...repo, issue_number: number });
    expect(comments.map((c) => c.body)).toEqual(['seen 2 times']);
    expect((await gh.octokit.rest.issues.get({ ...repo, issue_number: number })).data.comments).toBe(1);
  });

  test('labels: add (created on first use), list, remove', async () => {
    const number = gh.sim.model.addIssue('o/r', { title: 'labels' });
    const { data: added } = await gh.octokit.rest.issues.addLabels({
      ...repo,
      issue_number: number,
      labels: ['flaky', 'ci'],
    });
    expect(added.map((l) => l.name)).toEqual(['flaky', 'ci']);
    await gh.octokit.rest.issues.addLabels({ ...repo, issue_number: number, labels: ['flaky'] });
    await gh.octokit.rest.issues.removeLabel({ ...repo, issue_number: number, name: 'ci' });
    const { data: labels } = await gh.octokit.rest.issues.listLabelsOnIssue({
      ...repo,
      issue_number: number,
    });
    expect(labels.map((l) => l.name)).toEqual(['flaky']);
  });

  test('search/issues supports repo:, is:, in:title, quoted text and label: qualifiers', async () => {
    gh.sim.model.addIssue('o/r', { title: 'Failure fingerprint abc123 in CI', labels: ['qeml'] });
    gh.sim.model.addIssue('o/r', {
      title: 'Failure fingerprint abc123 in CI',
      labels: ['qeml'],
      state: 'closed',
    });
    const search = (q: string) => gh.octokit.rest.search.issuesAndPullRequests({ q }).then((r) => r.data);
    const open = await search('repo:o/r is:issue is:open in:title "fingerprint abc123"');
    expect(open.total_count).toBe(1);
    expect(open.incomplete_results).toBe(false);
    expect(open.items[0]).toMatchObject({ state: 'open', score: 1 });
    expect((await search('repo:o/r is:issue label:qeml abc123')).total_count).toBe(2);
    expect((await search('repo:o/r is:issue label:"other label" abc123')).total_count).toBe(0);
    expect((await search('repo:x/y abc123')).total_count).toBe(0);
  });
});
