/** The stable JSON contract other tools read, and the corpus script's comparison on our fixtures. */
import { describe, expect, test } from '@jest/globals';
import { fileSource, parseReports, toContract } from '@qeml/reports';
import { addedLines, checkEntry, diffCoverage } from '../../../scripts/lib/reports-corpus';
import { FIXTURES, parseFixture } from './helpers';

describe('toContract', () => {
  test('totals only, in the issue’s shape; a failed file is an entry with an error and null sections', async () => {
    const results = await parseReports(['cobertura/coverage-py.xml', 'sarif/levels.sarif', 'missing.xml'], {
      source: fileSource(FIXTURES),
    });
    const contract = toContract(results);
    expect(JSON.parse(JSON.stringify(contract))).toEqual({
      reports: [
        {
          file: 'cobertura/coverage-py.xml',
          format: 'cobertura',
          coverage: { lines: { covered: 4, total: 6 }, branches: { covered: 1, total: 2 } },
          findings: null,
          benchmarks: null,
          tests: null,
          warnings: [],
        },
        {
          file: 'sarif/levels.sarif',
          format: 'sarif',
          coverage: null,
          findings: {
            total: 9,
            suppressed: 2,
            bySeverity: { critical: 2, high: 2, medium: 2, low: 1, unknown: 0 },
            byLevel: { error: 2, warning: 3, note: 1, none: 1 },
          },
          benchmarks: null,
          tests: null,
          warnings: [],
        },
        {
          file: 'missing.xml',
          format: null,
          coverage: null,
          findings: null,
          benchmarks: null,
          tests: null,
          warnings: [],
          error: 'missing.xml does not exist',
        },
      ],
    });
  });

  test('benchmarks and tests keep only the contract fields', async () => {
    const contract = toContract([
      await parseFixture('benchmarks/go-bench.txt'),
      await parseFixture('junit/pytest.xml'),
    ]);
    expect(contract.reports[0]?.benchmarks?.[0]).toEqual({
      name: 'BenchmarkFib10',
      value: 420,
      unit: 'ns/op',
      biggerIsBetter: false,
    });
    expect(contract.reports[1]?.tests).toEqual({ total: 4, failed: 1, errors: 1, skipped: 1 });
  });
});

describe('the corpus script’s comparison', () => {
  test('a matching entry passes; a wrong expectation is reported with both values', async () => {
    const entry = {
      file: 'cobertura/stated-disagrees.xml',
      format: 'cobertura',
      expected: {
        lines: { covered: 1, valid: 2, rate: 0.5 },
        branches: null,
        files: 1,
        per_file: { 'pkg\\a.py': { covered: 1, valid: 2 } },
        stated_agrees: { line_rate: false },
      },
    };
    expect(await checkEntry(FIXTURES, entry)).toEqual({ file: entry.file, ok: true, mismatches: [] });
    const wrong = {
      ...entry,
      expected: { ...entry.expected, lines: { covered: 2, valid: 2 }, stated_agrees: { line_rate: true } },
    };
    expect((await checkEntry(FIXTURES, wrong)).mismatches).toEqual([
      'lines: got {"covered":1,"valid":2}, expected {"covered":2,"valid":2}',
      'a warning that stated totals disagree: got true, expected false',
    ]);
  });

  test('diff coverage: added lines in new-file numbering, matched by path suffix', async () => {
    const diff = [
      'diff --git a/src/lib/math.ts b/src/lib/math.ts',
      '--- a/src/lib/math.ts',
      '+++ b/src/lib/math.ts',
      '@@ -4,2 +4,3 @@',
      ' context',
      '+added five',
      '+added six',
      '-removed',
      '',
    ].join('\r\n');
    const added = addedLines(diff);
    expect(added).toEqual(new Map([['src/lib/math.ts', [5, 6]]]));
    const report = await parseFixture('lcov/merged.info');
    expect(diffCoverage(added, report.coverage?.files ?? [])).toEqual({ total: 2, missing: 1 });
  });
});
