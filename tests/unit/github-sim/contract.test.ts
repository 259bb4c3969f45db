import { describe, expect, test } from '@jest/globals';
import type { RequestRecord } from '@qeml/github-sim';
import { checkAnswer } from './contract';

// The contract check itself: it must catch a drifting shape, else a green suite proves nothing.
// Source of truth: @octokit/openapi generated/api.github.com.json (GitHub's REST description).

function record(method: string, route: string, path: string): RequestRecord {
  return {
    origin: 'api',
    method,
    path,
    route,
    query: {},
    status: 0,
    headers: {},
    hasAuthorization: true,
    at: 0,
  };
}

const cacheList = {
  total_count: 1,
  actions_caches: [
    {
      id: 1,
      key: 'k',
      ref: 'refs/heads/main',
      version: 'v',
      size_in_bytes: 3,
      created_at: '2024-01-01T00:00:00Z',
      last_accessed_at: '2024-01-01T00:00:00Z',
    },
  ],
};

describe('the OpenAPI contract check', () => {
  const list = record('GET', '/repos/{owner}/{repo}/actions/caches', '/repos/o/r/actions/caches');

  test('an answer that keeps to the description passes', () => {
    expect(checkAnswer(list, { status: 200, body: cacheList })).toEqual([]);
  });

  test('a missing required field, a wrong type or a bad timestamp is reported', () => {
    const { total_count: _dropped, ...withoutCount } = cacheList;
    expect(checkAnswer(list, { status: 200, body: withoutCount })).toEqual([
      expect.objectContaining({ problem: expect.stringContaining("required property 'total_count'") }),
    ]);
    const badItem = {
      total_count: 1,
      actions_caches: [{ ...cacheList.actions_caches[0], size_in_bytes: '3', created_at: 'yesterday' }],
    };
    const problems = checkAnswer(list, { status: 200, body: badItem }).map((v) => v.problem);
    expect(problems).toEqual([
      expect.stringContaining('/actions_caches/0/created_at must match format "date-time"'),
      expect.stringContaining('/actions_caches/0/size_in_bytes must be integer'),
    ]);
  });

  test('a status the operation does not declare is reported; rate limits and 404 are allowed anywhere', () => {
    expect(
      checkAnswer(list, {
        status: 409,
        body: { message: 'x', documentation_url: 'https://docs.github.com' },
      }),
    ).toEqual([
      expect.objectContaining({
        operation: 'actions/get-actions-cache-list',
        problem: expect.stringContaining('status 409 is not declared'),
      }),
    ]);
    const limited = {
      status: 403,
      body: { message: 'API rate limit exceeded', documentation_url: 'https://docs.github.com' },
      headers: { 'x-ratelimit-remaining': '0' },
    };
    expect(checkAnswer(list, limited)).toEqual([]);
    expect(
      checkAnswer(list, {
        status: 404,
        body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
      }),
    ).toEqual([]);
  });

  test('a route GitHub does not have is reported', () => {
    expect(
      checkAnswer(record('GET', '/repos/{owner}/{repo}/made-up', '/repos/o/r/made-up'), {
        status: 200,
        body: {},
      }),
    ).toEqual([expect.objectContaining({ problem: 'route is not in the OpenAPI description' })]);
  });

  test('OpenAPI 3.0 nullable is honoured: null passes where the schema says nullable, fails where it does not', () => {
    const get = record('GET', '/repos/{owner}/{repo}/issues/{issue_number}', '/repos/o/r/issues/1');
    const user = {
      login: 'u',
      id: 1,
      node_id: 'n',
      avatar_url: 'https://a.test/u',
      gravatar_id: '',
      url: 'https://a.test/u',
      html_url: 'https://a.test/u',
      followers_url: 'https://a.test/u',
      following_url: 'https://a.test/u',
      gists_url: 'https://a.test/u',
      starred_url: 'https://a.test/u',
      subscriptions_url: 'https://a.test/u',
      organizations_url: 'https://a.test/u',
      repos_url: 'https://a.test/u',
      events_url: 'https://a.test/u',
      received_events_url: 'https://a.test/u',
      type: 'User',
      site_admin: false,
    };
    const issue = {
      id: 1,
      node_id: 'I',
      url: 'https://a.test/i',
      repository_url: 'https://a.test/r',
      labels_url: 'https://a.test/l',
      comments_url: 'https://a.test/c',
      events_url: 'https://a.test/e',
      html_url: 'https://a.test/h',
      number: 1,
      state: 'open',
      title: 't',
      body: null,
      user,
      labels: [],
      assignee: null,
      assignees: [],
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments: 0,
      closed_at: null,
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
      author_association: 'NONE',
    };
    expect(checkAnswer(get, { status: 200, body: issue })).toEqual([]);
    expect(checkAnswer(get, { status: 200, body: { ...issue, title: null } }).length).toBeGreaterThan(0);
  });
});
