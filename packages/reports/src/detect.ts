/**
 * Which format a file is, from its content (never its name): the XML root element (and, for
 * `<coverage>`, its attributes or first child), the keys of a JSON document, or the first
 * recognisable lines of a text file.
 */
import { ReportInputError } from './deps';
import { BENCHMARKJS_LINE, CARGO_LINE, GO_BENCH_LINE } from './formats/bench-text';
import { cloverHandler } from './formats/clover';
import { coberturaHandler } from './formats/cobertura';
import { isRecord, type ParseContext, type Parsed, type XmlFormat } from './formats/context';
import { jacocoHandler } from './formats/jacoco';
import { junitHandler } from './formats/junit';
import { LIZARD_CSV_LINE } from './formats/lizard-csv';
import { lizardXmlHandler } from './formats/lizard-xml';
import type { ReportFormat } from './model';
import type { OpenElement, XmlHandler } from './xml';

export type TextFormat = Extract<
  ReportFormat,
  'lcov' | 'go-cover' | 'go-bench' | 'cargo-bench' | 'benchmarkjs' | 'lizard-csv'
>;

/** Picks the XML format from the open elements; undefined until it can tell. */
export function chooseXmlFormat(
  open: readonly OpenElement[],
  context: ParseContext,
): (XmlHandler & XmlFormat) | undefined {
  const root = open[0]!;
  switch (root.name) {
    case 'coverage': {
      const attrs = root.attrs;
      if ('line-rate' in attrs || 'lines-valid' in attrs || 'branch-rate' in attrs)
        return coberturaHandler(context);
      if ('clover' in attrs) return cloverHandler(context);
      const child = open[1]?.name;
      if (child === undefined) return undefined;
      if (child === 'project') return cloverHandler(context);
      if (child === 'sources' || child === 'packages') return coberturaHandler(context);
      throw new ReportInputError(`is a <coverage> document qeml does not know (first child <${child}>)`);
    }
    case 'report':
      return jacocoHandler(context);
    case 'testsuites':
    case 'testsuite':
      return junitHandler(context);
    case 'cppncss':
      return lizardXmlHandler(context);
    default:
      throw new ReportInputError(`is XML with root <${root.name}>, not a report format qeml knows`);
  }
}

/** The text format from the first kilobytes. */
export function detectTextFormat(head: string): TextFormat {
  const lines = head.split(/\r?\n/).map((line) => line.trim());
  const first = lines.find((line) => line !== '') ?? '';
  if (/^mode: (set|count|atomic)$/.test(first)) return 'go-cover';
  if (lines.some((line) => /^(TN|SF):/.test(line))) return 'lcov';
  if (LIZARD_CSV_LINE.test(first)) return 'lizard-csv';
  if (lines.some((line) => GO_BENCH_LINE.test(line) || /^goos: /.test(line))) return 'go-bench';
  if (lines.some((line) => CARGO_LINE.test(line))) return 'cargo-bench';
  if (lines.some((line) => BENCHMARKJS_LINE.test(line))) return 'benchmarkjs';
  throw new ReportInputError(
    `is text in no report format qeml knows (LCOV, Go cover profile, go test -bench, cargo bench, benchmark.js, lizard CSV); it starts ${JSON.stringify(first.slice(0, 60))}`,
  );
}

type JsonParser = (doc: never, context: ParseContext) => Parsed;

/** The JSON format's parser from the document's shape. */
export function detectJsonFormat(doc: unknown, parsers: JsonParsers): JsonParser {
  if (Array.isArray(doc)) {
    const first = doc.find(isRecord);
    if (!first) throw new ReportInputError('is a JSON array with no objects: no report format qeml knows');
    if ('filePath' in first && 'messages' in first) return parsers.eslint;
    if ('benchmark' in first && 'primaryMetric' in first) return parsers.jmh;
    if ('name' in first && 'vulns' in first) return parsers.pipAudit;
    if ('name' in first && 'value' in first) return parsers.customBenchmarks;
    throw new ReportInputError(
      `is a JSON array of objects with keys ${keys(first)}: no report format qeml knows`,
    );
  }
  if (!isRecord(doc)) throw new ReportInputError('is JSON but neither an object nor an array');
  const first = Object.values(doc)[0];
  if (
    Array.isArray(doc.runs) &&
    (typeof doc.version === 'string' || /sarif/i.test(String(doc.$schema ?? '')))
  ) {
    return parsers.sarif;
  }
  if (Array.isArray(doc.benchmarks) && ('machine_info' in doc || 'commit_info' in doc))
    return parsers.pytestBenchmark;
  if (isRecord(doc.files) && ('totals' in doc || 'meta' in doc)) return parsers.coveragePy;
  if ('auditReportVersion' in doc || (isRecord(doc.advisories) && 'metadata' in doc)) return parsers.npmAudit;
  if ('scan_results' in doc || ('report_meta' in doc && 'vulnerabilities' in doc)) return parsers.safety;
  if (Array.isArray(doc.results) && ('generated_at' in doc || isRecord(doc.metrics))) return parsers.bandit;
  if (Array.isArray(doc.results) && Array.isArray(doc.errors)) return parsers.semgrep;
  if (
    Array.isArray(doc.dependencies) &&
    ('fixes' in doc || doc.dependencies.some((d) => isRecord(d) && 'vulns' in d))
  ) {
    return parsers.pipAudit;
  }
  if ('SchemaVersion' in doc && ('Results' in doc || 'ArtifactName' in doc)) return parsers.trivy;
  if (isRecord(doc.total) && isRecord(doc.total.lines) && 'pct' in doc.total.lines)
    return parsers.istanbulSummary;
  if (isRecord(first) && 'statementMap' in first) return parsers.istanbulFinal;
  if (Array.isArray(first) && Object.values(doc).every(isRadonEntry)) return parsers.radon;
  throw new ReportInputError(`is a JSON object with keys ${keys(doc)}: no report format qeml knows`);
}

export interface JsonParsers {
  eslint: JsonParser;
  jmh: JsonParser;
  pipAudit: JsonParser;
  customBenchmarks: JsonParser;
  sarif: JsonParser;
  pytestBenchmark: JsonParser;
  coveragePy: JsonParser;
  npmAudit: JsonParser;
  safety: JsonParser;
  bandit: JsonParser;
  semgrep: JsonParser;
  trivy: JsonParser;
  istanbulSummary: JsonParser;
  istanbulFinal: JsonParser;
  radon: JsonParser;
}

function isRadonEntry(value: unknown): boolean {
  if (isRecord(value)) return 'error' in value;
  return (
    Array.isArray(value) &&
    value.every((block) => isRecord(block) && 'complexity' in block && 'rank' in block)
  );
}

function keys(record: Record<string, unknown>): string {
  const names = Object.keys(record).slice(0, 5);
  return names.length === 0 ? '(none)' : names.map((k) => JSON.stringify(k)).join(', ');
}
