/**
 * Coverage as JSON: coverage.py's `coverage json` (executed/missing lines and branches per file),
 * Istanbul's coverage-final.json (lines derived as istanbul-lib-coverage does: a statement's start
 * line, the largest count of its statements) and coverage-summary.json (per-file counts only).
 */
import { applyStated, CoverageBuilder, countsWarning, statedCounts as pair } from '../coverage';
import type { Counts } from '../model';
import { isRecord, num, type ParseContext, type Parsed } from './context';

type Json = Record<string, unknown>;

export function parseCoveragePyJson(doc: Json, context: ParseContext): Parsed {
  const builder = new CoverageBuilder(context.keepLines);
  const files = isRecord(doc.files) ? doc.files : {};
  for (const [path, data] of Object.entries(files)) {
    if (!isRecord(data)) continue;
    const file = builder.file(path);
    for (const line of numbers(data.executed_lines)) builder.line(file, line, 1);
    for (const line of numbers(data.missing_lines)) builder.line(file, line, 0);
    const arcs = (value: unknown) => (Array.isArray(value) ? value.filter(Array.isArray) : []);
    for (const [from, to] of arcs(data.executed_branches)) builder.branch(file, `${from}>${to}`, 1, 1);
    for (const [from, to] of arcs(data.missing_branches)) builder.branch(file, `${from}>${to}`, 0, 1);
  }
  const coverage = builder.finish();
  const totals = isRecord(doc.totals) ? doc.totals : undefined;
  if (totals) {
    const lines = pair(totals.covered_lines, totals.num_statements);
    applyStated(
      coverage,
      { lines, branches: pair(totals.covered_branches, totals.num_branches) },
      context.warnings,
    );
  }
  return { format: 'coverage-py-json', coverage };
}

export function parseIstanbulFinal(doc: Json, context: ParseContext): Parsed {
  const builder = new CoverageBuilder(context.keepLines);
  const statements: Counts = { covered: 0, total: 0 };
  const functions: Counts = { covered: 0, total: 0 };
  for (const [key, data] of Object.entries(doc)) {
    if (!isRecord(data)) continue;
    const file = builder.file(typeof data.path === 'string' ? data.path : key);
    const statementMap = isRecord(data.statementMap) ? data.statementMap : {};
    const hits = isRecord(data.s) ? data.s : {};
    const lineHits = new Map<number, number>();
    for (const [id, location] of Object.entries(statementMap)) {
      const count = num(hits[id]) ?? 0;
      statements.total++;
      if (count > 0) statements.covered++;
      const start = isRecord(location) && isRecord(location.start) ? num(location.start.line) : undefined;
      if (start !== undefined) lineHits.set(start, Math.max(lineHits.get(start) ?? 0, count));
    }
    for (const [line, count] of lineHits) builder.line(file, line, count);
    for (const count of Object.values(isRecord(data.f) ? data.f : {})) {
      functions.total++;
      if ((num(count) ?? 0) > 0) functions.covered++;
    }
    for (const [id, counts] of Object.entries(isRecord(data.b) ? data.b : {})) {
      if (!Array.isArray(counts)) continue;
      counts.forEach((count, index) => {
        builder.branch(file, `${id}.${index}`, (num(count) ?? 0) > 0 ? 1 : 0, 1);
      });
    }
  }
  builder.addStatements(statements);
  builder.addFunctions(functions);
  return { format: 'istanbul-final', coverage: builder.finish() };
}

export function parseIstanbulSummary(doc: Json, context: ParseContext): Parsed {
  const builder = new CoverageBuilder(context.keepLines);
  const statements: Counts = { covered: 0, total: 0 };
  const functions: Counts = { covered: 0, total: 0 };
  for (const [path, data] of Object.entries(doc)) {
    if (path === 'total' || !isRecord(data)) continue;
    const file = builder.file(path);
    builder.lineTotals(file, metric(data.lines) ?? { covered: 0, total: 0 });
    const branches = metric(data.branches);
    if (branches) builder.branch(file, 'all', branches.covered, branches.total);
    add(statements, metric(data.statements));
    add(functions, metric(data.functions));
  }
  builder.addStatements(statements);
  builder.addFunctions(functions);
  const coverage = builder.finish();
  const total = isRecord(doc.total) ? doc.total : undefined;
  if (total) {
    applyStated(coverage, { lines: metric(total.lines), branches: metric(total.branches) }, context.warnings);
    for (const warning of [
      countsWarning('statements', metric(total.statements), statements),
      countsWarning('functions', metric(total.functions), functions),
    ]) {
      if (warning) context.warnings.push(warning);
    }
  }
  return { format: 'istanbul-summary', coverage };
}

function metric(value: unknown): Counts | undefined {
  return isRecord(value) ? pair(value.covered, value.total) : undefined;
}

function add(into: Counts, counts: Counts | undefined): void {
  if (!counts) return;
  into.covered += counts.covered;
  into.total += counts.total;
}

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((v): v is number => Number.isInteger(v)) : [];
}
