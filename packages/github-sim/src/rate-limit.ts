import type { SimResponse } from './router';

/** Primary (budget per window) and secondary (burst) rate limits, on an injectable clock. */
export interface Clock {
  now(): number;
}

export interface RateLimitOptions {
  limit?: number;
  resetAfterSeconds?: number;
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

  /** Counts one API request; refuses it when either limit is exhausted. */
  consume(): RateLimitVerdict {
    this.refresh();
    const now = this.clock.now();
    const secondary = this.checkSecondary(now);
    if (secondary) return { allowed: false, kind: 'secondary', headers: { ...this.headers(), ...secondary } };
    if (this.remaining <= 0) return { allowed: false, kind: 'primary', headers: this.headers() };
    this.remaining -= 1;
    return { allowed: true, headers: this.headers() };
  }

  private checkSecondary(now: number): Record<string, string> | null {
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

/** GitHub's 403 for a refused request; plugin-throttling tells the two limits apart by these messages. */
export function rateLimitRefusal(verdict: RateLimitVerdict & { allowed: false }): SimResponse {
  const secondary = verdict.kind === 'secondary';
  const message = secondary
    ? 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.'
    : 'API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID.';
  return {
    status: 403,
    body: { message, documentation_url: secondary ? SECONDARY_LIMIT_DOCS : PRIMARY_LIMIT_DOCS },
    headers: verdict.headers,
  };
}
