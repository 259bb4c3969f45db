import { SimHttpError, validationFailed } from '../errors';
import type { IssueRecord } from '../model/issues';
import { searchIssues } from '../model/search';
import type { RouteContext, Router } from '../router';
import { bodyObject, intParam, optionalString, repoOf, requiredString, sortBy, stringList } from './common';

const ISSUE_STATES = new Set(['open', 'closed']);
/** REST docs "Update an issue": state_reason is one of these (or null). */
const STATE_REASONS = new Set(['completed', 'not_planned', 'duplicate', 'reopened']);

function labelsFromBody(ctx: RouteContext): string[] {
  const body = ctx.body;
  // Both `{ labels: [...] }` and a bare array are accepted by GitHub.
  const raw = Array.isArray(body) ? body : bodyObject(ctx).labels;
  if (raw === undefined) throw validationFailed('Label', 'labels');
  return stringList(raw, 'labels', 'Label');
}

function parseState(value: unknown): 'open' | 'closed' | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !ISSUE_STATES.has(value))
    throw validationFailed('Issue', 'state', 'invalid');
  return value as 'open' | 'closed';
}

function parseStateReason(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'string' || !STATE_REASONS.has(value))
    throw validationFailed('Issue', 'state_reason', 'invalid');
  return value;
}

function listIssues(ctx: RouteContext, issues: IssueRecord[]): IssueRecord[] {
  const state = ctx.query.state ?? 'open';
  const labels = ctx.query.labels ? ctx.query.labels.split(',').map((l) => l.trim().toLowerCase()) : [];
  const since = ctx.query.since;
  const selected = issues.filter(
    (issue) =>
      (state === 'all' || issue.state === state) &&
      labels.every((name) => issue.labels.some((l) => l.toLowerCase() === name)) &&
      (!ctx.query.creator || issue.user === ctx.query.creator) &&
      (!ctx.query.assignee || issue.assignees.includes(ctx.query.assignee)) &&
      (!since || issue.updatedAt >= since),
  );
  const sort = ctx.query.sort === 'updated' ? 'updatedAt' : 'createdAt';
  // Same-second timestamps are common in tests: the id breaks ties so "newest first" stays true.
  return sortBy(
    selected,
    (issue) => `${issue[sort]}#${String(issue.id).padStart(12, '0')}`,
    ctx.query.direction,
  );
}

