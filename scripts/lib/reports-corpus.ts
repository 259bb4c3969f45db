// Comparing what `@qeml/reports` parses with a corpus entry's `expected.json` totals (the corpus of
// real reports lives outside the repo; `pnpm reports:corpus <dir>` runs it, see scripts/reports-corpus.ts).
import { join } from 'node:path';
import {
  type Counts,
  type FileCoverage,
  fileSource,
  isReportError,
  parseReport,
  type Report,
  type ReportDeps,
} from '@qeml/reports';

export interface CorpusEntry {
  file: string;
  format: string;
  files?: { diff: string; coverage: string; coverage_format: string };
  expected: Record<string, unknown>;
}

export interface CorpusOutcome {
  file: string;
  ok: boolean;
  mismatches: string[];
}

type Expected = Record<string, unknown>;
type Pair = { covered: number; valid: number } | null | undefined;

/** Parses one entry's file (or, for diff coverage, its coverage file and diff) and lists every difference. */
export async function checkEntry(
  root: string,
  entry: CorpusEntry,
  deps: Omit<ReportDeps, 'source'> = {},
): Promise<CorpusOutcome> {
  const source = fileSource(root);
  const target = entry.files ? entry.files.coverage : entry.file;
  const result = await parseReport(target, { ...deps, source });
  const mismatches: string[] = [];
  if (isReportError(result)) return { file: entry.file, ok: false, mismatches: [result.error] };
  const expect = (what: string, actual: unknown, expected: unknown) => {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      mismatches.push(`${what}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
    }
  };
  const e = entry.expected;
  const coverage = result.coverage;
  const pair = (counts: Counts | undefined, nullWhenEmpty = false): Pair =>
    counts === undefined || (nullWhenEmpty && counts.total === 0)
      ? null
      : { covered: counts.covered, valid: counts.total };
  const strip = (value: unknown): Pair => {
    if (value === null || value === undefined) return value as null;
    const { covered, valid } = value as { covered: number; valid: number };
    return { covered, valid };
  };
  const statedAgreement = () => {
    const agrees = Object.values((e.stated_agrees as Expected | boolean | undefined) ?? {});
    const disagreement = e.stated_agrees === false || agrees.includes(false);
    const warned = result.warnings.some((w) => /recount is used|disagrees/.test(w));
    expect('a warning that stated totals disagree', warned, disagreement);
  };
  switch (entry.format) {
    case 'cobertura':
    case 'lcov':
      expect('lines', pair(coverage?.lines), strip(e.lines));
      expect('branches', pair(coverage?.branches, true), strip(e.branches));
      if ('functions' in e) expect('functions', pair(coverage?.functions, true), strip(e.functions));
      expect('files', coverage?.files.length, e.files);
      comparePerFile(coverage?.files ?? [], e.per_file as Expected | undefined, expect);
      statedAgreement();
      break;
    case 'clover':
      expect('statements', pair(coverage?.statements), strip(e.statements));
      expect('conditionals', pair(coverage?.branches, true), strip(e.conditionals));
      expect('files', coverage?.files.length, e.files);
      comparePerFile(coverage?.files ?? [], e.per_file as Expected | undefined, expect);
      statedAgreement();
      break;
    case 'istanbul-final':
    case 'istanbul-summary':
      for (const key of ['lines', 'statements', 'functions', 'branches'] as const) {
        expect(key, pair(coverage?.[key]), strip(e[key]));
      }
      expect('files', coverage?.files.length, e.files);
      if (entry.format === 'istanbul-summary') statedAgreement();
      break;
    case 'sarif':
      checkSarif(result, e, expect);
      break;
    case 'npm-audit':
      checkAudit(result, e, expect);
      statedAgreement();
      break;
    case 'safety': {
      const items = result.findings?.items ?? [];
      expect('vulnerabilities', result.findings?.total, e.vulnerabilities);
      expect('by_severity', result.findings?.bySeverity, e.by_severity);
      expect('ignored', result.findings?.suppressed, e.ignored);
      expect('packages', new Set(items.map((f) => f.package?.name)).size, e.packages);
      break;
    }
    case 'benchmark': {
      const expected = (e.benchmarks as Array<{ name: string; value: number; unit: string }>).map(
        ({ name, value, unit }) => ({ name, value, unit }),
      );
      expect(
        'benchmarks',
        result.benchmarks?.map(({ name, value, unit }) => ({ name, value, unit })),
        expected,
      );
      break;
    }
    case 'diff-coverage': {
      const diff = await readText(join(root, entry.files!.diff));
      const measured = diffCoverage(addedLines(diff), coverage?.files ?? []);
      expect('total_lines', measured.total, e.total_lines);
      expect('missing_lines', measured.missing, e.missing_lines);
      break;
    }
    default:
      mismatches.push(`no comparison for format ${entry.format}`);
  }
  return { file: entry.file, ok: mismatches.length === 0, mismatches };
}

function comparePerFile(
  files: FileCoverage[],
  expected: Expected | undefined,
  expect: (what: string, actual: unknown, expected: unknown) => void,
): void {
  if (!expected) return;
  for (const [name, counts] of Object.entries(expected)) {
    const path = name.replace(/\\/g, '/');
    const file = files.find((f) => f.path === path || f.path.endsWith(`/${path}`));
    let actual: Pair = null;
    if (file) {
      const hits = [...file.lines.values()];
      actual = { covered: hits.filter((h) => h > 0).length, valid: hits.length };
    }
    const { covered, valid } = counts as { covered: number; valid: number };
    expect(`per_file ${name}`, actual, { covered, valid });
  }
}

function checkSarif(result: Report, e: Expected, expect: (w: string, a: unknown, x: unknown) => void): void {
  const items = result.findings?.items ?? [];
  const levels = { error: 0, warning: 0, note: 0, none: 0 };
  const bands = { critical: 0, high: 0, medium: 0, low: 0, none: 0, unrated: 0 };
  for (const item of items) {
    levels[item.level]++;
    bands[item.severity === 'unknown' ? 'unrated' : item.severity]++;
  }
  expect('results', result.findings?.total, e.results);
  expect('levels', levels, e.levels);
  expect('levels_unsuppressed', result.findings?.byLevel, e.levels_unsuppressed);
  expect('suppressed', result.findings?.suppressed, e.suppressed);
  expect('security_severity', bands, e.security_severity);
}

function checkAudit(result: Report, e: Expected, expect: (w: string, a: unknown, x: unknown) => void): void {
  const expected = e.vulnerabilities as Record<string, number>;
  const counts = result.findings?.bySeverity;
  expect('total', result.findings?.total, expected.total);
  expect('critical', counts?.critical, expected.critical);
  expect('high', counts?.high, expected.high);
  expect('moderate', counts?.medium, expected.moderate);
  expect('low + info', counts?.low, (expected.low ?? 0) + (expected.info ?? 0));
}

/** Added lines per file (new-file numbering) of a unified diff. */
export function addedLines(diff: string): Map<string, number[]> {
  const added = new Map<string, number[]>();
  let file: number[] | undefined;
  let line = 0;
  for (const raw of diff.split('\n')) {
    const text = raw.replace(/\r$/, '');
    if (text.startsWith('+++ ')) {
      const path = text.slice(4).replace(/^b\//, '').replace(/\t.*$/, '');
      file = path === '/dev/null' ? undefined : [];
      if (file) added.set(path, file);
    } else if (text.startsWith('@@')) {
      line = Number(/\+(\d+)/.exec(text)?.[1] ?? 0);
    } else if (file && text.startsWith('+')) file.push(line++);
    else if (file && (text.startsWith(' ') || text === '')) line++;
  }
  return added;
}

/** Added lines the coverage report measures, and how many of them it says were not run (paths matched by suffix). */
export function diffCoverage(
  added: Map<string, number[]>,
  files: FileCoverage[],
): { total: number; missing: number } {
  let total = 0;
  let missing = 0;
  for (const [path, lines] of added) {
    const file = files.find(
      (f) => f.path === path || path.endsWith(`/${f.path}`) || f.path.endsWith(`/${path}`),
    );
    if (!file) continue;
    for (const line of lines) {
      const hits = file.lines.get(line);
      if (hits === undefined) continue;
      total++;
      if (hits === 0) missing++;
    }
  }
  return { total, missing };
}

async function readText(path: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return readFile(path, 'utf8');
}
