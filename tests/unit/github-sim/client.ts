import { afterAll, beforeAll } from '@jest/globals';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { createGitHubClient, type GitHubClient } from '@qeml/action-kit';
import { type AddRepoOptions, type GitHubSim, type GitHubSimOptions, startGitHubSim } from '@qeml/github-sim';
import { contractCheck } from './contract';

const ThrottledOctokit = Octokit.plugin(retry, throttling);
export type SimClient = InstanceType<typeof ThrottledOctokit>;

type LimitHandler = (
  retryAfter: number,
  options: unknown,
  octokit: unknown,
  retryCount: number,
) => boolean | undefined;

/**
 * The plugin's write/search/notification groups space requests 1-3 s apart; tests hand it groups
 * that run at once so they stay fast (the global group still applies).
 */
const immediateGroup = {
  key: () => ({
    schedule: (_options: unknown, task: (...args: unknown[]) => unknown, ...args: unknown[]) =>
      Promise.resolve(task(...args)),
  }),
} as never;

/** Octokit as the actions build it (retry + throttling), with backoff units of 1 ms instead of 1 s. */
export function simClient(
  sim: GitHubSim,
  handlers: { onRateLimit?: LimitHandler; onSecondaryRateLimit?: LimitHandler; retries?: number } = {},
): SimClient {
  return new ThrottledOctokit({
    baseUrl: sim.url,
    auth: 'ghs_test',
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    retry: { retryAfterBaseValue: 1, retries: handlers.retries ?? 3 },
    throttle: {
      retryAfterBaseValue: 1,
      onRateLimit: handlers.onRateLimit ?? (() => false),
      onSecondaryRateLimit: handlers.onSecondaryRateLimit ?? (() => false),
      write: immediateGroup,
      search: immediateGroup,
      notifications: immediateGroup,
    },
  });
}

/**
 * The client the actions really use (`createGitHubClient`: retries, throttling, token kept to the
 * API origin across redirects), with 1 ms backoff units and no write spacing.
 */
export function actionClient(sim: GitHubSim, token = 'ghs_test'): GitHubClient {
  return createGitHubClient({
    token,
    apiUrl: sim.url,
    retryAfterBaseValue: 1,
    throttle: { minWriteIntervalMs: 0 },
    env: {},
  });
}

/** A settable clock for the sim: rate-limit windows and signed URL expiry follow it. */
export class ManualClock {
  constructor(public ms = Date.UTC(2024, 0, 1)) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface SimWithRepo {
  sim: GitHubSim;
  octokit: SimClient;
  /** `{ owner: 'o', repo: 'r' }`, to spread into octokit parameters. */
  repo: { owner: string; repo: string };
}

/**
 * For a describe block: starts a sim holding the repository o/r (and an octokit client on it)
 * before its tests and closes it after them. `sim` and `octokit` are set once the tests run.
 * Every answer is checked against GitHub's OpenAPI description (contract.ts).
 */
export function simWithRepo(repoOptions?: AddRepoOptions, simOptions: GitHubSimOptions = {}): SimWithRepo {
  const fixture = { repo: { owner: 'o', repo: 'r' } } as SimWithRepo;
  const onApiResponse = contractCheck();
  beforeAll(async () => {
    fixture.sim = await startGitHubSim({ ...simOptions, onApiResponse });
    fixture.sim.model.addRepo('o', 'r', repoOptions);
    fixture.octokit = simClient(fixture.sim);
  });
  afterAll(() => fixture.sim.close());
  return fixture;
}