/** Issues, comments and labels. */
export function registerIssueRoutes(router: Router): void {
  router.add('GET', '/repos/{owner}/{repo}/issues', (ctx) => {
    const repo = repoOf(ctx);
    const issues = listIssues(ctx, ctx.model.issues.of(repo));
    return ctx.paginate(issues.map((issue) => ctx.model.issues.render(repo, issue)));
  });

  router.add('POST', '/repos/{owner}/{repo}/issues', (ctx) => {
    const repo = repoOf(ctx);
    const body = bodyObject(ctx);
    const issue = ctx.model.issues.add(repo, {
      title: requiredString(body, 'title', 'Issue'),
      body: optionalString(body, 'body', 'Issue') ?? null,
      labels: body.labels === undefined ? [] : stringList(body.labels, 'labels', 'Issue'),
      assignees: body.assignees === undefined ? [] : stringList(body.assignees, 'assignees', 'Issue'),
    });
    return { status: 201, body: ctx.model.issues.render(repo, issue) };
  });

  router.add('GET', '/repos/{owner}/{repo}/issues/{issue_number}', (ctx) => {
    const repo = repoOf(ctx);
    return { body: ctx.model.issues.render(repo, ctx.model.issues.get(repo, intParam(ctx, 'issue_number'))) };
  });

  router.add('PATCH', '/repos/{owner}/{repo}/issues/{issue_number}', (ctx) => {
    const repo = repoOf(ctx);
    const issue = ctx.model.issues.get(repo, intParam(ctx, 'issue_number'));
    const body = bodyObject(ctx);
    const title = optionalString(body, 'title', 'Issue');
    if (title === '') throw validationFailed('Issue', 'title', 'invalid');
    ctx.model.issues.update(issue, repo, {
      ...(title !== undefined ? { title } : {}),
      ...('body' in body ? { body: optionalString(body, 'body', 'Issue') ?? null } : {}),
      ...(body.state !== undefined ? { state: parseState(body.state) } : {}),
      ...(body.state_reason !== undefined ? { state_reason: parseStateReason(body.state_reason) } : {}),
      ...(body.labels !== undefined ? { labels: stringList(body.labels, 'labels', 'Issue') } : {}),
    });
    return { body: ctx.model.issues.render(repo, issue) };
  });

  router.add('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', (ctx) => {
    const repo = repoOf(ctx);
    const issue = ctx.model.issues.get(repo, intParam(ctx, 'issue_number'));
    const comments = ctx.model.issues
      .commentsOf(repo, issue)
      .filter((c) => !ctx.query.since || c.updatedAt >= ctx.query.since);
    return ctx.paginate(comments.map((c) => ctx.model.issues.renderComment(repo, c)));
  });

  router.add('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', (ctx) => {
    const repo = repoOf(ctx);
    const issue = ctx.model.issues.get(repo, intParam(ctx, 'issue_number'));
    const comment = ctx.model.issues.addComment(
      repo,
      issue,
      requiredString(bodyObject(ctx), 'body', 'IssueComment'),
    );
    return { status: 201, body: ctx.model.issues.renderComment(repo, comment) };
  });

  router.add('GET', '/repos/{owner}/{repo}/issues/comments/{comment_id}', (ctx) => {
    const repo = repoOf(ctx);
    return {
      body: ctx.model.issues.renderComment(
        repo,
        ctx.model.issues.getComment(repo, intParam(ctx, 'comment_id')),
      ),
    };
  });

  router.add('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}', (ctx) => {
    const repo = repoOf(ctx);
    const comment = ctx.model.issues.getComment(repo, intParam(ctx, 'comment_id'));
    ctx.model.issues.editComment(repo, comment, requiredString(bodyObject(ctx), 'body', 'IssueComment'));
    return { body: ctx.model.issues.renderComment(repo, comment) };
  });

  router.add('DELETE', '/repos/{owner}/{repo}/issues/comments/{comment_id}', (ctx) => {
    const repo = repoOf(ctx);
    const comment = ctx.model.issues.getComment(repo, intParam(ctx, 'comment_id'));
    ctx.model.issues.deleteComment(repo, comment);
    return { status: 204 };
  });

  router.add('GET', '/repos/{owner}/{repo}/issues/{issue_number}/labels', (ctx) => {
    const repo = repoOf(ctx);
    const issue = ctx.model.issues.get(repo, intParam(ctx, 'issue_number'));
    return ctx.paginate(issue.labels.map((name) => ctx.model.issues.renderLabel(repo, name)));
  });

  for (const method of ['POST', 'PUT'] as const) {
    router.add(method, '/repos/{owner}/{repo}/issues/{issue_number}/labels', (ctx) => {
      const repo = repoOf(ctx);
      const issue = ctx.model.issues.get(repo, intParam(ctx, 'issue_number'));
      const names = labelsFromBody(ctx);
      if (method === 'PUT') ctx.model.issues.setLabels(repo, issue, names);
      else ctx.model.issues.addLabels(repo, issue, names);
      return { body: issue.labels.map((name) => ctx.model.issues.renderLabel(repo, name)) };
    });
  }

  router.add('DELETE', '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', (ctx) => {
    const repo = repoOf(ctx);
    const issue = ctx.model.issues.get(repo, intParam(ctx, 'issue_number'));
    ctx.model.issues.removeLabel(issue, ctx.params.name ?? '');
    return { body: issue.labels.map((name) => ctx.model.issues.renderLabel(repo, name)) };
  });

  router.add('GET', '/search/issues', (ctx) => {
    const q = ctx.query.q;
    if (!q) throw validationFailed('Search', 'q');
    if (q.length > 256) throw new SimHttpError(422, 'The search is longer than 256 characters.');
    const page = ctx.paginate(searchIssues(ctx.model, q), 'items');
    const { total_count, items } = page.body as { total_count: number; items: unknown[] };
    return { ...page, body: { total_count, incomplete_results: false, search_type: 'lexical', items } };
  });
}
