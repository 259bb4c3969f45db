import type { components } from '@octokit/openapi-types';
import { ACTIONS_BOT, findOr404, inRepo, type ModelContext } from './core';
import type { RepoState } from './repos';

export type Deployment = components['schemas']['deployment'];
export type DeploymentStatus = components['schemas']['deployment-status'];
export type Environment = components['schemas']['environment'];

export const DEPLOYMENT_STATES = [
  'error',
  'failure',
  'inactive',
  'in_progress',
  'queued',
  'pending',
  'success',
] as const;
export type DeploymentState = (typeof DEPLOYMENT_STATES)[number];

export interface DeploymentRecord {
  id: number;
  repoKey: string;
  sha: string;
  ref: string;
  task: string;
  payload: Record<string, unknown> | string;
  environment: string;
  description: string | null;
  transient: boolean;
  production: boolean;
  creator: string;
  createdAt: string;
  updatedAt: string;
}

export interface StatusRecord {
  id: number;
  deploymentId: number;
  state: DeploymentState;
  description: string;
  environment: string;
  environmentUrl: string;
  logUrl: string;
  creator: string;
  createdAt: string;
}

export interface EnvironmentRecord {
  id: number;
  repoKey: string;
  name: string;
  createdAt: string;
}

export interface AddDeploymentOptions {
  sha: string;
  ref: string;
  environment?: string;
  task?: string;
  payload?: Record<string, unknown> | string;
  description?: string | null;
  transient?: boolean;
  production?: boolean;
  creator?: string;
}

/** Deployments, their statuses, and environments (created by the first deployment to them, as on GitHub). */
export class Deployments {
  readonly deployments: DeploymentRecord[] = [];
  readonly statuses: StatusRecord[] = [];
  readonly environments: EnvironmentRecord[] = [];

  constructor(private readonly ctx: ModelContext) {}

  add(repo: RepoState, options: AddDeploymentOptions): DeploymentRecord {
    const now = this.ctx.timestamp();
    const environment = options.environment ?? 'production';
    this.ensureEnvironment(repo, environment);
    const deployment: DeploymentRecord = {
      id: this.ctx.nextId(),
      repoKey: repo.fullName.toLowerCase(),
      sha: options.sha,
      ref: options.ref,
      task: options.task ?? 'deploy',
      payload: options.payload ?? {},
      environment,
      description: options.description ?? '',
      transient: options.transient ?? false,
      production: options.production ?? environment === 'production',
      creator: options.creator ?? ACTIONS_BOT,
      createdAt: now,
      updatedAt: now,
    };
    this.deployments.push(deployment);
    return deployment;
  }

  /** Newest first, as the API lists them. */
  of(repo: RepoState): DeploymentRecord[] {
    return inRepo(this.deployments, repo).reverse();
  }

  get(repo: RepoState, id: number): DeploymentRecord {
    return findOr404(this.of(repo), (d) => d.id === id);
  }

  addStatus(
    repo: RepoState,
    deployment: DeploymentRecord,
    options: {
      state: DeploymentState;
      description?: string;
      environment?: string;
      environmentUrl?: string;
      logUrl?: string;
      autoInactive?: boolean;
    },
  ): StatusRecord {
    const now = this.ctx.timestamp();
    // The environment defaults to the previous status's, and a new one moves the deployment.
    const environment =
      options.environment ?? this.latestStatus(deployment)?.environment ?? deployment.environment;
    if (environment !== deployment.environment) {
      this.ensureEnvironment(repo, environment);
      deployment.environment = environment;
    }
    const status: StatusRecord = {
      id: this.ctx.nextId(),
      deploymentId: deployment.id,
      state: options.state,
      description: options.description ?? '',
      environment,
      environmentUrl: options.environmentUrl ?? '',
      logUrl: options.logUrl ?? '',
      creator: ACTIONS_BOT,
      createdAt: now,
    };
    this.statuses.push(status);
    deployment.updatedAt = now;
    // auto_inactive: earlier non-transient, non-production deployments of the environment that
    // had a success state become inactive. (REST docs "Create a deployment status")
    if (options.state === 'success' && options.autoInactive !== false) {
      for (const previous of this.of(repo)) {
        const superseded =
          previous.id !== deployment.id &&
          previous.environment === deployment.environment &&
          !previous.transient &&
          !previous.production &&
          this.statusesOf(previous).some((s) => s.state === 'success') &&
          this.latestStatus(previous)?.state !== 'inactive';
        if (superseded) this.addStatus(repo, previous, { state: 'inactive', autoInactive: false });
      }
    }
    return status;
  }

