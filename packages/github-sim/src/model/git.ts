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

/** The unified-diff hunks of one file, as GitHub's `patch` field carries them, with their line counts. */
function filePatch(
  ctx: ModelContext,
  before: string,
  after: string,
): { patch: string; additions: number; deletions: number } {
  const { hunks } = ctx.libraries.structuredPatch('a', 'b', before, after, '', '', { context: 3 });
  let additions = 0;
  let deletions = 0;
  const text = hunks.map((hunk) => {
    for (const line of hunk.lines) {
      if (line.startsWith('+')) additions += 1;
      else if (line.startsWith('-')) deletions += 1;
    }
    // As git writes it: an empty side starts at line 0.
    const side = (start: number, lines: number) => `${lines === 0 ? start - 1 : start},${lines}`;
    const header = `@@ -${side(hunk.oldStart, hunk.oldLines)} +${side(hunk.newStart, hunk.newLines)} @@`;
    return [header, ...hunk.lines.filter((line) => !line.startsWith('\\'))].join('\n');
  });
  return { patch: text.join('\n'), additions, deletions };
}

export function diffTrees(
  ctx: ModelContext,
  repo: RepoState,
  from: CommitRecord,
  to: CommitRecord,
): DiffEntry[] {
  const paths = [...new Set([...from.tree.keys(), ...to.tree.keys()])].sort();
  const added = paths.filter((path) => !from.tree.has(path) && to.tree.has(path));
  // A removed file whose content reappears under a new path is a rename (GitHub: status renamed, previous_filename).
  const renamedFrom = new Map<string, string>();
  for (const path of paths) {
    if (!from.tree.has(path) || to.tree.has(path)) continue;
    const target = added.find(
      (candidate) => !renamedFrom.has(candidate) && to.tree.get(candidate) === from.tree.get(path),
    );
    if (target) renamedFrom.set(target, path);
  }
  const renamedAway = new Set(renamedFrom.values());
  const entries: DiffEntry[] = [];
  for (const filename of paths) {
    if (renamedAway.has(filename)) continue;
    const previous = renamedFrom.get(filename);
    const before = previous !== undefined ? from.tree.get(previous) : from.tree.get(filename);
    const after = to.tree.get(filename);
    if (before === after && previous === undefined) continue;
    const status =
      previous !== undefined
        ? 'renamed'
        : before === undefined
          ? 'added'
          : after === undefined
            ? 'removed'
            : 'modified';
    const { patch, additions, deletions } = filePatch(ctx, before ?? '', after ?? '');
    const sha = blobSha(after ?? before ?? '');
    const encoded = filename.split('/').map(encodeURIComponent).join('/');
    entries.push({
      sha,
      filename,
      status,
      additions,
      deletions,
      changes: additions + deletions,
      blob_url: `${ctx.webUrl}/${repo.fullName}/blob/${to.sha}/${encoded}`,
      raw_url: `${ctx.webUrl}/${repo.fullName}/raw/${to.sha}/${encoded}`,
      contents_url: `${ctx.apiUrl}/repos/${repo.fullName}/contents/${encoded}?ref=${to.sha}`,
      ...(patch ? { patch } : {}),
      ...(previous !== undefined ? { previous_filename: previous } : {}),
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
