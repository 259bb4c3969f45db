/** output-match.ts: retry-on-output / stop-on-output scanning of streamed lines. */
import { describe, expect, test } from '@jest/globals';
import { LineScanner, type OutputVerdict } from '@qeml/retry';
import { pattern } from './helpers';

describe('output scanning', () => {
  const scan = (chunks: string[], retry: string[], stop: string[] = []) => {
    const verdict: OutputVerdict = {};
    const scanner = new LineScanner(retry.map(pattern), stop.map(pattern), verdict);
    for (const chunk of chunks) scanner.write(Buffer.from(chunk));
    scanner.end();
    return verdict;
  };

  test('lines split across chunks still match; patterns do not span lines', () => {
    expect(scan(['err: ECONN', 'RESET\n'], ['ECONNRESET']).retryMatch?.source).toBe('ECONNRESET');
    expect(scan(['ECONN\nRESET\n'], ['ECONNRESET']).retryMatch).toBeUndefined();
    expect(scan(['last line without newline FATAL'], [], ['FATAL$']).stopMatch?.source).toBe('FATAL$');
  });

  test('a multi-byte character split across chunks is decoded whole', () => {
    const bytes = Buffer.from('status: ✗ failed\n');
    const verdict: OutputVerdict = {};
    const scanner = new LineScanner([pattern('✗ failed')], [], verdict);
    scanner.write(bytes.subarray(0, 10));
    scanner.write(bytes.subarray(10));
    scanner.end();
    expect(verdict.retryMatch).toBeDefined();
  });
});
