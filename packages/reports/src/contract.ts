/** The stable JSON contract (`qeml report --format json`): totals only, fields only ever added. */
import type { ReportsContract } from './model';
import { isReportError, type ReportResult } from './parse';

export function toContract(results: readonly ReportResult[]): ReportsContract {
  return {
    reports: results.map((result) => {
      if (isReportError(result)) {
        return {
          file: result.file,
          format: null,
          coverage: null,
          findings: null,
          benchmarks: null,
          tests: null,
          warnings: [],
          error: result.error,
        };
      }
      const { coverage, findings, benchmarks, tests } = result;
      return {
        file: result.file,
        format: result.format,
        coverage: coverage ? { lines: { ...coverage.lines }, branches: { ...coverage.branches } } : null,
        findings: findings
          ? {
              total: findings.total,
              suppressed: findings.suppressed,
              bySeverity: { ...findings.bySeverity },
              byLevel: { ...findings.byLevel },
            }
          : null,
        benchmarks: benchmarks
          ? benchmarks.map(({ name, value, unit, biggerIsBetter }) => ({ name, value, unit, biggerIsBetter }))
          : null,
        tests: tests
          ? { total: tests.total, failed: tests.failed, errors: tests.errors, skipped: tests.skipped }
          : null,
        warnings: [...result.warnings],
      };
    }),
  };
}
