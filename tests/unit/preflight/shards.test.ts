// Test files split into shards of about equal expected time from a JUnit timing history.
import { describe, expect, test } from '@jest/globals';
import type { JsonCache } from '@qeml/action-kit/cache';
import {
  cachedTimings,
  mergeHistory,
  splitShards,
  type TimingHistory,
  timingsFromJUnit,
} from '@qeml/preflight';
import { RecordingLogger } from '../../support/recording-logger';

// 40 test files of 3 to 90 s (a fixed spread like a real suite's: a few slow, many quick).
const FIXTURE: TimingHistory = {
  version: 1,
  files: Object.fromEntries(
    Array.from({ length: 40 }, (_, i) => [
      `tests/test_m${String(i).padStart(2, '0')}.py`,
      3 + ((i * 37) % 88),
    ]),
  ),
};

describe('splitShards', () => {
  test.each([2, 3, 4, 6])('%i shards of the fixture history are within 10 %% of each other', (count) => {
    const shards = splitShards(Object.keys(FIXTURE.files), FIXTURE, count);
    expect(shards).toHaveLength(count);
    const times = shards.map((s) => s['expected-seconds']);
    expect((Math.max(...times) - Math.min(...times)) / Math.max(...times)).toBeLessThanOrEqual(0.1);
    expect(shards.flatMap((s) => s.files).sort()).toEqual(Object.keys(FIXTURE.files).sort());
  });

  test('files without history count as the median of the known ones', () => {
    const history: TimingHistory = { version: 1, files: { 'a.py': 10, 'b.py': 20, 'c.py': 30 } };
    const shards = splitShards(['a.py', 'b.py', 'c.py', 'new.py'], history, 2);
    // new.py counts 20 s (the median): 30 + 10 and 20 + 20.
    expect(shards.map((s) => s['expected-seconds'])).toEqual([40, 40]);
  });

  test('more shards than files: no empty shard', () => {
    expect(splitShards(['a.py'], FIXTURE, 4)).toEqual([{ index: 1, files: ['a.py'], 'expected-seconds': 1 }]);
  });
});

describe('timings from JUnit', () => {
  test('by the file attribute, or by classname for pytest reports without one', () => {
    const xml = `<?xml version="1.0"?>
<testsuites><testsuite name="pytest">
  <testcase classname="tests.test_io.TestRead" name="test_a" time="1.5"/>
  <testcase classname="tests.test_io.TestRead" name="test_b" time="2.5"/>
  <testcase classname="x" file="tests/test_core.py" name="test_c" time="4"/>
  <testcase classname="elsewhere.Thing" name="test_d" time="9"/>
</testsuite></testsuites>`;
    const timings = timingsFromJUnit(xml, ['tests/test_io.py', 'tests/test_core.py']);
    expect(Object.fromEntries(timings)).toEqual({ 'tests/test_io.py': 4, 'tests/test_core.py': 4 });
    expect(
      mergeHistory({ version: 1, files: { 'tests/test_io.py': 1, 'old.py': 2 } }, timings).files,
    ).toEqual({
      'tests/test_io.py': 4,
      'old.py': 2,
      'tests/test_core.py': 4,
    });
  });
});

describe('the history in the cache', () => {
  function memoryCache(): JsonCache & { entries: Map<string, unknown> } {
    const entries = new Map<string, unknown>();
    return {
      entries,
      async save(key, value) {
        entries.set(key, value);
        return { saved: true };
      },
      async restore<T>(prefix: string) {
        const key = [...entries.keys()].filter((k) => k.startsWith(prefix)).at(-1);
        return key
          ? { found: true as const, key, value: entries.get(key) as T }
          : { found: false as const, reason: 'no entry', miss: true };
      },
    };
  }

  test('saved under a key per run, restored by prefix; a value of another form is ignored with a warning', async () => {
    const cache = memoryCache();
    const logger = new RecordingLogger();
    await cachedTimings(cache, '7-1', logger).save(FIXTURE);
    expect([...cache.entries.keys()]).toEqual(['qeml-preflight-timings-7-1']);
    expect(await cachedTimings(cache, '8-1', logger).restore()).toEqual(FIXTURE);
    cache.entries.set('qeml-preflight-timings-9-1', { files: 'nope' });
    expect(await cachedTimings(cache, '10-1', logger).restore()).toBeUndefined();
    expect(logger.messages('warning')).toEqual([
      'The timing history qeml-preflight-timings-9-1 is not in the expected form; it is ignored.',
    ]);
  });
});
