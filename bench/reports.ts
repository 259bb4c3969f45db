// Cobertura parsing at two sizes: our streaming parser vs a full fast-xml-parser parse, MB/s and peak RSS.
// Run: pnpm bench reports [MB...]   (default 100 200; printed, never asserted). Each parse runs in its own
// child process so peak RSS is its own: ours keeping every line, ours keeping line counts only
// (`keepLines: () => false`, what the gate does for files outside the diff), and fast-xml-parser
// building the whole document (what most coverage actions do) then counting its lines.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileSource, isReportError, parseReport } from '@qeml/reports';
import { XMLParser } from 'fast-xml-parser';

type Mode = 'ours' | 'ours-counts' | 'fast-xml-parser';
interface Measure {
  seconds: number;
  peakRssMB: number;
  lines: string;
}

const LINES_PER_CLASS = 400;

/** A coverlet-like Cobertura file: classes with their lines, repeated under a <method>, every 8th line a branch. */
async function generate(file: string, megabytes: number): Promise<void> {
  const out = createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((ok) => out.once('drain', () => ok()));
  await write(
    '<?xml version="1.0" encoding="utf-8"?>\n<coverage line-rate="0.66" branch-rate="0.5" version="1.9">\n',
  );
  await write(
    '  <sources><source>/home/runner/work/app/app/src</source></sources>\n  <packages><package name="App"><classes>\n',
  );
  let written = 0;
  for (let n = 0; written < megabytes * 1024 * 1024; n++) {
    const lines: string[] = [];
    for (let i = 1; i <= LINES_PER_CLASS; i++) {
      const hits = (i * 7 + n) % 3;
      lines.push(
        i % 8 === 0
          ? `<line number="${i}" hits="${hits}" branch="True" condition-coverage="50% (1/2)"/>`
          : `<line number="${i}" hits="${hits}" branch="False"/>`,
      );
    }
    const body = lines.join('\n            ');
    const chunk = `<class name="App.C${n}" filename="App\\Module${n % 997}\\C${n}.cs" line-rate="0.66" branch-rate="0.5">
          <methods><method name="Run" signature="()"><lines>${lines.slice(0, 40).join('')}</lines></method></methods>
          <lines>
            ${body}
          </lines>
        </class>\n`;
    written += Buffer.byteLength(chunk);
    await write(chunk);
  }
  await write('</classes></package></packages>\n</coverage>\n');
  await new Promise<void>((ok) => out.end(() => ok()));
}

async function child(mode: Mode, file: string): Promise<void> {
  const started = performance.now();
  let lines = '';
  if (mode === 'fast-xml-parser') {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      readFileSync(file, 'utf8'),
    );
    const list = <T>(value: T | T[] | undefined): T[] =>
      value === undefined ? [] : Array.isArray(value) ? value : [value];
    let covered = 0;
    let total = 0;
    for (const cls of list(doc.coverage.packages.package.classes.class) as Array<{
      lines: { line: unknown };
    }>) {
      for (const line of list(cls.lines.line) as Array<{ hits: string }>) {
        total++;
        if (Number(line.hits) > 0) covered++;
      }
    }
    lines = `${covered}/${total}`;
  } else {
    const result = await parseReport(path.basename(file), {
      source: fileSource(path.dirname(file)),
      limits: { maxBytes: 4 * 1024 ** 3, maxEntries: 1e9 },
      ...(mode === 'ours-counts' ? { keepLines: () => false } : {}),
    });
    if (isReportError(result)) throw new Error(result.error);
    lines = `${result.coverage?.lines.covered}/${result.coverage?.lines.total}`;
  }
  const seconds = (performance.now() - started) / 1000;
  const measure: Measure = { seconds, peakRssMB: process.resourceUsage().maxRSS / 1024, lines };
  process.stdout.write(JSON.stringify(measure));
}

function measure(mode: Mode, file: string): Measure | string {
  const heap = mode === 'fast-xml-parser' ? ['--max-old-space-size=16384'] : [];
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, [...heap, ...process.execArgv, self, '--child', mode, file], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
  });
  if (run.status !== 0)
    return `failed (${run.signal ?? `exit ${run.status}`}): ${run.stderr.trim().split('\n').pop()}`;
  return JSON.parse(run.stdout) as Measure;
}

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const dir = mkdtempSync(path.join(tmpdir(), 'qeml-bench-reports-'));
  try {
    console.log(
      `node ${process.version}, ${LINES_PER_CLASS} lines per class, each line also under a <method> for the first 40`,
    );
    for (const megabytes of sizes.length > 0 ? sizes : [100, 200]) {
      const file = path.join(dir, `coverage-${megabytes}.xml`);
      await generate(file, megabytes);
      const mb = statSync(file).size / 1024 / 1024;
      console.log(`\nCobertura ${mb.toFixed(0)} MB`);
      for (const mode of ['ours', 'ours-counts', 'fast-xml-parser'] as const) {
        const result = measure(mode, file);
        if (typeof result === 'string') console.log(`  ${mode.padEnd(16)} ${result}`);
        else {
          const speed = (mb / result.seconds).toFixed(1);
          console.log(
            `  ${mode.padEnd(16)} ${result.seconds.toFixed(1).padStart(6)} s  ${speed.padStart(6)} MB/s  peak RSS ${result.peakRssMB.toFixed(0).padStart(5)} MB  lines ${result.lines}`,
          );
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) await child(process.argv[childAt + 1] as Mode, process.argv[childAt + 2]!);
else await main();
