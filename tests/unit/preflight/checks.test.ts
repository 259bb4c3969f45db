// Broken projects caught by the checks, each with a message that names what to fix; all checks run.
import { describe, expect, test } from '@jest/globals';
import {
  buildReport,
  type CheckId,
  type PreflightConfig,
  parseChecks,
  parseMatrix,
  runPreflight,
} from '@qeml/preflight';
import { withTempDir } from '../../support/temp';
import { TestRepo, testConfig, testDeps } from './helpers';
import { seedMatrix } from './seed-matrix';

const GOOD_WORKFLOW = `name: ci
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ./.github/actions/setup
        with:
          python-version: '3.12'
      - run: pytest
`;

const SETUP_ACTION = `name: setup
description: set up the project
inputs:
  python-version:
    description: which Python
    required: true
  cache:
    description: cache pip
    required: false
    default: 'true'
runs:
  using: composite
  steps:
    - run: echo setup
      shell: bash
`;

const GOOD = {
  '.github/workflows/ci.yml': GOOD_WORKFLOW,
  '.github/actions/setup/action.yml': SETUP_ACTION,
  'pyproject.toml': '[project]\nname = "seed"\nrequires-python = ">=3.9"\n',
  'requirements.txt': 'numpy>=1.24,<3\nrequests==2.32.3 ; python_version >= "3.9"\n-r requirements-dev.txt\n',
  'package.json': JSON.stringify({
    name: 'seed',
    engines: { node: '>=20' },
    dependencies: { 'left-pad': '^1.3.0' },
  }),
  'package-lock.json': JSON.stringify({
    lockfileVersion: 3,
    packages: { '': { dependencies: { 'left-pad': '^1.3.0' } } },
  }),
};

/** Runs preflight's checks on a repository holding `files` (the seed matrix unless told). */
async function checksOn(
  files: Record<string, string | null>,
  config: Partial<PreflightConfig> = {},
  env: Record<string, string> = {},
) {
  return withTempDir(async (dir) => {
    const repo = TestRepo.init(dir);
    repo.commit({ ...GOOD, ...files });
    const result = await runPreflight(
      testConfig({ matrix: seedMatrix(), ...config }),
      { kind: 'range', base: 'HEAD', head: 'HEAD' },
      testDeps(dir, { env }),
    );
    const byId = (id: CheckId) => result.checks.find((check) => check.id === id);
    return { result, byId, messages: (id: CheckId) => byId(id)?.problems.map((p) => p.message) ?? [] };
  });
}

describe('a sound project', () => {
  test('passes every check', async () => {
    const { result } = await checksOn({});
    expect(result.checks.map((c) => [c.id, c.result])).toEqual(result.checks.map((c) => [c.id, 'pass']));
    expect(result.failed).toBe(false);
  });
});

