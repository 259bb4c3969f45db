// `pnpm bench <name> [args...]` runs bench/<name>.ts (benchmarks print figures, never assert);
// `pnpm bench` alone lists the benchmarks with the first line of each one's header comment.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './lib/repo';

export interface Benchmark {
  name: string;
  file: string;
  /** The first line of the file's leading `//` comment: what it measures. */
  summary: string;
}

export function listBenchmarks(root: string = repoRoot): Benchmark[] {
  const dir = join(root, 'bench');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((entry) => entry.endsWith('.ts'))
    .sort()
    .map((entry) => {
      const file = join(dir, entry);
      const first = readFileSync(file, 'utf8').split('\n')[0] ?? '';
      return { name: entry.slice(0, -3), file, summary: first.replace(/^\/\/\s?/, '').trim() };
    });
}

export function formatBenchmarkList(benchmarks: Benchmark[]): string {
  const width = Math.max(0, ...benchmarks.map((b) => b.name.length));
  const lines = benchmarks.map((b) => `  ${b.name.padEnd(width)}  ${b.summary}`);
  return ['Usage: pnpm bench <name> [args...]', '', 'Benchmarks (bench/<name>.ts):', ...lines].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [name, ...args] = process.argv.slice(2);
  const benchmarks = listBenchmarks();
  const chosen = benchmarks.find((b) => b.name === name);
  if (!name || name === '--list') {
    console.log(formatBenchmarkList(benchmarks));
  } else if (!chosen) {
    console.error(`No benchmark named '${name}'.\n\n${formatBenchmarkList(benchmarks)}`);
    process.exit(2);
  } else {
    // The benchmark runs in this (tsx) process and reads its own arguments from process.argv.
    process.argv = [process.argv[0] ?? 'node', chosen.file, ...args];
    await import(pathToFileURL(chosen.file).href);
  }
}
