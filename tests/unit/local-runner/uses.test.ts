import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { resolveUses, runLocalAction } from '@qeml/local-runner';
import { tempDirectory } from './fixture-paths';

/** A release tree like the one a tag holds: <root>/<name>/action.yml -> ../dist/<name>/index.js. */
function releaseTree(): string {
  const root = tempDirectory('qeml-release-');
  mkdirSync(join(root, 'greet'));
  mkdirSync(join(root, 'dist', 'greet'), { recursive: true });
  writeFileSync(
    join(root, 'greet', 'action.yml'),
    'name: greet\ninputs:\n  who:\n    default: release\nruns:\n  using: node20\n  main: ../dist/greet/index.js\n',
  );
  writeFileSync(
    join(root, 'dist', 'greet', 'index.js'),
    "require('fs').appendFileSync(process.env.GITHUB_OUTPUT, 'said=hi ' + process.env.INPUT_WHO + '\\n');\n",
  );
  writeFileSync(
    join(root, 'action.yml'),
    'name: root\nruns:\n  using: node20\n  main: dist/greet/index.js\n',
  );
  return root;
}

describe('resolveUses', () => {
  test('owner/repo/path@ref resolves inside the release tree and the action runs from there', async () => {
    const root = releaseTree();
    const directory = resolveUses('qeml-org/qeml-actions/greet@v1', root);
    expect(directory).toBe(join(root, 'greet'));
    const result = await runLocalAction({ action: directory });
    expect(result.outcome).toBe('success');
    expect(result.outputs).toEqual({ said: 'hi release' });
  });

  test('owner/repo@ref is the root and ./path is relative to it', () => {
    const root = releaseTree();
    expect(resolveUses('qeml-org/qeml-actions@v1.2.3', root)).toBe(root);
    expect(resolveUses('./greet', root)).toBe(join(root, 'greet'));
  });

  test('bad references get clear errors', () => {
    const root = releaseTree();
    expect(() => resolveUses('qeml-actions@v1', root)).toThrow(/expected 'owner\/repo@ref'/);
    expect(() => resolveUses('org/repo/greet', root)).toThrow(/not a valid reference/);
    expect(() => resolveUses('org/repo/missing@v1', root)).toThrow(/no action.yml or action.yaml in/);
    expect(() => resolveUses('org/repo/../../etc@v1', root)).toThrow(/leaves the release tree/);
    expect(() => resolveUses('docker://alpine:3', root)).toThrow(/Docker action/);
    expect(() => resolveUses('org/repo/greet@v1', join(root, 'absent'))).toThrow(/is not a directory/);
  });
});
