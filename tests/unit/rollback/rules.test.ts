/** The small pure rules: status ranges, JSON paths, what counts as verified good, how no answer is named. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from '@jest/globals';
import {
  createHttpProbe,
  ProbeError,
  parseJsonPath,
  parseStatusRanges,
  valueAt,
  wasVerifiedGood,
} from '@qeml/rollback';

describe('health rules', () => {
  test('expected-status forms', () => {
    expect(parseStatusRanges('200-299')).toEqual([{ from: 200, to: 299 }]);
    expect(parseStatusRanges('200, 204,3xx')).toEqual([
      { from: 200, to: 200 },
      { from: 204, to: 204 },
      { from: 300, to: 399 },
    ]);
    expect(() => parseStatusRanges('299-200')).toThrow('299-200 is not a range of HTTP statuses');
    expect(() => parseStatusRanges('ok')).toThrow('ok is not an HTTP status');
  });

  test('JSON paths', () => {
    expect(parseJsonPath('$.checks[1].state')).toEqual(['checks', 1, 'state']);
    expect(parseJsonPath('db.0.ok')).toEqual(['db', 0, 'ok']);
    expect(valueAt({ checks: [{}, { state: 'up' }] }, parseJsonPath('checks[1].state'))).toBe('up');
    expect(valueAt({ a: 1 }, ['a', 'b'])).toBeUndefined();
  });
});

describe('known-good: a success, or inactive after a success, and nothing failed since', () => {
  test.each([
    [['success', 'in_progress'], true],
    [['inactive', 'success', 'in_progress'], true],
    [['inactive', 'inactive', 'success'], true],
    [['failure', 'success'], false],
    [['inactive', 'failure', 'success'], false],
    [['inactive'], false],
    [['in_progress'], false],
    [[], false],
  ] as const)('%j (newest first) -> %s', (states, good) => {
    expect(wasVerifiedGood(states)).toBe(good);
  });
});

describe('the HTTP probe names what went wrong when no answer came', () => {
  test('refused, and a timeout', async () => {
    const probe = createHttpProbe();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(probe(`http://127.0.0.1:${port}/`, { timeoutMs: 2000 })).rejects.toEqual(
      new ProbeError('refused', 'connection refused'),
    );

    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
      await expect(probe(url, { timeoutMs: 100 })).rejects.toMatchObject({
        kind: 'timeout',
        message: 'no answer within 100ms',
      });
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
