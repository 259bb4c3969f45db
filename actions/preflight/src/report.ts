/** The preflight result rendered twice: the job summary (one table of checks) and text for the CLI; plus the `report` JSON. */
import { type Status, Summary, statusMark } from '@qeml/action-kit';
import type { ChangedFile } from './git';
import type { PreflightResult } from './preflight';

const MARK: Record<string, Status> = { pass: 'pass', warn: 'warn', fail: 'fail' };
const SHOWN_FILES = 50;

export interface PreflightReport {
  'should-run': boolean;
  reason: string;
  failed: boolean;
  changes: { how: string; via: string; full: boolean; base?: string; head?: string; count: number };
  groups: string[];
  'matrix-jobs': number;
  'full-matrix-jobs': number;
  suites: string[];
  duplicate?: { id: number; url: string };
  shards: number;
  checks: { id: string; result: string; severity: string; detail: string; problems: string[] }[];
  'duration-ms': number;
}

export function buildReport(result: PreflightResult): PreflightReport {
  const { changes } = result;
  return {
    'should-run': result.shouldRun,
    reason: result.reason,
    failed: result.failed,
    changes: {
      how: changes.how,
      via: changes.via,
      full: changes.full,
      ...(changes.base ? { base: changes.base } : {}),
      ...(changes.head ? { head: changes.head } : {}),
      count: changes.files.length,
    },
    groups: result.selection.groups,
    'matrix-jobs': result.shouldRun ? result.matrix.length : 0,
    'full-matrix-jobs': result.fullMatrixSize,
    suites: result.suites,
    ...(result.duplicate ? { duplicate: result.duplicate } : {}),
    shards: result.shards.length,
    checks: result.checks.map((c) => ({
      id: c.id,
      result: c.result,
      severity: c.severity,
      detail: c.detail,
      problems: c.problems.map((p) => p.message),
    })),
    'duration-ms': Math.round(result.durationMs),
  };
}

/** The first line a person reads. */
export function verdict(result: PreflightResult): string {
  const failed = result.checks.filter((c) => c.result === 'fail');
  const checks =
    failed.length > 0
      ? `${statusMark('fail')} ${failed.length} check(s) failed: ${failed.map((c) => c.id).join(', ')}. `
      : '';
  const run = result.shouldRun
    ? `${result.fullMatrixSize > 0 ? `${result.matrix.length} of ${result.fullMatrixSize} matrix jobs run` : 'Tests run'}: ${result.reason}.`
    : `Nothing to run: ${result.reason}.`;
  return `${checks}${run}`;
}

export const CHECK_HEADERS = ['Check', 'Result', 'Severity', 'Details'];

export function checkRows(result: PreflightResult): string[][] {
  return result.checks.map((c) => [
    c.id,
    `${statusMark(MARK[c.result] ?? 'info')} ${c.result}`,
    c.severity,
    c.detail,
  ]);
}

function fileLine(file: ChangedFile): string {
  return file.previous ? `${file.previous} → ${file.path} (${file.status})` : `${file.path} (${file.status})`;
}

export function buildSummary(result: PreflightResult): Summary {
  const summary = new Summary()
    .heading('Preflight', 3)
    .paragraph(verdict(result))
    .table(CHECK_HEADERS, checkRows(result));
  for (const check of result.checks.filter((c) => c.problems.length > 1)) {
    summary.details(
      `${check.id}: ${check.problems.length} findings`,
      new Summary().list(check.problems.map((p) => p.message)),
    );
  }
  const { changes } = result;
  const shown = changes.files.slice(0, SHOWN_FILES).map(fileLine);
  if (changes.files.length > SHOWN_FILES) shown.push(`… and ${changes.files.length - SHOWN_FILES} more`);
  summary.details(
    `${changes.files.length} changed file(s): ${changes.how}`,
    shown.length > 0 ? new Summary().list(shown) : changes.how,
  );
  if (result.shouldRun && result.fullMatrixSize > 0) {
    const keys = [...new Set(result.matrix.flatMap((combo) => Object.keys(combo)))];
    const rows = result.matrix.map((combo) => keys.map((k) => (k in combo ? formatValue(combo[k]) : '')));
    summary.details(
      `Matrix: ${result.matrix.length} of ${result.fullMatrixSize} jobs`,
      new Summary().table(keys, rows),
    );
  }
  if (result.shards.length > 0) {
    summary.table(
      ['Shard', 'Files', 'Expected'],
      result.shards.map((s) => [String(s.index), String(s.files.length), `${s['expected-seconds']} s`]),
    );
  }
  return summary;
}

function formatValue(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** For a terminal: the checks table, then the verdict and what runs. */
export function resultText(result: PreflightResult): string {
  const rows = [CHECK_HEADERS, ...checkRows(result)];
  const widths = CHECK_HEADERS.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  const lines = rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(Math.min(widths[i] ?? 0, 60)))
      .join('  ')
      .trimEnd(),
  );
  for (const check of result.checks)
    for (const problem of check.problems) lines.push(`  ${check.id}: ${problem.message}`);
  lines.push('', `Changed files: ${result.changes.files.length} (${result.changes.how})`);
  if (result.suites.length > 0) lines.push(`Suites: ${result.suites.join(', ')}`);
  lines.push('', verdict(result));
  return lines.join('\n');
}
