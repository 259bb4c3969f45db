// How well `qeml analyze` points at the reason a build failed, on a labelled corpus of failed CI logs,
// next to two baselines on the same logs: the last 50 lines, and keyword windows around the last
// lines that say error/fail/exception/fatal. A hit = a shown range overlaps the labelled start..end.
// Run: pnpm bench diagnosis <corpus>/failure-logs   (or pnpm bench:diagnosis; printed, never asserted)
import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeLog, builtinCatalogue, compileForAnalysis } from '@qeml/diagnosis';

interface Label {
  log: string;
  lang: string;
  start: number;
  end: number;
}
type Range = { start: number; end: number };
type Method = (file: string, lines: string[]) => Promise<Range[]>;

const corpus = process.argv[2];
if (!corpus) {
  console.error('usage: pnpm bench:diagnosis <corpus dir with labels.jsonl>');
  process.exit(2);
}
const labels: Label[] = readFileSync(path.join(corpus, 'labels.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));

const catalogue = compileForAnalysis(builtinCatalogue());

/** The corpus convention: split on "\n", a "\r" before it removed. */
function splitLines(text: string): string[] {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

const ours: Method = async (file) => {
  const analysis = await analyzeLog(file, createReadStream(file), { catalogue });
  return analysis.findings;
};
const tail: Method = async (_file, lines) => [{ start: Math.max(1, lines.length - 49), end: lines.length }];
const keyword: Method = async (_file, lines) => {
  const ranges: Range[] = [];
  for (let i = lines.length - 1; i >= 0 && ranges.length < 3; i--) {
    if (!/error|fail|exception|fatal/i.test(lines[i] ?? '')) continue;
    const line = i + 1;
    if (ranges.some((r) => line >= r.start && line <= r.end)) continue;
    ranges.push({ start: Math.max(1, line - 6), end: Math.min(lines.length, line + 6) });
  }
  return ranges;
};

const methods: [string, Method][] = [
  ['qeml analyze', ours],
  ['last 50 lines', tail],
  ['keyword windows', keyword],
];

interface Score {
  hit1: number;
  hit3: number;
  shown: number;
  byLang: Map<string, { hits: number; total: number }>;
  misses: string[];
}

const scores = new Map<string, Score>(
  methods.map(([name]) => [name, { hit1: 0, hit3: 0, shown: 0, byLang: new Map(), misses: [] }]),
);
const overlaps = (r: Range, l: Label) => r.start <= l.end && r.end >= l.start;
for (const label of labels) {
  const file = path.join(corpus, label.log);
  const lines = splitLines(readFileSync(file, 'latin1'));
  for (const [name, method] of methods) {
    const ranges = (await method(file, lines)).slice(0, 3);
    const score = scores.get(name)!;
    const first = ranges[0];
    if (first && overlaps(first, label)) score.hit1++;
    const hit = ranges.some((r) => overlaps(r, label));
    if (hit) score.hit3++;
    else score.misses.push(`${label.log} (label ${label.start}-${label.end})`);
    score.shown += ranges.reduce((sum, r) => sum + (r.end - r.start + 1), 0);
    const lang = score.byLang.get(label.lang) ?? { hits: 0, total: 0 };
    lang.total++;
    if (hit) lang.hits++;
    score.byLang.set(label.lang, lang);
  }
}

const n = labels.length;
const pad = (text: string, width = 16) => text.padStart(width);
console.log(`${labels.length} labelled logs from ${corpus}\n`);
console.log(`${'method'.padEnd(16)}${pad('hit@1', 8)}${pad('hit@3', 8)}${pad('lines shown', 13)}`);
for (const [name, score] of scores) {
  console.log(
    `${name.padEnd(16)}${pad((score.hit1 / n).toFixed(2), 8)}${pad((score.hit3 / n).toFixed(2), 8)}${pad((score.shown / n).toFixed(1), 13)}`,
  );
}
console.log(`\nhit@3 per language:\n${'language'.padEnd(14)}${methods.map(([name]) => pad(name)).join('')}`);
const langs = [...new Set(labels.map((l) => l.lang))].sort();
for (const lang of langs) {
  const cells = methods.map(([name]) => {
    const entry = scores.get(name)!.byLang.get(lang)!;
    return pad(`${(entry.hits / entry.total).toFixed(2)} (${entry.total})`);
  });
  console.log(`${lang.padEnd(14)}${cells.join('')}`);
}
if (process.env.SHOW_MISSES) console.log(`\nmisses:\n${scores.get('qeml analyze')!.misses.join('\n')}`);
