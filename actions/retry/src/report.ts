/** The `report` output (JSON) and the job summary: a timeline of attempts and the verdict. */
import {
  defaultRedactor,
  formatDuration,
  type Redactor,
  redactThenTruncate,
  Summary,
} from '@qeml/action-kit';
import type { RetryTask } from './inputs';
import type { AttemptRecord, RetryResult } from './retry-loop';

export interface AttemptReport {
  number: number;
  'started-at': string;
  'duration-ms': number;
  'exit-code': number | null;
  signal: string | null;
  outcome: string;
  reason: string;
  /** The wait before the next attempt; null when none followed. */
  'delay-ms': number | null;
}

export interface RetryReport {
  outcome: string;
  'attempt-count': number;
  'exit-code': number | null;
  'duration-ms': number;
  reason: string;
  /** Why no further attempt was made (empty on success). */
  'final-because': string;
  attempts: AttemptReport[];
}

export function buildReport(result: RetryResult): RetryReport {
  return {
    outcome: result.outcome,
    'attempt-count': result.attempts.length,
    'exit-code': result.exitCode,
    'duration-ms': Math.round(result.durationMs),
    reason: result.reason,
    'final-because': result.finalBecause,
    attempts: result.attempts.map(attemptReport),
  };
}

function attemptReport(record: AttemptRecord): AttemptReport {
  return {
    number: record.number,
    'started-at': new Date(record.startedAt).toISOString(),
    'duration-ms': Math.round(record.durationMs),
    'exit-code': record.exitCode,
    signal: record.signal,
    outcome: record.outcome,
    reason: record.reason,
    'delay-ms': record.delayMs,
  };
}

const MARK: Record<string, string> = { success: '✅', failure: '❌', timeout: '⏱️', cancelled: '🚫' };

/** One line a person reads first: what happened and why. */
export function verdict(result: RetryResult): string {
  const n = result.attempts.length;
  const attempts = `${n} attempt${n === 1 ? '' : 's'}`;
  const took = formatDuration(result.durationMs);
  if (result.outcome === 'success')
    return `${MARK.success} Succeeded on attempt ${n} (${attempts}, ${took}).`;
  if (result.outcome === 'cancelled') {
    // Cancelled while waiting (or in on-retry) before the next attempt, not during the last one.
    const during = result.attempts.at(-1)?.outcome === 'cancelled' || n === 0;
    return during
      ? `${MARK.cancelled} Cancelled during attempt ${Math.max(1, n)} (${took}).`
      : `${MARK.cancelled} Cancelled before attempt ${n + 1}, after ${attempts} (${took}).`;
  }
  const because =
    result.finalBecause && result.finalBecause !== result.reason
      ? `; stopped because ${result.finalBecause}`
      : '';
  return `${MARK[result.outcome] ?? MARK.failure} Failed after ${attempts} (${took}): ${result.reason}${because}.`;
}

/** The timeline as table rows: attempt, started, duration, exit code/signal, outcome, reason, delay before next. */
export function timelineRows(result: RetryResult): string[][] {
  return result.attempts.map((a) => [
    String(a.number),
    new Date(a.startedAt).toISOString().slice(11, 23),
    formatDuration(a.durationMs),
    a.signal ? `${a.exitCode ?? ''} (${a.signal})` : a.exitCode === null ? '' : String(a.exitCode),
    `${MARK[a.outcome] ?? ''} ${a.outcome}`,
    a.reason,
    a.delayMs === null ? '' : formatDuration(a.delayMs),
  ]);
}

export const TIMELINE_HEADERS = [
  'Attempt',
  'Started (UTC)',
  'Duration',
  'Exit code',
  'Outcome',
  'Reason',
  'Delay before next',
];

/** What the summary's heading names: the action a `uses:` retries, or the first line of the command. */
export function summaryTitle(task: RetryTask, redactor: Redactor = defaultRedactor): string {
  if (task.kind === 'action') return task.uses;
  // Redacted before it is cut: cut first, a secret straddling the cut would leave its prefix behind.
  return redactThenTruncate(task.script.trim().split('\n')[0] ?? '', 80, redactor);
}

/** The job summary: heading, verdict, timeline (redacted and size-capped by Summary). */
export function buildSummary(result: RetryResult, title: string, redactor?: Redactor): Summary {
  return new Summary(redactor ? { redactor } : {})
    .heading(`Retry: ${title}`, 3)
    .paragraph(verdict(result))
    .table(TIMELINE_HEADERS, timelineRows(result));
}

/** The timeline as plain text for a terminal (the CLI). */
export function timelineText(result: RetryResult): string {
  const rows = [TIMELINE_HEADERS, ...timelineRows(result)];
  const widths = TIMELINE_HEADERS.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  const lines = rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
  return [...lines, '', verdict(result)].join('\n');
}
