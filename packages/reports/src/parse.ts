/**
 * `parseReport`: one file in, its `Report` (or a `ReportError` with one message naming it) out. The
 * format is detected from the content; XML and text are streamed through the caps, JSON is read
 * under its own byte cap and parsed once.
 */

import { type ReportDeps, ReportInputError, resolveLimits } from './deps';
import { chooseXmlFormat, detectJsonFormat, detectTextFormat, type JsonParsers } from './detect';
import { parseNpmAudit } from './formats/audits';
import { parseCustomBenchmarks, parseJmh, parsePytestBenchmark } from './formats/bench-json';
import { parseBenchmarkJs, parseCargoBench, parseGoBench } from './formats/bench-text';
import { parseEslint, parseRadon } from './formats/complexity-json';
import type { ParseContext, Parsed } from './formats/context';
import { parseCoveragePyJson, parseIstanbulFinal, parseIstanbulSummary } from './formats/coverage-json';
import { parseGoCover } from './formats/go-cover';
import { parseLcov } from './formats/lcov';
import { parseLizardCsv } from './formats/lizard-csv';
import { parseBandit, parsePipAudit, parseSafety } from './formats/python-security';
import { parseSarif } from './formats/sarif';
import { parseSemgrep, parseTrivy } from './formats/scanners';
import { lines, type OpenedReport, openReport, readJson } from './input';
import type { Report, ReportError } from './model';
import { parseXml } from './xml';

export type ReportResult = Report | ReportError;

export function isReportError(result: ReportResult): result is ReportError {
  return 'error' in result;
}

const JSON_PARSERS: JsonParsers = {
  eslint: parseEslint,
  jmh: parseJmh,
  pipAudit: parsePipAudit,
  customBenchmarks: parseCustomBenchmarks,
  sarif: parseSarif,
  pytestBenchmark: parsePytestBenchmark,
  coveragePy: parseCoveragePyJson,
  npmAudit: parseNpmAudit,
  safety: parseSafety,
  bandit: parseBandit,
  semgrep: parseSemgrep,
  trivy: parseTrivy,
  istanbulSummary: parseIstanbulSummary,
  istanbulFinal: parseIstanbulFinal,
  radon: parseRadon,
} as JsonParsers;

const TEXT_PARSERS = {
  lcov: parseLcov,
  'go-cover': parseGoCover,
  'go-bench': parseGoBench,
  'cargo-bench': parseCargoBench,
  benchmarkjs: parseBenchmarkJs,
  'lizard-csv': parseLizardCsv,
} as const;

export async function parseReport(file: string, deps: ReportDeps): Promise<ReportResult> {
  const limits = resolveLimits(deps.limits);
  const context: ParseContext = {
    limits,
    warnings: [],
    customBenchmarks: deps.customBenchmarks,
    keepLines: deps.keepLines,
  };
  try {
    const parsed = await parseContent(file, deps, context);
    for (const warning of context.warnings) deps.logger?.debug(`${file}: ${warning}`);
    return {
      file,
      format: parsed.format,
      coverage: parsed.coverage ?? null,
      findings: parsed.findings ?? null,
      benchmarks: parsed.benchmarks ?? null,
      tests: parsed.tests ?? null,
      complexity: parsed.complexity ?? null,
      warnings: context.warnings,
    };
  } catch (error) {
    return { file, error: `${file} ${describe(error)}` };
  }
}

/** Each file in turn (bounded memory: one file at a time); a failing file does not stop the others. */
export async function parseReports(files: readonly string[], deps: ReportDeps): Promise<ReportResult[]> {
  const results: ReportResult[] = [];
  for (const file of files) results.push(await parseReport(file, deps));
  return results;
}

async function parseContent(file: string, deps: ReportDeps, context: ParseContext): Promise<Parsed> {
  const { limits } = context;
  const report = await openReport(file, deps, limits);
  try {
    return await parseOpened(report, context);
  } finally {
    await report.close();
  }
}

async function parseOpened(report: OpenedReport, context: ParseContext): Promise<Parsed> {
  const { limits } = context;
  if (report.kind === 'xml') {
    let handler: ReturnType<typeof chooseXmlFormat>;
    await parseXml(
      report.text(limits.maxBytes),
      (open) => {
        handler = chooseXmlFormat(open, context);
        return handler;
      },
      limits.maxEntries,
    );
    return handler!.result();
  }
  if (report.kind === 'json') {
    const doc = await readJson(report, limits);
    return detectJsonFormat(doc, JSON_PARSERS)(doc as never, context);
  }
  const format = detectTextFormat(report.head);
  return TEXT_PARSERS[format](lines(report.text(limits.maxBytes), limits.maxEntries), context);
}

function describe(error: unknown): string {
  if (error instanceof ReportInputError) return error.message;
  if (error instanceof Error && error.name === 'RangeError') return `could not be parsed: ${error.message}`;
  // Duck-typed: errors from node:fs may come from another realm (a VM context), failing instanceof.
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  if (code !== undefined) {
    if (code === 'ENOENT') return 'does not exist';
    if (code === 'EISDIR') return 'is a directory, not a report file';
    if (code === 'EACCES') return 'cannot be read (permission denied)';
    return `cannot be read: ${(error as { message?: unknown }).message}`;
  }
  return `could not be parsed: ${error instanceof Error ? error.message : String(error)}`;
}
