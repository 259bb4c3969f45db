/** Report objects built directly, so gate tests do not depend on any parser. */
import type { Benchmark, ComplexityItem, FileCoverage, Finding, Report } from '@qeml/reports';

/** A coverage file from `{ line: hits }`. */
export function fileCoverage(path: string, hits: Record<number, number>, roots: string[] = []): FileCoverage {
  return {
    path,
    roots,
    lines: new Map(Object.entries(hits).map(([line, count]) => [Number(line), count])),
    branches: { covered: 0, total: 0 },
  };
}

function empty(file: string, format: Report['format']): Report {
  return {
    file,
    format,
    coverage: null,
    findings: null,
    benchmarks: null,
    tests: null,
    complexity: null,
    warnings: [],
  };
}

export function coverageReport(files: FileCoverage[], file = 'coverage.xml'): Report {
  const lines = { covered: 0, total: 0 };
  for (const f of files) {
    for (const hits of f.lines.values()) {
      lines.total += 1;
      if (hits > 0) lines.covered += 1;
    }
  }
  return { ...empty(file, 'cobertura'), coverage: { lines, branches: { covered: 0, total: 0 }, files } };
}

export function finding(severity: Finding['severity'], extra: Partial<Finding> = {}): Finding {
  return {
    tool: 'bandit',
    ruleId: 'B101',
    message: 'assert used',
    severity,
    level: 'error',
    suppressed: false,
    ...extra,
  };
}

export function findingsReport(items: Finding[], file = 'results.sarif'): Report {
  const bySeverity = { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 };
  const byLevel = { error: 0, warning: 0, note: 0, none: 0 };
  for (const item of items.filter((i) => !i.suppressed)) {
    bySeverity[item.severity] += 1;
    byLevel[item.level] += 1;
  }
  return {
    ...empty(file, 'sarif'),
    findings: {
      total: items.length,
      suppressed: items.filter((i) => i.suppressed).length,
      bySeverity,
      byLevel,
      items,
    },
  };
}

export function bench(name: string, value: number, extra: Partial<Benchmark> = {}): Benchmark {
  return { name, value, unit: 'ms', biggerIsBetter: false, ...extra };
}

export function benchmarkReport(benchmarks: Benchmark[]): Report {
  return { ...empty('bench.json', 'pytest-benchmark'), benchmarks };
}

export function testsReport(total: number, failed: number, errors = 0): Report {
  return { ...empty('junit.xml', 'junit'), tests: { total, failed, errors, skipped: 0, failures: [] } };
}

export function complexityReport(items: ComplexityItem[]): Report {
  return { ...empty('cc.json', 'radon'), complexity: items };
}
