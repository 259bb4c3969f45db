import { notFound, SimHttpError, validationFailed } from '../errors';
import { inRepo } from '../model/core';
import type { Router } from '../router';
import { bodyObject, intParam, optionalString, repoOf, requiredString, sortBy } from './common';

/** Repository labels, removing all labels of an issue, and the repository-wide comment list. */
export function registerLabelRoutes(router: Router): void {
  router.add('GET', '/repos/{owner}/{repo}/labels', (ctx) => {
    const repo = repoOf(ctx);
    return ctx.paginate(
      ctx.model.issues.labelsOf(repo).map((l) => ctx.model.issues.renderLabel(repo, l.name)),
    );
  });

  router.add('POST', '/repos/{owner}/{repo}/labels', (ctx) => {
    const repo = repoOf(ctx);
    const body = bodyObject(ctx);
    const name = requiredString(body, 'name', 'Label');
    const color = optionalString(body, 'color', 'Label');
    if (color !== undefined && !/^[0-9a-f]{6}$/i.test(color))
      throw validationFailed('Label', 'color', 'invalid');
    // REST docs "Create a label": a second label with the same name is refused.
    if (ctx.model.issues.findLabel(repo, name)) {
      throw new SimHttpError(
        422,
        'Validation Failed',
        'https://docs.github.com/rest/issues/labels#create-a-label',
        [{ resource: 'Label', code: 'already_exists', field: 'name' }],
      );
    }
    ctx.model.issues.createLabel(repo, name, color);
    const rendered = ctx.model.issues.renderLabel(repo, name);
    return { status: 201, body: rendered, headers: { location: rendered.url } };
  });

  router.add('GET', '/repos/{owner}/{repo}/labels/{name}', (ctx) => {
    const repo = repoOf(ctx);
    const label = ctx.model.issues.findLabel(repo, ctx.params.name ?? '');
    if (!label) throw notFound();
    return { body: ctx.model.issues.renderLabel(repo, label.name) };
  });

  router.add('DELETE', '/repos/{owner}/{repo}/issues/{issue_number}/labels', (ctx) => {
    const repo = repoOf(ctx);
    ctx.model.issues.setLabels(repo, ctx.model.issues.get(repo, intParam(ctx, 'issue_number')), []);
    return { status: 204 };
  });

  // REST docs "List issue comments for a repository": ascending by created by default.
  router.add('GET', '/repos/{owner}/{repo}/issues/comments', (ctx) => {
    const repo = repoOf(ctx);
    const since = ctx.query.since;
    const comments = inRepo(ctx.model.issues.comments, repo).filter((c) => !since || c.updatedAt >= since);
    const key = ctx.query.sort === 'updated' ? 'updatedAt' : 'createdAt';
    const sorted = sortBy(
      comments,
      (c) => `${c[key]}#${String(c.id).padStart(12, '0')}`,
      ctx.query.direction ?? 'asc',
    );
    return ctx.paginate(sorted.map((c) => ctx.model.issues.renderComment(repo, c)));
  });
}
