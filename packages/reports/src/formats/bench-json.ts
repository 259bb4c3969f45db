/**
 * Benchmarks as JSON: pytest-benchmark (`stats.ops`, iterations per second, as github-action-benchmark
 * reports it; the spread converted from seconds), github-action-benchmark's custom formats
 * (`[{name, unit, value, range?}]`), and JMH (`primaryMetric.score`; throughput modes are bigger-is-better).
 */
import type { Benchmark } from '../model';
import { fromSamples } from './bench-text';
import { isRecord, num, type ParseContext, type Parsed, str } from './context';

type Json = Record<string, unknown>;

export function parsePytestBenchmark(doc: Json): Parsed {
  const benchmarks: Benchmark[] = [];
  for (const entry of Array.isArray(doc.benchmarks) ? doc.benchmarks.filter(isRecord) : []) {
    const stats = isRecord(entry.stats) ? entry.stats : {};
    const mean = num(stats.mean);
    const ops = num(stats.ops) ?? (mean ? 1 / mean : undefined);
    if (ops === undefined) continue;
    const name = str(entry.fullname) ?? str(entry.name) ?? 'benchmark';
    const data = Array.isArray(stats.data)
      ? stats.data.filter((v): v is number => typeof v === 'number' && v > 0)
      : [];
    const benchmark: Benchmark =
      data.length > 1
        ? {
            ...fromSamples(
              name,
              'iter/sec',
              data.map((seconds) => 1 / seconds),
              true,
            ),
            value: ops,
          }
        : { name, value: ops, unit: 'iter/sec', biggerIsBetter: true };
    const stddev = num(stats.stddev);
    // The spread of 1/t near the mean: stddev(ops) ≈ ops × stddev(t) / mean(t).
    if (benchmark.stddev === undefined && stddev !== undefined && mean)
      benchmark.stddev = (ops * stddev) / mean;
    const rounds = num(stats.rounds);
    if (rounds !== undefined) benchmark.rounds = rounds;
    benchmarks.push(benchmark);
  }
  return { format: 'pytest-benchmark', benchmarks };
}

const BIGGER_UNITS = /ops|\/s(ec)?\b|per ?sec|hz|throughput|rps|qps|score/i;

export function parseCustomBenchmarks(doc: unknown[], context: ParseContext): Parsed {
  const benchmarks: Benchmark[] = [];
  for (const entry of doc.filter(isRecord)) {
    const value = num(entry.value);
    const name = str(entry.name);
    if (value === undefined || name === undefined) continue;
    const unit = str(entry.unit) ?? '';
    const biggerIsBetter =
      context.customBenchmarks === undefined
        ? BIGGER_UNITS.test(unit)
        : context.customBenchmarks === 'biggerIsBetter';
    const benchmark: Benchmark = { name, value, unit, biggerIsBetter };
    // "± 300" is in the unit; benchmark.js writes "±1.41%", a share of the value.
    const spread = /([\d.]+)\s*(%?)/.exec(str(entry.range) ?? '');
    if (spread) benchmark.stddev = Number(spread[1]) * (spread[2] ? Math.abs(value) / 100 : 1);
    benchmarks.push(benchmark);
  }
  if (context.customBenchmarks === undefined && benchmarks.length > 0) {
    context.warnings.push(
      'github-action-benchmark custom format: direction guessed from each unit (say customBiggerIsBetter or customSmallerIsBetter to be sure)',
    );
  }
  return { format: 'benchmark-action', benchmarks };
}

export function parseJmh(doc: unknown[]): Parsed {
  const benchmarks: Benchmark[] = [];
  for (const entry of doc.filter(isRecord)) {
    const metric = isRecord(entry.primaryMetric) ? entry.primaryMetric : {};
    const value = num(metric.score);
    if (value === undefined) continue;
    const params = isRecord(entry.params)
      ? ` ( {${Object.entries(entry.params)
          .map(([k, v]) => `"${k}": "${String(v)}"`)
          .join(', ')}} )`
      : '';
    const benchmark: Benchmark = {
      name: `${str(entry.benchmark) ?? 'benchmark'}${params}`,
      value,
      unit: str(metric.scoreUnit) ?? '',
      biggerIsBetter: entry.mode === 'thrpt',
    };
    const error = num(metric.scoreError);
    if (error !== undefined) benchmark.stddev = error;
    benchmarks.push(benchmark);
  }
  return { format: 'jmh', benchmarks };
}
