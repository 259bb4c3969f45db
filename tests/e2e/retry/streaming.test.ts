/**
 * 1 GB of output streams through the retry action with bounded memory (run under one Node only: it is
 * the slowest e2e test). local-runner keeps at most 1 MiB of the log.
 *
 * The bound proves streaming (buffering would need over 1 GB), not a memory budget: alone the step
 * peaks near 70 MiB, but on a loaded machine V8 collects later and peaks near 200 MiB. Memory figures
 * belong to `pnpm bench`; here a bound a loaded CI machine keeps.
 */
import { describe, expect, test } from '@jest/globals';
import { runRetryBundle } from './helpers';

const ONE_GB = 1_000_000_000;
const MiB = 1024 * 1024;

describe('retry bundle output streaming', () => {
  test('1 GB of output streams through with peak RSS far below its size (under 300 MB)', async () => {
    const started = Date.now();
    const step = await runRetryBundle(
      process.execPath,
      {
        // 1000-byte lines: 1 GB in a million lines; patterns configured so every line is also scanned.
        run: `line=$(head -c 999 /dev/zero | tr '\\0' x)\n(yes "$line" || true) | head -c ${ONE_GB}\necho DONE-MARK`,
        'stop-on-output': 'never-printed',
        'max-attempts': '1',
      },
      { measurePeakRss: true, maxLogBytes: MiB },
    );
    const seconds = (Date.now() - started) / 1000;
    expect(step.exitCode).toBe(0);
    expect(step.outputs.outcome).toBe('success');
    expect(step.peakRssBytes).toBeDefined();
    expect(step.peakRssBytes!).toBeLessThan(300 * 1_000_000);
    process.stdout.write(
      `retry streaming: 1 GB in ${seconds.toFixed(1)} s, peak RSS ${(step.peakRssBytes! / MiB).toFixed(1)} MiB\n`,
    );
  });
});
