import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { checkAction, checkActions, mentions } from '../../scripts/check-actions';
import { withTempDir, writeFiles } from '../support/temp';

const goodActionYml = `name: Hello
description: Says hello
author: qeml-actions contributors
branding:
  icon: smile
  color: green
inputs:
  who:
    description: Whom to greet
    default: world
  shout-loud:
    description: Upper-case the greeting
outputs:
  greeting:
    description: The greeting
runs:
  using: node24
  main: ../../dist/hello/index.js
  post: ../../dist/hello/post.js
`;

/** A checkout with one action, `actions/hello`, and its bundle files. */
async function writeCheckout(dir: string, actionYml: string, readme = 'Inputs: `who`, `shout-loud`.\n') {
  await writeFiles(dir, {
    'actions/hello/action.yml': actionYml,
    'actions/hello/README.md': readme,
    'dist/hello/index.js': '',
    'dist/hello/post.js': '',
  });
}

describe('action metadata (pnpm check:actions)', () => {
  test('every action in the repository keeps the rules', async () => {
    const reports = await checkActions();
    expect(reports.filter((r) => r.problems.length > 0)).toEqual([]);
  });

  test('a complete action.yml passes', async () => {
    await withTempDir(async (dir) => {
      await writeCheckout(dir, goodActionYml);
      expect(await checkActions(dir)).toEqual([{ action: 'hello', problems: [] }]);
    });
  });

  test('names every broken rule of an action', async () => {
    await withTempDir(async (dir) => {
      const broken = goodActionYml
        .replace('author: qeml-actions contributors\n', '')
        .replace('  color: green\n', '')
        .replace('    description: Whom to greet\n', '')
        .replace('    description: The greeting\n', '    value: x\n')
        .replace('using: node24', 'using: node20')
        .replace('post: ../../dist/hello/post.js', 'post: ../../dist/hello/missing.js')
        .replace('  who:', '  who:\n    required: true\n  Bad_Name:\n    description: x');
      await writeCheckout(dir, broken, 'Only `who` is documented here.\n');
      const problems = await checkAction(join(dir, 'actions', 'hello'));
      expect(problems).toEqual(
        expect.arrayContaining([
          'author is missing',
          'branding needs an icon and a color',
          'runs.using is "node20"; expected "node24"',
          'runs.post points to ../../dist/hello/missing.js, which does not exist',
          'input "who" has no description',
          'input "Bad_Name" should be kebab-case',
          'output "greeting" has no description',
          'input "shout-loud" is not documented in README.md',
          'input "Bad_Name" is not documented in README.md',
        ]),
      );
      expect(problems).toHaveLength(9);
    });
  });

  test('reports unreadable YAML and a missing README instead of crashing', async () => {
    await withTempDir(async (dir) => {
      await writeFiles(dir, { 'a/action.yml': 'name: [unclosed\n', 'b/action.yml': goodActionYml });
      expect((await checkAction(join(dir, 'a')))[0]).toMatch(/^action\.yml cannot be read/);
      expect(await checkAction(join(dir, 'b'))).toContain('README.md is missing');
    });
  });

  test('an input counts as documented only as a whole name', () => {
    expect(mentions('set `max-attempts` to 3', 'max-attempts')).toBe(true);
    expect(mentions('set `max-attempts-total`', 'max-attempts')).toBe(false);
    expect(mentions('| run | the command |', 'run')).toBe(true);
    expect(mentions('rerun it', 'run')).toBe(false);
  });
});
