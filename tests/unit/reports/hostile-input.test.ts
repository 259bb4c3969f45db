/**
 * Hostile and broken input: each ends in one clear error naming the file (or a capped result), in
 * bounded time and memory, with nothing resolved or fetched.
 */
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { fileSource, isReportError, parseReport, parseReports, type ReportSource } from '@qeml/reports';
import fc from 'fast-check';
import { withTempDir } from '../../support/temp';
import { expectError, FIXTURES, memorySource, parseFixture, parseText } from './helpers';

/** A source that records every file asked for: only the report itself may be read. */
function recording(files: Record<string, string>): { source: ReportSource; asked: string[] } {
  const asked: string[] = [];
  const inner = memorySource(files);
  return {
    asked,
    source: {
      read(file) {
        asked.push(file);
        return inner.read(file);
      },
    },
  };
}

describe('entities and DTDs', () => {
  test('an external entity is never resolved: a clear error, no other file read', async () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE coverage [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY remote SYSTEM "http://127.0.0.1:9/dtd">]>
<coverage line-rate="1"><sources><source>&xxe;&remote;</source></sources><packages/></coverage>`;
    const { source, asked } = recording({ 'coverage.xml': xml });
    const result = await parseReport('coverage.xml', { source });
    expectError(
      result,
      /^coverage\.xml uses an entity XML does not predefine .*entities are never expanded and DTDs never read/,
    );
    expect(asked).toEqual(['coverage.xml']);
  });

  test('billion laughs: refused at the first reference, nothing expanded', async () => {
    const entities = ['<!ENTITY lol0 "lol">'];
    for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const xml = `<?xml version="1.0"?><!DOCTYPE lolz [${entities.join('')}]><testsuites><testsuite name="&lol9;"/></testsuites>`;
    const started = Date.now();
    const result = await parseText(xml);
    expectError(result, /uses an entity XML does not predefine/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test("XML's five predefined entities are read as text", async () => {
    const xml =
      '<testsuite><testcase name="a &lt;&amp;&gt; &quot;b&apos;"><failure message="x"/></testcase></testsuite>';
    const result = await parseText(xml);
    expect(result).toMatchObject({ tests: { failures: [{ name: 'a <&> "b\'' }] } });
  });
});

describe('size, entry, item and time caps', () => {
  test('a 500 MB file (sparse, on disk) is refused from its size before a byte is read', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'huge.xml');
      await writeFile(path, '');
      await truncate(path, 500 * 1024 * 1024);
      const started = Date.now();
      const result = await parseReport('huge.xml', { source: fileSource(dir) });
      expectError(result, /^huge\.xml is 500 MB, over the 256 MB cap: not read$/);
      expect(Date.now() - started).toBeLessThan(2000);
    });
  });

  test('a 500 MB stream of unknown size stops at the byte cap; the rest is never pulled', async () => {
    const chunk = Buffer.from('<line number="1" hits="1"/>'.repeat(2400)); // ~64 KB
    let pulled = 0;
    let released = false;
    async function* endless() {
      try {
        yield Buffer.from(
          '<coverage line-rate="1"><packages><package><classes><class filename="a.c"><lines>',
        );
        while (pulled < 500 * 1024 * 1024) {
          pulled += chunk.length;
          yield chunk;
        }
      } finally {
        released = true;
      }
    }
    const result = await parseReport('stream.xml', {
      source: memorySource({ 'stream.xml': endless }),
      limits: { maxBytes: 2 * 1024 * 1024 },
    });
    expectError(result, /^stream\.xml is over the 2 MB cap: stopped reading after 2(\.\d)? MB$/);
    expect(pulled).toBeLessThan(3 * 1024 * 1024);
    expect(released).toBe(true);
  });

  test('a JSON report over its own cap is refused before JSON.parse', async () => {
    const big = `{"runs": [], "version": "2.1.0", "pad": "${'x'.repeat(3 * 1024 * 1024)}"}`;
    const result = await parseText(big, { limits: { maxJsonBytes: 1024 * 1024 } });
    expectError(result, /is over the 1 MB cap/);
  });

  test('too many XML elements: a clear error', async () => {
    const xml = `<testsuite>${'<testcase name="t"/>'.repeat(50)}</testsuite>`;
    expectError(await parseText(xml, { limits: { maxEntries: 20 } }), /has over 20 XML elements: stopped/);
  });

  test('too many findings to list: all counted, the first kept, a warning says how many were left out', async () => {
    const report = await parseFixture('sarif/levels.sarif', { limits: { maxItems: 2 } });
    expect(report.findings?.total).toBe(9);
    expect(report.findings?.items).toHaveLength(2);
    expect(report.warnings).toEqual([
      'kept the first 2 findings (limits.maxItems); 7 more counted but not listed',
    ]);
  });

  test('one 8 MB line in 1 kB chunks is read in linear time (a text report with no newline in sight)', async () => {
    const path = 'x'.repeat(8 * 1024 * 1024);
    const text = Buffer.from(`SF:${path}\nDA:1,1\nend_of_record\n`);
    async function* chunks() {
      for (let at = 0; at < text.length; at += 1024) yield text.subarray(at, at + 1024);
    }
    const started = Date.now();
    const result = await parseReport('lcov.info', { source: memorySource({ 'lcov.info': chunks }) });
    expect(isReportError(result) ? result.error : result.coverage?.lines).toEqual({ covered: 1, total: 1 });
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 60_000);

  test('a huge line number in a file whose lines are not kept costs nothing (no array that long)', async () => {
    const lcov = 'SF:a.js\nDA:3,0\nDA:2000000000,1\nDA:2000000000,2\nend_of_record\n';
    const started = Date.now();
    const result = await parseText(lcov, { keepLines: () => false });
    expect(isReportError(result) ? result.error : result.coverage?.files[0]?.lineTotals).toEqual({
      covered: 1,
      total: 2,
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  }, 60_000);

  test('files whose lines are not kept cost memory by their records, not by their highest line number', async () => {
    const lcov = Array.from({ length: 300 }, (_, i) => `SF:f${i}.js\nDA:1000000,1\nend_of_record\n`).join('');
    const base = process.memoryUsage().arrayBuffers;
    let peak = 0;
    // Called as each file starts, while every earlier file's entry is still held.
    const keepLines = () => {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers - base);
      return false;
    };
    const result = await parseText(lcov, { keepLines });
    expect(isReportError(result) ? result.error : result.coverage?.lines).toEqual({
      covered: 300,
      total: 300,
    });
    expect(peak).toBeLessThan(32 * 1024 * 1024);
  });

  test('a file whose lines are not kept counts the same lines as one whose lines are', async () => {
    const record = fc.tuple(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 0, max: 2 }));
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 200 }), async (records) => {
        const lcov = `SF:a.js\n${records.map(([line, hits]) => `DA:${line},${hits}\n`).join('')}end_of_record\n`;
        const kept = await parseText(lcov);
        const counted = await parseText(lcov, { keepLines: () => false });
        if (isReportError(kept) || isReportError(counted)) throw new Error('not parsed');
        expect(counted.coverage?.lines).toEqual(kept.coverage?.lines);
      }),
      { numRuns: 200 },
    );
  });

  test('a Go cover block spanning two billion lines is refused at once, not expanded line by line', async () => {
    const started = Date.now();
    const result = await parseText('mode: set\nexample.com/a.go:1.1,2000000000.2 1 1\n', {
      limits: { maxEntries: 1000 },
    });
    expectError(result, /^report has cover blocks spanning over 1000 lines: stopped$/);
    expect(Date.now() - started).toBeLessThan(2_000);
  }, 60_000);

  test('a file that takes too long (injected clock) is stopped', async () => {
    let now = 0;
    const clock = { now: () => (now += 60_000) };
    const result = await parseReport('cobertura/coverage-py.xml', {
      source: fileSource(FIXTURES),
      clock,
      limits: { maxMillis: 30_000 },
    });
    expectError(result, /took over 30 s to read: stopped/);
  });
});

describe('broken files', () => {
  test('a truncated XML report', async () => {
    const text = await readFile(join(FIXTURES, 'cobertura/coverage-py.xml'), 'utf8');
    expectError(
      await parseText(text.slice(0, text.length / 2)),
      /^report is not well-formed XML \(truncated\?\)/,
    );
  });

  test('a cut SARIF file', async () => {
    const text = await readFile(join(FIXTURES, 'sarif/levels.sarif'), 'utf8');
    expectError(await parseText(text.slice(0, 700)), /^report is not valid JSON \(truncated or cut\?\)/);
  });

  test('a binary file', async () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    expectError(await parseText(bytes), /^report is a binary file, not a report$/);
  });

  test('an empty file, and one of only whitespace', async () => {
    expectError(await parseText(''), /^report is empty$/);
    expectError(await parseText('  \n\n'), /^report is empty$/);
  });

  test('UTF-16 is named as such', async () => {
    expectError(await parseText(Buffer.from('\ufeff<coverage/>', 'utf16le')), /UTF-16 encoded/);
  });

  test('content in no known format says what it is', async () => {
    expectError(
      await parseText('<html><body/></html>'),
      /is XML with root <html>, not a report format qeml knows/,
    );
    expectError(
      await parseText('{"name": "pkg"}'),
      /is a JSON object with keys "name": no report format qeml knows/,
    );
    expectError(await parseText('hello world\n'), /is text in no report format qeml knows/);
  });

  test('a missing file and a directory', async () => {
    expectError(
      await parseReport('nope.xml', { source: fileSource(FIXTURES) }),
      /^nope\.xml does not exist$/,
    );
    expectError(await parseReport('lcov', { source: fileSource(FIXTURES) }), /^lcov is a directory/);
  });

  test('one bad file does not stop the others', async () => {
    const results = await parseReports(['lcov/merged.info', 'missing.json', 'go/set.out'], {
      source: fileSource(FIXTURES),
    });
    expect(results.map((r) => (isReportError(r) ? `error: ${r.error}` : r.format))).toEqual([
      'lcov',
      'error: missing.json does not exist',
      'go-cover',
    ]);
  });
});

describe('any input', () => {
  const fixtures = [
    'cobertura/coverlet.xml',
    'lcov/merged.info',
    'sarif/levels.sarif',
    'junit/pytest.xml',
    'security/npm-audit-v1.json',
    'benchmarks/go-bench.txt',
  ];

  test('a fixture cut anywhere is a report or one error naming the file, never a throw', async () => {
    const texts = await Promise.all(fixtures.map((name) => readFile(join(FIXTURES, name))));
    await fc.assert(
      fc.asyncProperty(
        fc.nat(texts.length - 1),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (which, cut) => {
          const bytes = texts[which]!;
          const result = await parseReport('cut', {
            source: memorySource({ cut: bytes.subarray(0, Math.floor(bytes.length * cut)) }),
          });
          if (isReportError(result)) expect(result.error).toMatch(/^cut \S/);
          else expect(result.file).toBe('cut');
        },
      ),
      { numRuns: 150 },
    );
  });

  test('random bytes are a report or one error naming the file, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (bytes) => {
        const result = await parseReport('random', { source: memorySource({ random: bytes }) });
        if (isReportError(result)) expect(result.error).toMatch(/^random \S/);
      }),
      { numRuns: 150 },
    );
  });
});
