/**
 * Benchmark output as text: `go test -bench` (the `-N` GOMAXPROCS suffix dropped; repeated runs of
 * one benchmark, `-count=N`, become its samples and the median its value; extra metrics such as
 * B/op become `Name - B/op`), `cargo bench` and benchmark.js (github-action-benchmark's formats).
 */
import type { Benchmark } from '../model';
import type { ParseContext, Parsed } from './context';

export const GO_BENCH_LINE = /^(Benchmark\S*?)(?:-\d+)?\s+(\d+)\s+(\d.*)$/;
export const CARGO_LINE = /^test (\S+)\s+\.\.\. bench:\s+([\d,.]+) (\S+)(?: \(\+\/- ([\d,.]+)\))?/;
export const BENCHMARKJS_LINE = /^(.+?) x ([\d,.]+) (\S+) ±([\d.]+)% \((\d+) runs? sampled\)/;

export async function parseGoBench(lines: AsyncIterable<string>, context: ParseContext): Promise<Parsed> {
  const samples = new Map<string, { unit: string; values: number[] }>();
  for await (const line of lines) {
    const match = GO_BENCH_LINE.exec(line.trim());
    if (!match) continue;
    const metrics = match[3]!.trim().split(/\s+/);
    for (let i = 0; i + 1 < metrics.length; i += 2) {
      const value = Number(metrics[i]);
      const unit = metrics[i + 1]!;
      if (!Number.isFinite(value)) continue;
      const name = i === 0 ? match[1]! : `${match[1]} - ${unit}`;
      const entry = samples.get(name) ?? { unit, values: [] };
      entry.values.push(value);
      samples.set(name, entry);
    }
  }
  const benchmarks: Benchmark[] = [];
  for (const [name, { unit, values }] of samples) {
    benchmarks.push(fromSamples(name, unit, values, /\/s$|per.?sec/i.test(unit)));
  }
  if (benchmarks.length === 0) context.warnings.push('no benchmark lines found');
  return { format: 'go-bench', benchmarks };
}

export async function parseCargoBench(lines: AsyncIterable<string>): Promise<Parsed> {
  const benchmarks: Benchmark[] = [];
  for await (const line of lines) {
    const match = CARGO_LINE.exec(line.trim());
    if (!match) continue;
    const benchmark: Benchmark = {
      name: match[1]!,
      value: number(match[2]!),
      unit: match[3]!,
      biggerIsBetter: false,
    };
    if (match[4]) benchmark.stddev = number(match[4]);
    benchmarks.push(benchmark);
  }
  return { format: 'cargo-bench', benchmarks };
}

export async function parseBenchmarkJs(lines: AsyncIterable<string>): Promise<Parsed> {
  const benchmarks: Benchmark[] = [];
  for await (const line of lines) {
    const match = BENCHMARKJS_LINE.exec(line.trim());
    if (!match) continue;
    const value = number(match[2]!);
    benchmarks.push({
      name: match[1]!,
      value,
      unit: match[3]!,
      biggerIsBetter: true,
      // benchmark.js prints the relative margin of error (±%), kept as an absolute spread.
      stddev: (value * Number(match[4])) / 100,
      rounds: Number(match[5]),
    });
  }
  return { format: 'benchmarkjs', benchmarks };
}

function number(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/** A benchmark from repeated measurements: the median as the value, with the samples and their spread. */
export function fromSamples(
  name: string,
  unit: string,
  values: number[],
  biggerIsBetter: boolean,
): Benchmark {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const benchmark: Benchmark = { name, value: median, unit, biggerIsBetter };
  if (values.length > 1) {
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    benchmark.stddev = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1));
    benchmark.samples = values;
    benchmark.rounds = values.length;
  }
  return benchmark;
}
