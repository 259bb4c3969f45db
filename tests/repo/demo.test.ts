// The README's first command ends in `pnpm demo`: the committed CLI bundle runs every action's demo
// scenario through the committed action bundles, and every step ends as its scenario expects.

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@jest/globals';
import { bundleExists } from '../support/bundle';
import { distDir, repoRoot } from '../support/paths';
import { childEnv } from '../support/run-temp';

const run = promisify(execFile);

(bundleExists('cli') ? test : test.skip)('`pnpm demo` succeeds with the committed bundles', async () => {
  const { stdout, stderr } = await run(process.execPath, [join(distDir('cli'), 'index.js'), 'demo'], {
    cwd: repoRoot,
    env: childEnv(),
    maxBuffer: 64 << 20,
  }).catch((error: { stdout: string; stderr: string; code: number }) => {
    throw new Error(`qeml demo exited ${error.code}:\n${error.stderr}\n${error.stdout.slice(-4000)}`);
  });
  expect(stderr).toBe('');
  expect(stdout).toMatch(/No action has a demo scenario yet\.|(\d+) demo step\(s\), \1 as expected\./);
});
