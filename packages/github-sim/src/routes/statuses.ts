import { validationFailed } from '../errors';
import { COMMIT_STATES, type CommitState } from '../model/statuses';
import type { Router } from '../router';
import { bodyObject, optionalString, repoOf, requiredString } from './common';

/** Commit statuses: create, list per ref, combined status. (REST docs "Commit statuses") */
export function registerStatusRoutes(router: Router): void {
  router.add('POST', '/repos/{owner}/{repo}/statuses/{sha}', (ctx) => {
    const repo = repoOf(ctx);
    const sha = ctx.model.repos.resolveRef(repo, ctx.params.sha ?? '');
    if (!sha) throw validationFailed('Status', 'sha', 'invalid');
    const body = bodyObject(ctx);
    const state = requiredString(body, 'state', 'Status');
    if (!(COMMIT_STATES as readonly string[]).includes(state))
      throw validationFailed('Status', 'state', 'invalid');
    const status = ctx.model.statuses.add(repo, sha, {
      state: state as CommitState,
      context: optionalString(body, 'context', 'Status') ?? 'default',
      description: optionalString(body, 'description', 'Status') ?? null,
      targetUrl: optionalString(body, 'target_url', 'Status') ?? null,
    });
    const rendered = ctx.model.statuses.render(repo, status);
    return { status: 201, body: rendered, headers: { location: rendered.url } };
  });

  router.add('GET', '/repos/{owner}/{repo}/commits/{ref}/statuses', (ctx) => {
    const repo = repoOf(ctx);
    const sha = ctx.model.repos.requireRef(repo, ctx.params.ref ?? '');
    return ctx.paginate(ctx.model.statuses.of(repo, sha).map((s) => ctx.model.statuses.render(repo, s)));
  });

  router.add('GET', '/repos/{owner}/{repo}/commits/{ref}/status', (ctx) => {
    const repo = repoOf(ctx);
    const sha = ctx.model.repos.requireRef(repo, ctx.params.ref ?? '');
    const latest = ctx.model.statuses.latestPerContext(repo, sha);
    const api = `${ctx.model.ctx.apiUrl}/repos/${repo.fullName}`;
    const page = ctx.paginate(latest.map((s) => ctx.model.statuses.render(repo, s)));
    return {
      ...page,
      body: {
        state: ctx.model.statuses.combinedState(repo, sha),
        statuses: page.body,
        sha,
        total_count: latest.length,
        repository: ctx.model.repos.renderMinimal(repo),
        commit_url: `${api}/commits/${sha}`,
        url: `${api}/commits/${sha}/status`,
      },
    };
  });
}
