import type { components } from '@octokit/openapi-types';
import { notFound } from '../errors';
import { ACTIONS_BOT, findOr404, inRepo, type ModelContext } from './core';
import type { RepoState } from './repos';

export type Issue = components['schemas']['issue'];
export type IssueComment = components['schemas']['issue-comment'];
export type Label = components['schemas']['label'];

export interface IssueRecord {
  id: number;
  repoKey: string;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'duplicate' | 'reopened' | null;
  labels: string[];
  assignees: string[];
  user: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Pull requests are issues too (same numbers, in issue lists and search, with a `pull_request` key). */
  pull: { mergedAt: string | null } | null;
  /** What search has indexed, oldest first: each change becomes searchable after the index delay. */
  versions: IndexedVersion[];
}

export interface IndexedVersion {
  /** ms since epoch when the change was made. */
  at: number;
  title: string;
  body: string;
  comments: string[];
  labels: string[];
  state: 'open' | 'closed';
  user: string;
}

export interface CommentRecord {
  id: number;
  repoKey: string;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

export interface AddIssueOptions {
  title: string;
  body?: string | null;
  state?: 'open' | 'closed';
  labels?: string[];
  assignees?: string[];
  user?: string;
  /** Makes the issue the issue side of a pull request. */
  pull?: { mergedAt: string | null };
}

/** Issues, their comments and repository labels (created on first use, as adding a label does). */
export class Issues {
  readonly issues: IssueRecord[] = [];
  readonly comments: CommentRecord[] = [];
  private readonly labels = new Map<string, { id: number; name: string; color: string }>();

  constructor(private readonly ctx: ModelContext) {}

  add(repo: RepoState, options: AddIssueOptions): IssueRecord {
    repo.lastNumber += 1;
    const now = this.ctx.timestamp();
    const issue: IssueRecord = {
      id: this.ctx.nextId(),
      repoKey: repo.fullName.toLowerCase(),
      number: repo.lastNumber,
      title: options.title,
      body: options.body ?? null,
      state: options.state ?? 'open',
      stateReason: options.state === 'closed' ? 'completed' : null,
      labels: [],
      assignees: options.assignees ?? [],
      user: options.user ?? ACTIONS_BOT,
      createdAt: now,
      updatedAt: now,
      closedAt: options.state === 'closed' ? now : null,
      pull: options.pull ?? null,
      versions: [],
    };
    this.issues.push(issue);
    this.setLabels(repo, issue, options.labels ?? []);
    return issue;
  }

  of(repo: RepoState): IssueRecord[] {
    return inRepo(this.issues, repo);
  }

  get(repo: RepoState, number: number): IssueRecord {
    return findOr404(this.of(repo), (i) => i.number === number);
  }

  update(
    issue: IssueRecord,
    repo: RepoState,
    changes: {
      title?: string;
      body?: string | null;
      state?: 'open' | 'closed';
      state_reason?: string | null;
      labels?: string[];
    },
  ): void {
    const now = this.ctx.timestamp();
    if (changes.title !== undefined) issue.title = changes.title;
    if (changes.body !== undefined) issue.body = changes.body;
    if (changes.labels !== undefined) this.setLabels(repo, issue, changes.labels);
    if (changes.state !== undefined && changes.state !== issue.state) {
      issue.state = changes.state;
      issue.closedAt = changes.state === 'closed' ? now : null;
      issue.stateReason = changes.state === 'closed' ? 'completed' : 'reopened';
    }
    if (changes.state_reason !== undefined) {
      issue.stateReason = changes.state_reason as IssueRecord['stateReason'];
    }
    issue.updatedAt = now;
    this.reindex(issue);
  }

  /** Records the issue as it now is for search, which sees it after the index delay. */
  reindex(issue: IssueRecord): void {
    issue.versions.push({
      at: this.ctx.clock.now(),
      title: issue.title,
      body: issue.body ?? '',
      comments: this.comments
        .filter((c) => c.repoKey === issue.repoKey && c.issueNumber === issue.number)
        .map((c) => c.body),
      labels: [...issue.labels],
      state: issue.state,
      user: issue.user,
    });
  }

  setLabels(repo: RepoState, issue: IssueRecord, names: string[]): void {
    issue.labels = [];
    this.addLabels(repo, issue, names);
  }

  addLabels(repo: RepoState, issue: IssueRecord, names: string[]): void {
    for (const name of names) {
      this.label(repo, name);
      if (!issue.labels.some((l) => l.toLowerCase() === name.toLowerCase())) issue.labels.push(name);
    }
    this.reindex(issue);
  }

  removeLabel(issue: IssueRecord, name: string): void {
    const before = issue.labels.length;
    issue.labels = issue.labels.filter((l) => l.toLowerCase() !== name.toLowerCase());
    if (issue.labels.length === before) throw notFound();
    this.reindex(issue);
  }

