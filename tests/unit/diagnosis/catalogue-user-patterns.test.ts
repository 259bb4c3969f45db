// A user's patterns file adds, overrides and disables signatures; mistakes are one clear error
// naming the file and the entry; user regexes run under RE2 and cannot hang a scan.
import { describe, expect, test } from '@jest/globals';
import { compileUserPattern } from '../../../packages/action-kit/src/patterns';
import {
  builtinCatalogue,
  mergeCatalogue,
  parseUserPatterns,
  UserPatternsError,
} from '../../../packages/diagnosis/src/catalogue';

const builtin = builtinCatalogue();
const merge = (yaml: string, origin = '.github/qeml-patterns.yml') =>
  mergeCatalogue(builtin, parseUserPatterns(yaml, origin));
const byId = (catalogue: readonly { id: string }[], id: string) => catalogue.find((s) => s.id === id);

const artifactory = `
add:
  - id: artifactory-reset
    category: registry
    title: Our Artifactory dropped the connection
    pattern: 'artifactory\\.acme\\.dev.{0,200}Connection reset'
    keywords: [Artifactory.acme.dev]
    examples: ['GET https://artifactory.acme.dev/npm/react failed: Connection reset']
    transient: true
    recovery: rerun
    severity: error
`;

describe('adding signatures', () => {
  test('appends them after the built-ins, marked to run under RE2 and named after their file', () => {
    const catalogue = merge(artifactory);
    expect(catalogue).toHaveLength(builtin.length + 1);
    expect(catalogue.at(-1)).toMatchObject({
      id: 'artifactory-reset',
      engine: 're2',
      origin: '.github/qeml-patterns.yml',
      keywords: ['artifactory.acme.dev'],
      source: 'user patterns (.github/qeml-patterns.yml)',
    });
    expect(builtin.every((s) => s.engine === undefined)).toBe(true);
  });

  test('examples and source are optional', () => {
    const added = merge(`
add:
  - {id: flaky-vpn, category: network, title: VPN dropped, pattern: 'vpn: tunnel down', keywords: [vpn], transient: true, recovery: rerun, severity: error}
`).at(-1);
    expect(added).toMatchObject({ id: 'flaky-vpn', examples: [] });
  });

  test('refuses an id the catalogue already has', () => {
    expect(() => merge(artifactory.replace('artifactory-reset', 'npm-eresolve'))).toThrow(
      '.github/qeml-patterns.yml: add npm-eresolve: the id is taken (use override to change it)',
    );
  });
});

describe('overriding built-in signatures', () => {
  test('replaces only the fields given', () => {
    const catalogue = merge(`
override:
  - id: pip-read-timeout
    transient: false
    recovery: escalate
`);
    const original = byId(builtin, 'pip-read-timeout')!;
    expect(byId(catalogue, 'pip-read-timeout')).toEqual({
      ...original,
      transient: false,
      recovery: 'escalate',
      origin: '.github/qeml-patterns.yml',
    });
    expect(catalogue).toHaveLength(builtin.length);
  });

  test('a new pattern runs under RE2 and brings its own keywords and examples', () => {
    const overridden = byId(
      merge(`
override:
  - id: npm-server-error
    pattern: '^npm (?:ERR!|error) code E50[23]'
    keywords: [npm]
    examples: ['npm error code E503']
`),
      'npm-server-error',
    );
    expect(overridden).toMatchObject({ engine: 're2', keywords: ['npm'], examples: ['npm error code E503'] });
  });

  test('a new pattern without keywords is refused (the prefilter would skip its lines)', () => {
    expect(() => merge(`override: [{id: npm-server-error, pattern: 'E5..'}]`)).toThrow(
      '.github/qeml-patterns.yml: override[0] (npm-server-error): a new pattern needs its own keywords',
    );
  });

  test('an override that makes a signature transient must recover by rerunning', () => {
    expect(() => merge(`override: [{id: tsc-error, transient: true}]`)).toThrow(
      'override tsc-error: a transient signature recovers by rerun or rerun-clean-cache',
    );
  });
});

