/**
 * A clock whose waits return at once while time still moves on by the amount waited (plus the real
 * time that passes). main.ts uses it only when QEML_ROLLBACK_SKIP_WAITS=1: end-to-end tests and the
 * demo run the bundle through minutes of intervals and a real deadline in a second or two.
 */
import { abortError, type Clock } from '@qeml/action-kit';

export class SkippingClock implements Clock {
  skippedMs = 0;

  now(): number {
    return Date.now() + this.skippedMs;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw abortError(signal);
    this.skippedMs += Number.isFinite(ms) && ms > 0 ? ms : 0;
    // Yield, so a wait still lets other work (a server answering, a signal) run.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
