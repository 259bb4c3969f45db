/** The form users are told to write when a duration is wrong. */
export const DURATION_FORM = 'a duration like 250ms, 30s, 5m or 1h30m (a bare number means seconds)';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

// A bare number of seconds, or one or more `<number><unit>` parts, optionally separated by spaces
// ("1h30m" and "1h 30m" are the same). Anchored and without nested repetition, so it is linear.
const BARE_SECONDS = /^\d+(?:\.\d+)?$/;
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|h|m|s) ?)+$/;
const PART = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
const MAX_TEXT = 64;

/**
 * Parses a user-written duration into milliseconds: `250ms`, `30s`, `5m`, `1h30m`, `1h 30m`, `1.5s`;
 * a bare number (`45`) means seconds. Throws an Error naming the expected form for anything else
 * (`5 minutes`, `-1s`, `1d`).
 */
export function parseDuration(text: string): number {
  const value = text.trim();
  const ms = value.length <= MAX_TEXT ? toMilliseconds(value) : undefined;
  if (ms === undefined) {
    throw new Error(
      `Invalid duration ${JSON.stringify(value.slice(0, MAX_TEXT))}: expected ${DURATION_FORM}`,
    );
  }
  return ms;
}

function toMilliseconds(value: string): number | undefined {
  if (BARE_SECONDS.test(value)) return checked(Number(value) * 1000);
  if (!WHOLE.test(value) || value.endsWith(' ')) return undefined;
  let total = 0;
  for (const [, amount, unit] of value.matchAll(PART)) {
    total += Number(amount) * (UNIT_MS[unit as string] ?? Number.NaN);
  }
  return checked(total);
}

function checked(ms: number): number | undefined {
  const rounded = Math.round(ms);
  return Number.isSafeInteger(rounded) ? rounded : undefined;
}

/** Formats milliseconds the way users write them: `250ms`, `30s`, `1.5s`, `2m5s`, `1h30m`. Round-trips through parseDuration. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const sign = ms < 0 ? '-' : '';
  let rest = Math.round(Math.abs(ms));
  if (rest < 1000) return `${sign}${rest}ms`;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = rest / 1000;
  let text = '';
  if (hours > 0) text += `${hours}h`;
  if (minutes > 0) text += `${minutes}m`;
  if (seconds > 0) text += `${Number(seconds.toFixed(3))}s`;
  return sign + text;
}
