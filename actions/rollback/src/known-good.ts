/**
 * The known-good release and the in-progress lock, decided over the environment's deployments.
 */
import type { DeploymentState, DeploymentsApi, ListedDeployment } from './deployments';

/**
 * A deployment we verified and nothing has failed since: its newest status is `success`, or
 * `inactive` after a `success` (GitHub's auto_inactive when a newer one succeeded).
 */
export function wasVerifiedGood(states: readonly DeploymentState[]): boolean {
  for (const state of states) {
    if (state === 'success') return true;
    if (state !== 'inactive') return false;
  }
  return false;
}

export interface KnownGoodSearch {
  /** The release being replaced: never a candidate, nor anything with its SHA. */
  excludeSha: string;
  excludeIds?: number[];
}

export type KnownGoodAnswer =
  | { found: true; deployment: ListedDeployment }
  | { found: false; reason: string };

/**
 * The newest deployment of the environment that carries our marker and was verified good. Reads one
 * listing and the statuses of marked candidates only, newest first, stopping at the first.
 */
export async function findKnownGood(
  api: DeploymentsApi,
  environment: string,
  search: KnownGoodSearch,
  listed?: ListedDeployment[],
): Promise<KnownGoodAnswer> {
  const deployments = listed ?? (await api.list(environment));
  let marked = 0;
  let others = 0;
  for (const deployment of deployments) {
    if (deployment.sha === search.excludeSha || search.excludeIds?.includes(deployment.id)) continue;
    if (!deployment.marker) {
      others++;
      continue;
    }
    marked++;
    if (wasVerifiedGood(await api.states(deployment.id))) return { found: true, deployment };
  }
  const reason =
    marked > 0
      ? `none of the ${marked} earlier verified deployment${marked === 1 ? '' : 's'} of '${environment}' succeeded (they failed, errored or never finished)`
      : others > 0
        ? `'${environment}' has ${others} earlier deployment${others === 1 ? '' : 's'}, but none was verified by this action (deploy or promote one first)`
        : `'${environment}' has no earlier deployment`;
  return { found: false, reason: `No known-good release to roll back to: ${reason}.` };
}

/** States that mean a deployment is still going on (a fresh one may have no status yet). */
const ACTIVE: ReadonlySet<DeploymentState | undefined> = new Set([
  undefined,
  'queued',
  'pending',
  'in_progress',
]);

/** A deployment older than this that never finished is abandoned, not in progress. */
export const STALE_AFTER_MS = 60 * 60 * 1000;

export type LockAnswer = { acquired: true } | { acquired: false; holder: ListedDeployment };

/**
 * The deployment GitHub Actions itself records for this very job when the job names an
 * `environment:` (no payload, `queued` then `in_progress` until the job ends, its statuses linking
 * to this run): this run, not another one going on, so it never holds the environment against us.
 */
export function isThisRunsJobDeployment(
  deployment: ListedDeployment,
  latest: { logUrl?: string } | undefined,
  runUrl: string | undefined,
): boolean {
  if (deployment.marker || !runUrl || !latest?.logUrl) return false;
  return latest.logUrl === runUrl || latest.logUrl.startsWith(`${runUrl}/`);
}

/**
 * Mutual exclusion through the Deployments API: our deployment already exists (and is listed), so
 * of every deployment still in progress in the environment, the oldest (lowest id) proceeds and the
 * others refuse. Two runs that start together both see both, and agree.
 */
export async function acquireEnvironment(
  api: DeploymentsApi,
  environment: string,
  ours: ListedDeployment,
  ignoreIds: readonly number[],
  runUrl?: string,
): Promise<LockAnswer> {
  const deployments = await api.list(environment);
  const oursCreated = Date.parse(ours.createdAt);
  const candidates = deployments
    .filter((d) => d.id !== ours.id && !ignoreIds.includes(d.id) && d.id < ours.id)
    .filter((d) => !(oursCreated - Date.parse(d.createdAt) > STALE_AFTER_MS));
  // Oldest first: the first one still in progress holds the environment.
  for (const candidate of candidates.sort((a, b) => a.id - b.id)) {
    const [latest] = await api.statuses(candidate.id);
    if (isThisRunsJobDeployment(candidate, latest, runUrl)) continue;
    if (ACTIVE.has(latest?.state)) return { acquired: false, holder: candidate };
  }
  return { acquired: true };
}
