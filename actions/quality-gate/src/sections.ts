/**
 * The gate result as sections (a title, lines of text, a table), the one model both renderers
 * read: the job summary / PR comment (markdown) and the CLI (plain text).
 */
import type { Status } from '@qeml/action-kit';
import { type ConditionResult, formatRanges, METRICS } from '@qeml/reports';
import type { GateResult } from './gate';

export interface Section {
  title: string;
  lines: string[];
  table?: { headers: string[]; rows: string[][]; status?: Status[] };
  /** Shown collapsed in markdown. */
  collapsed?: boolean;
}

/** Rows shown per table; the rest are counted. */
export const ROW_CAP = 50;

export function formatValue(metric: ConditionResult['metric'], value: number | null): string {
  if (value === null) return '—';
  const unit = METRICS[metric].unit;
  const text = Number.isInteger(value) ? String(value) : value.toFixed(2);
  return `${text}${unit}`;
}

export function verdictLine(result: GateResult): string {
  const failed = result.evaluation.conditions.filter((c) => c.status === 'fail').length;
  const warned = result.evaluation.conditions.filter((c) => c.status === 'warn').length;
  const unreadable = result.reports.filter((r) => r.error).length;
  const parts = [
    failed > 0 ? `${failed} required condition(s) not met` : '',
    warned > 0 ? `${warned} recommended condition(s) not met` : '',
    unreadable > 0 ? `${unreadable} report(s) could not be read` : '',
    result.missing?.length ? `no ${result.missing.join(', ')} report found` : '',
  ].filter(Boolean);
  // The head says what happens to the step; the note explains a verdict the step does not follow.
  const head = !result.passed ? 'Failed' : result.verdict === 'pass' ? 'Passed' : 'Passed with warnings';
  const consequence =
    result.verdict === 'fail' && result.passed
      ? ' (fail-on: never, so the step passes)'
      : result.verdict === 'warn' && !result.passed
        ? ' (fail-on: recommended, so warnings fail the step)'
        : '';
  return `${head}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}${consequence}`;
}

function capped<T>(items: readonly T[], lines: string[], what: string): readonly T[] {
  if (items.length > ROW_CAP) lines.push(`Showing ${ROW_CAP} of ${items.length} ${what}.`);
  return items.slice(0, ROW_CAP);
}

function gateTable(result: GateResult): Section {
  const rows = result.evaluation.conditions.map((c) => [
    METRICS[c.metric].label,
    formatValue(c.metric, c.actual),
    `${c.op} ${formatValue(c.metric, c.threshold)}`,
    c.level,
    c.status === 'skip' ? `skipped: ${c.note ?? ''}` : c.status,
  ]);
  const status = result.evaluation.conditions.map((c) => c.status as Status);
  for (const report of result.reports.filter((r) => r.error)) {
    rows.push([`Report ${report.file}`, 'unreadable', 'readable', 'required', `fail: ${report.error}`]);
    status.push('fail');
  }
  for (const kind of result.missing ?? []) {
    rows.push([`Input ${kind}`, 'no file', 'a report', 'required', 'fail: its globs matched no file']);
    status.push('fail');
  }
  return {
    title: 'Gate',
    lines: [],
    table: { headers: ['Condition', 'Actual', 'Threshold', 'Level', 'Result'], rows, status },
  };
}

