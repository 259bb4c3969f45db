// User patterns run under RE2 (linear in the text) but RE2's time also grows with the program:
// the security review found `(\w+\s*){1000}[^\w\s]` taking ~4.5 s per 64 KiB line.
import { describe, expect, test } from '@jest/globals';
import { compileUserPattern, MAX_PROGRAM_SIZE } from '@qeml/action-kit';
import { readRetryConfig } from '@qeml/retry';

describe('the cost of a user pattern is bounded', () => {
  test('a pattern whose program is too large is refused with what to do instead', () => {
    expect(() => compileUserPattern('(\\w+\\s*){1000}[^\\w\\s]')).toThrow(
      /too costly to match \(its RE2 program has \d+ instructions, at most 2000\); use smaller counted repeats/,
    );
  });

  test('the refusal names the input', async () => {
    const inputs: Record<string, string> = { run: 'true', 'retry-on-output': '(\\w+\\s*){1000}[^\\w\\s]' };
    await expect(readRetryConfig((name) => inputs[name] ?? '')).rejects.toThrow(
      /Input 'retry-on-output'.*too costly/s,
    );
  });

  test('ordinary patterns see whole 64 KiB lines; costly ones a shorter prefix, never less than 4 Ki', () => {
    expect(compileUserPattern('ECONNRESET|ETIMEDOUT').maxTextLength).toBe(64 * 1024);
    const costly = compileUserPattern('(\\w+\\s*){300}[^\\w\\s]');
    expect(costly.re2.programSize()).toBeLessThanOrEqual(MAX_PROGRAM_SIZE);
    expect(costly.maxTextLength).toBeLessThan(64 * 1024);
    expect(costly.maxTextLength).toBeGreaterThanOrEqual(4096);
    // The match still works on what it examines.
    expect(compileUserPattern('timeout$').test(`${'x'.repeat(10)} timeout`)).toBe(true);
  });

  test('a costly pattern over a long line stays within the per-match budget', () => {
    const costly = compileUserPattern('(\\w+\\s*){300}[^\\w\\s]');
    const line = 'word '.repeat(13_000);
    const started = process.hrtime.bigint();
    for (let i = 0; i < 5; i++) costly.test(line);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // Unbounded, five such matches take over 10 s; the bound is about a hundredth of that.
    expect(ms).toBeLessThan(5_000);
  });
});
