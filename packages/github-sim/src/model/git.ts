import { createHash } from 'node:crypto';
import type { components } from '@octokit/openapi-types';
import type { ModelContext } from './core';
import type { RepoState } from './repos';

export type Commit = components['schemas']['commit'];
export type DiffEntry = components['schemas']['diff-entry'];
export type CommitComparison = components['schemas']['commit-comparison'];

/** path -> new content; null removes the path. */
export type FileChanges = Record<string, string | null>;

export interface CommitRecord {
  sha: string;
  parents: string[];
  tree: Map<string, string>;
  message: string;
  date: string;
}

let commitCounter = 0;

export function createCommit(
  repo: RepoState,
  options: { parents: string[]; files: FileChanges; message: string; date: string },
): CommitRecord {
  const base = options.parents[0] ? repo.commits.get(options.parents[0]) : undefined;
  if (options.parents.some((sha) => !repo.commits.has(sha))) {
    throw new Error(`github-sim: unknown parent commit in ${options.parents.join(', ')}`);
  }
  const tree = new Map(base?.tree ?? []);
  for (const [path, content] of Object.entries(options.files)) {
    if (content === null) tree.delete(path);
    else tree.set(path, content);
  }
  commitCounter += 1;
  const sha = createHash('sha1')
    .update(JSON.stringify([repo.fullName, options.parents, [...tree], options.message, commitCounter]))
    .digest('hex');
  const commit: CommitRecord = {
    sha,
    parents: options.parents,
    tree,
    message: options.message,
    date: options.date,
  };
  repo.commits.set(sha, commit);
  return commit;
}

/** All ancestors of `sha` including itself, nearest first. */
function ancestors(repo: RepoState, sha: string): string[] {
  const seen = new Set<string>();
  const queue = [sha];
  const order: string[] = [];
  while (queue.length > 0) {
    const next = queue.shift() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    order.push(next);
    queue.push(...(repo.commits.get(next)?.parents ?? []));
  }
  return order;
}

/** Whether `ancestor` is reachable from `descendant` (a commit is its own ancestor). */
export function isAncestor(repo: RepoState, ancestor: string, descendant: string): boolean {
  return ancestors(repo, descendant).includes(ancestor);
}

function blobSha(content: string): string {
  return createHash('sha1')
    .update(`blob ${Buffer.byteLength(content)}\0${content}`)
    .digest('hex');
}

function lineCounts(before: string, after: string): { additions: number; deletions: number } {
  const remaining = new Map<string, number>();
  for (const line of before.split('\n')) remaining.set(line, (remaining.get(line) ?? 0) + 1);
  let additions = 0;
  for (const line of after.split('\n')) {
    const count = remaining.get(line) ?? 0;
    if (count > 0) remaining.set(line, count - 1);
    else additions += 1;
  }
  const deletions = [...remaining.values()].reduce((sum, count) => sum + count, 0);
  return { additions, deletions };
}

export function diffTrees(
  ctx: ModelContext,
  repo: RepoState,
  from: CommitRecord,
  to: CommitRecord,
): DiffEntry[] {
  const paths = [...new Set([...from.tree.keys(), ...to.tree.keys()])].sort();
  const entries: DiffEntry[] = [];
  for (const filename of paths) {
    const before = from.tree.get(filename);
    const after = to.tree.get(filename);
    if (before === after) continue;
    const status = before === undefined ? 'added' : after === undefined ? 'removed' : 'modified';
    const { additions, deletions } = lineCounts(before ?? '', after ?? '');
    const sha = blobSha(after ?? before ?? '');
    const encoded = filename.split('/').map(encodeURIComponent).join('/');
    entries.push({
      sha,
      filename,
      status,
      additions: status === 'removed' ? 0 : additions,
      deletions: status === 'added' ? 0 : deletions,
      changes: additions + deletions,
      blob_url: `${ctx.webUrl}/${repo.fullName}/blob/${to.sha}/${encoded}`,
      raw_url: `${ctx.webUrl}/${repo.fullName}/raw/${to.sha}/${encoded}`,
      contents_url: `${ctx.apiUrl}/repos/${repo.fullName}/contents/${encoded}?ref=${to.sha}`,
    });
  }
  return entries;
}

export function renderCommit(ctx: ModelContext, repo: RepoState, commit: CommitRecord): Commit {
  const api = `${ctx.apiUrl}/repos/${repo.fullName}`;
  const person = { name: 'Sim Author', email: 'author@example.test', date: commit.date };
  return {
    sha: commit.sha,
    node_id: ctx.nodeId('Commit', Number.parseInt(commit.sha.slice(0, 8), 16)),
    url: `${api}/commits/${commit.sha}`,
    html_url: `${ctx.webUrl}/${repo.fullName}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${commit.sha}`,
      author: person,
      committer: person,
      message: commit.message,
      comment_count: 0,
      tree: {
        sha: createHash('sha1')
          .update(JSON.stringify([...commit.tree]))
          .digest('hex'),
        url: `${api}/git/trees`,
      },
    },
    author: null,
    committer: null,
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${api}/commits/${sha}`,
      html_url: `${ctx.webUrl}/${repo.fullName}/commit/${sha}`,
    })),
  };
}

/** Three-dot compare: commits on head since the merge base, and the merge base -> head file changes. */
export function compareCommits(
  ctx: ModelContext,
  repo: RepoState,
  base: CommitRecord,
  head: CommitRecord,
  labels: { base: string; head: string },
): CommitComparison {
  const baseAncestors = ancestors(repo, base.sha);
  const headAncestors = ancestors(repo, head.sha);
  const baseSet = new Set(baseAncestors);
  const headSet = new Set(headAncestors);
  const mergeBaseSha = headAncestors.find((sha) => baseSet.has(sha)) ?? base.sha;
  const mergeBase = repo.commits.get(mergeBaseSha) ?? base;
  const ahead = headAncestors.filter((sha) => !baseSet.has(sha)).reverse();
  const behindBy = baseAncestors.filter((sha) => !headSet.has(sha)).length;
  const status =
    ahead.length === 0 && behindBy === 0
      ? 'identical'
      : behindBy === 0
        ? 'ahead'
        : ahead.length === 0
          ? 'behind'
          : 'diverged';
  const basehead = `${labels.base}...${labels.head}`;
  const web = `${ctx.webUrl}/${repo.fullName}/compare/${basehead}`;
  return {
    url: `${ctx.apiUrl}/repos/${repo.fullName}/compare/${basehead}`,
    html_url: web,
    permalink_url: `${ctx.webUrl}/${repo.fullName}/compare/${repo.owner}:${base.sha.slice(0, 7)}...${repo.owner}:${head.sha.slice(0, 7)}`,
    diff_url: `${web}.diff`,
    patch_url: `${web}.patch`,
    base_commit: renderCommit(ctx, repo, base),
    merge_base_commit: renderCommit(ctx, repo, mergeBase),
    status,
    ahead_by: ahead.length,
    behind_by: behindBy,
    total_commits: ahead.length,
    commits: ahead.map((sha) => renderCommit(ctx, repo, repo.commits.get(sha) as CommitRecord)),
    files: diffTrees(ctx, repo, mergeBase, head),
  };
}
