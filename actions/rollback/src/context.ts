/** What every part of one run shares: the config, deps, API wrapper, the result being built and its timeline. */
import { formatDuration } from '@qeml/action-kit';
import { type DeploymentState, DeploymentsApi, type ListedDeployment } from './deployments';
import type { DeploymentRef, RollbackConfig, RollbackDeps, RollbackResult } from './types';

export interface RunContext {
  config: RollbackConfig;
  deps: RollbackDeps;
  api: DeploymentsApi;
  result: RollbackResult;
  /** Adds a timeline entry (and logs it). */
  note(text: string): void;
  /** Posts a status with this run's log URL and the environment URL. */
  status(deployment: ListedDeployment, state: DeploymentState, description: string): Promise<void>;
}

export function createContext(config: RollbackConfig, deps: RollbackDeps): RunContext {
  const api = new DeploymentsApi(deps.github, config.owner, config.repo, config.maxWrites);
  const startedAt = deps.clock.now();
  const result: RollbackResult = {
    mode: config.mode,
    environment: config.environment,
    outcome: 'success',
    verdict: 'inconclusive',
    message: '',
    rolledBack: false,
    timeline: [],
    apiWrites: 0,
    startedAt,
    durationMs: 0,
  };
  // Given: as given, without credentials. Else the first health URL without its query (it may hold a token).
  const environmentUrl = config.environmentUrl
    ? withoutCredentials(config.environmentUrl)
    : withoutCredentials(config.health.urls[0], true);
  return {
    config,
    deps,
    api,
    result,
    note(text) {
      result.timeline.push({ at: deps.clock.now(), text });
      deps.logger.info(text);
    },
    async status(deployment, state, description) {
      await api.setStatus(deployment.id, state, description, {
        ...(deps.runUrl ? { logUrl: deps.runUrl } : {}),
        ...(environmentUrl ? { environmentUrl } : {}),
      });
      result.timeline.push({
        at: deps.clock.now(),
        text: `Deployment #${deployment.id} set to ${state}: ${description}`,
      });
    },
  };
}

/** A health URL may carry `user:pass@`: the environment URL people click on never does. */
export function withoutCredentials(url: string | undefined, dropQuery = false): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    if (dropQuery) {
      parsed.search = '';
      parsed.hash = '';
    }
    return parsed.toString();
  } catch {
    return url;
  }
}

export function refOf(deployment: ListedDeployment): DeploymentRef {
  return { id: deployment.id, ref: deployment.marker?.ref ?? deployment.ref, sha: deployment.sha };
}

export function elapsed(ms: number): string {
  return formatDuration(Math.max(0, Math.round(ms)));
}
