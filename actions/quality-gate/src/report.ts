/** The gate result rendered: job summary and PR comment (markdown), CLI text, the `report` JSON. */
import { type Status, Summary, statusMark } from '@qeml/action-kit';
import type { GateResult } from './gate';
import { gateSections, type Section, verdictLine } from './sections';

function verdictStatus(result: GateResult): Status {
  return result.verdict === 'fail' ? 'fail' : result.verdict === 'warn' ? 'warn' : 'pass';
}

function addSection(summary: Summary, section: Section): void {
  const body = new Summary();
  for (const line of section.lines) body.paragraph(line);
  if (section.table) {
    const { headers, rows, status } = section.table;
    body.table(
      status ? ['', ...headers] : headers,
      rows.map((row, i) => (status ? [statusMark(status[i] ?? 'info'), ...row] : row)),
    );
  }
  if (section.collapsed) {
    summary.details(section.title, body);
  } else {
    summary.heading(section.title, 3);
    summary.raw(body.render().trimEnd());
  }
}

/** The job summary: the verdict, the gate table and every section. */
export function buildSummary(result: GateResult): Summary {
  const summary = new Summary();
  summary.heading(`Quality gate: ${result.name}`);
  summary.status(verdictStatus(result), verdictLine(result));
  for (const section of gateSections(result)) addSection(summary, section);
  return summary;
}

/** The PR comment: the same, without the collapsed details, kept well under GitHub's 65 536 characters. */
export function buildComment(result: GateResult): string {
  const summary = new Summary({ limitBytes: 60_000 });
  summary.heading(`Quality gate: ${result.name}`, 3);
  summary.status(verdictStatus(result), verdictLine(result));
  for (const section of gateSections(result).filter((s) => !s.collapsed)) addSection(summary, section);
  return summary.render();
}

function textTable(headers: string[], rows: string[][]): string[] {
  const widths = headers.map((h, i) =>
    Math.min(60, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** The CLI's text. */
export function gateText(result: GateResult): string {
  const out = [`Quality gate ${result.name}: ${verdictLine(result)}`];
  for (const section of gateSections(result)) {
    out.push('', section.title, ...section.lines.map((l) => l.replaceAll('`', '')));
    // The Result column already says pass/warn/fail in words: no status marks in text.
    if (section.table) out.push(...textTable(section.table.headers, section.table.rows));
  }
  return `${out.join('\n')}\n`;
}

/** The `report` output and `qeml gate --format json`: stable names, bounded size. */
export function buildReport(result: GateResult) {
  const e = result.evaluation;
  return {
    name: result.name,
    verdict: result.verdict,
    passed: result.passed,
    'fail-on': result.failOn,
    conditions: e.conditions.map((c) => ({
      name: c.name,
      metric: c.metric,
      op: c.op,
      threshold: c.threshold,
      level: c.level,
      actual: c.actual,
      status: c.status,
      ...(c.note ? { note: c.note } : {}),
    })),
    coverage: e.coverage,
    'diff-coverage': e.diff
      ? {
          percent: e.diff.percent,
          measured: e.diff.measured,
          covered: e.diff.covered,
          'changed-lines': e.diff.changedLines,
          files: e.diff.files.slice(0, 100).map((f) => ({
            path: f.path,
            measured: f.measured,
            covered: f.covered,
            uncovered: f.uncoveredLines.slice(0, 200),
          })),
        }
      : null,
    findings: e.findings ? { ...e.findings.bySeverity, suppressed: e.findings.suppressed } : null,
    benchmarks:
      e.benchmarks?.map((b) => ({
        name: b.name,
        unit: b.unit,
        baseline: b.baseline,
        current: b.current,
        'worse-percent': b.worsePercent,
        status: b.status,
      })) ?? null,
    regressions: e.metrics.regressions.value,
    tests: e.tests
      ? { total: e.tests.total, failed: e.tests.failed, errors: e.tests.errors, skipped: e.tests.skipped }
      : null,
    complexity: e.complexity
      ? { threshold: e.complexity.threshold, max: e.complexity.max, offenders: e.complexity.offenders.length }
      : null,
    baseline: {
      status: result.baseline.status,
      key: result.baseline.key ?? null,
      reason: result.baseline.reason ?? null,
      saved: result.baseline.saved ?? null,
    },
    reports: result.reports.map((r) => ({
      file: r.file,
      format: r.format ?? null,
      ...(r.error ? { error: r.error } : {}),
    })),
  };
}
