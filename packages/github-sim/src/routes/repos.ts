import { notFound } from '../errors';
import { compareCommits } from '../model/git';
import type { Router } from '../router';
import { intParam, repoOf } from './common';

const COMPARE_MAX_COMMITS = 250;
const COMPARE_MAX_FILES = 300;
const PULL_MAX_FILES = 3000;

/** Repository, compare and pull request endpoints. */
export function registerRepoRoutes(router: Router): void {
  router.add('GET', '/repos/{owner}/{repo}', (ctx) => ({ body: ctx.model.repos.renderFull(repoOf(ctx)) }));

  router.add('GET', '/repos/{owner}/{repo}/branches', (ctx) => {
    const repo = repoOf(ctx);
    const branches = [...repo.branches].map(([name, sha]) => ({
      name,
      commit: { sha, url: `${ctx.model.ctx.apiUrl}/repos/${repo.fullName}/commits/${sha}` },
      protected: false,
    }));
    return ctx.paginate(branches);
  });

  router.add('GET', '/repos/{owner}/{repo}/compare/{basehead}', (ctx) => {
    const repo = repoOf(ctx);
    const [base, head, ...rest] = (ctx.params.basehead ?? '').split('...');
    if (!base || !head || rest.length > 0) throw notFound();
    const baseCommit = repo.commits.get(ctx.model.repos.resolveRef(repo, base) ?? '');
    const headCommit = repo.commits.get(ctx.model.repos.resolveRef(repo, head) ?? '');
    if (!baseCommit || !headCommit) throw notFound();
    const comparison = compareCommits(ctx.model.ctx, repo, baseCommit, headCommit, { base, head });
    const files = (comparison.files ?? []).slice(0, COMPARE_MAX_FILES);
    // REST docs "Compare two commits": without paging, the newest 250 commits; with per_page/page,
    // the commits are paged (oldest first) and the files (at most 300) come on the first page only.
    if (ctx.query.per_page === undefined && ctx.query.page === undefined) {
      return { body: { ...comparison, commits: comparison.commits.slice(-COMPARE_MAX_COMMITS), files } };
    }
    const page = ctx.paginate(comparison.commits);
    const first = (Number(ctx.query.page) || 1) === 1;
    const { files: _all, ...withoutFiles } = comparison;
    return { ...page, body: { ...withoutFiles, commits: page.body, ...(first ? { files } : {}) } };
  });

  router.add('GET', '/repos/{owner}/{repo}/commits/{ref}', (ctx) => {
    const repo = repoOf(ctx);
    const commit = repo.commits.get(ctx.model.repos.resolveRef(repo, ctx.params.ref ?? '') ?? '');
    if (!commit) throw notFound();
    const parent = commit.parents[0] ? repo.commits.get(commit.parents[0]) : undefined;
    const { renderCommit, diffTrees } = ctx.model.gitView;
    const files = diffTrees(repo, parent ?? { ...commit, tree: new Map() }, commit);
    return { body: { ...renderCommit(repo, commit), files } };
  });

  router.add('GET', '/repos/{owner}/{repo}/pulls', (ctx) => {
    const repo = repoOf(ctx);
    const state = ctx.query.state ?? 'open';
    const pulls = ctx.model.pulls
      .list(repo)
      .filter((pull) => state === 'all' || pull.state === state)
      .filter((pull) => !ctx.query.head || `${repo.owner}:${pull.head}` === ctx.query.head)
      .filter((pull) => !ctx.query.base || pull.base === ctx.query.base)
      .reverse();
    return ctx.paginate(pulls.map((pull) => ctx.model.pulls.render(repo, pull)));
  });

  router.add('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', (ctx) => {
    const repo = repoOf(ctx);
    return { body: ctx.model.pulls.render(repo, ctx.model.pulls.get(repo, intParam(ctx, 'pull_number'))) };
  });

  // REST docs "List commits on a pull request": at most 250 commits, oldest first.
  router.add('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/commits', (ctx) => {
    const repo = repoOf(ctx);
    const pull = ctx.model.pulls.get(repo, intParam(ctx, 'pull_number'));
    return ctx.paginate(ctx.model.pulls.commits(repo, pull).slice(0, COMPARE_MAX_COMMITS));
  });

  router.add('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files', (ctx) => {
    const repo = repoOf(ctx);
    const pull = ctx.model.pulls.get(repo, intParam(ctx, 'pull_number'));
    // REST docs "List pull requests files": at most 3000 files.
    return ctx.paginate(ctx.model.pulls.files(repo, pull).slice(0, PULL_MAX_FILES));
  });
}
