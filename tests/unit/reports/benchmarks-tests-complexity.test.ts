/** Benchmarks (direction, spread), JUnit (counts, failures, time per file) and complexity reports. */
import { describe, expect, test } from '@jest/globals';
import type { Report } from '@qeml/reports';
import { parseFixture, parseText } from './helpers';

describe('benchmarks', () => {
  test('pytest-benchmark: ops per second, bigger is better, spread converted from seconds', async () => {
    const report = await parseFixture('benchmarks/pytest-benchmark.json');
    expect(report.format).toBe('pytest-benchmark');
    expect(report.benchmarks).toEqual([
      {
        name: 'bench.py::test_fib_10',
        value: 40000,
        unit: 'iter/sec',
        biggerIsBetter: true,
        stddev: 4000,
        rounds: 1000,
      },
    ]);
  });

  test('github-action-benchmark custom formats: direction from the option, else from the unit with a warning', async () => {
    const bigger = await parseFixture('benchmarks/custom-bigger.json');
    expect(bigger.format).toBe('benchmark-action');
    expect(bigger.benchmarks?.map((b) => [b.name, b.biggerIsBetter, b.stddev])).toEqual([
      ['requests per second', true, 30],
      ['parse throughput', true, undefined],
    ]);
    expect(bigger.warnings[0]).toMatch(/direction guessed from each unit/);
    const smaller = await parseFixture('benchmarks/custom-smaller.json');
    expect(smaller.benchmarks?.map((b) => b.biggerIsBetter)).toEqual([false, false]);
    const told = await parseFixture('benchmarks/custom-smaller.json', { customBenchmarks: 'biggerIsBetter' });
    expect(told.benchmarks?.map((b) => b.biggerIsBetter)).toEqual([true, true]);
    expect(told.warnings).toEqual([]);
  });

  test('a custom benchmark\'s range in percent (benchmark.js\'s "±1.41%") is a spread relative to its value', async () => {
    const text = JSON.stringify([{ name: 'parse', unit: 'ms', value: 2.5, range: '±1.41%' }]);
    const report = (await parseText(text, { customBenchmarks: 'smallerIsBetter' })) as Report;
    expect(report.benchmarks?.[0]?.stddev).toBeCloseTo(0.03525, 6);
  });

  test('go test -bench: -N suffix dropped, repeated runs become samples (median value), extra metrics apart', async () => {
    const report = await parseFixture('benchmarks/go-bench.txt');
    expect(report.format).toBe('go-bench');
    const fib = report.benchmarks?.find((b) => b.name === 'BenchmarkFib10');
    expect(fib).toMatchObject({
      value: 420,
      unit: 'ns/op',
      biggerIsBetter: false,
      samples: [416, 420, 430],
      rounds: 3,
    });
    expect(fib?.stddev).toBeCloseTo(7.2111, 3);
    expect(report.benchmarks?.map((b) => b.name)).toEqual([
      'BenchmarkFib10',
      'BenchmarkFib10 - B/op',
      'BenchmarkFib10 - allocs/op',
      'BenchmarkParse/small',
      'BenchmarkParse/small - B/op',
      'BenchmarkParse/small - allocs/op',
    ]);
  });

  test('cargo bench and benchmark.js text', async () => {
    const cargo = await parseText('test bench_fib_10 ... bench:         1,135 ns/iter (+/- 24)\n');
    expect(cargo).toMatchObject({
      format: 'cargo-bench',
      benchmarks: [{ name: 'bench_fib_10', value: 1135, stddev: 24 }],
    });
    const js = await parseText('fib(10) x 1,431,759 ops/sec ±0.74% (93 runs sampled)\n');
    expect(js).toMatchObject({
      format: 'benchmarkjs',
      benchmarks: [{ name: 'fib(10)', value: 1431759, biggerIsBetter: true, rounds: 93 }],
    });
  });
});

