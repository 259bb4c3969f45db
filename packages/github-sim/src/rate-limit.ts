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
      'x-ratelimit-resource': 'core',
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
