/** LCOV, Go cover profiles, coverage.py JSON and Istanbul's two JSON files. */
import { describe, expect, test } from '@jest/globals';
import { linesOf, parseFixture, parseText } from './helpers';

describe('LCOV', () => {
  test('repeated SF records merged, BRDA "-" not taken, functions counted, stated sums compared', async () => {
    const report = await parseFixture('lcov/merged.info');
    expect(report.format).toBe('lcov');
    expect(linesOf(report, 'src/lib/math.ts')).toEqual({ 1: 3, 2: 3, 5: 1, 6: 0 });
    expect(report.coverage?.lines).toEqual({ covered: 3, total: 5 });
    // BRDA 2,0,1 is "-" in the first record and 1 in the second: one branch point, taken.
    expect(report.coverage?.branches).toEqual({ covered: 2, total: 2 });
    expect(report.coverage?.functions).toEqual({ covered: 1, total: 2 });
    expect(report.coverage?.stated).toEqual({
      lines: { covered: 3, total: 5 },
      branches: { covered: 1, total: 2 },
    });
    expect(report.warnings).toEqual([
      'states branches (BRH/BRF) 1/2 but its detail gives 2/2: the recount is used',
    ]);
  });

  test('CRLF line endings read the same', async () => {
    const report = await parseText('SF:a.c\r\nDA:1,1\r\nDA:2,0\r\nend_of_record\r\n');
    expect(report).toMatchObject({ format: 'lcov', coverage: { lines: { covered: 1, total: 2 } } });
  });
});

describe('Go cover profiles', () => {
  test('set mode: a block repeated by another test binary counts as run once in either', async () => {
    const report = await parseFixture('go/set.out');
    expect(report.format).toBe('go-cover');
    expect(report.coverage?.statements).toEqual({ covered: 2, total: 4 });
    expect(linesOf(report, 'example.com/app/calc/calc.go')).toEqual({
      3: 1,
      4: 1,
      5: 1,
      7: 1,
      8: 1,
      9: 0,
      10: 0,
      11: 0,
    });
  });

  test('count mode: repeated blocks sum their counts', async () => {
    const report = await parseFixture('go/count.out');
    expect(linesOf(report, 'example.com/app/calc/calc.go')).toEqual({ 3: 7, 4: 7, 5: 7, 7: 0, 8: 0 });
    expect(report.coverage?.statements).toEqual({ covered: 2, total: 3 });
  });

  test('atomic mode', async () => {
    const report = await parseFixture('go/atomic.out');
    expect(report.coverage?.lines).toEqual({ covered: 3, total: 4 });
  });
});

describe('coverage.py JSON', () => {
  test('executed and missing lines and arcs; totals compared', async () => {
    const report = await parseFixture('coverage-py/coverage.json');
    expect(report.format).toBe('coverage-py-json');
    expect(report.coverage?.lines).toEqual({ covered: 4, total: 6 });
    expect(report.coverage?.branches).toEqual({ covered: 1, total: 2 });
    expect(linesOf(report, 'app/core.py')).toEqual({ 1: 1, 2: 1, 3: 1, 4: 1, 5: 0, 7: 0 });
    expect(report.warnings).toEqual([]);
  });
});

describe('Istanbul', () => {
  test('coverage-final.json: a line is a statement start, its count the largest of its statements', async () => {
    const report = await parseFixture('istanbul/coverage-final.json');
    expect(report.format).toBe('istanbul-final');
    expect(linesOf(report, '/repo/src/a.js')).toEqual({ 1: 1, 2: 1, 4: 0 });
    expect(report.coverage?.statements).toEqual({ covered: 2, total: 4 });
    expect(report.coverage?.functions).toEqual({ covered: 1, total: 2 });
    expect(report.coverage?.branches).toEqual({ covered: 1, total: 2 });
  });

  test('coverage-summary.json: per-file counts (no line detail) summed and compared with total', async () => {
    const report = await parseFixture('istanbul/coverage-summary.json');
    expect(report.format).toBe('istanbul-summary');
    expect(report.coverage?.lines).toEqual({ covered: 3, total: 4 });
    expect(report.coverage?.files[0]).toMatchObject({
      path: '/repo/src/a.js',
      lineTotals: { covered: 2, total: 3 },
    });
    expect(report.coverage?.files[0]?.lines.size).toBe(0);
    expect(report.warnings).toEqual(['states lines 3/5 but its detail gives 3/4: the recount is used']);
  });
});