  remove(deployment: DeploymentRecord): void {
    this.deployments.splice(this.deployments.indexOf(deployment), 1);
    for (const status of this.statusesOf(deployment)) this.statuses.splice(this.statuses.indexOf(status), 1);
  }

  /** Newest first. */
  statusesOf(deployment: DeploymentRecord): StatusRecord[] {
    return this.statuses.filter((s) => s.deploymentId === deployment.id).reverse();
  }

  latestStatus(deployment: DeploymentRecord): StatusRecord | undefined {
    return this.statusesOf(deployment)[0];
  }

  ensureEnvironment(repo: RepoState, name: string): EnvironmentRecord {
    const existing = this.environmentsOf(repo).find((e) => e.name.toLowerCase() === name.toLowerCase());
    if (existing) return existing;
    const environment = {
      id: this.ctx.nextId(),
      repoKey: repo.fullName.toLowerCase(),
      name,
      createdAt: this.ctx.timestamp(),
    };
    this.environments.push(environment);
    return environment;
  }

  environmentsOf(repo: RepoState): EnvironmentRecord[] {
    return inRepo(this.environments, repo);
  }

  render(repo: RepoState, deployment: DeploymentRecord): Deployment {
    const url = `${this.ctx.apiUrl}/repos/${repo.fullName}/deployments/${deployment.id}`;
    return {
      url,
      id: deployment.id,
      node_id: this.ctx.nodeId('Deployment', deployment.id),
      sha: deployment.sha,
      ref: deployment.ref,
      task: deployment.task,
      payload: deployment.payload,
      original_environment: deployment.environment,
      environment: deployment.environment,
      description: deployment.description,
      creator: this.ctx.user(deployment.creator),
      created_at: deployment.createdAt,
      updated_at: deployment.updatedAt,
      statuses_url: `${url}/statuses`,
      repository_url: `${this.ctx.apiUrl}/repos/${repo.fullName}`,
      transient_environment: deployment.transient,
      production_environment: deployment.production,
    };
  }

  renderStatus(repo: RepoState, status: StatusRecord): DeploymentStatus {
    const deploymentUrl = `${this.ctx.apiUrl}/repos/${repo.fullName}/deployments/${status.deploymentId}`;
    return {
      url: `${deploymentUrl}/statuses/${status.id}`,
      id: status.id,
      node_id: this.ctx.nodeId('DeploymentStatus', status.id),
      state: status.state,
      creator: this.ctx.user(status.creator),
      description: status.description,
      environment: status.environment,
      target_url: status.logUrl,
      created_at: status.createdAt,
      updated_at: status.createdAt,
      deployment_url: deploymentUrl,
      repository_url: `${this.ctx.apiUrl}/repos/${repo.fullName}`,
      environment_url: status.environmentUrl,
      log_url: status.logUrl,
    };
  }

  renderEnvironment(repo: RepoState, environment: EnvironmentRecord): Environment {
    const encoded = encodeURIComponent(environment.name);
    return {
      id: environment.id,
      node_id: this.ctx.nodeId('Environment', environment.id),
      name: environment.name,
      url: `${this.ctx.apiUrl}/repos/${repo.fullName}/environments/${encoded}`,
      html_url: `${this.ctx.webUrl}/${repo.fullName}/deployments/activity_log?environments_filter=${encoded}`,
      created_at: environment.createdAt,
      updated_at: environment.createdAt,
      protection_rules: [],
      deployment_branch_policy: null,
    };
  }
}
