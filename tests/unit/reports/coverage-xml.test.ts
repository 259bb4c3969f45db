/** Cobertura, JaCoCo and Clover: totals recounted from the detail, the tricky producers each. */
import { describe, expect, test } from '@jest/globals';
import { linesOf, parseFixture } from './helpers';

describe('Cobertura', () => {
  test('coverage.py: lines and branches recounted, the <source> kept as a root', async () => {
    const report = await parseFixture('cobertura/coverage-py.xml');
    expect(report.format).toBe('cobertura');
    expect(report.coverage?.lines).toEqual({ covered: 4, total: 6 });
    expect(report.coverage?.branches).toEqual({ covered: 1, total: 2 });
    expect(report.coverage?.files).toHaveLength(1);
    expect(report.coverage?.files[0]?.roots).toEqual(['/home/runner/work/app/app/src']);
    expect(report.coverage?.stated).toEqual({
      lines: { covered: 4, total: 6 },
      branches: { covered: 1, total: 2 },
      lineRate: 0.6667,
      branchRate: 0.5,
    });
    expect(report.warnings).toEqual([]);
  });

  test('coverlet: BOM, backslash paths, lines under <method> not counted twice, branch="True"', async () => {
    const report = await parseFixture('cobertura/coverlet.xml');
    expect(report.coverage?.lines).toEqual({ covered: 3, total: 4 });
    expect(report.coverage?.branches).toEqual({ covered: 1, total: 2 });
    expect(linesOf(report, 'App/Services/Service.cs')).toEqual({ 10: 2, 11: 2, 12: 0, 14: 1 });
    expect(report.coverage?.files[0]?.roots).toEqual(['D:/a/app/src/']);
    expect(report.warnings).toEqual([]);
  });

  test('gcovr with a DOCTYPE naming an external DTD: parsed, the DTD never read', async () => {
    const report = await parseFixture('cobertura/gcovr.xml');
    expect(report.coverage?.lines).toEqual({ covered: 2, total: 4 });
    expect(report.coverage?.branches).toEqual({ covered: 1, total: 4 });
  });

  test('simplecov: no branch attributes at all gives 0/0 branches and no warning', async () => {
    const report = await parseFixture('cobertura/simplecov.xml');
    expect(report.coverage?.lines).toEqual({ covered: 2, total: 3 });
    expect(report.coverage?.branches).toEqual({ covered: 0, total: 0 });
    expect(report.warnings).toEqual([]);
  });

  test('MATLAB NaN rates: recounted, the NaN left out of stated with a warning', async () => {
    const report = await parseFixture('cobertura/matlab-nan.xml');
    expect(report.coverage?.lines).toEqual({ covered: 1, total: 2 });
    expect(report.coverage?.stated?.lineRate).toBeUndefined();
    expect(report.coverage?.files[0]?.path).toBe('+pkg/compute.m');
    expect(report.warnings).toEqual(['states line-rate NaN: ignored, the recount is used']);
  });

  test('several <source> roots, classes directly under <package>, one file in two classes counted once', async () => {
    const report = await parseFixture('cobertura/several-sources-classes-under-package.xml');
    expect(report.coverage?.files).toHaveLength(1);
    expect(report.coverage?.files[0]?.roots).toEqual(['C:/local/project/src/main/java', '/build/generated']);
    expect(linesOf(report, 'com/example/Main.java')).toEqual({ 3: 3, 8: 1 });
    expect(report.coverage?.lines).toEqual({ covered: 2, total: 2 });
  });

  test('stated totals that disagree: both kept, the recount used, a warning says so', async () => {
    const report = await parseFixture('cobertura/stated-disagrees.xml');
    expect(report.coverage?.lines).toEqual({ covered: 1, total: 2 });
    expect(report.coverage?.stated?.lines).toEqual({ covered: 19, total: 20 });
    expect(report.warnings).toEqual([
      'states lines 19/20 but its detail gives 1/2: the recount is used',
      'states line-rate 0.95 but its detail gives 0.5000: the recount is used',
    ]);
  });
});

describe('JaCoCo', () => {
  test('groups and packages: package directories as roots, same-named files kept apart', async () => {
    const report = await parseFixture('jacoco/groups.xml');
    expect(report.format).toBe('jacoco');
    expect(report.coverage?.files.map((f) => [f.path, f.roots])).toEqual([
      ['Calc.java', ['com/example/core']],
      ['Calc.java', ['com/example/web']],
    ]);
    expect(report.coverage?.lines).toEqual({ covered: 3, total: 4 });
    expect(report.coverage?.branches).toEqual({ covered: 1, total: 2 });
    expect(report.coverage?.stated).toEqual({
      lines: { covered: 3, total: 4 },
      branches: { covered: 1, total: 2 },
    });
    expect(report.warnings).toEqual([]);
  });
});

describe('Clover', () => {
  test('PHPUnit: stmt lines are the lines, method lines the functions', async () => {
    const report = await parseFixture('clover/phpunit.xml');
    expect(report.format).toBe('clover');
    expect(report.coverage?.lines).toEqual({ covered: 2, total: 3 });
    expect(report.coverage?.functions).toEqual({ covered: 1, total: 2 });
    expect(report.coverage?.files[0]?.path).toBe('/home/runner/work/app/app/src/Calc.php');
    expect(report.warnings).toEqual([]);
  });

  test('Istanbul: cond lines count as statements; conditionals are truecount+falsecount', async () => {
    const report = await parseFixture('clover/istanbul.xml');
    expect(report.coverage?.lines).toEqual({ covered: 3, total: 4 });
    expect(report.coverage?.branches).toEqual({ covered: 3, total: 4 });
    expect(report.coverage?.files[0]?.path).toBe('C:/repo/src/lucky.js');
    expect(report.warnings).toEqual([]);
  });
});

test('keepLines: files left out keep their counts (lineTotals), not their lines; totals unchanged', async () => {
  const all = await parseFixture('lcov/merged.info');
  const some = await parseFixture('lcov/merged.info', { keepLines: (path) => path === 'src/other.ts' });
  expect(some.coverage?.lines).toEqual(all.coverage?.lines);
  expect(some.coverage?.files.map((f) => [f.path, f.lines.size, f.lineTotals])).toEqual([
    ['src/lib/math.ts', 0, { covered: 3, total: 4 }],
    ['src/other.ts', 1, undefined],
  ]);
});
