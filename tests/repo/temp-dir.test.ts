// `pnpm test` leaves the temp dir as it found it: the run gets a TMPDIR of its own (global setup), every
// process it starts inherits it, and the global teardown fails the run if anything is left in it.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { bundleExists, runBundle } from '../support/bundle';
import { RUN_TEMP_VARIABLE, removeRunTempDir } from '../support/run-temp';

describe("the run's own temp dir", () => {
  test('is the temp dir of the test workers', () => {
    const runTemp = process.env[RUN_TEMP_VARIABLE];
    expect(runTemp).toBeDefined();
    expect(tmpdir()).toBe(runTemp);
  });

  (bundleExists('retry') ? test : test.skip)(
    'is inherited by a bundle run through local-runner and by the command it runs',
    async () => {
      const step = await runBundle('retry', { inputs: { run: 'echo "tmp=$TMPDIR" >> "$GITHUB_OUTPUT"' } });
      expect(step.outcome).toBe('success');
      expect(step.outputs.tmp).toBe(process.env[RUN_TEMP_VARIABLE]);
    },
  );

  test('the teardown check fails naming what was left, and removes the dir either way', async () => {
    const leaky = await mkdtemp(join(tmpdir(), 'teardown-check-'));
    await mkdir(join(leaky, 'qeml-runner-abc123'));
    await writeFile(join(leaky, 'retry-1.sh'), 'echo\n');
    await expect(removeRunTempDir(leaky)).rejects.toThrow(
      /left 2 entries in the temp dir .*: qeml-runner-abc123, retry-1\.sh/,
    );
    expect(existsSync(leaky)).toBe(false);

    const clean = await mkdtemp(join(tmpdir(), 'teardown-check-'));
    await expect(removeRunTempDir(clean)).resolves.toBeUndefined();
    expect(existsSync(clean)).toBe(false);
  });
});
