// Scanning speed and memory on a big log built from a corpus: our full analysis (the `qeml` CLI
// bundle), `rg -c -f` over the exported catalogue, and a naive one-regex-per-line JavaScript loop.
// Run: pnpm build cli && pnpm bench scan <corpus>/failure-logs [MB]   (or pnpm bench:scan; printed, never asserted)
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtinCatalogue, ripgrepPatternFile } from '@qeml/diagnosis';
import { distDir } from '../tests/support/paths';

const corpus = process.argv[2];
const targetMB = Number(process.argv[3] ?? 200);
if (!corpus) {
  console.error('usage: pnpm bench:scan <corpus dir> [MB, default 200]');
  process.exit(2);
}
const cli = path.join(distDir('cli'), 'index.js');
/** A method slower than this is stopped and reported as such. */
const TIMEOUT_S = Number(process.env.SCAN_TIMEOUT_S ?? 300);
if (!existsSync(cli)) {
  console.error('dist/cli/index.js is missing: run `pnpm build cli` first');
  process.exit(1);
}

function logsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return logsUnder(full);
    return entry.name.endsWith('.log') ? [full] : [];
  });
}

/** Concatenates the corpus logs (again and again) until the file holds `megabytes`. */
function buildLog(file: string, sources: readonly Buffer[], megabytes: number): number {
  writeFileSync(file, '');
  let size = 0;
  for (let i = 0; size < megabytes * 1024 * 1024; i++) {
    const source = sources[i % sources.length]!;
    appendFileSync(file, source);
    size += source.length;
  }
  return size;
}

/** Runs a command under /usr/bin/time: wall seconds and peak RSS. */
function measure(command: string, args: string[]): { seconds: number; peakMB: number; ok: boolean } {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: TIMEOUT_S * 1000,
  });
  if (result.error || result.signal)
    return { seconds: Number.POSITIVE_INFINITY, peakMB: Number.NaN, ok: false };
  const last = (result.stderr ?? '').trim().split('\n').at(-1) ?? '';
  const [seconds, kb] = last.split(' ').map(Number);
  return {
    seconds: seconds ?? Number.NaN,
    peakMB: (kb ?? Number.NaN) / 1024,
    ok: result.status === 0 || result.status === 1,
  };
}

const NAIVE = `
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
const patterns = JSON.parse(readFileSync(process.argv[2], 'utf8')).map((s) => new RegExp(s.pattern, s.ignoreCase ? 'i' : ''));
let hits = 0;
for await (const line of createInterface({ input: createReadStream(process.argv[3]), crlfDelay: Infinity })) {
  for (const pattern of patterns) if (pattern.test(line)) hits++;
}
console.log(hits);
`;

const work = mkdtempSync(path.join(tmpdir(), 'qeml-bench-scan-'));
try {
  const sources = logsUnder(corpus).map((file) => readFileSync(file));
  if (sources.length === 0) throw new Error(`no .log files under ${corpus}`);
  const big = path.join(work, 'big.log');
  const quarter = path.join(work, 'quarter.log');
  const bytes = buildLog(big, sources, targetMB);
  const quarterBytes = buildLog(quarter, sources, targetMB / 4);
  const catalogue = builtinCatalogue();
  writeFileSync(path.join(work, 'patterns.rg'), ripgrepPatternFile(catalogue));
  writeFileSync(path.join(work, 'patterns.json'), JSON.stringify(catalogue));
  writeFileSync(path.join(work, 'naive.mjs'), NAIVE);
  const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' });

  console.log(
    `${(bytes / 1024 / 1024).toFixed(0)} MB log from ${sources.length} corpus logs, ${catalogue.length} signatures\n`,
  );
  console.log(
    `${'method'.padEnd(34)}${'seconds'.padStart(9)}${'MB/s'.padStart(9)}${'peak RSS'.padStart(11)}`,
  );
  const row = (name: string, size: number, m: ReturnType<typeof measure>) =>
    console.log(
      `${name.padEnd(34)}${m.seconds.toFixed(2).padStart(9)}${(size / 1024 / 1024 / m.seconds).toFixed(0).padStart(9)}${`${m.peakMB.toFixed(0)} MB`.padStart(11)}${m.ok ? '' : m.seconds === Number.POSITIVE_INFINITY ? `  (stopped after ${TIMEOUT_S} s)` : '  (failed)'}`,
    );
  const ours = (file: string) => measure(process.execPath, [cli, 'analyze', '--format', 'json', file]);
  row('qeml analyze (full analysis)', bytes, ours(big));
  row(`qeml analyze, ${targetMB / 4} MB (memory flat?)`, quarterBytes, ours(quarter));
  if (rg.status === 0)
    row(
      'rg -c -f <catalogue>',
      bytes,
      measure('rg', [
        '-c',
        // The catalogue's bounded repetitions ({1,400}) compile to a large automaton.
        '--regex-size-limit',
        '2G',
        '--dfa-size-limit',
        '2G',
        '-f',
        path.join(work, 'patterns.rg'),
        big,
      ]),
    );
  else
    console.log(
      'rg -c -f <catalogue>               (skipped: ripgrep is not installed; apt-get install -y ripgrep)',
    );
  row(
    'naive JS, every regex on every line',
    bytes,
    measure(process.execPath, [path.join(work, 'naive.mjs'), path.join(work, 'patterns.json'), big]),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
