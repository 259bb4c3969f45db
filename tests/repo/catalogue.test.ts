// The committed builtin.generated.ts is what `pnpm catalogue` makes of the YAML today: a bundle
// never parses YAML, so a stale generated file would ship an old catalogue.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@jest/globals';
import { generatedCatalogue } from '../../scripts/lib/catalogue/compile';
import { repoRoot } from '../support/paths';

test('the generated failure catalogue is fresh (run pnpm catalogue when this fails)', async () => {
  const generated = generatedCatalogue(repoRoot)!;
  expect(await readFile(generated.path, 'utf8')).toBe(generated.text);
});

test('no bundle can reach the schema validator: only build scripts import ajv', () => {
  const found = spawnSync('git', ['grep', '-l', '-e', "from 'ajv", '--', 'packages', 'actions'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  expect(found.stdout).toBe('');
});
