import { join } from 'node:path';
import { expect } from '@jest/globals';
import {
  fileSource,
  isReportError,
  parseReport,
  type Report,
  type ReportDeps,
  type ReportResult,
  type ReportSource,
} from '@qeml/reports';
import { repoRoot } from '../../support/paths';

export const FIXTURES = join(repoRoot, 'tests', 'fixtures', 'reports');

/** Parses a fixture under tests/fixtures/reports and expects it to parse. */
export async function parseFixture(name: string, deps: Partial<ReportDeps> = {}): Promise<Report> {
  const result = await parseReport(name, { source: fileSource(FIXTURES), ...deps });
  if (isReportError(result)) throw new Error(result.error);
  return result;
}

/** Reports held in memory: text, bytes, or a generator of chunks (for huge, lazily made input). */
export function memorySource(
  files: Record<string, string | Uint8Array | (() => AsyncIterable<Uint8Array>)>,
  sizes: Record<string, number> = {},
): ReportSource {
  return {
    async *read(file) {
      const content = files[file];
      if (content === undefined) throw Object.assign(new Error(`no ${file}`), { code: 'ENOENT' });
      if (typeof content === 'function') yield* content();
      else yield typeof content === 'string' ? Buffer.from(content) : content;
    },
    size: async (file) => sizes[file],
  };
}

export async function parseText(
  text: string | Uint8Array,
  deps: Partial<ReportDeps> = {},
): Promise<ReportResult> {
  return parseReport('report', { source: memorySource({ report: text }), ...deps });
}

export function expectError(result: ReportResult, pattern: RegExp): void {
  expect(isReportError(result)).toBe(true);
  if (isReportError(result)) expect(result.error).toMatch(pattern);
}

/** Line number → hits of one file of a coverage report, as a plain object. */
export function linesOf(report: Report, path: string): Record<number, number> {
  const file = report.coverage?.files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path} in ${report.coverage?.files.map((f) => f.path).join(', ')}`);
  return Object.fromEntries(file.lines);
}
