/**
 * Hostile input: huge logs, one enormous line, binary garbage, NUL bytes, invalid UTF-8, an empty
 * file, a catastrophic user regex. Generated at test time; bounded memory is asserted through what
 * the scanner held at most, not through wall time.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import {
  analyzeLog,
  builtinCatalogue,
  MAX_LINE_BYTES,
  mergeCatalogue,
  parseUserPatterns,
} from '@qeml/diagnosis';
import { makeTempDir, removeTempDir } from '../../support/temp';
import { analyzeText, FIXTURE_CATALOGUE } from './helpers';

let work: string;
beforeAll(async () => {
  work = await makeTempDir('diagnosis-hostile-');
});
afterAll(() => removeTempDir(work));

/** `count` chunks of `chunk`, as a stream (never materialised whole). */
function repeated(chunk: Buffer, count: number, last = Buffer.alloc(0)): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent < count) {
        sent++;
        this.push(chunk);
      } else {
        this.push(last);
        this.push(null);
      }
    },
  });
}

describe('huge input in constant memory', () => {
  test('a 300 MB log written to disk by a stream: analysed, the failure at its end found', async () => {
    const file = path.join(work, 'huge.log');
    const block = Buffer.from(
      `${'2024-05-02T10:00:00.0000000Z compiling module 42 of 9000 in 12 ms, nothing to see here\n'.repeat(12_000)}`,
    );
    const blocks = Math.ceil((300 * 1024 * 1024) / block.length);
    const ending = Buffer.from(
      '2024-05-02T10:00:00.0000000Z FAIL src/huge.test.ts\n2024-05-02T10:00:00.0000000Z ##[error]Process completed with exit code 1.\n',
    );
    await pipeline(repeated(block, blocks, ending), createWriteStream(file));
    const analysis = await analyzeLog('huge.log', createReadStream(file, { highWaterMark: 1024 * 1024 }), {
      catalogue: FIXTURE_CATALOGUE,
    });
    expect(analysis.stats.bytes).toBeGreaterThanOrEqual(300 * 1024 * 1024);
    expect(analysis.findings[0]?.pattern).toBe('jest-test-failed');
    expect(analysis.findings[0]?.start).toBeLessThanOrEqual(analysis.stats.lines - 1);
    expect(analysis.stats.maxRetainedLineBytes).toBeLessThanOrEqual(MAX_LINE_BYTES);
  }, 120_000);

  test('a 50 MB single line streamed through: held at most the cap, the next line still numbered 2', async () => {
    const piece = Buffer.alloc(1024 * 1024, 'error ');
    const analysis = await analyzeLog(
      'one-line.log',
      repeated(piece, 50, Buffer.from('\nFAIL src/after.test.ts\n')),
      {
        catalogue: FIXTURE_CATALOGUE,
      },
    );
    expect(analysis.stats.lines).toBe(2);
    expect(analysis.stats.overlongLines).toBe(1);
    expect(analysis.stats.maxRetainedLineBytes).toBeLessThanOrEqual(MAX_LINE_BYTES);
    expect(
      analysis.findings.some((f) => f.pattern === 'jest-test-failed' && f.start <= 2 && f.end >= 2),
    ).toBe(true);
    for (const finding of analysis.findings) expect(finding.excerpt.length).toBeLessThan(10_000);
  });
});

describe('garbage in, an answer out', () => {
  test('binary garbage: no crash, line numbers still count "\\n"', async () => {
    let seed = 7;
    const bytes = Buffer.alloc(2 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = seed >> 16;
    }
    const newlines = bytes.reduce((n, b) => n + (b === 10 ? 1 : 0), 0);
    const analysis = await analyzeText(bytes, {}, 65_536);
    expect(analysis.stats.lines).toBe(bytes.at(-1) === 10 ? newlines : newlines + 1);
    expect(JSON.parse(JSON.stringify(analysis)).verdict).toBeDefined();
  });

  test('NUL bytes and invalid UTF-8 around an error: found, and the excerpt holds neither', async () => {
    const log = Buffer.concat([
      Buffer.from('start\n\0\0\0\n'),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x0a]),
      Buffer.from('npm ERR! code \0ECONNRESET\n'),
      Buffer.from([0xe2, 0x82, 0x0a]),
    ]);
    const analysis = await analyzeText(log);
    const finding = analysis.findings.find((f) => f.pattern === 'npm-econnreset')!;
    expect(finding.start).toBeLessThanOrEqual(4);
    expect(finding.end).toBeGreaterThanOrEqual(4);
    expect(finding.excerpt).not.toContain('\0');
  });

  test('an empty log: no findings, unknown', async () => {
    const analysis = await analyzeText('');
    expect(analysis).toMatchObject({ findings: [], verdict: 'unknown' });
    expect(analysis.stats.lines).toBe(0);
  });

  test('a user pattern (a+)+$ on a 100 kB line runs with RE2 semantics and finishes', async () => {
    const patterns = parseUserPatterns(
      [
        'add:',
        '  - id: evil',
        '    category: test',
        '    title: catastrophic',
        "    pattern: '(a+)+$'",
        '    keywords: [aaaa]',
        '    transient: false',
        '    recovery: escalate',
        '    severity: error',
        '    source: a test',
      ].join('\n'),
      'patterns.yaml',
    );
    const catalogue = mergeCatalogue(builtinCatalogue(), patterns);
    const evilLine = `${'a'.repeat(100_000)}!`;
    const analysis = await analyzeText(`${evilLine}\n${'a'.repeat(50_000)}\n`, { catalogue }, 1 << 20);
    expect(analysis.findings.some((f) => f.pattern === 'evil' && f.start <= 2 && f.end >= 2)).toBe(true);
  }, 20_000);
});
