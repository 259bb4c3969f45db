// Peer suites (nick-fields/retry, wretry.action): tools colour their errors, and a pattern
// written against the text a person reads must still match.
import { describe, expect, test } from '@jest/globals';
import { compileUserPattern, stripAnsi } from '@qeml/action-kit';
import { LineScanner, type OutputVerdict } from '@qeml/retry';

describe('output patterns match coloured output', () => {
  test.each([
    ['a red error', '\u001b[31mERR_SOCKET_TIMEOUT\u001b[0m while fetching'],
    ['bold + colour split mid-word', 'npm \u001b[1mERR!\u001b[22m \u001b[33mnetwork\u001b[39m ECONNRESET'],
    ['an OSC hyperlink', '\u001b]8;;https://example.test\u0007ECONNRESET\u001b]8;;\u0007'],
  ])('%s', (_, line) => {
    const verdict: OutputVerdict = {};
    const scanner = new LineScanner(
      [compileUserPattern('ERR_SOCKET_TIMEOUT|ERR! network ECONNRESET|^ECONNRESET$')],
      [],
      verdict,
    );
    scanner.write(Buffer.from(`${line}\r\n`));
    scanner.end();
    expect(verdict.retryMatch?.source).toBeDefined();
  });

  test('stripAnsi leaves plain text alone and removes every sequence kind', () => {
    expect(stripAnsi('plain')).toBe('plain');
    expect(stripAnsi('\u001b[1;31mA\u001b[0m\u001b(B\u001b]0;title\u001b\\B')).toBe('AB');
  });
});

describe('one ANSI stripper for the whole project', () => {
  test('line-attribute, keypad and unterminated OSC sequences go too (as the diagnosis engine needs)', () => {
    expect(stripAnsi('\u001b#8x\u001b=y\u001b>z')).toBe('xyz');
    expect(stripAnsi('before\u001b]0;a title cut off')).toBe('before');
  });
});
