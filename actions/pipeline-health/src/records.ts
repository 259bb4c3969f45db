/** The plain records the metrics are computed from: what the fetch layer reads from the API. */

/** A workflow as the user names it (its `name` or its file name). */
export interface WorkflowRef {
  id: number;
  name: string;
  /** `.github/workflows/ci.yml` */
  path: string;
}

export interface AttemptRecord {
  number: number;
  /** `success`, `failure`, `timed_out`, `startup_failure`, `cancelled`, ...; null while not completed. */
  conclusion: string | null;
  /** run_started_at of this attempt (ms since epoch). */
  startedAt: number;
  /** updated_at of this attempt once completed: when it finished (ms since epoch). */
  completedAt: number;
}

export interface JobRecord {
  name: string;
  attempt: number;
  conclusion: string | null;
}

export interface RunRecord {
  id: number;
  /** The workflow's path (its key). */
  workflow: string;
  branch: string;
  headSha: string;
  createdAt: number;
  /** The latest attempt's status (`completed`, `in_progress`, ...). */
  status: string;
  /** Attempts 1..n, oldest first (details fetched only when n > 1). */
  attempts: AttemptRecord[];
  /** Every attempt's jobs: fetched only for runs with a failed attempt. */
  jobs?: JobRecord[];
}

/** Failure classes a failure-analysis report gives for one run attempt, by job name. */
export interface FailureReport {
  runId: number;
  /** The attempt it analysed; absent: it applies to every failed attempt of the run. */
  attempt?: number;
  classesByJob: Record<string, string>;
}

/** Conclusions that count a run, and which of them are failures (the definitions). */
export const SUCCESS = 'success';
export const FAILURE_CONCLUSIONS: ReadonlySet<string> = new Set(['failure', 'timed_out', 'startup_failure']);

export function isFailure(conclusion: string | null): boolean {
  return conclusion !== null && FAILURE_CONCLUSIONS.has(conclusion);
}

export function isCounted(conclusion: string | null): boolean {
  return conclusion === SUCCESS || isFailure(conclusion);
}

export const firstAttempt = (run: RunRecord): AttemptRecord | undefined => run.attempts[0];
export const latestAttempt = (run: RunRecord): AttemptRecord | undefined => run.attempts.at(-1);

export const MINUTE_MS = 60_000;

/** Minutes, rounded to two decimals (as every figure is reported). */
export function minutes(ms: number): number {
  return Math.round((ms / MINUTE_MS) * 100) / 100;
}

/** A percentage 0-100 with two decimals; null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 100;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