function changedFiles(result: GateResult): Section | undefined {
  const diff = result.evaluation.diff;
  if (!diff) return undefined;
  const lines = [
    `Diff coverage ${formatValue('diff-coverage', diff.percent)}: ${diff.covered} of ${diff.measured} changed line(s) with coverage information are covered (${diff.changedLines} line(s) changed${result.changes.from ? `, diff from ${result.changes.from}` : ''}).`,
  ];
  if (result.changes.note) lines.push(`Note: ${result.changes.note}.`);
  const uncovered = diff.files.filter((f) => f.uncoveredLines.length > 0);
  if (diff.notInReports.length > 0) {
    lines.push(
      `Not in any coverage report: ${diff.notInReports.slice(0, 10).join(', ')}${diff.notInReports.length > 10 ? ` and ${diff.notInReports.length - 10} more` : ''}.`,
    );
  }
  if (diff.mappingTried) {
    lines.push(
      'No changed file matched a coverage report path. Paths tried (set `source-roots` if these are relative to a folder):',
    );
    for (const m of diff.mappingTried)
      lines.push(`\`${m.reportPath}\` → ${m.tried.map((t) => `\`${t}\``).join(', ')}`);
  }
  const shown = capped(uncovered, lines, 'files with uncovered lines');
  return {
    title: 'Changed files with uncovered lines',
    lines,
    ...(shown.length > 0
      ? {
          table: {
            headers: ['File', 'Diff coverage', 'Uncovered lines'],
            rows: shown.map((f) => [f.path, `${f.covered}/${f.measured}`, formatRanges(f.uncoveredLines)]),
          },
        }
      : {}),
  };
}

function findings(result: GateResult): Section | undefined {
  const f = result.evaluation.findings;
  if (!f) return undefined;
  const counts = Object.entries(f.bySeverity)
    .map(([severity, n]) => `${severity} ${n}`)
    .join(', ');
  const lines = [`${counts}${f.suppressed > 0 ? ` (${f.suppressed} suppressed, not counted)` : ''}.`];
  const shown = capped(f.items, lines, 'findings');
  return {
    title: 'Findings by severity',
    lines,
    ...(shown.length > 0
      ? {
          table: {
            headers: ['Severity', 'Rule', 'Location', 'Message'],
            rows: shown.map((item) => [
              item.severity,
              `${item.tool} ${item.ruleId}`,
              item.path
                ? `${item.path}${item.line ? `:${item.line}` : ''}`
                : item.package
                  ? `${item.package.name}${item.package.version ? `@${item.package.version}` : ''}`
                  : '',
              item.message.length > 200 ? `${item.message.slice(0, 200)}…` : item.message,
            ]),
          },
        }
      : {}),
  };
}

function benchmarks(result: GateResult): Section | undefined {
  const deltas = result.evaluation.benchmarks;
  if (!deltas) return undefined;
  const lines = [
    'A regression is worse by more than the threshold AND by more than 3 standard errors of the difference (when the reports give a spread).',
  ];
  const shown = capped(deltas, lines, 'benchmarks');
  return {
    title: 'Benchmarks',
    lines,
    table: {
      headers: ['Benchmark', 'Baseline', 'Current', 'Change', 'Result'],
      rows: shown.map((d) => [
        d.name,
        d.baseline === null ? '—' : `${d.baseline} ${d.unit}`,
        `${d.current} ${d.unit}`,
        d.worsePercent === null
          ? '—'
          : `${d.worsePercent > 0 ? '+' : ''}${d.worsePercent.toFixed(1)}% ${d.worsePercent > 0 ? 'worse' : 'better'}${d.noise !== null ? ` (noise ±${d.noise.toPrecision(3)})` : ''}`,
        d.status,
      ]),
    },
  };
}

function complexity(result: GateResult): Section | undefined {
  const c = result.evaluation.complexity;
  if (!c) return undefined;
  const lines = [
    `${c.considered} ${c.scope === 'changed' ? 'changed ' : ''}function(s); highest complexity ${c.max ?? '—'}; ${c.offenders.length} above ${c.threshold}.`,
  ];
  const shown = capped(c.offenders, lines, 'offenders');
  return {
    title: 'Complexity offenders',
    lines,
    ...(shown.length > 0
      ? {
          table: {
            headers: ['Function', 'Location', 'Complexity'],
            rows: shown.map((o) => [o.name, `${o.path}${o.line ? `:${o.line}` : ''}`, String(o.complexity)]),
          },
        }
      : {}),
  };
}

function tests(result: GateResult): Section | undefined {
  const t = result.evaluation.tests;
  if (!t) return undefined;
  const lines = [`${t.total} test(s): ${t.failed} failed, ${t.errors} error(s), ${t.skipped} skipped.`];
  const shown = capped(t.failures, lines, 'failures');
  return {
    title: 'Tests',
    lines,
    ...(shown.length > 0
      ? {
          table: {
            headers: ['Test', 'Kind', 'Message'],
            rows: shown.map((f) => [
              f.classname ? `${f.classname}.${f.name}` : f.name,
              f.kind,
              (f.message ?? '').slice(0, 200),
            ]),
          },
        }
      : {}),
  };
}

function baselineAndReports(result: GateResult): Section {
  const lines: string[] = [];
  const b = result.baseline;
  if (b.status === 'restored') {
    lines.push(
      `Baseline: ${b.key}${b.metrics?.sha ? ` (commit ${b.metrics.sha.slice(0, 12)}` : ' ('}${b.metrics?.savedAt ? `, saved ${b.metrics.savedAt})` : ')'}.`,
    );
  } else {
    lines.push(`Baseline: ${b.reason ?? b.status}.`);
  }
  if (b.saved)
    lines.push(
      b.saved.ok
        ? `This run's metrics were saved as the new baseline (${b.saved.key}).`
        : `The baseline was not saved: ${b.saved.reason}.`,
    );
  for (const report of result.reports) {
    lines.push(
      `${report.file}: ${report.error ? `unreadable (${report.error})` : report.format}${report.warnings.length > 0 ? ` — ${report.warnings.join('; ')}` : ''}`,
    );
  }
  for (const { kind, glob } of result.unmatched) lines.push(`Input ${kind}: \`${glob}\` matched no file.`);
  if (result.annotationsLeftOut > 0) {
    lines.push(
      `${result.annotationsLeftOut} annotation(s) left out: the runner shows at most 10 error and 10 warning annotations per step.`,
    );
  }
  return { title: 'Reports and baseline', lines, collapsed: true };
}

export function gateSections(result: GateResult): Section[] {
  return [
    gateTable(result),
    changedFiles(result),
    findings(result),
    benchmarks(result),
    complexity(result),
    tests(result),
    baselineAndReports(result),
  ].filter((s): s is Section => s !== undefined);
}
