import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import { ConfigurationError } from './errors';
import { type Logger, silentLogger } from './logger';
import { QEML_USER_AGENT } from './version';

const GitHubOctokit = Octokit.plugin(retry, throttling);

/** The Octokit client every action uses: REST methods, pagination, retries and rate-limit handling. */
export type GitHubClient = InstanceType<typeof GitHubOctokit>;

type OctokitOptions = NonNullable<ConstructorParameters<typeof GitHubOctokit>[0]>;
type RequestOptions = NonNullable<OctokitOptions['request']>;
type Fetch = typeof globalThis.fetch;

export interface GitHubClientOptions {
  token: string;
  /** REST API root; default `GITHUB_API_URL`, then https://api.github.com. GHES: `https://host/api/v3`. */
  apiUrl?: string;
  /** Default `qeml-actions/<version>`. */
  userAgent?: string;
  /** Retries after the first attempt, for server errors and for rate limits (default 3). */
  retries?: number;
  /**
   * Milliseconds per backoff unit (default 1000): server errors wait retryCount² units, rate limits
   * wait the seconds GitHub asks for (retry-after / x-ratelimit-reset) in units. Tests use 1.
   * Default: env QEML_GITHUB_RETRY_BASE_MS, else 1000.
   */
  retryAfterBaseValue?: number;
  throttle?: {
    /**
     * Minimum gap between two write requests, as GitHub recommends against secondary limits; requests
     * that notify people (issues, comments) wait 3x, searches 2x. Default: env
     * QEML_GITHUB_MIN_WRITE_INTERVAL_MS, else 1000 ms (end-to-end tests against a simulator set 0).
     */
    minWriteIntervalMs?: number;
    /** Seconds to wait on a secondary rate limit without retry-after (default 60). */
    fallbackSecondaryRateRetryAfter?: number;
  };
  /** Where retries and rate-limit waits are reported (default: silent). */
  log?: Logger;
  /** Extra Octokit request options (fetch, signal, ...). */
  request?: RequestOptions;
  /** Environment to read GITHUB_API_URL from (default process.env). */
  env?: NodeJS.ProcessEnv;
}

const DEFAULT_API_URL = 'https://api.github.com';
const MAX_REDIRECTS = 10;

/** Creates the GitHub client. The token is only ever sent to the API's own origin, also across redirects. */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const env = options.env ?? process.env;
  const baseUrl = resolveApiUrl(options.apiUrl ?? env.GITHUB_API_URL);
  const apiOrigin = new URL(baseUrl).origin;
  const retries = options.retries ?? 3;
  const retryAfterBaseValue =
    options.retryAfterBaseValue ?? envMilliseconds(env.QEML_GITHUB_RETRY_BASE_MS, 1000);
  const writeInterval =
    options.throttle?.minWriteIntervalMs ?? envMilliseconds(env.QEML_GITHUB_MIN_WRITE_INTERVAL_MS, 1000);
  const log = options.log ?? silentLogger;

  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _o: unknown, retryCount: number) => {
      if (retryCount < retries) {
        log.warning(
          `GitHub ${kind} rate limit hit on ${request.method} ${request.url}; retrying in ${retryAfter}s (retry ${retryCount + 1} of ${retries}).`,
        );
        return true;
      }
      log.warning(
        `GitHub ${kind} rate limit hit on ${request.method} ${request.url}; giving up after ${retries} retries.`,
      );
      return false;
    };

  return new GitHubOctokit({
    auth: options.token,
    baseUrl,
    userAgent: options.userAgent ?? QEML_USER_AGENT,
    log: {
      debug: (message: string) => log.debug(message),
      info: (message: string) => log.debug(message),
      warn: (message: string) => log.warning(message),
      error: (message: string) => log.error(message),
    },
    request: {
      ...options.request,
      fetch: tokenGuardedFetch(apiOrigin, options.request?.fetch ?? globalThis.fetch),
    },
    // 403/429 are rate limits: left to the throttling plugin, which knows how long GitHub asks us to wait.
    retry: { retries, retryAfterBaseValue, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    throttle: {
      retryAfterBaseValue,
      fallbackSecondaryRateRetryAfter: options.throttle?.fallbackSecondaryRateRetryAfter ?? 60,
      // Per-client groups so the spacing is ours to set (the plugin's defaults are shared and fixed at 1 s / 3 s / 2 s).
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: writeInterval }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: writeInterval * 3 }),
      search: new Bottleneck.Group({ maxConcurrent: 1, minTime: writeInterval * 2 }),
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
    },
  });
}

function envMilliseconds(value: string | undefined, fallback: number): number {
  const parsed = value === undefined || value.trim() === '' ? Number.NaN : Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
}

function resolveApiUrl(configured: string | undefined): string {
  const value = configured?.trim() || DEFAULT_API_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(
      `GitHub API URL ${JSON.stringify(value)} is not a URL: expected e.g. https://api.github.com or https://github.example.com/api/v3`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigurationError(
      `GitHub API URL ${JSON.stringify(value)} must be http(s): expected e.g. https://api.github.com`,
    );
  }
  return value.replace(/\/+$/, '');
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * A fetch that follows redirects itself so it can drop the Authorization header on every hop whose
 * origin is not the API's (e.g. a job log redirected to signed blob storage), and never sends the
 * token to another origin in the first place.
 */
export function tokenGuardedFetch(apiOrigin: string, baseFetch: Fetch): Fetch {
  return async (input, init = {}) => {
    let url = new URL(input instanceof Request ? input.url : String(input));
    const headers = new Headers(init.headers);
    let method = (init.method ?? 'GET').toUpperCase();
    let body = init.body;
    const followRedirects = (init.redirect ?? 'follow') === 'follow';
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (url.origin !== apiOrigin) headers.delete('authorization');
      const response = await baseFetch(url, { ...init, method, body, headers, redirect: 'manual' });
      const location = response.headers.get('location');
      if (!followRedirects || !REDIRECT_STATUSES.has(response.status) || !location) return response;
      await response.body?.cancel();
      url = new URL(location, url);
      if (
        response.status === 303 ||
        ((response.status === 301 || response.status === 302) && method === 'POST')
      ) {
        method = method === 'HEAD' ? 'HEAD' : 'GET';
        body = undefined;
        headers.delete('content-type');
        headers.delete('content-length');
      }
    }
    throw new TypeError(`Too many redirects (more than ${MAX_REDIRECTS}) from ${String(input)}`);
  };
}

export {
  commentOnMarkedIssue,
  findMarkedComment,
  findMarkedIssue,
  formatMarker,
  type MarkedIssue,
  type MarkedIssueQuery,
  type MarkedIssueRequest,
  type MarkedIssueResult,
  type Marker,
  parseMarker,
  upsertMarkedComment,
  upsertMarkedIssue,
} from './marked';
