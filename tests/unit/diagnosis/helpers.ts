/** Builders for diagnosis tests: a small fixture catalogue (the engine is tested apart from the real one) and text sources. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type AnalyzedLog, type AnalyzerOptions, analyzeLog, type Signature } from '@qeml/diagnosis';
import { repoRoot } from '../../support/paths';

function signature(
  fields: Partial<Signature> & Pick<Signature, 'id' | 'category' | 'pattern' | 'keywords'>,
): Signature {
  return {
    title: fields.id,
    examples: [],
    transient: false,
    recovery: 'escalate',
    severity: 'error',
    source: 'test fixture',
    ...fields,
  };
}

/** A handful of signatures shaped like the catalogue's, one per kind of verdict. */
export const FIXTURE_CATALOGUE: readonly Signature[] = [
  signature({
    id: 'npm-econnreset',
    category: 'registry',
    title: 'npm ECONNRESET',
    pattern: 'npm ERR! (?:code|network read) ECONNRESET',
    keywords: ['econnreset'],
    transient: true,
    recovery: 'rerun',
  }),
  signature({
    id: 'net-econnreset',
    category: 'network',
    title: 'A connection was reset (ECONNRESET)',
    pattern: '\\bECONNRESET\\b',
    keywords: ['econnreset'],
    transient: true,
    recovery: 'rerun',
  }),
  signature({
    id: 'jest-test-failed',
    category: 'test',
    title: 'A Jest test failed',
    pattern: '^FAIL (?<file>\\S+)',
    keywords: ['fail'],
  }),
  signature({
    id: 'pytest-failed',
    category: 'test',
    title: 'A pytest test failed',
    pattern: '^FAILED (?<file>[^:\\s]+)::(?<test>\\S+)',
    keywords: ['failed'],
  }),
  signature({
    id: 'node-heap-oom',
    category: 'resource',
    title: 'Node.js ran out of heap memory',
    pattern: 'JavaScript heap out of memory',
    keywords: ['heap out of memory'],
    recovery: 'escalate',
  }),
  signature({
    id: 'tsc-error',
    category: 'compile',
    title: 'TypeScript compile error',
    pattern: '(?<file>\\S+\\.tsx?)\\((?<line>\\d+),(?<column>\\d+)\\): error TS\\d+',
    keywords: ['error ts'],
  }),
  signature({
    id: 'eslint-problems',
    category: 'lint',
    title: 'ESLint found problems',
    pattern: '✖ \\d+ problems? \\(\\d+ errors?',
    keywords: ['problem'],
  }),
  signature({
    id: 'eresolve',
    category: 'dependency',
    title: 'npm could not resolve the dependency tree',
    pattern: 'npm ERR! code ERESOLVE',
    keywords: ['eresolve'],
  }),
  signature({
    id: 'cache-not-found',
    category: 'benign',
    title: 'Cache not found (benign)',
    pattern: 'Cache not found for input keys',
    keywords: ['cache not found'],
    severity: 'info',
  }),
];

export function fixturePath(name: string): string {
  return path.join(repoRoot, 'tests', 'fixtures', 'diagnosis', name);
}

export function fixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** The line number (1-based) of the first line containing `text`. */
export function lineOf(log: string, text: string): number {
  const index = log.split('\n').findIndex((line) => line.includes(text));
  if (index === -1) throw new Error(`no line contains ${JSON.stringify(text)}`);
  return index + 1;
}

/** Analyses `text` delivered in chunks of `chunkSize` bytes (so chunk boundaries fall anywhere). */
export function analyzeText(
  text: string | Buffer,
  options: Partial<AnalyzerOptions> = {},
  chunkSize = 7,
): Promise<AnalyzedLog> {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
  }
  return analyzeLog('test.log', chunks(), { catalogue: FIXTURE_CATALOGUE, ...options });
}

/** GitHub's raw log format: each line prefixed with its timestamp. */
export function githubLog(lines: readonly string[]): string {
  return `${lines.map((line, i) => `2024-05-02T10:00:${String(i % 60).padStart(2, '0')}.1234567Z ${line}`).join('\n')}\n`;
}
