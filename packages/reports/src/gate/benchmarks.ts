/**
 * Benchmark deltas against a baseline, aware of direction and of runner noise. A benchmark
 * regressed only when BOTH hold:
 *  1. it got worse by more than the threshold (in %, in its own direction: slower for times,
 *     lower for throughputs), and
 *  2. the difference is larger than the noise the reports show: NOISE_Z standard errors of the
 *     difference, sqrt(s1²/n1 + s2²/n2), with s the standard deviation (given, or computed from the
 *     samples) and n the samples or rounds (1 when unknown). A side without a spread borrows the
 *     other's. Without any spread only the threshold applies, and the delta says so.
 * Shared runners differ by several percent from run to run, so a single-sample run with a 20 %
 * threshold is the least we accept; the spread check removes the false alerts of noisy benchmarks
 * that make users turn benchmark gates off.
 */
import type { Benchmark } from '../model';

/** Standard errors of the difference that count as more than noise (about 99.7 % two-sided). */
export const NOISE_Z = 3;

export type BenchmarkStatus = 'regression' | 'within-noise' | 'improvement' | 'unchanged' | 'new';

export interface BenchmarkDelta {
  name: string;
  unit: string;
  biggerIsBetter: boolean;
  current: number;
  baseline: number | null;
  /** How much worse, in % of the baseline (negative = better); null without a baseline. */
  worsePercent: number | null;
  /** The noise bound in the benchmark's unit (NOISE_Z standard errors); null when no spread is known. */
  noise: number | null;
  /** The difference exceeds the noise bound (true when no spread is known). */
  beyondNoise: boolean;
  status: BenchmarkStatus;
}

interface Spread {
  sd: number | undefined;
  n: number;
}

function spreadOf(benchmark: Benchmark): Spread {
  const samples = benchmark.samples;
  if (samples && samples.length >= 2) {
    const mean = samples.reduce((sum, x) => sum + x, 0) / samples.length;
    const variance = samples.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (samples.length - 1);
    return { sd: Math.sqrt(variance), n: samples.length };
  }
  return { sd: benchmark.stddev, n: Math.max(1, benchmark.rounds ?? 1) };
}

/** NOISE_Z standard errors of the difference of the two means; null when neither side has a spread. */
export function noiseBound(current: Benchmark, baseline: Benchmark): number | null {
  const a = spreadOf(current);
  const b = spreadOf(baseline);
  const sdA = a.sd ?? b.sd;
  const sdB = b.sd ?? a.sd;
  if (sdA === undefined || sdB === undefined) return null;
  return NOISE_Z * Math.sqrt(sdA ** 2 / a.n + sdB ** 2 / b.n);
}

/** One delta per current benchmark (by name; the baseline's unit and direction must agree). */
export function compareBenchmarks(
  current: readonly Benchmark[],
  baseline: readonly Benchmark[],
  thresholdPercent: number,
): BenchmarkDelta[] {
  const before = new Map(baseline.map((b) => [b.name, b]));
  return current.map((bench) => {
    const base = before.get(bench.name);
    const delta: BenchmarkDelta = {
      name: bench.name,
      unit: bench.unit,
      biggerIsBetter: bench.biggerIsBetter,
      current: bench.value,
      baseline: null,
      worsePercent: null,
      noise: null,
      beyondNoise: false,
      status: 'new',
    };
    if (
      !base ||
      base.unit !== bench.unit ||
      base.biggerIsBetter !== bench.biggerIsBetter ||
      base.value === 0
    ) {
      return delta;
    }
    const worse = bench.biggerIsBetter ? base.value - bench.value : bench.value - base.value;
    delta.baseline = base.value;
    delta.worsePercent = (worse * 100) / Math.abs(base.value);
    delta.noise = noiseBound(bench, base);
    const beyondNoise = delta.noise === null || Math.abs(worse) > delta.noise;
    delta.beyondNoise = beyondNoise;
    if (worse > 0 && delta.worsePercent > thresholdPercent) {
      delta.status = beyondNoise ? 'regression' : 'within-noise';
    } else if (worse < 0 && beyondNoise && -delta.worsePercent > thresholdPercent) {
      delta.status = 'improvement';
    } else {
      delta.status = 'unchanged';
    }
    return delta;
  });
}
