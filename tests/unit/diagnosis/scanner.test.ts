/** The scanner: line numbers follow the corpus convention whatever the chunking, and only the head of a long line is held. */
import { describe, expect, test } from '@jest/globals';
import { LogScanner, MAX_LINE_BYTES } from '@qeml/diagnosis';
import { KeywordAutomaton } from '../../../packages/diagnosis/src/keywords';

function scan(input: Buffer | string, keywords: string[], chunkSize = 5) {
  const seen: { line: number; text: string }[] = [];
  const scanner = new LogScanner({
    prefilter: new KeywordAutomaton(keywords),
    onCandidate: (line, text) => {
      seen.push({ line, text });
      return undefined;
    },
  });
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  for (let i = 0; i < bytes.length; i += chunkSize) scanner.write(bytes.subarray(i, i + chunkSize));
  return { seen, stats: scanner.end() };
}

describe('line numbers (split on "\\n" only, a CR before it removed)', () => {
  test.each([1, 2, 3, 7, 64, 4096])('the same numbers with chunks of %i bytes', (size) => {
    const log = 'one\r\nerror two\r\nthree\rprogress error\nfour\n\nerror six';
    const { seen, stats } = scan(log, ['error'], size);
    expect(seen).toEqual([
      { line: 2, text: 'error two' },
      { line: 3, text: 'three\rprogress error' },
      { line: 6, text: 'error six' },
    ]);
    expect(stats.lines).toBe(6);
  });

  test('keywords match case-insensitively, also inside ANSI colours; multi-byte characters survive any split', () => {
    const log = 'ok\n\x1b[31mERROR\x1b[0m: naïve — ✖ failed\nfine\n';
    for (const size of [1, 2, 3]) {
      expect(scan(log, ['error'], size).seen).toEqual([
        { line: 2, text: '\x1b[31mERROR\x1b[0m: naïve — ✖ failed' },
      ]);
    }
  });
});

describe('memory stays bounded', () => {
  test('a line longer than the cap is examined on its head only and never held whole', () => {
    const long = `error ${'x'.repeat(MAX_LINE_BYTES * 3)}`;
    const { seen, stats } = scan(`${long}\nnext error\n`, ['error'], 10_000);
    expect(seen.map((s) => s.line)).toEqual([1, 2]);
    expect(seen[0]!.text.length).toBe(MAX_LINE_BYTES);
    expect(stats.maxRetainedLineBytes).toBeLessThanOrEqual(MAX_LINE_BYTES);
    expect(stats.overlongLines).toBe(1);
  });
});
