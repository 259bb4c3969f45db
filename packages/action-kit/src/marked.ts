import type { GitHubClient } from './github';

/**
 * One issue (or comment) per fingerprint, found again by a hidden marker in its body.
 *
 * The marker is an HTML comment GitHub does not render: `<!-- qeml:<kind>:<id> <state> -->`, where
 * `state` is the caller's small JSON state in base64url (so no `-->` can end the comment early).
 * Candidates are listed by label (never found by title or search, whose index lags), so a
 * user who edits the title or the visible text keeps the link.
 *
 * Two runs at once: GitHub has no create-if-absent, so after creating an issue the run lists again;
 * the lowest-numbered open issue with the marker wins, and a run that created a later one closes
 * it as a duplicate and applies its update to the winner. Both runs' occurrences end up in one issue.
 */
export interface Marker {
  /** The writer, e.g. `failure-analysis`. */
  kind: string;
  /** The fingerprint within that writer. */
  id: string;
}

export interface MarkedIssueRequest<S> {
  owner: string;
  repo: string;
  marker: Marker;
  /** Label used to find candidates; set on a new issue (GitHub creates a missing label). */
  label: string;
  /** Extra labels for a new issue. */
  labels?: string[];
  title: string;
  /** Body (markdown, already redacted) and the state to keep, from the previous state (undefined: new). */
  render(previous: S | undefined): { body: string; state: S };
  /** Reopen a closed issue with this marker instead of opening another (default true). */
  reopen?: boolean;
}

export interface MarkedIssueResult<S> {
  number: number;
  url: string;
  /** This call opened the issue that now holds the fingerprint. */
  created: boolean;
  /** This call reopened a closed issue. */
  reopened: boolean;
  state: S;
}

export interface MarkedIssue<S> {
  number: number;
  url: string;
  open: boolean;
  state: S | undefined;
  /** The body without the marker. */
  body: string;
}

export interface MarkedIssueQuery {
  owner: string;
  repo: string;
  marker: Marker;
  label: string;
}

interface IssueLike {
  number: number;
  html_url: string;
  state: string;
  body?: string | null;
  pull_request?: unknown;
}

const MARKER_PATTERN = /<!-- qeml:([^:\s]+):(\S+?)(?: ([A-Za-z0-9_-]*))? -->/;

function encodeId(id: string): string {
  return encodeURIComponent(id).replace(/-/g, '%2D');
}

/** The hidden marker for a body, with the state to keep. */
export function formatMarker(marker: Marker, state?: unknown): string {
  const encodedState =
    state === undefined ? '' : ` ${Buffer.from(JSON.stringify(state), 'utf8').toString('base64url')}`;
  return `<!-- qeml:${encodeId(marker.kind)}:${encodeId(marker.id)}${encodedState} -->`;
}

/** Reads the marker out of a body: which fingerprint it holds and its state, or undefined. */
export function parseMarker(body: string | null | undefined): { marker: Marker; state: unknown } | undefined {
  const match = MARKER_PATTERN.exec(body ?? '');
  if (!match) return undefined;
  let state: unknown;
  if (match[3]) {
    try {
      state = JSON.parse(Buffer.from(match[3], 'base64url').toString('utf8'));
    } catch {
      state = undefined; // a hand-edited marker: keep the issue, start the state afresh
    }
  }
  return {
    marker: { kind: decodeURIComponent(match[1] ?? ''), id: decodeURIComponent(match[2] ?? '') },
    state,
  };
}

function sameMarker(a: Marker, b: Marker): boolean {
  return a.kind === b.kind && a.id === b.id;
}

function withMarker(body: string, marker: Marker, state?: unknown): string {
  return `${formatMarker(marker, state)}\n${body}`;
}

function stripMarker(body: string): string {
  return body.replace(MARKER_PATTERN, '').replace(/^\n/, '');
}

async function listMarked(client: GitHubClient, query: MarkedIssueQuery): Promise<IssueLike[]> {
  const issues = (await client.paginate(client.rest.issues.listForRepo, {
    owner: query.owner,
    repo: query.repo,
    labels: query.label,
    state: 'all',
    per_page: 100,
  })) as IssueLike[];
  return issues
    .filter((issue) => issue.pull_request === undefined || issue.pull_request === null)
    .filter((issue) => {
      const parsed = parseMarker(issue.body);
      return parsed !== undefined && sameMarker(parsed.marker, query.marker);
    })
    .sort((a, b) => a.number - b.number);
}

/** The issue holding the fingerprint: the lowest-numbered open one, else the newest closed one. */
function canonical(issues: IssueLike[]): IssueLike | undefined {
  return issues.find((issue) => issue.state === 'open') ?? issues.at(-1);
}

function toMarkedIssue<S>(issue: IssueLike): MarkedIssue<S> {
  const body = issue.body ?? '';
  return {
    number: issue.number,
    url: issue.html_url,
    open: issue.state === 'open',
    state: parseMarker(body)?.state as S | undefined,
    body: stripMarker(body),
  };
}

