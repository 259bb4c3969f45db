// The seed's 36-job matrix pruned by its rules for typical changes, through the engine on a real repository.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { expandMatrix, matrixSpecOf, pruneMatrix, runPreflight } from '@qeml/preflight';
import { makeTempDir, removeTempDir } from '../../support/temp';
import { changesOnly, TestRepo, testDeps } from './helpers';
import { seedMatrix, seedRules } from './seed-matrix';

let dir: string;
let repo: TestRepo;
let base: string;

beforeAll(async () => {
  dir = await makeTempDir('qeml-preflight-prune-');
  repo = TestRepo.init(dir);
  base = repo.commit({
    'README.md': '# seed\n',
    'docs/index.md': 'docs\n',
    'src/qeml/core.py': 'x = 1\n',
    'src/qeml/cuda/kernels.py': 'k = 1\n',
    'tests/test_core.py': 'def test(): pass\n',
    'poetry.lock': '# lock\n',
    'setup.cfg': '[metadata]\n',
  });
});
afterAll(() => removeTempDir(dir));

/** Commits `files` on a fresh branch from the base and runs preflight on base...branch. */
async function preflightFor(name: string, files: Record<string, string | null>) {
  repo.git('checkout', '-q', '-b', name, base);
  repo.commit(files, name);
  repo.git('checkout', '-q', 'main');
  return runPreflight(
    changesOnly({ matrix: seedMatrix(), rules: seedRules() }),
    { kind: 'range', base, head: name },
    testDeps(dir),
  );
}

const count = (jobs: Record<string, unknown>[], key: string) => new Set(jobs.map((job) => job[key])).size;

describe('the seed matrix (3 OS x 4 Python x 3 dependency sets)', () => {
  test('expands to 36 jobs', () => {
    expect(expandMatrix(seedMatrix())).toHaveLength(36);
  });

  test.each([
    // change, files, should-run, jobs, suites, dimensions left (os, python, deps)
    ['docs-only', { 'docs/index.md': 'more docs\n', 'README.md': '# seed!\n' }, false, 36, [], [3, 4, 3]],
    ['source-only', { 'src/qeml/core.py': 'x = 2\n' }, true, 12, ['unit'], [3, 4, 1]],
    [
      'source and docs',
      { 'src/qeml/core.py': 'x = 3\n', 'docs/index.md': 'd\n' },
      true,
      12,
      ['unit'],
      [3, 4, 1],
    ],
    ['gpu source only', { 'src/qeml/cuda/kernels.py': 'k = 2\n' }, true, 12, ['unit', 'gpu'], [3, 4, 1]],
    ['lockfile', { 'poetry.lock': '# lock 2\n' }, true, 36, ['unit', 'gpu', 'integration'], [3, 4, 3]],
    [
      'lockfile and docs',
      { 'poetry.lock': '# lock 3\n', 'docs/index.md': 'x\n' },
      true,
      36,
      ['unit', 'gpu', 'integration'],
      [3, 4, 3],
    ],
    [
      'a file in no group',
      { 'setup.cfg': '[metadata]\nname = x\n' },
      true,
      36,
      ['unit', 'gpu', 'integration'],
      [3, 4, 3],
    ],
    [
      'tests only',
      { 'tests/test_core.py': 'def test(): assert 1\n' },
      true,
      12,
      ['unit', 'integration'],
      [3, 4, 1],
    ],
  ] as const)('%s', async (name, files, shouldRun, jobs, suites, dims) => {
    const result = await preflightFor(name.replaceAll(' ', '-'), files);
    expect(result.shouldRun).toBe(shouldRun);
    expect(result.matrix).toHaveLength(jobs);
    expect([...result.suites].sort()).toEqual([...suites].sort());
    expect(['os', 'python', 'deps'].map((key) => count(result.matrix, key))).toEqual(dims);
    expect(result.reason).not.toBe('');
  });
});

describe('include and exclude', () => {
  test('expanded as GitHub does, then pruned; a pruning that leaves no job sets should-run false (never an empty matrix)', () => {
    const spec = matrixSpecOf({
      os: ['ubuntu-latest', 'windows-latest'],
      python: ['3.11', '3.12'],
      exclude: [{ os: 'windows-latest', python: '3.11' }],
      include: [
        { os: 'ubuntu-latest', python: '3.12', coverage: true },
        { os: 'macos-latest', python: '3.12' },
      ],
    });
    const jobs = expandMatrix(spec);
    expect(jobs).toEqual([
      { os: 'ubuntu-latest', python: '3.11' },
      { os: 'ubuntu-latest', python: '3.12', coverage: true },
      { os: 'windows-latest', python: '3.12' },
      { os: 'macos-latest', python: '3.12' },
    ]);
    expect(pruneMatrix(jobs, { python: ['3.12'] })).toHaveLength(3);
    expect(pruneMatrix(jobs, { os: ['freebsd'] })).toEqual([]);
  });

  test("GitHub's documented include example: a job an include added is never extended by a later include", () => {
    const spec = matrixSpecOf({
      fruit: ['apple', 'pear'],
      animal: ['cat', 'dog'],
      include: [
        { color: 'green' },
        { color: 'pink', animal: 'cat' },
        { fruit: 'apple', shape: 'circle' },
        { fruit: 'banana' },
        { fruit: 'banana', animal: 'cat' },
      ],
    });
    expect(expandMatrix(spec)).toEqual([
      { fruit: 'apple', animal: 'cat', color: 'pink', shape: 'circle' },
      { fruit: 'apple', animal: 'dog', color: 'green', shape: 'circle' },
      { fruit: 'pear', animal: 'cat', color: 'pink' },
      { fruit: 'pear', animal: 'dog', color: 'green' },
      { fruit: 'banana' },
      { fruit: 'banana', animal: 'cat' },
    ]);
  });

  test('an include-only matrix makes one job per entry', () => {
    const spec = matrixSpecOf({
      include: [
        { os: 'ubuntu-latest', python: '3.12' },
        { os: 'windows-latest', python: '3.11' },
      ],
    });
    expect(expandMatrix(spec)).toEqual([
      { os: 'ubuntu-latest', python: '3.12' },
      { os: 'windows-latest', python: '3.11' },
    ]);
  });

  test('no job left after pruning: should-run false, and the matrix output stays the full one', async () => {
    repo.git('checkout', '-q', '-b', 'nothing-left', base);
    repo.commit({ 'src/qeml/core.py': 'x = 9\n' });
    repo.git('checkout', '-q', 'main');
    const rules = seedRules().map((group) =>
      group.name === 'source' ? { ...group, matrix: { deps: ['nightly'] } } : group,
    );
    const result = await runPreflight(
      changesOnly({ matrix: seedMatrix(), rules }),
      { kind: 'range', base, head: 'nothing-left' },
      testDeps(dir),
    );
    expect(result.shouldRun).toBe(false);
    expect(result.reason).toMatch(/no matrix job is left/);
    expect(result.matrix).toHaveLength(36);
  });
});
