import type { SimResponse } from './router';

/** Primary (budget per window) and secondary (burst) rate limits, on an injectable clock. */
export interface Clock {
  now(): number;
}

export interface RateLimitOptions {
  limit?: number;
  resetAfterSeconds?: number;
  /**
   * Budget of a GITHUB_TOKEN (a `ghs_` token) per repository and hour; default `limit`, else 1000
   * (docs "Rate limits for the REST API": GITHUB_TOKEN, 1,000 requests per hour per repository).
   */
  githubTokenLimit?: number;
  /** Status of a primary-limit refusal: GitHub answers 403 or 429 (default 403). */
  refusalStatus?: 403 | 429;
}

export interface SecondaryLimitOptions {
  maxRequests: number;
  perSeconds: number;
  retryAfterSeconds?: number;
}

export interface RateLimitState {
  limit: number;
  remaining: number;
  used: number;
  /** Epoch seconds, as in x-ratelimit-reset. */
  reset: number;
}

export type RateLimitVerdict =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; kind: 'primary' | 'secondary'; headers: Record<string, string> };

export const PRIMARY_LIMIT_DOCS =
  'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits';
export const SECONDARY_LIMIT_DOCS =
  'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits';

export class RateLimiter {
  private limit: number;
  private readonly resetAfterMs: number;
  private remaining: number;
  private resetAtSeconds: number;
  private readonly recent: number[] = [];
  private secondaryBlockedUntil = 0;

  constructor(
    private readonly clock: Clock,
    options: RateLimitOptions = {},
    private readonly secondary?: SecondaryLimitOptions,
    /** The `x-ratelimit-resource` this budget is: `core`, or `search` with its own budget. */
    readonly resource = 'core',
  ) {
    this.limit = options.limit ?? 5000;
    this.resetAfterMs = (options.resetAfterSeconds ?? 3600) * 1000;
    this.remaining = this.limit;
    this.resetAtSeconds = Math.ceil((clock.now() + this.resetAfterMs) / 1000);
  }

  /** Starts a fresh window once the reset time has passed. */
  private refresh(): void {
    const now = this.clock.now();
    if (now >= this.resetAtSeconds * 1000) {
      this.remaining = this.limit;
      this.resetAtSeconds = Math.ceil((now + this.resetAfterMs) / 1000);
    }
  }

  state(): RateLimitState {
    this.refresh();
    return {
      limit: this.limit,
      remaining: this.remaining,
      used: this.limit - this.remaining,
      reset: this.resetAtSeconds,
    };
  }

  headers(): Record<string, string> {
    const state = this.state();
    return {
      'x-ratelimit-limit': String(state.limit),
      'x-ratelimit-remaining': String(state.remaining),
      'x-ratelimit-used': String(state.used),
      'x-ratelimit-reset': String(state.reset),
      'x-ratelimit-resource': this.resource,
    };
  }

  set(update: { remaining?: number; limit?: number; resetAt?: number }): void {
    this.refresh();
    if (update.limit !== undefined) this.limit = update.limit;
    if (update.resetAt !== undefined) this.resetAtSeconds = update.resetAt;
    this.remaining = Math.min(update.remaining ?? this.remaining, this.limit);
  }

  /** Counts one API request; refuses it when either limit is exhausted (`burst` checks the secondary one). */
  consume(burst: RateLimiter = this): RateLimitVerdict {
    this.refresh();
    const now = this.clock.now();
    const secondary = burst.checkSecondary(now);
    if (secondary) return { allowed: false, kind: 'secondary', headers: { ...this.headers(), ...secondary } };
    if (this.remaining <= 0) return { allowed: false, kind: 'primary', headers: this.headers() };
    this.remaining -= 1;
    return { allowed: true, headers: this.headers() };
  }

  /** Gives back one counted request (a 304 answer is free); returns the headers after it. */
  refund(): Record<string, string> {
    this.refresh();
    this.remaining = Math.min(this.remaining + 1, this.limit);
    return this.headers();
  }

  checkSecondary(now: number): Record<string, string> | null {
    if (!this.secondary) return null;
    const { maxRequests, perSeconds, retryAfterSeconds } = this.secondary;
    const retryAfter = String(retryAfterSeconds ?? perSeconds);
    if (now < this.secondaryBlockedUntil) return { 'retry-after': retryAfter };
    const windowStart = now - perSeconds * 1000;
    while (this.recent.length > 0 && (this.recent[0] ?? 0) <= windowStart) this.recent.shift();
    if (this.recent.length >= maxRequests) {
      this.secondaryBlockedUntil = now + (retryAfterSeconds ?? 0) * 1000;
      return { 'retry-after': retryAfter };
    }
    this.recent.push(now);
    return null;
  }
}

