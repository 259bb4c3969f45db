import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { resolveUses, runLocalAction } from '@qeml/local-runner';
import { parse } from 'yaml';
import { writeReleaseTree } from '../../scripts/release-tree';
import { bundleExists } from '../support/bundle';
import { actionDir, repoRoot } from '../support/paths';
import { withTempDir, writeFiles } from '../support/temp';

/** A checkout with one throwaway action whose bundle greets and sets an output. */
async function writeCheckout(root: string, main = '../../dist/hello/index.js'): Promise<void> {
  await writeFiles(root, {
    'actions/hello/action.yml': `name: Hello\ndescription: Greets\ninputs:\n  who:\n    description: Whom\n    default: world\nruns:\n  using: node24\n  main: ${main}\n`,
    'actions/hello/README.md': '# Hello\n',
    'dist/hello/package.json': '{ "type": "module" }\n',
    'dist/hello/index.js': [
      "import { appendFileSync } from 'node:fs';",
      "console.log('hello ' + process.env.INPUT_WHO);",
      "appendFileSync(process.env.GITHUB_OUTPUT, 'greeting=hello ' + process.env.INPUT_WHO + '\\n');",
    ].join('\n'),
    'README.md': '# qeml\n',
    LICENSE: 'MIT\n',
    'SECURITY.md': '# Security\n',
  });
}

describe('release tree (pnpm release:tree)', () => {
  test('puts each action at <name>/action.yml with runs.main pointing into ../dist', async () => {
    await withTempDir(async (tmp) => {
      const root = join(tmp, 'checkout');
      const tree = join(tmp, 'release');
      await writeCheckout(root);
      const released = await writeReleaseTree({ root, dir: tree });
      expect(released).toEqual([{ name: 'hello', runs: { main: '../dist/hello/index.js' } }]);
      const metadata = parse(await readFile(join(tree, 'hello', 'action.yml'), 'utf8'));
      expect(metadata.runs).toEqual({ using: 'node24', main: '../dist/hello/index.js' });
      expect(metadata.inputs.who.default).toBe('world');
      for (const file of [
        'README.md',
        'LICENSE',
        'SECURITY.md',
        'hello/README.md',
        'actions/hello/action.yml',
      ]) {
        expect(existsSync(join(tree, file))).toBe(true);
      }
    });
  });

  test('`uses: org/qeml-actions/hello@v1` resolves in the tree and runs like on GitHub', async () => {
    await withTempDir(async (tmp) => {
      const root = join(tmp, 'checkout');
      const tree = join(tmp, 'release');
      await writeCheckout(root);
      await writeReleaseTree({ root, dir: tree });
      const action = resolveUses('org/qeml-actions/hello@v1', tree);
      expect(action).toBe(join(tree, 'hello'));
      const result = await runLocalAction({ action, inputs: { who: 'release' }, workspace: tmp });
      expect(result.outcome).toBe('success');
      expect(result.outputs).toEqual({ greeting: 'hello release' });
    });
  });

  test('refuses a runs.main that is not built, or that points outside dist/', async () => {
    await withTempDir(async (tmp) => {
      await writeCheckout(join(tmp, 'a'), '../../dist/hello/missing.js');
      await expect(writeReleaseTree({ root: join(tmp, 'a'), dir: join(tmp, 'ra') })).rejects.toThrow(
        'runs.main points to dist/hello/missing.js, which is not built',
      );
      await writeCheckout(join(tmp, 'b'), 'src/main.js');
      await expect(writeReleaseTree({ root: join(tmp, 'b'), dir: join(tmp, 'rb') })).rejects.toThrow(
        'must point into dist/',
      );
    });
  });

  test('refuses to write into a folder that is not empty', async () => {
    await withTempDir(async (tmp) => {
      await writeCheckout(join(tmp, 'checkout'));
      await writeFiles(tmp, { 'release/keep.txt': 'x' });
      await expect(
        writeReleaseTree({ root: join(tmp, 'checkout'), dir: join(tmp, 'release') }),
      ).rejects.toThrow('is not empty');
    });
  });

  const retryReady = bundleExists('retry') && existsSync(join(actionDir('retry'), 'action.yml'));
  if (!retryReady) {
    console.warn(
      'Skipping the release-tree run of retry: dist/retry or actions/retry/action.yml is missing (run `pnpm build`).',
    );
  }
  (retryReady ? test : test.skip)(
    'the real release tree runs `org/qeml-actions/retry@v1` with `run: echo ok`',
    async () => {
      await withTempDir(async (tmp) => {
        const tree = join(tmp, 'release');
        await writeReleaseTree({ root: repoRoot, dir: tree });
        const action = resolveUses('org/qeml-actions/retry@v1', tree);
        const result = await runLocalAction({ action, inputs: { run: 'echo ok' }, workspace: tmp });
        expect(result.outcome).toBe('success');
        expect(result.log).toMatch(/^ok$/m);
      });
    },
  );
});
