import type { components } from '@octokit/openapi-types';
import { notFound, SimHttpError } from '../errors';
import { type ModelContext, repoKey, splitFullName } from './core';
import { type CommitRecord, createCommit, type FileChanges } from './git';

export type MinimalRepository = components['schemas']['minimal-repository'];
export type Repository = components['schemas']['repository'];
export type FullRepository = components['schemas']['full-repository'];

export interface RepoState {
  id: number;
  owner: string;
  name: string;
  fullName: string;
  defaultBranch: string;
  visibility: 'public' | 'private' | 'internal';
  createdAt: string;
  commits: Map<string, CommitRecord>;
  branches: Map<string, string>;
  tarballs: Map<string, Buffer>;
  /** Issues and pull requests share one number sequence, as on GitHub. */
  lastNumber: number;
}

export interface AddRepoOptions {
  defaultBranch?: string;
  visibility?: 'public' | 'private' | 'internal';
  /** Files of the first commit on the default branch. */
  files?: Record<string, string>;
}

/** Repositories and their git data (commits, branches, tarballs). */
export class Repos {
  private readonly repos = new Map<string, RepoState>();

  constructor(private readonly ctx: ModelContext) {}

  add(owner: string, name: string, options: AddRepoOptions = {}): RepoState {
    const defaultBranch = options.defaultBranch ?? 'main';
    const repo: RepoState = {
      id: this.ctx.nextId(),
      owner,
      name,
      fullName: `${owner}/${name}`,
      defaultBranch,
      visibility: options.visibility ?? 'public',
      createdAt: this.ctx.timestamp(),
      commits: new Map(),
      branches: new Map(),
      tarballs: new Map(),
      lastNumber: 0,
    };
    this.repos.set(repoKey(owner, name), repo);
    const files = options.files ?? { 'README.md': `# ${name}\n` };
    const root = createCommit(repo, { parents: [], files, message: 'Initial commit', date: repo.createdAt });
    repo.branches.set(defaultBranch, root.sha);
    return repo;
  }

  /** The repo or GitHub's 404. */
  get(owner: string, name: string): RepoState {
    const repo = this.repos.get(repoKey(owner, name));
    if (!repo) throw notFound();
    return repo;
  }

  byFullName(fullName: string): RepoState {
    const [owner, name] = splitFullName(fullName);
    const repo = this.repos.get(repoKey(owner, name));
    if (!repo) throw new Error(`github-sim: no repository ${fullName}; call model.addRepo first`);
    return repo;
  }

  all(): RepoState[] {
    return [...this.repos.values()];
  }

  /** Adds a commit on top of `parents` (default: the branch head) applying `files` (null deletes a path). */
  addCommit(
    repo: RepoState,
    options: { branch?: string; parents?: string[]; files?: FileChanges; message?: string },
  ): string {
    const branch = options.branch ?? repo.defaultBranch;
    const head = repo.branches.get(branch);
    const parents = options.parents ?? (head ? [head] : []);
    const commit = createCommit(repo, {
      parents,
      files: options.files ?? {},
      message: options.message ?? 'Update',
      date: this.ctx.timestamp(),
    });
    if (options.parents === undefined || options.branch !== undefined) repo.branches.set(branch, commit.sha);
    return commit.sha;
  }

  setBranch(repo: RepoState, branch: string, sha: string): void {
    if (!repo.commits.has(sha)) throw new Error(`github-sim: no commit ${sha} in ${repo.fullName}`);
    repo.branches.set(branch, sha);
  }

