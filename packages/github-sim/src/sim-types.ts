import type { FaultInjector } from './faults';
import type { SimModel } from './model';
import type { Clock, RateLimitOptions, SecondaryLimitOptions } from './rate-limit';
import type { RouteHandler, SimResponse } from './router';

/** The public shape of a running sim: its options, its request log records and its handle. */

/** The three origins: the REST API, blob storage (logs, tarballs, cache archives), the cache service. */
export type SimOrigin = 'api' | 'storage' | 'cache';

export interface GitHubSimOptions {
  rateLimit?: RateLimitOptions;
  /** Abuse limit: more than `maxRequests` in `perSeconds` answers 403 with retry-after. */
  secondaryLimit?: SecondaryLimitOptions;
  /** Lifetime of signed log/tarball URLs (default 60 s, like GitHub's). */
  logUrlTtlMs?: number;
  /** Seed of the PRNG behind probabilistic faults. */
  seed?: number;
  /** Time source for rate-limit windows, URL expiry and timestamps (default Date.now). */
  clock?: Clock;
  /** Answer 401 without a token (`true`) or unless the token is one of these. */
  requireToken?: boolean | string | string[];
  /** Request bodies above this size get 413 (default 5 MiB). */
  maxBodyBytes?: number;
  /** Uploads to the cache service and blob storage above this size get 413 (default 64 MiB). */
  maxUploadBytes?: number;
  /** How long a new or edited issue stays invisible to search (default 3 s); follows `clock`. */
  searchIndexDelayMs?: number;
  /** How long dispatches, re-runs and cancels take to show (default 0: at once); follows `clock`. */
  effectDelayMs?: number;
  /** Lifetime of the signed cache upload/download URLs (default 10 minutes). */
  cacheUrlTtlMs?: number;
  /** Sees every answer of the REST API listener (e.g. to check it against GitHub's OpenAPI description). */
  onApiResponse?: (record: RequestRecord, response: SimResponse) => void;
}

export interface RequestRecord {
  /** Which listener answered: the REST API, blob storage or the cache service. */
  origin: SimOrigin;
  method: string;
  path: string;
  query: Record<string, string>;
  /** The matched route template, or null when no route matched. */
  route: string | null;
  /** 0 when the connection was dropped by a fault. */
  status: number;
  /** Lower-cased; authorization is kept as `<scheme> REDACTED`. */
  headers: Record<string, string>;
  hasAuthorization: boolean;
  /** The JSON body (API requests); uploads are logged by size only. */
  body?: unknown;
  bodyBytes?: number;
  at: number;
  /** Id of the fault that shaped this response, if any. */
  fault?: string;
}

export interface GitHubSim {
  /** API base URL (use as GITHUB_API_URL / octokit baseUrl). */
  url: string;
  /** Web base URL used in html_url links. */
  serverUrl: string;
  /**
   * Base of the signed log/tarball URLs: a second loopback listener, so a different origin from
   * `url`, as GitHub redirects to blob storage / codeload on another host.
   */
  blobUrl: string;
  /** Origin of the Actions cache service (twirp v2 and the v1 `_apis/artifactcache` REST API). */
  cacheUrl: string;
  /**
   * The environment a job step gets for `@actions/cache` against this sim, with a runtime token
   * scoped to `repo` and `ref`: v2 (github.com) or v1 (GHES, where GITHUB_SERVER_URL is the sim).
   */
  cacheEnv(repo: string, options?: { version?: 'v1' | 'v2'; ref?: string }): Record<string, string>;
  model: SimModel;
  faults: FaultInjector;
  requests: RequestRecord[];
  clearRequests(): void;
  /** Adds or overrides a route; later routes win over built-in ones with the same template. */
  route(method: string, template: string, handler: RouteHandler): void;
  /** `resetAt` is in epoch seconds, as in x-ratelimit-reset. */
  setRateLimit(update: { remaining?: number; limit?: number; resetAt?: number }): void;
  close(): Promise<void>;
}
