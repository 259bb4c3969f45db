import { createHash } from 'node:crypto';
import type { components } from '@octokit/openapi-types';
import { notFound, SimHttpError, validationFailed } from '../errors';
import type { RepoState, SimModel } from '../model';
import { createCommit } from '../model/git';
import type { Router } from '../router';
import { bodyObject, optionalString, repoOf, requiredString, stringList } from './common';

type GitCommit = components['schemas']['git-commit'];

/** The tree id the commits API shows (the same one renderCommit gives). */
function treeSha(tree: Map<string, string>): string {
  return createHash('sha1')
    .update(JSON.stringify([...tree]))
    .digest('hex');
}

function renderGitCommit(model: SimModel, repo: RepoState, sha: string): GitCommit {
  const commit = repo.commits.get(sha);
  if (!commit) throw notFound();
  const api = `${model.ctx.apiUrl}/repos/${repo.fullName}`;
  const person = { name: 'Sim Author', email: 'author@example.test', date: commit.date };
  return {
    sha,
    node_id: model.ctx.nodeId('Commit', Number.parseInt(sha.slice(0, 8), 16)),
    url: `${api}/git/commits/${sha}`,
    html_url: `${model.ctx.webUrl}/${repo.fullName}/commit/${sha}`,
    author: person,
    committer: person,
    message: commit.message,
    tree: { sha: treeSha(commit.tree), url: `${api}/git/trees/${treeSha(commit.tree)}` },
    parents: commit.parents.map((parent) => ({
      sha: parent,
      url: `${api}/git/commits/${parent}`,
      html_url: `${model.ctx.webUrl}/${repo.fullName}/commit/${parent}`,
    })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

/**
 * Git data (REST docs "Git database"): read a commit, create a commit from an existing tree and
 * parents, create a branch ref. Trees are those of known commits (the sim has no tree objects).
 */
export function registerGitDataRoutes(router: Router): void {
  router.add('GET', '/repos/{owner}/{repo}/git/commits/{commit_sha}', (ctx) => {
    const repo = repoOf(ctx);
    return { body: renderGitCommit(ctx.model, repo, ctx.params.commit_sha ?? '') };
  });

  router.add('POST', '/repos/{owner}/{repo}/git/commits', (ctx) => {
    const repo = repoOf(ctx);
    const body = bodyObject(ctx);
    const message = requiredString(body, 'message', 'Commit');
    const tree = requiredString(body, 'tree', 'Commit');
    const parents = body.parents === undefined ? [] : stringList(body.parents, 'parents', 'Commit');
    const source = [...repo.commits.values()].find((c) => treeSha(c.tree) === tree);
    if (!source) throw new SimHttpError(422, 'Tree SHA does not exist');
    if (parents.some((sha) => !repo.commits.has(sha)))
      throw new SimHttpError(422, 'Parent SHA does not exist or is not a commit object');
    // Changes from the first parent to the given tree: the new commit's tree is exactly that tree.
    const base = parents[0] ? repo.commits.get(parents[0])?.tree : undefined;
    const files: Record<string, string | null> = Object.fromEntries(source.tree);
    for (const path of base?.keys() ?? []) if (!source.tree.has(path)) files[path] = null;
    const commit = createCommit(repo, { parents, files, message, date: ctx.model.ctx.timestamp() });
    const rendered = renderGitCommit(ctx.model, repo, commit.sha);
    return { status: 201, body: rendered, headers: { location: rendered.url } };
  });

  router.add('POST', '/repos/{owner}/{repo}/git/refs', (ctx) => {
    const repo = repoOf(ctx);
    const body = bodyObject(ctx);
    const ref = requiredString(body, 'ref', 'Reference');
    const sha = requiredString(body, 'sha', 'Reference');
    const branch = /^refs\/heads\/(.+)$/.exec(ref)?.[1];
    if (!branch || ref.split('/').length < 3)
      throw new SimHttpError(422, 'Reference name must start with refs/ and have at least two slashes.');
    if (repo.branches.has(branch)) throw new SimHttpError(422, 'Reference already exists');
    if (!repo.commits.has(sha)) throw new SimHttpError(422, 'Object does not exist');
    ctx.model.repos.setBranch(repo, branch, sha);
    const url = `${ctx.model.ctx.apiUrl}/repos/${repo.fullName}/git/${ref}`;
    return {
      status: 201,
      headers: { location: url },
      body: {
        ref,
        node_id: ctx.model.ctx.nodeId('Ref', Number.parseInt(sha.slice(0, 8), 16)),
        url,
        object: {
          type: 'commit',
          sha,
          url: `${ctx.model.ctx.apiUrl}/repos/${repo.fullName}/git/commits/${sha}`,
        },
      },
    };
  });

  // REST docs "Create a pull request": head and base must be branches, and differ.
  router.add('POST', '/repos/{owner}/{repo}/pulls', (ctx) => {
    const repo = repoOf(ctx);
    const body = bodyObject(ctx);
    const head = requiredString(body, 'head', 'PullRequest').replace(/^[^:]+:/, '');
    const base = requiredString(body, 'base', 'PullRequest');
    const title = requiredString(body, 'title', 'PullRequest');
    const text = optionalString(body, 'body', 'PullRequest');
    if (!repo.branches.has(head)) throw validationFailed('PullRequest', 'head', 'invalid');
    if (!repo.branches.has(base)) throw validationFailed('PullRequest', 'base', 'invalid');
    if (head === base) throw new SimHttpError(422, `No commits between ${base} and ${head}`);
    const pull = ctx.model.pulls.add(repo, {
      head,
      base,
      title,
      ...(text !== undefined ? { body: text } : {}),
    });
    const rendered = ctx.model.pulls.render(repo, pull);
    return { status: 201, body: rendered, headers: { location: rendered.url } };
  });
}
