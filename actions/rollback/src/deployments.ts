/**
 * The Deployments API as the rollback engine uses it: our marker in the payload, statuses with
 * log/environment URLs, a bounded number of writes, and the listing the known-good search and the
 * lock read.
 */
import { type GitHubClient, redactThenTruncate } from '@qeml/action-kit';

/** The key of our marker in a deployment's payload (the payload cannot change after creation). */
export const MARKER_KEY = 'qeml-rollback';

export type MarkerKind = 'deploy' | 'rollback' | 'promote';

export interface Marker {
  version: 1;
  kind: MarkerKind;
  /** Set on a rollback: the deployment it replaced, and the known-good one it went back to. */
  'rollback-of'?: number;
  'known-good'?: number;
  /** The ref the user named (a rollback deploys the known-good SHA). */
  ref?: string;
}

export interface ListedDeployment {
  id: number;
  ref: string;
  sha: string;
  createdAt: string;
  marker?: Marker;
}

export type DeploymentState =
  | 'error'
  | 'failure'
  | 'inactive'
  | 'in_progress'
  | 'queued'
  | 'pending'
  | 'success';

export interface ListedStatus {
  state: DeploymentState;
  logUrl?: string;
  description?: string;
}

/** The `error` status a run refused by the environment lock leaves on the deployment it created. */
export function refusedDescription(holderId: number): string {
  return `Refused: deployment #${holderId} is in progress`;
}

/** A deployment of ours that was refused, so never carried out: not what is live, never known-good. */
export function wasRefused(deployment: ListedDeployment, latest: ListedStatus | undefined): boolean {
  return (
    deployment.marker !== undefined &&
    latest?.state === 'error' &&
    latest.description?.startsWith('Refused: ') === true
  );
}

/** Pages read when listing an environment's deployments (100 each, newest first). */
export const MAX_LIST_PAGES = 3;

export function markerOf(payload: unknown): Marker | undefined {
  let value = payload;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const marker = (value as Record<string, unknown> | null | undefined)?.[MARKER_KEY];
  if (!marker || typeof marker !== 'object') return undefined;
  const kind = (marker as Marker).kind;
  return kind === 'deploy' || kind === 'rollback' || kind === 'promote' ? (marker as Marker) : undefined;
}

/** Thrown when a run would exceed its write budget: a bug or a loop, never a reason to keep writing. */
export class WriteBudgetExceeded extends Error {}

export class DeploymentsApi {
  writes = 0;

  constructor(
    private readonly github: GitHubClient,
    readonly owner: string,
    readonly repo: string,
    private readonly maxWrites: number,
  ) {}

  /** Every write goes through here, so a run's writes are counted and capped. */
  async write<T>(what: string, call: () => Promise<T>): Promise<T> {
    if (this.writes >= this.maxWrites) {
      throw new WriteBudgetExceeded(
        `max-writes ${this.maxWrites} reached before ${what} (this run made ${this.writes} API writes)`,
      );
    }
    this.writes++;
    return call();
  }

  private get where() {
    return { owner: this.owner, repo: this.repo };
  }

  /** The environment's deployments, newest first, at most MAX_LIST_PAGES pages. */
  async list(environment: string): Promise<ListedDeployment[]> {
    const found: ListedDeployment[] = [];
    let page = 0;
    for await (const response of this.github.paginate.iterator(this.github.rest.repos.listDeployments, {
      ...this.where,
      environment,
      per_page: 100,
    })) {
      for (const d of response.data) {
        const marker = markerOf(d.payload);
        found.push({
          id: d.id,
          ref: d.ref,
          sha: d.sha,
          createdAt: d.created_at,
          ...(marker ? { marker } : {}),
        });
      }
      if (++page >= MAX_LIST_PAGES) break;
    }
    return found;
  }

  async get(id: number): Promise<ListedDeployment & { environment: string }> {
    const { data } = await this.github.rest.repos.getDeployment({ ...this.where, deployment_id: id });
    const marker = markerOf(data.payload);
    return {
      id: data.id,
      ref: data.ref,
      sha: data.sha,
      createdAt: data.created_at,
      environment: data.environment,
      ...(marker ? { marker } : {}),
    };
  }

  /** States newest first (one page of 100: a deployment has a handful). */
  async states(id: number): Promise<DeploymentState[]> {
    return (await this.statuses(id)).map((s) => s.state);
  }

  /** Statuses newest first, with the run that wrote each (`log_url`, else `target_url`). */
  async statuses(id: number): Promise<ListedStatus[]> {
    const { data } = await this.github.rest.repos.listDeploymentStatuses({
      ...this.where,
      deployment_id: id,
      per_page: 100,
    });
    return data.map((s) => {
      const logUrl = s.log_url || s.target_url;
      return {
        state: s.state as DeploymentState,
        ...(logUrl ? { logUrl } : {}),
        ...(s.description ? { description: s.description } : {}),
      };
    });
  }

  async create(options: {
    ref: string;
    environment: string;
    description: string;
    marker: Marker;
    task: string;
    production: boolean;
    transient: boolean;
    requiredContexts: string[];
  }): Promise<ListedDeployment> {
    const response = await this.write('creating a deployment', () =>
      this.github.rest.repos.createDeployment({
        ...this.where,
        ref: options.ref,
        environment: options.environment,
        description: redactThenTruncate(options.description, 140),
        task: options.task,
        // Never merge the default branch into what we deploy, and say exactly which checks must pass.
        auto_merge: false,
        required_contexts: options.requiredContexts,
        payload: { [MARKER_KEY]: options.marker },
        production_environment: options.production,
        transient_environment: options.transient,
      }),
    );
    if (response.status !== 201 || !('id' in response.data)) {
      throw new Error(`GitHub did not create the deployment: ${JSON.stringify(response.data).slice(0, 200)}`);
    }
    const d = response.data;
    return { id: d.id, ref: d.ref, sha: d.sha, createdAt: d.created_at, marker: options.marker };
  }

  async setStatus(
    id: number,
    state: DeploymentState,
    description: string,
    urls: { logUrl?: string; environmentUrl?: string },
  ): Promise<void> {
    await this.write(`setting deployment #${id} to ${state}`, () =>
      this.github.rest.repos.createDeploymentStatus({
        ...this.where,
        deployment_id: id,
        state,
        // Redacted (a health URL may carry credentials), then cut to GitHub's 140 characters.
        description: redactThenTruncate(description, 140),
        ...(urls.logUrl ? { log_url: urls.logUrl } : {}),
        ...(urls.environmentUrl ? { environment_url: urls.environmentUrl } : {}),
      }),
    );
  }
}
