import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from '@jest/globals';
import { QEML_VERSION } from '@qeml/action-kit';
import { bundleExists } from '../support/bundle';
import { bundleNodes, node24Installable } from '../support/node';
import { distDir } from '../support/paths';

const run = promisify(execFile);

test('the e2e tests run bundles under Node 24 too (installed by global-setup on linux-x64)', () => {
  if (!node24Installable() && !process.env.QEML_NODE24) return;
  expect(bundleNodes().map((n) => n.label)).toContain('node24');
});

describe.each(bundleNodes())('the qeml bundle under $label', ({ label, path }) => {
  const maybe = bundleExists('cli') ? test : test.skip;
  maybe('starts and reports its version', async () => {
    const { stdout: version } = await run(path, ['--version']);
    expect(version.trim().startsWith(`v${label.replace('node', '')}.`)).toBe(true);
    const { stdout } = await run(path, [join(distDir('cli'), 'index.js'), '--version']);
    expect(stdout).toBe(`${QEML_VERSION}\n`);
  });
});