  /** Branch names (also `refs/heads/x`, `heads/x`), full shas and unambiguous sha prefixes (>= 7). */
  resolveRef(repo: RepoState, ref: string): string | undefined {
    const branch = ref.replace(/^refs\/heads\//, '').replace(/^heads\//, '');
    const head = repo.branches.get(branch);
    if (head) return head;
    if (repo.commits.has(ref)) return ref;
    if (/^[0-9a-f]{7,39}$/i.test(ref)) {
      const matches = [...repo.commits.keys()].filter((sha) => sha.startsWith(ref.toLowerCase()));
      if (matches.length === 1) return matches[0];
    }
    return undefined;
  }

  /** Like resolveRef but answers GitHub's 422 for refs that do not exist. */
  requireRef(repo: RepoState, ref: string): string {
    const sha = this.resolveRef(repo, ref);
    if (!sha) throw new SimHttpError(422, `No ref found for: ${ref}`);
    return sha;
  }

  /** GET /repos/{owner}/{repo}: the repository plus the counts only that endpoint gives. */
  renderFull(repo: RepoState): FullRepository {
    return { ...this.fields(repo), has_discussions: false, network_count: 0, subscribers_count: 0 };
  }

  /** The `repository` schema (as in a pull request's head and base). */
  render(repo: RepoState): Repository {
    return this.fields(repo);
  }

  /** The `minimal-repository` schema (as in a workflow run). */
  renderMinimal(repo: RepoState): MinimalRepository {
    return this.fields(repo);
  }

  private fields(repo: RepoState) {
    const api = `${this.ctx.apiUrl}/repos/${repo.fullName}`;
    const templated = (path: string, suffix: string) => `${api}/${path}${suffix}`;
    return {
      id: repo.id,
      node_id: this.ctx.nodeId('Repository', repo.id),
      name: repo.name,
      full_name: repo.fullName,
      owner: this.ctx.user(repo.owner),
      private: repo.visibility !== 'public',
      visibility: repo.visibility,
      html_url: `${this.ctx.webUrl}/${repo.fullName}`,
      description: null,
      fork: false,
      url: api,
      archive_url: templated('{archive_format}', '{/ref}'),
      assignees_url: templated('assignees', '{/user}'),
      blobs_url: templated('git/blobs', '{/sha}'),
      branches_url: templated('branches', '{/branch}'),
      collaborators_url: templated('collaborators', '{/collaborator}'),
      comments_url: templated('comments', '{/number}'),
      commits_url: templated('commits', '{/sha}'),
      compare_url: templated('compare', '/{base}...{head}'),
      contents_url: templated('contents', '/{+path}'),
      contributors_url: templated('contributors', ''),
      deployments_url: templated('deployments', ''),
      downloads_url: templated('downloads', ''),
      events_url: templated('events', ''),
      forks_url: templated('forks', ''),
      git_commits_url: templated('git/commits', '{/sha}'),
      git_refs_url: templated('git/refs', '{/sha}'),
      git_tags_url: templated('git/tags', '{/sha}'),
      git_url: `${this.ctx.webUrl.replace(/^http/, 'git')}/${repo.fullName}.git`,
      issue_comment_url: templated('issues/comments', '{/number}'),
      issue_events_url: templated('issues/events', '{/number}'),
      issues_url: templated('issues', '{/number}'),
      keys_url: templated('keys', '{/key_id}'),
      labels_url: templated('labels', '{/name}'),
      languages_url: templated('languages', ''),
      merges_url: templated('merges', ''),
      milestones_url: templated('milestones', '{/number}'),
      notifications_url: templated('notifications', '{?since,all,participating}'),
      pulls_url: templated('pulls', '{/number}'),
      releases_url: templated('releases', '{/id}'),
      stargazers_url: templated('stargazers', ''),
      statuses_url: templated('statuses', '/{sha}'),
      subscribers_url: templated('subscribers', ''),
      subscription_url: templated('subscription', ''),
      tags_url: templated('tags', ''),
      teams_url: templated('teams', ''),
      trees_url: templated('git/trees', '{/sha}'),
      clone_url: `${this.ctx.webUrl}/${repo.fullName}.git`,
      ssh_url: `git@${new URL(this.ctx.webUrl).host}:${repo.fullName}.git`,
      svn_url: `${this.ctx.webUrl}/${repo.fullName}`,
      mirror_url: null,
      homepage: null,
      language: null,
      license: null,
      size: 0,
      forks: 0,
      forks_count: 0,
      stargazers_count: 0,
      watchers: 0,
      watchers_count: 0,
      open_issues: 0,
      open_issues_count: 0,
      has_issues: true,
      has_projects: true,
      has_wiki: true,
      has_pages: false,
      has_downloads: true,
      hooks_url: templated('hooks', ''),
      default_branch: repo.defaultBranch,
      archived: false,
      disabled: false,
      created_at: repo.createdAt,
      updated_at: repo.createdAt,
      pushed_at: repo.createdAt,
    };
  }
}
