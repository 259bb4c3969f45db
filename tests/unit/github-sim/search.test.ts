import { describe, expect, test } from '@jest/globals';
import { ManualClock, simWithRepo } from './client';

// docs.github.com "Searching issues and pull requests" and "Understanding the search syntax"
// (qualifiers, -qualifier exclusion), REST docs "Search" (its own limit of 30 requests a minute,
// the `search` resource of GET /rate_limit) and "Get rate limit status" (every resource listed).

describe('github-sim issue search as GitHub indexes it', () => {
  const clock = new ManualClock();
  const gh = simWithRepo(undefined, { clock });
  const { repo } = gh;
  const search = async (q: string) =>
    (await gh.octokit.rest.search.issuesAndPullRequests({ q: `repo:o/r ${q}` })).data.items.map(
      (i) => i.number,
    );

  test('new and edited issues become searchable only after the indexing delay (default 3 s)', async () => {
    const { data: issue } = await gh.octokit.rest.issues.create({
      ...repo,
      title: 'Flaky test in suite-alpha',
    });
    expect(await search('suite-alpha')).toEqual([]);
    clock.advance(3000);
    expect(await search('suite-alpha')).toEqual([issue.number]);

    await gh.octokit.rest.issues.update({
      ...repo,
      issue_number: issue.number,
      title: 'Flaky test in suite-beta',
    });
    // Until the edit is indexed, search still sees the old text.
    expect(await search('suite-beta')).toEqual([]);
    expect(await search('suite-alpha')).toEqual([issue.number]);
    clock.advance(3000);
    expect(await search('suite-beta')).toEqual([issue.number]);
    expect(await search('suite-alpha')).toEqual([]);
  });

  test('text matches whole tokens split on punctuation, never a substring inside a marker', async () => {
    const { data: issue } = await gh.octokit.rest.issues.create({
      ...repo,
      title: 'Failure',
      body: 'marker: qeml-fingerprint:abc123 (do not edit)',
    });
    clock.advance(3000);
    expect(await search('"qeml-fingerprint:abc123"')).toEqual([issue.number]);
    expect(await search('abc123')).toEqual([issue.number]);
    expect(await search('"qeml-fingerprint:abc12"')).toEqual([]);
    expect(await search('abc')).toEqual([]);
    expect(await search('fingerprint abc123 in:body')).toEqual([issue.number]);
    expect(await search('abc123 in:title')).toEqual([]);
  });

  test('label:, -label: and no:label filter; an unknown qualifier is refused with 422', async () => {
    const { data: bug } = await gh.octokit.rest.issues.create({
      ...repo,
      title: 'crash one',
      labels: ['bug'],
    });
    const { data: flaky } = await gh.octokit.rest.issues.create({
      ...repo,
      title: 'crash two',
      labels: ['bug', 'flaky'],
    });
    const { data: bare } = await gh.octokit.rest.issues.create({ ...repo, title: 'crash three' });
    clock.advance(3000);
    expect(await search('crash label:bug')).toEqual([flaky.number, bug.number]);
    expect(await search('crash label:bug -label:flaky')).toEqual([bug.number]);
    expect(await search('crash no:label')).toEqual([bare.number]);
    await expect(
      gh.octokit.rest.search.issuesAndPullRequests({ q: 'repo:o/r colour:red crash' }),
    ).rejects.toMatchObject({
      status: 422,
    });
  });

  test('pull requests are issues: in issue lists and search with a pull_request key, commented on through the issues API', async () => {
    gh.sim.model.addBranch('o/r', 'feature');
    const number = gh.sim.model.addPullRequest('o/r', { head: 'feature', title: 'Add widget' });
    const { data: listed } = await gh.octokit.rest.issues.listForRepo({
      ...repo,
      state: 'all',
      per_page: 100,
    });
    const asIssue = listed.find((i) => i.number === number);
    expect(asIssue?.pull_request).toMatchObject({ url: `${gh.sim.url}/repos/o/r/pulls/${number}` });
    const { data: comment } = await gh.octokit.rest.issues.createComment({
      ...repo,
      issue_number: number,
      body: 'LGTM',
    });
    expect(comment.issue_url).toBe(`${gh.sim.url}/repos/o/r/issues/${number}`);
    await gh.octokit.rest.issues.addLabels({ ...repo, issue_number: number, labels: ['ready'] });
    expect(
      (await gh.octokit.rest.pulls.get({ ...repo, pull_number: number })).data.labels.map((l) => l.name),
    ).toEqual(['ready']);
    clock.advance(3000);
    expect(await search('widget is:pr')).toEqual([number]);
    expect(await search('widget is:issue')).toEqual([]);
    expect(await search('LGTM')).toEqual([number]);
  });

  test('search has its own budget of 30 a minute, shown as the search resource of /rate_limit', async () => {
    clock.advance(61_000);
    const { data: before } = await gh.octokit.rest.rateLimit.get();
    expect(Object.keys(before.resources).sort()).toEqual(
      expect.arrayContaining([
        'core',
        'search',
        'graphql',
        'code_search',
        'integration_manifest',
        'source_import',
      ]),
    );
    expect(before.resources.search).toMatchObject({ limit: 30, remaining: 30 });
    for (let i = 0; i < 30; i += 1) await search('anything');
    const refused = await gh.octokit.rest.search
      .issuesAndPullRequests({ q: 'repo:o/r anything' })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({
      status: 403,
      response: { headers: { 'x-ratelimit-resource': 'search', 'x-ratelimit-remaining': '0' } },
    });
    // Core requests are not affected, and the minute resets the search budget.
    expect((await gh.octokit.rest.repos.get(repo)).headers['x-ratelimit-resource']).toBe('core');
    clock.advance(60_000);
    expect(await search('anything')).toEqual([]);
  });
});
