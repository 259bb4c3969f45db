/** Test files split into shards of about equal expected time, from JUnit timing history. */
import { XMLParser } from 'fast-xml-parser';

/** Seconds per test file, as kept in the cache between runs. */
export interface TimingHistory {
  version: 1;
  files: Record<string, number>;
}

export interface Shard {
  index: number;
  files: string[];
  'expected-seconds': number;
}

export const EMPTY_HISTORY: TimingHistory = { version: 1, files: {} };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  isArray: (name) => name === 'testcase' || name === 'testsuite',
});

/**
 * Seconds per test file from a JUnit report. A test case names its file with `file` (pytest's
 * xunit1, jest-junit) or only its `classname` (`tests.test_io.TestRead` -> tests/test_io.py when that
 * file is among `known`).
 */
export function timingsFromJUnit(xml: string, known: string[]): Map<string, number> {
  const byFile = new Map<string, number>();
  const knownSet = new Set(known);
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    for (const test of (record.testcase as Record<string, string>[] | undefined) ?? []) {
      const file = fileOf(test, knownSet);
      const seconds = Number(test.time);
      if (file && Number.isFinite(seconds)) byFile.set(file, (byFile.get(file) ?? 0) + seconds);
    }
    for (const suite of (record.testsuite as unknown[] | undefined) ?? []) visit(suite);
    if (record.testsuites) visit(record.testsuites);
  };
  visit(parser.parse(xml));
  return byFile;
}

function fileOf(test: Record<string, string>, known: Set<string>): string | undefined {
  if (test.file) return test.file.replace(/^\.\//, '');
  const parts = (test.classname ?? '').split('.');
  for (let n = parts.length; n > 0; n -= 1) {
    const stem = parts.slice(0, n).join('/');
    for (const ext of ['.py', '.ts', '.js']) if (known.has(stem + ext)) return stem + ext;
  }
  return undefined;
}

/** The history with fresh timings replacing older ones (files not seen again keep theirs). */
export function mergeHistory(history: TimingHistory, fresh: Map<string, number>): TimingHistory {
  return { version: 1, files: { ...history.files, ...Object.fromEntries(fresh) } };
}

function median(values: number[]): number {
  if (values.length === 0) return 1;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 1) : ((sorted[mid - 1] ?? 1) + (sorted[mid] ?? 1)) / 2;
}

/**
 * Longest first, each to the shard with the least expected time so far (LPT): within a few percent
 * of each other unless one file outweighs a whole shard. Files without history get the median.
 */
export function splitShards(files: string[], history: TimingHistory, count: number): Shard[] {
  const fallback = median(files.map((f) => history.files[f]).filter((s): s is number => s !== undefined));
  const weighted = files.map((file) => ({ file, seconds: history.files[file] ?? fallback }));
  weighted.sort((a, b) => b.seconds - a.seconds || a.file.localeCompare(b.file));
  const shards: Shard[] = Array.from({ length: count }, (_, i) => ({
    index: i + 1,
    files: [],
    'expected-seconds': 0,
  }));
  for (const { file, seconds } of weighted) {
    const lightest = shards.reduce((min, shard) =>
      shard['expected-seconds'] < min['expected-seconds'] ? shard : min,
    );
    lightest.files.push(file);
    lightest['expected-seconds'] += seconds;
  }
  for (const shard of shards) {
    shard.files.sort();
    shard['expected-seconds'] = Math.round(shard['expected-seconds'] * 10) / 10;
  }
  return shards.filter((shard) => shard.files.length > 0);
}