describe('JUnit XML', () => {
  test('jest-junit: counts, a failure with its message, time per file from the suite file attribute', async () => {
    const report = await parseFixture('junit/jest-junit.xml');
    expect(report.format).toBe('junit');
    expect(report.tests).toMatchObject({ total: 4, failed: 1, errors: 0, skipped: 1 });
    expect(report.tests?.failures).toEqual([
      {
        name: 'math divides',
        classname: 'math divides',
        file: 'src/math.test.ts',
        message: 'expected 2, got 3',
        kind: 'failure',
      },
    ]);
    expect(report.tests?.timeByFile).toEqual({ 'src/math.test.ts': 1.25, 'src/util.test.ts': 1 });
    expect(report.warnings).toEqual([]);
  });

  test('pytest: failure and error apart, file and line per case', async () => {
    const report = await parseFixture('junit/pytest.xml');
    expect(report.tests).toMatchObject({ total: 4, failed: 1, errors: 1, skipped: 1 });
    expect(report.tests?.failures.map((f) => [f.kind, f.file, f.line])).toEqual([
      ['failure', 'tests/test_core.py', 7],
      ['error', 'tests/test_io.py', 1],
    ]);
    expect(report.tests?.timeByFile).toEqual({
      'tests/test_core.py': 0.30000000000000004,
      'tests/test_io.py': 0.6,
    });
  });

  test('Surefire: a single <testsuite> root, no file attributes so no time per file', async () => {
    const report = await parseFixture('junit/surefire.xml');
    expect(report.tests).toMatchObject({ total: 3, failed: 1, errors: 0, skipped: 0 });
    expect(report.tests?.failures[0]?.message).toBe('expected:<2> but was:<3>');
    expect(report.tests?.timeByFile).toBeUndefined();
  });

  test('root totals that disagree with the test cases: a warning, the recount used', async () => {
    const report = await parseText(
      '<testsuites tests="5" failures="0"><testsuite tests="1"><testcase name="a"/></testsuite></testsuites>',
    );
    expect(report).toMatchObject({
      tests: { total: 1 },
      warnings: ['states totals that disagree with its test cases (tests 5 vs 1): the recount is used'],
    });
  });
});

describe('complexity', () => {
  test('radon cc --json: functions, closures and methods once each; files radon could not read warned', async () => {
    const report = await parseFixture('complexity/radon.json');
    expect(report.format).toBe('radon');
    expect(report.complexity?.map((c) => [c.name, c.complexity, c.line])).toEqual([
      ['parse', 8, 1],
      ['inner', 2, 5],
      ['Store.get', 3, 33],
    ]);
    expect(report.warnings).toEqual(['radon could not analyse 1 files']);
  });

  test('lizard CSV and XML give the same functions', async () => {
    const csv = await parseFixture('complexity/lizard.csv');
    const xml = await parseFixture('complexity/lizard.xml');
    expect(csv.format).toBe('lizard-csv');
    expect(xml.format).toBe('lizard-xml');
    const strip = (items: typeof csv.complexity) =>
      items?.map(({ path, name, line, complexity }) => ({ path, name, line, complexity }));
    expect(strip(csv.complexity)).toEqual(strip(xml.complexity));
    expect(csv.complexity?.[1]).toEqual({
      path: './src/run.c',
      name: 'run',
      line: 20,
      endLine: 64,
      complexity: 15,
    });
  });

  test('ESLint JSON: only the complexity rule, name and value from its message', async () => {
    const report = await parseFixture('complexity/eslint.json');
    expect(report.format).toBe('eslint');
    expect(report.complexity).toEqual([
      { path: '/repo/src/app.js', name: 'handle', line: 4, endLine: 40, complexity: 12 },
      { path: '/repo/src/app.js', name: 'Arrow function', line: 50, endLine: 70, complexity: 11 },
    ]);
  });
});

test('JUnit without root totals: the top-level suites are summed as the stated totals', async () => {
  const xml =
    '<testsuites><testsuite tests="1" failures="1"><testcase name="a"><failure/></testcase></testsuite>' +
    '<testsuite tests="2" failures="0"><testcase name="b"/><testcase name="c"/></testsuite></testsuites>';
  expect(await parseText(xml)).toMatchObject({ tests: { total: 3, failed: 1 }, warnings: [] });
});