  /** The repository's labels, in creation order. */
  labelsOf(repo: RepoState): { id: number; name: string; color: string }[] {
    const prefix = `${repo.fullName}#`.toLowerCase();
    return [...this.labels.entries()].filter(([key]) => key.startsWith(prefix)).map(([, label]) => label);
  }

  findLabel(repo: RepoState, name: string): { id: number; name: string; color: string } | undefined {
    return this.labels.get(`${repo.fullName}#${name}`.toLowerCase());
  }

  /** Creates a label (or returns the existing one with that name) with its colour. */
  createLabel(repo: RepoState, name: string, color?: string): { id: number; name: string; color: string } {
    const label = this.label(repo, name);
    if (color) label.color = color;
    return label;
  }

  private label(repo: RepoState, name: string): { id: number; name: string; color: string } {
    const key = `${repo.fullName}#${name}`.toLowerCase();
    let label = this.labels.get(key);
    if (!label) {
      label = { id: this.ctx.nextId(), name, color: 'ededed' };
      this.labels.set(key, label);
    }
    return label;
  }

  addComment(repo: RepoState, issue: IssueRecord, body: string, user = ACTIONS_BOT): CommentRecord {
    const now = this.ctx.timestamp();
    const comment: CommentRecord = {
      id: this.ctx.nextId(),
      repoKey: repo.fullName.toLowerCase(),
      issueNumber: issue.number,
      body,
      user,
      createdAt: now,
      updatedAt: now,
    };
    this.comments.push(comment);
    issue.updatedAt = now;
    this.reindex(issue);
    return comment;
  }

  editComment(repo: RepoState, comment: CommentRecord, body: string): void {
    comment.body = body;
    comment.updatedAt = this.ctx.timestamp();
    this.reindex(this.get(repo, comment.issueNumber));
  }

  deleteComment(repo: RepoState, comment: CommentRecord): void {
    this.comments.splice(this.comments.indexOf(comment), 1);
    this.reindex(this.get(repo, comment.issueNumber));
  }

  commentsOf(repo: RepoState, issue: IssueRecord): CommentRecord[] {
    return inRepo(this.comments, repo).filter((c) => c.issueNumber === issue.number);
  }

  getComment(repo: RepoState, id: number): CommentRecord {
    return findOr404(inRepo(this.comments, repo), (c) => c.id === id);
  }

  renderLabel(repo: RepoState, name: string): Label {
    const label = this.label(repo, name);
    return {
      id: label.id,
      node_id: this.ctx.nodeId('Label', label.id),
      url: `${this.ctx.apiUrl}/repos/${repo.fullName}/labels/${encodeURIComponent(label.name)}`,
      name: label.name,
      description: null,
      color: label.color,
      default: false,
    };
  }

  render(repo: RepoState, issue: IssueRecord): Issue {
    const url = `${this.ctx.apiUrl}/repos/${repo.fullName}/issues/${issue.number}`;
    return {
      id: issue.id,
      node_id: this.ctx.nodeId('Issue', issue.id),
      url,
      repository_url: `${this.ctx.apiUrl}/repos/${repo.fullName}`,
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: `${this.ctx.webUrl}/${repo.fullName}/issues/${issue.number}`,
      number: issue.number,
      state: issue.state,
      state_reason: issue.stateReason,
      title: issue.title,
      body: issue.body,
      user: this.ctx.user(issue.user),
      labels: issue.labels.map((name) => this.renderLabel(repo, name)),
      assignee: issue.assignees[0] ? this.ctx.user(issue.assignees[0]) : null,
      assignees: issue.assignees.map((login) => this.ctx.user(login)),
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments: this.commentsOf(repo, issue).length,
      closed_at: issue.closedAt,
      created_at: issue.createdAt,
      updated_at: issue.updatedAt,
      author_association: 'NONE',
      ...(issue.pull
        ? {
            pull_request: {
              url: `${this.ctx.apiUrl}/repos/${repo.fullName}/pulls/${issue.number}`,
              html_url: `${this.ctx.webUrl}/${repo.fullName}/pull/${issue.number}`,
              diff_url: `${this.ctx.webUrl}/${repo.fullName}/pull/${issue.number}.diff`,
              patch_url: `${this.ctx.webUrl}/${repo.fullName}/pull/${issue.number}.patch`,
              merged_at: issue.pull.mergedAt,
            },
          }
        : {}),
    };
  }

  renderComment(repo: RepoState, comment: CommentRecord): IssueComment {
    return {
      id: comment.id,
      node_id: this.ctx.nodeId('IssueComment', comment.id),
      url: `${this.ctx.apiUrl}/repos/${repo.fullName}/issues/comments/${comment.id}`,
      html_url: `${this.ctx.webUrl}/${repo.fullName}/issues/${comment.issueNumber}#issuecomment-${comment.id}`,
      body: comment.body,
      user: this.ctx.user(comment.user),
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      issue_url: `${this.ctx.apiUrl}/repos/${repo.fullName}/issues/${comment.issueNumber}`,
      author_association: 'NONE',
    };
  }
}
