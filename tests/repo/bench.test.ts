// `pnpm bench <name>` runs bench/<name>.ts; `pnpm bench` lists them with what each one measures.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { formatBenchmarkList, listBenchmarks } from '../../scripts/bench';

describe('pnpm bench', () => {
  const benchmarks = listBenchmarks();

  test('lists every benchmark with a one-line summary and says how to run it', () => {
    expect(benchmarks.map((b) => b.name)).toEqual(expect.arrayContaining(['retry-startup', 'retry-profile']));
    for (const benchmark of benchmarks) expect(benchmark.summary).not.toBe('');
    const listing = formatBenchmarkList(benchmarks);
    expect(listing).toContain('Usage: pnpm bench <name>');
    expect(listing).toMatch(/retry-startup\s+Cold start/);
  });

  test("each benchmark's header shows the `pnpm bench <name>` command that runs it", () => {
    for (const benchmark of benchmarks) {
      expect(readFileSync(benchmark.file, 'utf8')).toContain(`pnpm bench ${benchmark.name}`);
    }
  });
});
