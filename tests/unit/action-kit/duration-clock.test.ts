import { describe, expect, test } from '@jest/globals';
import { formatDuration, isAbortError, parseDuration, systemClock, VirtualClock } from '@qeml/action-kit';

describe('parseDuration', () => {
  test.each([
    ['250ms', 250],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['1h 30m', 5_400_000],
    ['2m5s', 125_000],
    ['1.5s', 1500],
    ['45', 45_000],
    ['0.25', 250],
    ['0', 0],
    [' 10s ', 10_000],
  ])('%s = %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  test.each(['5 minutes', '', '-1s', '1d', '10S', 'ms', '1h30', '1h  30m', 's10', `${'9'.repeat(400)}s`])(
    'rejects %j with the expected form',
    (text) => {
      expect(() => parseDuration(text)).toThrow(
        /expected a duration like 250ms, 30s, 5m or 1h30m \(a bare number means seconds\)/,
      );
    },
  );

  test('formatDuration round-trips', () => {
    for (const ms of [0, 250, 1000, 1500, 125_000, 5_400_000, 3_723_004]) {
      expect(parseDuration(formatDuration(ms))).toBe(ms);
    }
    expect(formatDuration(5_400_000)).toBe('1h30m');
    expect(formatDuration(250)).toBe('250ms');
    expect(formatDuration(1500)).toBe('1.5s');
  });
});

describe('VirtualClock', () => {
  test('sleep advances virtual time at once and records each delay', async () => {
    const clock = new VirtualClock(1000);
    await clock.sleep(500);
    await clock.sleep(2000);
    clock.advance(5);
    expect(clock.now()).toBe(3505);
    expect(clock.sleeps).toEqual([500, 2000]);
  });

  test('an already-aborted signal rejects with an AbortError and does not advance time', async () => {
    const clock = new VirtualClock();
    const controller = new AbortController();
    controller.abort();
    await expect(clock.sleep(100, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(clock.now()).toBe(0);
    expect(clock.sleeps).toEqual([]);
  });
});

describe('systemClock', () => {
  test('sleep stops with an AbortError when its signal aborts', async () => {
    const controller = new AbortController();
    const sleeping = systemClock.sleep(60_000, controller.signal);
    controller.abort();
    const error = await sleeping.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
  });

  test('an already-aborted signal rejects at once', async () => {
    await expect(systemClock.sleep(60_000, AbortSignal.abort())).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  test('a zero sleep resolves', async () => {
    await expect(systemClock.sleep(0)).resolves.toBeUndefined();
    expect(typeof systemClock.now()).toBe('number');
  });
});
