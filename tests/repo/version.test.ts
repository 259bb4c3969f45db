import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@jest/globals';
import { QEML_VERSION } from '@qeml/action-kit';
import { repoRoot } from '../support/paths';

// The release workflow refuses a tag that differs from package.json; the user agent and
// `qeml --version` report QEML_VERSION, so the two must agree.
test('QEML_VERSION matches the version in package.json', async () => {
  const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  expect(QEML_VERSION).toBe(pkg.version);
});
