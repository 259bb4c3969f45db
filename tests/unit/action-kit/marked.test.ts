import { describe, expect, test } from '@jest/globals';
import {
  commentOnMarkedIssue,
  findMarkedIssue,
  formatMarker,
  type MarkedIssueRequest,
  parseMarker,
  upsertMarkedComment,
  upsertMarkedIssue,
} from '@qeml/action-kit/github';
import { actionClient, simWithRepo } from '../github-sim/client';

interface Occurrences {
  count: number;
}

const fixture = simWithRepo();

function request(
  id: string,
  extra: Partial<MarkedIssueRequest<Occurrences>> = {},
): MarkedIssueRequest<Occurrences> {
  return {
    ...fixture.repo,
    marker: { kind: 'test-kind', id },
    label: 'qeml:test',
    title: `Failure ${id}`,
    render: (previous) => {
      const count = (previous?.count ?? 0) + 1;
      return { body: `Seen ${count} time(s).`, state: { count } };
    },
    ...extra,
  };
}

function issuesWith(id: string) {
  return fixture.sim.model.issues
    .of(fixture.sim.model.repo('o/r'))
    .filter((issue) => parseMarker(issue.body)?.marker.id === id);
}

describe('the hidden marker', () => {
  test('round-trips kind, id and state, whatever characters they hold', () => {
    const marker = { kind: 'failure-analysis', id: 'npm:ECONNRESET --> <b> ci.yml' };
    const text = `intro\n${formatMarker(marker, { count: 2, note: '-->' })}\nrest`;
    expect(text).not.toContain('--> <b>');
    expect(parseMarker(text)).toEqual({ marker, state: { count: 2, note: '-->' } });
  });

  test('a hand-edited state is dropped, the marker still found', () => {
    expect(parseMarker('<!-- qeml:k:id !!! -->')).toBeUndefined();
    expect(parseMarker('<!-- qeml:k:id e30x -->')?.marker).toEqual({ kind: 'k', id: 'id' });
  });
});

describe('upsertMarkedIssue against github-sim', () => {
  test('opens one issue, then updates it with the kept state', async () => {
    const client = actionClient(fixture.sim);
    const first = await upsertMarkedIssue(client, request('a'));
    expect(first).toMatchObject({ created: true, reopened: false, state: { count: 1 } });
    const second = await upsertMarkedIssue(client, request('a'));
    expect(second).toMatchObject({ number: first.number, created: false, state: { count: 2 } });
    const [issue] = issuesWith('a');
    expect(issuesWith('a')).toHaveLength(1);
    expect(issue?.body).toContain('Seen 2 time(s).');
    expect(issue?.labels).toEqual(['qeml:test']);
  });

  test('is found by marker, not by title: a renamed issue is still updated', async () => {
    const client = actionClient(fixture.sim);
    const first = await upsertMarkedIssue(client, request('renamed'));
    await client.rest.issues.update({
      ...fixture.repo,
      issue_number: first.number,
      title: 'Edited by a person',
    });
    const again = await upsertMarkedIssue(client, request('renamed', { title: 'Failure renamed' }));
    expect(again.number).toBe(first.number);
  });

  test('reopens a closed issue instead of opening another, unless told not to', async () => {
    const client = actionClient(fixture.sim);
    const first = await upsertMarkedIssue(client, request('closed'));
    await client.rest.issues.update({ ...fixture.repo, issue_number: first.number, state: 'closed' });
    const reopened = await upsertMarkedIssue(client, request('closed'));
    expect(reopened).toMatchObject({ number: first.number, reopened: true, state: { count: 2 } });

    await client.rest.issues.update({ ...fixture.repo, issue_number: first.number, state: 'closed' });
    const fresh = await upsertMarkedIssue(client, request('closed', { reopen: false }));
    expect(fresh.created).toBe(true);
    expect(fresh.number).not.toBe(first.number);
  });

  test('two runs at once leave one open issue holding both occurrences', async () => {
    const [a, b] = await Promise.all([
      upsertMarkedIssue(actionClient(fixture.sim), request('race')),
      upsertMarkedIssue(actionClient(fixture.sim), request('race')),
    ]);
    expect(a.number).toBe(b.number);
    const open = issuesWith('race').filter((issue) => issue.state === 'open');
    expect(open).toHaveLength(1);
    expect(parseMarker(open[0]?.body)?.state).toEqual({ count: 2 });
    const all = fixture.sim.model.issues
      .of(fixture.sim.model.repo('o/r'))
      .filter((i) => i.title === 'Failure race');
    const duplicates = all.filter((issue) => issue.state === 'closed');
    expect(duplicates.map((d) => d.body)).toEqual(
      duplicates.length ? [expect.stringContaining(`Duplicate of #${a.number}`)] : [],
    );
  });

  test('pull requests and other markers are never taken for the issue', async () => {
    const client = actionClient(fixture.sim);
    await client.rest.issues.create({
      ...fixture.repo,
      title: 'Other',
      labels: ['qeml:test'],
      body: formatMarker({ kind: 'other-kind', id: 'x' }),
    });
    const result = await upsertMarkedIssue(client, request('x'));
    expect(result.created).toBe(true);
  });
});

describe('finding and commenting', () => {
  test('findMarkedIssue returns the body without the marker, and the state', async () => {
    const client = actionClient(fixture.sim);
    expect(await findMarkedIssue(client, { ...request('find') })).toBeUndefined();
    const created = await upsertMarkedIssue(client, request('find'));
    const found = await findMarkedIssue<Occurrences>(client, request('find'));
    expect(found).toEqual({
      number: created.number,
      url: created.url,
      open: true,
      state: { count: 1 },
      body: 'Seen 1 time(s).',
    });
  });

  test('commentOnMarkedIssue comments and closes; with no open issue it writes nothing', async () => {
    const client = actionClient(fixture.sim);
    fixture.sim.clearRequests();
    expect(await commentOnMarkedIssue(client, { ...request('recover'), body: 'Recovered.' })).toBeUndefined();
    expect(fixture.sim.requests.filter((r) => r.method !== 'GET')).toEqual([]);

    const created = await upsertMarkedIssue(client, request('recover'));
    const done = await commentOnMarkedIssue(client, {
      ...request('recover'),
      body: 'Recovered.',
      close: true,
    });
    expect(done?.number).toBe(created.number);
    const [issue] = issuesWith('recover');
    expect(issue?.state).toBe('closed');
    const comments = await client.rest.issues.listComments({ ...fixture.repo, issue_number: created.number });
    expect(comments.data.map((c) => c.body)).toEqual(['Recovered.']);
  });

  test('upsertMarkedComment keeps one comment per marker, edited in place', async () => {
    const client = actionClient(fixture.sim);
    const { data: pr } = await client.rest.issues.create({
      ...fixture.repo,
      title: 'A pull request stand-in',
    });
    const marker = { kind: 'quality-gate', id: 'coverage' };
    const first = await upsertMarkedComment(client, {
      ...fixture.repo,
      issueNumber: pr.number,
      marker,
      body: 'v1',
    });
    await upsertMarkedComment(client, {
      ...fixture.repo,
      issueNumber: pr.number,
      marker: { kind: 'quality-gate', id: 'security' },
      body: 'other gate',
    });
    const second = await upsertMarkedComment(client, {
      ...fixture.repo,
      issueNumber: pr.number,
      marker,
      body: 'v2',
    });
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ id: first.id, created: false });
    const comments = await client.rest.issues.listComments({ ...fixture.repo, issue_number: pr.number });
    expect(comments.data.map((c) => c.body?.split('\n')[1])).toEqual(['v2', 'other gate']);
  });
});
