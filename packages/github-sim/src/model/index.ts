import type { Clock } from '../rate-limit';
import {
  Actions,
  type AddedRun,
  type AddRunOptions,
  type Conclusion,
  type DispatchListener,
  type JobSpec,
  type RerunListener,
  type WorkflowTriggers,
} from './actions';
import { ActionsRenderer } from './actions-render';
import { type AddCacheOptions, Caches } from './caches';
import { ModelContext, type SimLibraries } from './core';
import { type AddDeploymentOptions, type DeploymentState, Deployments } from './deployments';
import { type CommitRecord, diffTrees, type FileChanges, renderCommit } from './git';
import { type AddIssueOptions, Issues } from './issues';
import { type AddPullOptions, Pulls } from './pulls';
import { type AddRepoOptions, type RepoState, Repos } from './repos';
import { type CommitState, CommitStatuses } from './statuses';

export type {
  AddedRun,
  AddRunOptions,
  AnnotationSpec,
  Conclusion,
  JobRecord,
  JobSpec,
  RunRecord,
  StepSpec,
  WorkflowRecord,
  WorkflowTriggers,
} from './actions';
export type { AddCacheOptions } from './caches';
export type { AddDeploymentOptions, DeploymentState } from './deployments';
export type { FileChanges } from './git';
export type { AddIssueOptions } from './issues';
export type { AddPullOptions } from './pulls';
export type { AddRepoOptions, RepoState } from './repos';
export type { CommitState } from './statuses';

/**
 * The simulator's in-memory GitHub: areas hold the records, and these builders keep test setup short.
 * Repositories are named 'owner/repo' in every builder.
 */
export class SimModel {
  readonly ctx: ModelContext;
  readonly repos: Repos;
  readonly pulls: Pulls;
  readonly actions: Actions;
  readonly actionsView: ActionsRenderer;
  readonly issues: Issues;
  readonly deployments: Deployments;
  readonly caches: Caches;
  readonly statuses: CommitStatuses;
  /** Commit and diff rendering bound to this model's URLs. */
  readonly gitView: {
    renderCommit: (repo: RepoState, commit: CommitRecord) => ReturnType<typeof renderCommit>;
    diffTrees: (repo: RepoState, from: CommitRecord, to: CommitRecord) => ReturnType<typeof diffTrees>;
  };

  constructor(apiUrl: string, webUrl: string, clock: Clock, libraries: SimLibraries) {
    this.ctx = new ModelContext(apiUrl, webUrl, clock, libraries);
    this.repos = new Repos(this.ctx);
    this.issues = new Issues(this.ctx);
    this.pulls = new Pulls(this.ctx, this.repos, this.issues);
    this.actions = new Actions(this.ctx, this.repos);
    this.actionsView = new ActionsRenderer(this.ctx, this.repos);
    this.deployments = new Deployments(this.ctx);
    this.caches = new Caches(this.ctx);
    this.statuses = new CommitStatuses(this.ctx);
    this.gitView = {
      renderCommit: (repo, commit) => renderCommit(this.ctx, repo, commit),
      diffTrees: (repo, from, to) => diffTrees(this.ctx, repo, from, to),
    };
  }

  addRepo(owner: string, name: string, options?: AddRepoOptions): RepoState {
    return this.repos.add(owner, name, options);
  }

  repo(fullName: string): RepoState {
    return this.repos.byFullName(fullName);
  }

  /** A commit on `branch` (default: the default branch) changing `files`; returns its sha. */
  addCommit(
    fullName: string,
    options: { branch?: string; parents?: string[]; files?: FileChanges; message?: string } = {},
  ): string {
    return this.repos.addCommit(this.repo(fullName), options);
  }

  /** Points `branch` at `sha` (default: the default branch head). */
  addBranch(fullName: string, branch: string, sha?: string): void {
    const repo = this.repo(fullName);
    this.repos.setBranch(repo, branch, sha ?? this.repos.requireRef(repo, repo.defaultBranch));
  }

  /** Returns the pull request number. */
  addPullRequest(fullName: string, options: AddPullOptions): number {
    return this.pulls.add(this.repo(fullName), options).number;
  }

  /** `triggers` (the workflow's `on:`) makes dispatches checked like GitHub checks them. */
  addWorkflow(
    fullName: string,
    options: { name: string; path?: string; triggers?: WorkflowTriggers },
  ): number {
    return this.actions.addWorkflow(this.repo(fullName), options).id;
  }

  addRun(fullName: string, options?: AddRunOptions): AddedRun {
    return this.actions.addRun(this.repo(fullName), options);
  }

  getRun(runId: number) {
    return this.actions.getRun(null, runId);
  }

  getJob(jobId: number) {
    return this.actions.findJob(null, jobId);
  }

  /** Completes the newest attempt of a run (e.g. after a re-run); jobs default to success. */
  finishAttempt(
    runId: number,
    options?: { conclusion?: Conclusion; jobs?: Record<string, Partial<Omit<JobSpec, 'name'>>> },
  ): void {
    this.actions.finishAttempt(this.getRun(runId), options);
  }

  /** Called when a re-run creates an attempt: decide its outcome here (e.g. `finishAttempt`). */
  onRerun(listener: RerunListener): void {
    this.actions.onRerun(listener);
  }

  onDispatch(listener: DispatchListener): void {
    this.actions.onDispatch(listener);
  }

  /** Returns the issue number. */
  addIssue(fullName: string, options: AddIssueOptions): number {
    return this.issues.add(this.repo(fullName), options).number;
  }

  /** Returns the comment id. */
  addComment(fullName: string, issueNumber: number, body: string, user?: string): number {
    const repo = this.repo(fullName);
    return this.issues.addComment(repo, this.issues.get(repo, issueNumber), body, user).id;
  }

  /** Returns the deployment id; `statuses` are added oldest first. */
  addDeployment(
    fullName: string,
    options: Partial<AddDeploymentOptions> & { statuses?: DeploymentState[] } = {},
  ): number {
    const repo = this.repo(fullName);
    const ref = options.ref ?? repo.defaultBranch;
    const sha = options.sha ?? this.repos.requireRef(repo, ref);
    const deployment = this.deployments.add(repo, { ...options, ref, sha });
    for (const state of options.statuses ?? []) this.deployments.addStatus(repo, deployment, { state });
    return deployment.id;
  }

  addEnvironment(fullName: string, name: string): number {
    return this.deployments.ensureEnvironment(this.repo(fullName), name).id;
  }

  /** Returns the cache id. */
  addCache(fullName: string, options: AddCacheOptions): number {
    return this.caches.add(this.repo(fullName), options).id;
  }

  /** A commit status on `ref` (a branch or sha); returns its id. */
  addCommitStatus(fullName: string, ref: string, state: CommitState, context = 'default'): number {
    const repo = this.repo(fullName);
    return this.statuses.add(repo, this.repos.requireRef(repo, ref), { state, context }).id;
  }

  /** The .tar.gz served by GET /repos/{owner}/{repo}/tarball/{ref}. */
  setTarball(owner: string, repo: string, ref: string, archive: Buffer): void {
    this.repos.get(owner, repo).tarballs.set(ref, archive);
  }
}
