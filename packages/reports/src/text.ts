/** A readable table of parsed reports (what `qeml report` prints): one line per file, then details and warnings. */
import { percent } from './coverage';
import type { Report } from './model';
import { isReportError, type ReportResult } from './parse';

const MAX_DETAIL = 20;

export function reportsTable(results: readonly ReportResult[]): string {
  const rows = [['FILE', 'FORMAT', 'SUMMARY']];
  const details: string[] = [];
  for (const result of results) {
    if (isReportError(result)) {
      rows.push([result.file, '-', `error: ${result.error}`]);
      continue;
    }
    rows.push([result.file, result.format, summary(result)]);
    const lines = detail(result);
    if (lines.length > 0) details.push(`${result.file}:`, ...lines.map((line) => `  ${line}`));
    for (const warning of result.warnings) details.push(`${result.file}: warning: ${warning}`);
  }
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  const table = rows.map(
    ([file, format, text]) => `${file!.padEnd(widths[0]!)}  ${format!.padEnd(widths[1]!)}  ${text}`,
  );
  return `${[...table, ...(details.length > 0 ? ['', ...details] : [])].join('\n')}\n`;
}

function summary(report: Report): string {
  const { coverage, findings, benchmarks, tests, complexity } = report;
  if (coverage) {
    const parts = [`lines ${percent(coverage.lines)} (${coverage.lines.covered}/${coverage.lines.total})`];
    if (coverage.branches.total > 0) {
      parts.push(
        `branches ${percent(coverage.branches)} (${coverage.branches.covered}/${coverage.branches.total})`,
      );
    }
    return `${parts.join(', ')}; ${coverage.files.length} files`;
  }
  if (findings) {
    const bySeverity = Object.entries(findings.bySeverity)
      .filter(([, count]) => count > 0)
      .map(([severity, count]) => `${severity} ${count}`);
    const suppressed = findings.suppressed > 0 ? ` (${findings.suppressed} suppressed)` : '';
    return `${findings.total} findings${suppressed}${bySeverity.length > 0 ? `: ${bySeverity.join(', ')}` : ''}`;
  }
  if (benchmarks) return `${benchmarks.length} benchmarks`;
  if (tests)
    return `${tests.total} tests: ${tests.failed} failed, ${tests.errors} errors, ${tests.skipped} skipped`;
  if (complexity) {
    const top = complexity.reduce<(typeof complexity)[number] | undefined>(
      (best, item) => (best === undefined || item.complexity > best.complexity ? item : best),
      undefined,
    );
    return `${complexity.length} functions${top ? `, highest complexity ${top.complexity} (${top.name})` : ''}`;
  }
  return '';
}

function detail(report: Report): string[] {
  const lines: string[] = [];
  for (const b of report.benchmarks ?? []) {
    const spread = b.stddev !== undefined ? ` ± ${round(b.stddev)}` : '';
    lines.push(
      `${b.name}: ${round(b.value)}${spread} ${b.unit} (${b.biggerIsBetter ? 'bigger' : 'smaller'} is better)`,
    );
  }
  for (const f of report.tests?.failures ?? []) {
    lines.push(
      `${f.kind} ${f.classname ? `${f.classname} › ` : ''}${f.name}${f.message ? `: ${f.message}` : ''}`,
    );
  }
  const shown = lines.slice(0, MAX_DETAIL);
  if (lines.length > MAX_DETAIL) shown.push(`... and ${lines.length - MAX_DETAIL} more`);
  return shown;
}

function round(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
