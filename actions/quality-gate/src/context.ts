/**
 * Where the gate runs, from the runner's variables and the event payload (both passed in): the
 * pull request to diff, whether this is a push to the default branch (which saves the baseline),
 * and a cache key unique to the run.
 */
import type { ChangeSource } from './changes';
import type { GateContext } from './gate';

interface EventPayload {
  pull_request?: { number?: number; base?: { sha?: string }; head?: { sha?: string } };
  repository?: { default_branch?: string };
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

export interface RunnerContext extends GateContext {
  owner?: string;
  repo?: string;
  /** The pull request number, when the event is one. */
  pullNumber?: number;
}

export function runnerContext(env: NodeJS.ProcessEnv, event: EventPayload): RunnerContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const pull = event.pull_request;
  let changeSource: ChangeSource;
  if (
    PULL_REQUEST_EVENTS.has(eventName) &&
    pull?.number &&
    pull.base?.sha &&
    pull.head?.sha &&
    owner &&
    repo
  ) {
    changeSource = {
      kind: 'pull-request',
      owner,
      repo,
      number: pull.number,
      baseSha: pull.base.sha,
      headSha: pull.head.sha,
    };
  } else {
    changeSource = {
      kind: 'none',
      reason: `no diff for a ${eventName || 'local'} event (diff coverage needs a pull request)`,
    };
  }
  const defaultBranch = event.repository?.default_branch;
  const isDefaultPush =
    eventName === 'push' && defaultBranch !== undefined && env.GITHUB_REF === `refs/heads/${defaultBranch}`;
  return {
    changeSource,
    saveBaseline: isDefaultPush,
    runKey: `${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`,
    ...(env.GITHUB_SHA ? { sha: env.GITHUB_SHA } : {}),
    ...(owner && repo ? { owner, repo } : {}),
    ...(changeSource.kind === 'pull-request' ? { pullNumber: changeSource.number } : {}),
  };
}