/** Resources GET /rate_limit lists besides core and search, with GitHub's default budgets (REST docs "Get rate limit status"). */
const OTHER_RESOURCES: Record<string, number> = {
  graphql: 5000,
  integration_manifest: 5000,
  source_import: 100,
  code_scanning_upload: 1000,
  code_scanning_autofix: 10,
  actions_runner_registration: 10000,
  scim: 15000,
  dependency_snapshots: 100,
  dependency_sbom: 100,
  code_search: 10,
};

/** The body of GET /rate_limit: every resource, the live core and search budgets among them. */
export function rateLimitBody(
  core: RateLimiter,
  search: RateLimiter,
  clock: Clock,
): { resources: Record<string, RateLimitState>; rate: RateLimitState } {
  const hourFromNow = Math.ceil(clock.now() / 1000) + 3600;
  const resources: Record<string, RateLimitState> = { core: core.state(), search: search.state() };
  for (const [name, limit] of Object.entries(OTHER_RESOURCES)) {
    resources[name] = { limit, remaining: limit, used: 0, reset: hourFromNow };
  }
  return { resources, rate: core.state() };
}

/**
 * Which budget a request spends: search has its own (30 a minute); a GITHUB_TOKEN (`ghs_`) on a
 * repository route spends that repository's hourly budget; everything else the core budget.
 * The secondary (burst) limit is shared by all.
 */
export class RateBudgets {
  readonly core: RateLimiter;
  readonly search: RateLimiter;
  private readonly perRepository = new Map<string, RateLimiter>();
  private override: { remaining?: number; limit?: number; resetAt?: number } = {};
  private lastRepositoryBudget: RateLimiter | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly options: RateLimitOptions = {},
    secondary?: SecondaryLimitOptions,
  ) {
    this.core = new RateLimiter(clock, options, secondary);
    this.search = new RateLimiter(clock, { limit: 30, resetAfterSeconds: 60 }, undefined, 'search');
  }

  consume(token: string | undefined, path: string): RateLimitVerdict {
    if (path.startsWith('/search/')) return this.search.consume(this.core);
    const repository = /^\/repos\/([^/]+\/[^/]+)/.exec(path)?.[1]?.toLowerCase();
    if (!repository || !token?.startsWith('ghs_')) return this.core.consume();
    let budget = this.perRepository.get(repository);
    if (!budget) {
      const limit = this.options.githubTokenLimit ?? this.options.limit ?? 1000;
      budget = new RateLimiter(this.clock, {
        limit,
        resetAfterSeconds: this.options.resetAfterSeconds ?? 3600,
      });
      budget.set(this.override);
      this.perRepository.set(repository, budget);
    }
    this.lastRepositoryBudget = budget;
    return budget.consume(this.core);
  }

  /** Gives back the request `consume` counted for this token and path (a 304 does not count). */
  refund(token: string | undefined, path: string): Record<string, string> {
    if (path.startsWith('/search/')) return this.search.refund();
    const repository = /^\/repos\/([^/]+\/[^/]+)/.exec(path)?.[1]?.toLowerCase();
    const budget = repository && token?.startsWith('ghs_') ? this.perRepository.get(repository) : undefined;
    return (budget ?? this.core).refund();
  }

  /** The core budget GET /rate_limit shows: a GITHUB_TOKEN belongs to one repository, so that one's. */
  coreFor(token: string | undefined): RateLimiter {
    return token?.startsWith('ghs_') && this.lastRepositoryBudget ? this.lastRepositoryBudget : this.core;
  }

  /** `setRateLimit`: applies to every budget but search, including ones made later. */
  set(update: { remaining?: number; limit?: number; resetAt?: number }): void {
    this.override = { ...this.override, ...update };
    this.core.set(update);
    for (const budget of this.perRepository.values()) budget.set(update);
  }

  refusal(verdict: RateLimitVerdict & { allowed: false }): SimResponse {
    return rateLimitRefusal(verdict, this.options.refusalStatus ?? 403);
  }
}

/** GitHub's 403 (or 429) for a refused request; plugin-throttling tells the two limits apart by these messages. */
export function rateLimitRefusal(
  verdict: RateLimitVerdict & { allowed: false },
  primaryStatus = 403,
): SimResponse {
  const secondary = verdict.kind === 'secondary';
  const message = secondary
    ? 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.'
    : 'API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID.';
  return {
    status: secondary ? 403 : primaryStatus,
    body: { message, documentation_url: secondary ? SECONDARY_LIMIT_DOCS : PRIMARY_LIMIT_DOCS },
    headers: verdict.headers,
  };
}
