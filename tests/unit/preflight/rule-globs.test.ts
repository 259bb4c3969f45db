// How a rule group's globs match changed paths: dotfiles, and `!` patterns that exclude.
import { describe, expect, test } from '@jest/globals';
import { parseRulesText, selectByRules } from '@qeml/preflight';

const rules = parseRulesText(`
docs:
  paths: ["docs/**", "**/*.md", "!docs/api/**"]
  run: false
`);

const changed = (...paths: string[]) => paths.map((path) => ({ path, status: 'modified' as const }));

describe('rule globs', () => {
  test('a `!` pattern excludes from its group; it never puts every other file in the group', () => {
    expect(selectByRules(changed('src/a.py'), rules).shouldRun).toBe(true);
    expect(selectByRules(changed('docs/api/ref.py'), rules).shouldRun).toBe(true);
    expect(selectByRules(changed('docs/guide.md', '.github/PULL_REQUEST_TEMPLATE.md'), rules).shouldRun).toBe(
      false,
    );
  });
});