describe('disabling built-in signatures', () => {
  test('removes them by id', () => {
    const catalogue = merge('disable: [jest-failed-test, segfault]');
    expect(catalogue).toHaveLength(builtin.length - 2);
    expect(byId(catalogue, 'segfault')).toBeUndefined();
  });

  test('an unknown id is an error, not a silent no-op', () => {
    expect(() => merge('disable: [no-such-thing]')).toThrow(
      '.github/qeml-patterns.yml: disable no-such-thing: no such signature',
    );
    expect(() => merge('override: [{id: no-such-thing, severity: info}]')).toThrow(
      'override no-such-thing: no such signature',
    );
  });
});

test('several files apply in order, each naming itself in errors', () => {
  const first = parseUserPatterns(artifactory, 'org.yml');
  const second = parseUserPatterns('override: [{id: artifactory-reset, severity: warning}]', 'repo.yml');
  expect(byId(mergeCatalogue(builtin, [first, second]), 'artifactory-reset')).toMatchObject({
    severity: 'warning',
    origin: 'repo.yml',
    engine: 're2',
  });
});

test('an empty file changes nothing', () => {
  expect(merge('')).toEqual(builtin);
  expect(merge('# nothing yet\n')).toEqual(builtin);
});

describe('invalid files: one error naming the file and the entry', () => {
  test.each([
    ['not: [valid', 'p.yml: not valid YAML'],
    ['- a\n- b', 'p.yml: expected a mapping with add, override and/or disable'],
    ['remove: [segfault]', 'p.yml: unknown key remove'],
    ['add: {id: x}', 'p.yml: add must be a list'],
    ['disable: [Not_An_Id]', 'p.yml: disable[0] must be a signature id'],
    [
      'add: [{id: x, category: network}]',
      'p.yml: add[0] (x): missing title, pattern, keywords, transient, recovery, severity',
    ],
    [
      artifactory.replace('category: registry', 'category: weather'),
      'p.yml: add[0] (artifactory-reset): category must be one of runner',
    ],
    [
      artifactory.replace('transient: true', 'transient: "yes"'),
      'p.yml: add[0] (artifactory-reset): transient must be true or false',
    ],
    [
      artifactory.replace('    severity: error', '    severity: error\n    colour: red'),
      'p.yml: add[0] (artifactory-reset): unknown field colour',
    ],
    [
      artifactory.replace('keywords: [Artifactory.acme.dev]', 'keywords: []'),
      'p.yml: add[0] (artifactory-reset): keywords must be a non-empty list',
    ],
    [
      artifactory.replace("'artifactory\\.acme\\.dev.{0,200}Connection reset'", "'(?<=x)artifactory'"),
      'p.yml: add[0] (artifactory-reset): invalid regular expression',
    ],
    [
      artifactory.replace("'artifactory\\.acme\\.dev.{0,200}Connection reset'", "'(?<host>artifactory)'"),
      'unknown named group host (use file, line, column or test)',
    ],
    [
      artifactory.replace("Connection reset']", "Connection refused']"),
      'p.yml: add[0] (artifactory-reset): example 1 does not match the pattern',
    ],
    [
      artifactory.replace('keywords: [Artifactory.acme.dev]', 'keywords: [nexus]'),
      'example 1 contains none of the keywords ["nexus"]',
    ],
    [
      artifactory.replace('recovery: rerun', 'recovery: escalate'),
      'a transient signature recovers by rerun or rerun-clean-cache',
    ],
  ])('%#: %s', (yaml, message) => {
    expect(() => parseUserPatterns(yaml, 'p.yml')).toThrow(UserPatternsError);
    expect(() => parseUserPatterns(yaml, 'p.yml')).toThrow(message);
  });
});

test('a catastrophic user pattern like (a+)+$ cannot hang: it runs under RE2', () => {
  const [added] = parseUserPatterns(
    `add: [{id: greedy, category: test, title: Greedy, pattern: '(a+)+$', keywords: [aaa], transient: false, recovery: escalate, severity: error}]`,
    'p.yml',
  ).add;
  expect(added).toMatchObject({ engine: 're2', pattern: '(a+)+$' });
  // RE2 matches in time linear in the line: 100 kB of "a" ending in "!" (the classic
  // exponential case for a backtracking engine) is simply no match.
  const line = `${'a'.repeat(100_000)}!`;
  expect(compileUserPattern(added!.pattern).test(line)).toBe(false);
});