describe('broken fixtures, each caught with a clear message', () => {
  test('an invalid workflow: actionlint names file, line and problem', async () => {
    const { byId, messages } = await checksOn({
      '.github/workflows/broken.yml':
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope.really }\n',
    });
    expect(byId('workflows')?.result).toBe('fail');
    expect(messages('workflows')[0]).toMatch(/^\.github\/workflows\/broken\.yml:6:\d+: .+/);
  });

  test('a local action used without a required input (and with an unknown one)', async () => {
    const { byId, messages } = await checksOn({
      '.github/workflows/ci.yml': GOOD_WORKFLOW.replace("python-version: '3.12'", "pyhton-version: '3.12'"),
    });
    expect(byId('local-actions')?.result).toBe('fail');
    expect(messages('local-actions')).toEqual([
      ".github/workflows/ci.yml:8: ./.github/actions/setup requires input 'python-version', which this step does not give",
      ".github/workflows/ci.yml:8: ./.github/actions/setup has no input 'pyhton-version' (known: python-version, cache)",
    ]);
  });

  test('a local action that does not exist', async () => {
    const { messages } = await checksOn({ '.github/actions/setup/action.yml': null });
    expect(messages('local-actions')).toEqual([
      '.github/workflows/ci.yml:8: uses ./.github/actions/setup, but .github/actions/setup has no action.yml or action.yaml',
    ]);
  });

  test('a reusable workflow called without its required input, and one that does not exist', async () => {
    const { messages } = await checksOn({
      '.github/workflows/reusable.yml':
        'on:\n  workflow_call:\n    inputs:\n      target:\n        type: string\n        required: true\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n',
      '.github/workflows/caller.yml':
        'on: push\njobs:\n  call:\n    uses: ./.github/workflows/reusable.yml\n  gone:\n    uses: ./.github/workflows/gone.yml\n',
    });
    expect(messages('local-actions')).toEqual([
      ".github/workflows/caller.yml:4: ./.github/workflows/reusable.yml requires input 'target', which this job does not give",
      '.github/workflows/caller.yml:6: uses ./.github/workflows/gone.yml, but .github/workflows/gone.yml does not exist',
    ]);
  });

  test('requires-python excluding a matrix version names the constraint and the version', async () => {
    const { byId, messages } = await checksOn({
      'pyproject.toml': '[project]\nname = "seed"\nrequires-python = ">=3.10"\n',
    });
    expect(byId('python-version')?.result).toBe('fail');
    expect(messages('python-version')).toEqual([
      'requires-python ">=3.10" excludes matrix version(s) 3.9: those jobs cannot install the package (drop them from the matrix or widen requires-python)',
    ]);
  });

  test('requires-python excluding several versions names each', async () => {
    const { messages } = await checksOn({ 'pyproject.toml': '[project]\nrequires-python = ">=3.9,<3.11"\n' });
    expect(messages('python-version')[0]).toContain('excludes matrix version(s) 3.11, 3.12');
  });

  test('a matrix written `python: [3.9, 3.10]` (YAML reads 3.10 as 3.1) is named as the unquoted-number pitfall', async () => {
    const { messages } = await checksOn(
      { 'pyproject.toml': '[project]\nrequires-python = ">=3.9"\n' },
      { matrix: parseMatrix('python: [3.9, 3.10]') },
    );
    expect(messages('python-version')).toHaveLength(1);
    expect(messages('python-version')[0]).toContain('excludes matrix version(s) 3.1');
    expect(messages('python-version')[0]).toContain("quote the versions ('3.10')");
  });

  test('a patch-level lower bound does not exclude the minor line (3.9 runs the newest 3.9.x)', async () => {
    const { byId } = await checksOn({ 'pyproject.toml': '[project]\nrequires-python = ">=3.9.2"\n' });
    expect(byId('python-version')?.result).toBe('pass');
  });

  test('engines.node excluding a matrix Node version', async () => {
    // A matrix "20" runs the newest 20.x, which >=20.10 allows.
    const { messages } = await checksOn(
      {},
      { matrix: { dimensions: { node: ['20', '22'] }, include: [], exclude: [] } },
    );
    expect(messages('node-version')).toEqual([]);
    const narrow = await checksOn(
      {
        'package.json': JSON.stringify({
          engines: { node: '>=20.10' },
          dependencies: { 'left-pad': '^1.3.0' },
        }),
      },
      { matrix: { dimensions: { node: ['18', '20', '22'] }, include: [], exclude: [] } },
    );
    expect(narrow.messages('node-version')).toEqual([
      'engines.node ">=20.10" excludes matrix version(s) 18 (drop them from the matrix or widen engines.node)',
    ]);
  });

  test('a missing secret is named, and a present one is never printed', async () => {
    const secretValue = 'pypi-AgEIcHlwaS5vcmcCJDE2ZTYx';
    const { result, byId, messages } = await checksOn(
      {},
      { requiredSecrets: ['PYPI_TOKEN', 'CODECOV_TOKEN'] },
      { CODECOV_TOKEN: secretValue },
    );
    expect(byId('secrets')?.result).toBe('fail');
    expect(messages('secrets')).toEqual([
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
      'secret PYPI_TOKEN is missing or empty: pass it to this step as env PYPI_TOKEN: ${{ secrets.PYPI_TOKEN }}',
    ]);
    expect(JSON.stringify(buildReport(result))).not.toContain(secretValue);
  });

  test.each([
    [
      'npm',
      {
        'package-lock.json': JSON.stringify({
          lockfileVersion: 3,
          packages: { '': { dependencies: { 'left-pad': '^1.2.0' } } },
        }),
      },
      'package-lock.json: left-pad is ^1.3.0 in package.json but ^1.2.0 in the lockfile: out of sync',
    ],
    [
      'pnpm',
      {
        'package-lock.json': null,
        'pnpm-lock.yaml':
          "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      left-pad:\n        specifier: ^1.3.0\n        version: 1.3.0\n      is-odd:\n        specifier: ^3.0.0\n        version: 3.0.1\n",
      },
      'pnpm-lock.yaml: is-odd@^3.0.0 is locked but no longer in package.json: out of sync',
    ],
    [
      'yarn',
      {
        'package-lock.json': null,
        'yarn.lock': '# yarn lockfile v1\n\n"left-pad@^1.2.0":\n  version "1.3.0"\n',
      },
      'yarn.lock: no entry for left-pad@^1.3.0 from package.json: out of sync (run yarn install and commit yarn.lock)',
    ],
  ])('a %s lockfile out of sync with package.json', async (_name, files, message) => {
    const { byId, messages } = await checksOn(files);
    expect(byId('lockfile')?.result).toBe('fail');
    expect(messages('lockfile')).toEqual([message]);
  });

  test('manifests that do not parse name the file and line', async () => {
    const { messages } = await checksOn({
      'pyproject.toml': '[project\nname = "x"\n',
      'requirements-dev.txt': 'pytest>=8\nnumpy=>1.0\n',
      'environment.yml': 'name: seed\ndependencies: [python=3.12\n',
    });
    expect(messages('manifests')).toEqual([
      expect.stringMatching(/^pyproject\.toml:1: not valid TOML/),
      'requirements-dev.txt:2: invalid version specifier "=>1.0" for numpy (PEP 440, e.g. ">=1.2,<2")',
      expect.stringMatching(/^environment\.yml:\d+: not valid YAML/),
    ]);
  });

  test('a required file that is missing', async () => {
    const { messages } = await checksOn({}, { requiredFiles: ['pyproject.toml', 'codecov.yml'] });
    expect(messages('files')).toEqual(['required file codecov.yml is missing']);
  });

  test('too little disk and a missing tool', async () => {
    await withTempDir(async (dir) => {
      TestRepo.init(dir).commit(GOOD);
      const config = testConfig({
        checks: parseChecks('disk-space: { severity: error, min-gb: 10 }\ntools: { require: [git, uv] }'),
      });
      const deps = testDeps(dir, {
        freeBytes: async () => 2 * 1024 ** 3,
        which: async (tool) => tool === 'git',
      });
      const result = await runPreflight(config, { kind: 'range', base: 'HEAD', head: 'HEAD' }, deps);
      const problems = (id: CheckId) =>
        result.checks.find((c) => c.id === id)?.problems.map((p) => p.message);
      expect(problems('disk-space')).toEqual(['2.0 GiB free, less than the 10.0 GiB required']);
      expect(problems('tools')).toEqual(['uv is not on PATH']);
    });
  });
});

