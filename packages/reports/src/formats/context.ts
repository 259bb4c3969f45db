/** What every format parser shares: the caps, the warnings it adds, and what it returns. */
import type { ReportDeps, ReportLimits } from '../deps';
import type { Report } from '../model';

export interface ParseContext {
  limits: ReportLimits;
  warnings: string[];
  customBenchmarks: ReportDeps['customBenchmarks'];
  keepLines: ReportDeps['keepLines'];
}

/** A format's result: its format and the one section it fills (the others stay null). */
export type Parsed = Pick<Report, 'format'> &
  Partial<Pick<Report, 'coverage' | 'findings' | 'benchmarks' | 'tests' | 'complexity'>>;

export interface XmlFormat {
  result(): Parsed;
}

/** A finite number from an attribute or JSON value, else undefined. */
export function num(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** Keeps at most `max` items; `dropped` counts the rest for one warning at the end. */
export class CappedList<T> {
  readonly items: T[] = [];
  dropped = 0;
  constructor(private readonly max: number) {}
  push(item: T): void {
    if (this.items.length < this.max) this.items.push(item);
    else this.dropped++;
  }
  warn(warnings: string[], what: string): void {
    if (this.dropped > 0) {
      warnings.push(
        `kept the first ${this.max} ${what} (limits.maxItems); ${this.dropped} more counted but not listed`,
      );
    }
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
