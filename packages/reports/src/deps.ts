/**
 * What a report parser needs from outside: the file's bytes, a clock (for the time cap), a logger and
 * the caps. Everything comes through one `deps` object so tests feed bytes from memory and the CLI
 * and the quality gate feed them from disk (`fileSource`).
 */
import type { Logger } from '@qeml/action-kit';

/** Where report bytes come from. */
export interface ReportSource {
  /** The file's bytes, in chunks (read lazily: the parser stops pulling when a cap is reached). */
  read(file: string): AsyncIterable<Uint8Array>;
  /** Its size when known, so a file over the byte cap is refused before a byte is read. */
  size?(file: string): Promise<number | undefined>;
}

export interface ReportLimits {
  /** Bytes read from a streamed (XML or text) report before it is refused. */
  maxBytes: number;
  /** Bytes of a JSON report (parsed whole once read, so its cap is lower). */
  maxJsonBytes: number;
  /** XML elements, or text records (and lines spanned by Go cover blocks), in one file before it is refused. */
  maxEntries: number;
  /** Detail items kept per list (findings, test failures, complexity items); counts go on past it. */
  maxItems: number;
  /** Wall time for one file, in milliseconds. */
  maxMillis: number;
}

export const DEFAULT_LIMITS: ReportLimits = {
  maxBytes: 256 * 1024 * 1024,
  maxJsonBytes: 64 * 1024 * 1024,
  maxEntries: 20_000_000,
  maxItems: 20_000,
  maxMillis: 120_000,
};

export interface ReportDeps {
  source: ReportSource;
  clock?: { now(): number };
  logger?: Logger;
  limits?: Partial<ReportLimits>;
  /**
   * Direction of github-action-benchmark's custom format, which the file itself does not say
   * (the action's `customBiggerIsBetter` / `customSmallerIsBetter`). Default: guessed from the unit.
   */
  customBenchmarks?: 'biggerIsBetter' | 'smallerIsBetter';
  /**
   * Which coverage files keep their per-line hits (default: all). For the others `lines` stays empty
   * and `lineTotals` holds their counts, so memory follows the files kept, not the report's size
   * (e.g. keep only the files a diff touches).
   */
  keepLines?: (path: string) => boolean;
}

/** A report that cannot be read or parsed; the message names no file (the caller adds it). */
export class ReportInputError extends Error {
  override name = 'ReportInputError';
}

export function resolveLimits(limits: Partial<ReportLimits> | undefined): ReportLimits {
  const merged = { ...DEFAULT_LIMITS, ...limits };
  for (const [key, value] of Object.entries(merged)) {
    if (!Number.isFinite(value) || value <= 0)
      throw new RangeError(`limits.${key} must be a positive number`);
  }
  return merged;
}

export function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