describe('every check runs, and severities are configurable', () => {
  const broken = {
    'pyproject.toml': '[project]\nrequires-python = ">=3.11"\n',
    'package-lock.json': JSON.stringify({ lockfileVersion: 3, packages: { '': {} } }),
    '.github/workflows/ci.yml': GOOD_WORKFLOW.replace("python-version: '3.12'", 'cache: false'),
  };

  test('one failing check does not stop the others: each is in the table', async () => {
    const { result, byId } = await checksOn(broken, { requiredSecrets: ['TOKEN'] });
    expect(result.checks).toHaveLength(11);
    for (const id of ['python-version', 'lockfile', 'local-actions', 'secrets'] as const)
      expect(byId(id)?.result).toBe('fail');
    expect(byId('workflows')?.result).toBe('pass');
    expect(result.failed).toBe(true);
  });

  test('warning turns a failure into a warn; off leaves the check out', async () => {
    const checks = parseChecks(
      'python-version: warning\nlockfile: warning\nlocal-actions: off\nsecrets: { severity: warning }',
    );
    const { result, byId } = await checksOn(broken, { checks, requiredSecrets: ['TOKEN'] });
    expect(byId('python-version')?.result).toBe('warn');
    expect(byId('lockfile')?.result).toBe('warn');
    expect(byId('secrets')?.result).toBe('warn');
    expect(byId('local-actions')).toBeUndefined();
    expect(result.failed).toBe(false);
  });

  test('an unknown check or severity is a clear error', () => {
    expect(() => parseChecks('lockfiles: error')).toThrow(
      "unknown check 'lockfiles' (known: workflows, local-actions,",
    );
    expect(() => parseChecks('lockfile: fatal')).toThrow(
      'check \'lockfile\': severity "fatal" is not one of error, warning, off',
    );
  });
});
