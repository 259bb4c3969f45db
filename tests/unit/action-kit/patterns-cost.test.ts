// User patterns run under RE2 (linear in the text) but RE2's time also grows with the program:
// the security review found `(\w+\s*){1000}[^\w\s]` taking ~4.5 s per 64 KiB line.
import { describe, expect, test } from '@jest/globals';
import { compileUserPattern, MAX_PROGRAM_SIZE } from '@qeml/action-kit';
import { readRetryConfig } from '@qeml/retry';

describe('the cost of a user pattern is bounded', () => {
  test('a pattern whose program is too large is refused with what to do instead', () => {
    expect(() => compileUserPattern('(\\w+\\s*){1000}[^\\w\\s]')).toThrow(
      /too costly to match \(its RE2 program has \d+ instructions, at most 500\); use smaller counted repeats/,
    );
  });

  test('the refusal names the input', async () => {
    const inputs: Record<string, string> = { run: 'true', 'retry-on-output': '(\\w+\\s*){1000}[^\\w\\s]' };
    await expect(readRetryConfig((name) => inputs[name] ?? '')).rejects.toThrow(
      /Input 'retry-on-output'.*too costly/s,
    );
  });

  test('real patterns stay well under the limit and keep their meaning on long lines', () => {
    for (const source of ['ECONNRESET|ETIMEDOUT', '(?:error|fail).{0,200}timeout', 'npm ERR! code E\\d{3}']) {
      expect(compileUserPattern(source).re2.programSize()).toBeLessThan(MAX_PROGRAM_SIZE);
    }
    // `$` is the end of the whole text, however long (nothing is cut before matching).
    expect(compileUserPattern('(a+)+$').test(`${'a'.repeat(100_000)}!`)).toBe(false);
  });

  test('the costliest accepted pattern over a 64 KiB line stays within a second per match', () => {
    const costly = compileUserPattern('(\\w+\\s*){80}[^\\w\\s]');
    expect(costly.re2.programSize()).toBeLessThanOrEqual(MAX_PROGRAM_SIZE);
    const line = 'word '.repeat(13_000);
    const started = process.hrtime.bigint();
    costly.test(line);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // Unbounded (6000 instructions) one such match took ~8 s; this only guards against a hang.
    expect(ms).toBeLessThan(5_000);
  });
});
