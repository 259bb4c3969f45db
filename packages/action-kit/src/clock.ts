/** Time as the actions see it: injected so tests never wait for real backoff. */
export interface Clock {
  /** Milliseconds since the epoch (virtual in tests). */
  now(): number;
  /** Waits `ms` milliseconds; rejects with an AbortError as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The error a sleep rejects with when its signal aborts (`name === 'AbortError'`, cause = the abort reason). */
export function abortError(signal?: AbortSignal): Error {
  const error = new Error('The operation was aborted');
  error.name = 'AbortError';
  if (signal?.reason !== undefined) error.cause = signal.reason;
  return error;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

function validDelay(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

// setTimeout overflows above 2^31-1 ms and would fire at once; longer sleeps are chained.
const MAX_TIMER_MS = 2_147_483_647;

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError(signal));
        return;
      }
      let remaining = validDelay(ms);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortError(signal));
      };
      const wait = () => {
        const step = Math.min(remaining, MAX_TIMER_MS);
        remaining -= step;
        timer = setTimeout(() => {
          if (remaining > 0) {
            wait();
            return;
          }
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, step);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      wait();
    });
  },
};

/** A clock for tests: `sleep` returns at once after moving virtual time forward, and remembers each delay. */
export class VirtualClock implements Clock {
  /** Every delay passed to `sleep`, in call order (as requested, before clamping negatives to 0). */
  readonly sleeps: number[] = [];
  private time: number;

  constructor(startMs = 0) {
    this.time = startMs;
  }

  now(): number {
    return this.time;
  }

  /** Moves virtual time forward without recording a sleep (e.g. to simulate work taking time). */
  advance(ms: number): void {
    this.time += validDelay(ms);
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw abortError(signal);
    this.sleeps.push(ms);
    this.time += validDelay(ms);
  }
}
