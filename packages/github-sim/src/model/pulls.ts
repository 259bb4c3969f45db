import type { components } from '@octokit/openapi-types';
import { notFound } from '../errors';
import { ACTIONS_BOT, findOr404, inRepo, type ModelContext } from './core';
import { compareCommits, type DiffEntry } from './git';
import type { Issues } from './issues';
import type { RepoState, Repos, Repository } from './repos';

type PullRequest = components['schemas']['pull-request'];
interface PullBranch {
  label: string;
  ref: string;
  sha: string;
  repo: Repository;
  user: components['schemas']['simple-user'];
}
/** The pull request as GET /pulls/{n} answers it (the `pull-request` schema). */
export type PullRequestView = PullRequest;

export interface PullRecord {
  id: number;
  number: number;
  repoKey: string;
  title: string;
  body: string | null;
  head: string;
  base: string;
  state: 'open' | 'closed';
  merged: boolean;
  draft: boolean;
  user: string;
  createdAt: string;
}

export interface AddPullOptions {
  head: string;
  base?: string;
  title?: string;
  body?: string;
  state?: 'open' | 'closed';
  merged?: boolean;
  draft?: boolean;
  user?: string;
  labels?: string[];
}

/** Pull requests between branches; files come from the same compare as /compare. */
export class Pulls {
  private readonly pulls: PullRecord[] = [];

  constructor(
    private readonly ctx: ModelContext,
    private readonly repos: Repos,
    private readonly issues: Issues,
  ) {}

  /** Adds the pull request and its issue (same number, same title, body, labels and state). */
  add(repo: RepoState, options: AddPullOptions): PullRecord {
    const merged = options.merged ?? false;
    const issue = this.issues.add(repo, {
      title: options.title ?? `Merge ${options.head}`,
      body: options.body ?? null,
      state: merged ? 'closed' : (options.state ?? 'open'),
      labels: options.labels ?? [],
      user: options.user ?? 'octocat',
      pull: { mergedAt: merged ? this.ctx.timestamp() : null },
    });
    const pull: PullRecord = {
      id: this.ctx.nextId(),
      number: issue.number,
      repoKey: repo.fullName.toLowerCase(),
      title: options.title ?? `Merge ${options.head}`,
      body: options.body ?? null,
      head: options.head,
      base: options.base ?? repo.defaultBranch,
      state: options.state ?? 'open',
      merged: options.merged ?? false,
      draft: options.draft ?? false,
      user: options.user ?? 'octocat',
      createdAt: this.ctx.timestamp(),
    };
    this.pulls.push(pull);
    return pull;
  }

  get(repo: RepoState, number: number): PullRecord {
    return findOr404(this.list(repo), (p) => p.number === number);
  }

  list(repo: RepoState): PullRecord[] {
    return inRepo(this.pulls, repo);
  }

  files(repo: RepoState, pull: PullRecord): DiffEntry[] {
    return this.comparison(repo, pull).files ?? [];
  }

  commits(repo: RepoState, pull: PullRecord) {
    return this.comparison(repo, pull).commits;
  }

  private comparison(repo: RepoState, pull: PullRecord) {
    const base = repo.commits.get(this.repos.requireRef(repo, pull.base));
    const head = repo.commits.get(this.repos.requireRef(repo, pull.head));
    if (!base || !head) throw notFound();
    return compareCommits(this.ctx, repo, base, head, { base: pull.base, head: pull.head });
  }

  render(repo: RepoState, pull: PullRecord): PullRequestView {
    const api = `${this.ctx.apiUrl}/repos/${repo.fullName}`;
    const html = `${this.ctx.webUrl}/${repo.fullName}/pull/${pull.number}`;
    const comparison = this.comparison(repo, pull);
    const files = comparison.files ?? [];
    const branch = (ref: string): PullBranch => ({
      label: `${repo.owner}:${ref}`,
      ref,
      sha: this.repos.requireRef(repo, ref),
      repo: this.repos.render(repo),
      user: this.ctx.user(repo.owner),
    });
    const now = this.ctx.timestamp();
    return {
      id: pull.id,
      node_id: this.ctx.nodeId('PullRequest', pull.id),
      url: `${api}/pulls/${pull.number}`,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: `${api}/issues/${pull.number}`,
      commits_url: `${api}/pulls/${pull.number}/commits`,
      number: pull.number,
      state: pull.state,
      locked: false,
      title: pull.title,
      user: this.ctx.user(pull.user ?? ACTIONS_BOT),
      body: pull.body,
      labels: this.issues.get(repo, pull.number).labels.map((name) => this.issues.renderLabel(repo, name)),
      milestone: null,
      active_lock_reason: null,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      author_association: 'MEMBER',
      auto_merge: null,
      comments: 0,
      review_comments: 0,
      maintainer_can_modify: false,
      mergeable: pull.state === 'open' ? true : null,
      mergeable_state: pull.state === 'open' ? 'clean' : 'unknown',
      merged_by: pull.merged ? this.ctx.user(ACTIONS_BOT) : null,
      rebaseable: null,
      comments_url: `${api}/issues/${pull.number}/comments`,
      review_comments_url: `${api}/pulls/${pull.number}/comments`,
      review_comment_url: `${api}/pulls/comments{/number}`,
      statuses_url: `${api}/statuses/${this.repos.requireRef(repo, pull.head)}`,
      _links: {
        self: { href: `${api}/pulls/${pull.number}` },
        html: { href: html },
        issue: { href: `${api}/issues/${pull.number}` },
        comments: { href: `${api}/issues/${pull.number}/comments` },
        review_comments: { href: `${api}/pulls/${pull.number}/comments` },
        review_comment: { href: `${api}/pulls/comments{/number}` },
        commits: { href: `${api}/pulls/${pull.number}/commits` },
        statuses: { href: `${api}/statuses/${this.repos.requireRef(repo, pull.head)}` },
      },
      created_at: pull.createdAt,
      updated_at: pull.createdAt,
      closed_at: pull.state === 'closed' ? now : null,
      merged_at: pull.merged ? now : null,
      merge_commit_sha: null,
      draft: pull.draft,
      merged: pull.merged,
      commits: comparison.total_commits,
      additions: files.reduce((sum, file) => sum + file.additions, 0),
      deletions: files.reduce((sum, file) => sum + file.deletions, 0),
      changed_files: files.length,
      head: branch(pull.head),
      base: branch(pull.base),
    };
  }
}
