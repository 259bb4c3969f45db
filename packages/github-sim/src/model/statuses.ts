import type { components } from '@octokit/openapi-types';
import { ACTIONS_BOT, inRepo, type ModelContext } from './core';
import type { RepoState } from './repos';

export type CommitStatus = components['schemas']['status'];

export const COMMIT_STATES = ['error', 'failure', 'pending', 'success'] as const;
export type CommitState = (typeof COMMIT_STATES)[number];

export interface CommitStatusRecord {
  id: number;
  repoKey: string;
  sha: string;
  state: CommitState;
  context: string;
  description: string | null;
  targetUrl: string | null;
  creator: string;
  createdAt: string;
}

/** Commit statuses (the Statuses API) and the combined status of a ref. */
export class CommitStatuses {
  readonly statuses: CommitStatusRecord[] = [];

  constructor(private readonly ctx: ModelContext) {}

  add(
    repo: RepoState,
    sha: string,
    options: { state: CommitState; context?: string; description?: string | null; targetUrl?: string | null },
  ): CommitStatusRecord {
    const status: CommitStatusRecord = {
      id: this.ctx.nextId(),
      repoKey: repo.fullName.toLowerCase(),
      sha,
      state: options.state,
      context: options.context ?? 'default',
      description: options.description ?? null,
      targetUrl: options.targetUrl ?? null,
      creator: ACTIONS_BOT,
      createdAt: this.ctx.timestamp(),
    };
    this.statuses.push(status);
    return status;
  }

  /** Every status of a commit, newest first. */
  of(repo: RepoState, sha: string): CommitStatusRecord[] {
    return inRepo(this.statuses, repo)
      .filter((s) => s.sha === sha)
      .reverse();
  }

  /** The newest status per context, newest first. */
  latestPerContext(repo: RepoState, sha: string): CommitStatusRecord[] {
    const seen = new Set<string>();
    return this.of(repo, sha).filter((s) => !seen.has(s.context) && seen.add(s.context));
  }

  /**
   * GitHub's combined state: failure if any context is error or failure, pending if there are
   * none or any is pending, else success. (REST docs "Get the combined status for a specific reference")
   */
  combinedState(repo: RepoState, sha: string): 'failure' | 'pending' | 'success' {
    const latest = this.latestPerContext(repo, sha);
    if (latest.some((s) => s.state === 'error' || s.state === 'failure')) return 'failure';
    if (latest.length === 0 || latest.some((s) => s.state === 'pending')) return 'pending';
    return 'success';
  }

  render(repo: RepoState, status: CommitStatusRecord): CommitStatus {
    return {
      url: `${this.ctx.apiUrl}/repos/${repo.fullName}/statuses/${status.sha}`,
      avatar_url: null,
      id: status.id,
      node_id: this.ctx.nodeId('StatusContext', status.id),
      state: status.state,
      description: status.description,
      target_url: status.targetUrl,
      context: status.context,
      created_at: status.createdAt,
      updated_at: status.createdAt,
      creator: this.ctx.user(status.creator),
    };
  }
}