/** Finds the issue holding a fingerprint (open first), or undefined. */
export async function findMarkedIssue<S>(
  client: GitHubClient,
  query: MarkedIssueQuery,
): Promise<MarkedIssue<S> | undefined> {
  const found = canonical(await listMarked(client, query));
  return found ? toMarkedIssue<S>(found) : undefined;
}

async function updateMarked<S>(
  client: GitHubClient,
  request: MarkedIssueRequest<S>,
  issue: IssueLike,
): Promise<{ state: S; reopened: boolean }> {
  const previous = parseMarker(issue.body)?.state as S | undefined;
  const rendered = request.render(previous);
  const reopened = issue.state !== 'open';
  await client.rest.issues.update({
    owner: request.owner,
    repo: request.repo,
    issue_number: issue.number,
    body: withMarker(rendered.body, request.marker, rendered.state),
    ...(reopened ? { state: 'open' as const, state_reason: 'reopened' as const } : {}),
  });
  return { state: rendered.state, reopened };
}

/** Opens the issue for a fingerprint, or updates (and if allowed reopens) the one that exists. */
export async function upsertMarkedIssue<S>(
  client: GitHubClient,
  request: MarkedIssueRequest<S>,
): Promise<MarkedIssueResult<S>> {
  const existing = await listMarked(client, request);
  const open = existing.find((issue) => issue.state === 'open');
  const target = open ?? (request.reopen === false ? undefined : existing.at(-1));
  if (target) {
    const { state, reopened } = await updateMarked(client, request, target);
    return { number: target.number, url: target.html_url, created: false, reopened, state };
  }

  const rendered = request.render(undefined);
  const { data: created } = await client.rest.issues.create({
    owner: request.owner,
    repo: request.repo,
    title: request.title,
    body: withMarker(rendered.body, request.marker, rendered.state),
    labels: [...new Set([request.label, ...(request.labels ?? [])])],
  });

  // Another run may have opened one at the same moment: the lowest number wins.
  const after = await listMarked(client, request);
  const winner = after.find((issue) => issue.state === 'open' && issue.number !== created.number);
  if (!winner || winner.number > created.number) {
    return {
      number: created.number,
      url: created.html_url,
      created: true,
      reopened: false,
      state: rendered.state,
    };
  }
  await client.rest.issues.update({
    owner: request.owner,
    repo: request.repo,
    issue_number: created.number,
    state: 'closed',
    state_reason: 'duplicate',
    body: `Duplicate of #${winner.number} (opened by a concurrent run).\n\n${stripMarker(created.body ?? '')}`,
  });
  const { state } = await updateMarked(client, request, winner);
  return { number: winner.number, url: winner.html_url, created: false, reopened: false, state };
}

/** Comments on the open issue holding a fingerprint (e.g. "recovered"), optionally closing it. */
export async function commentOnMarkedIssue(
  client: GitHubClient,
  query: MarkedIssueQuery & { body: string; close?: boolean },
): Promise<{ number: number; commentId: number } | undefined> {
  const open = (await listMarked(client, query)).find((issue) => issue.state === 'open');
  if (!open) return undefined;
  const { data: comment } = await client.rest.issues.createComment({
    owner: query.owner,
    repo: query.repo,
    issue_number: open.number,
    body: query.body,
  });
  if (query.close) {
    await client.rest.issues.update({
      owner: query.owner,
      repo: query.repo,
      issue_number: open.number,
      state: 'closed',
      state_reason: 'completed',
    });
  }
  return { number: open.number, commentId: comment.id };
}

/** The comment on an issue or pull request holding a marker (the oldest, if several), or undefined. */
export async function findMarkedComment(
  client: GitHubClient,
  query: { owner: string; repo: string; issueNumber: number; marker: Marker },
): Promise<{ id: number; body: string } | undefined> {
  const comments = await client.paginate(client.rest.issues.listComments, {
    owner: query.owner,
    repo: query.repo,
    issue_number: query.issueNumber,
    per_page: 100,
  });
  const mine = comments
    .filter((comment) => {
      const parsed = parseMarker(comment.body);
      return parsed !== undefined && sameMarker(parsed.marker, query.marker);
    })
    .sort((a, b) => a.id - b.id)[0];
  return mine ? { id: mine.id, body: mine.body ?? '' } : undefined;
}

/** One comment per marker on an issue or pull request: created, or edited in place. */
export async function upsertMarkedComment(
  client: GitHubClient,
  request: { owner: string; repo: string; issueNumber: number; marker: Marker; body: string },
): Promise<{ id: number; url: string; created: boolean }> {
  const mine = await findMarkedComment(client, request);
  const body = withMarker(request.body, request.marker);
  if (mine) {
    const { data } = await client.rest.issues.updateComment({
      owner: request.owner,
      repo: request.repo,
      comment_id: mine.id,
      body,
    });
    return { id: data.id, url: data.html_url, created: false };
  }
  const { data } = await client.rest.issues.createComment({
    owner: request.owner,
    repo: request.repo,
    issue_number: request.issueNumber,
    body,
  });
  return { id: data.id, url: data.html_url, created: true };
}
