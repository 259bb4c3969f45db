// The bundled preflight action (dist/preflight/index.js) run through local-runner, as the runner
// runs it, under Node 20 and 24, against github-sim (PR files, rate limit, the cache service).

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type GitHubSim, startGitHubSim } from '@qeml/github-sim';
import { runBundle } from '../../support/bundle';
import { TestRepo } from '../../support/git-repo';
import { bundleNodes } from '../../support/node';
import { makeTempDir, removeTempDir } from '../../support/temp';
import { SEED_MATRIX_YAML, SEED_RULES_YAML } from '../../unit/preflight/seed-matrix';

const WORKFLOW = `name: ci
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: pytest
`;

let sim: GitHubSim;
let work: string;
let repo: TestRepo;
let base: string;

beforeAll(async () => {
  work = await makeTempDir('qeml-e2e-preflight-');
  sim = await startGitHubSim();
  sim.model.addRepo('o', 'r');
  repo = TestRepo.init(join(work, 'repo'));
  base = repo.commit({
    '.github/workflows/ci.yml': WORKFLOW,
    'pyproject.toml': '[project]\nname = "seed"\nrequires-python = ">=3.9"\n',
    'src/qeml/core.py': 'x = 1\n',
    'docs/index.md': '# docs\n',
    ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`tests/test_m${i}.py`, 'def test(): pass\n'])),
  });
});
afterAll(async () => {
  await sim.close();
  await removeTempDir(work);
});

/** A branch from the base with `files` committed; returns its head SHA (the repo is left on it). */
function branch(name: string, files: Record<string, string | null>): string {
  repo.git('checkout', '-q', '-B', name, base);
  return repo.commit(files, name);
}

const pushEvent = (after: string) => ({ before: base, after, repository: { default_branch: 'main' } });

describe.each(bundleNodes())('the preflight bundle under $label', ({ label, path: node }) => {
  test('a source change prunes the seed matrix: outputs for fromJSON, suites, the summary table', async () => {
    const after = branch(`source-${label}`, { 'src/qeml/core.py': 'x = 2\n' });
    const step = await runBundle('preflight', {
      node,
      inputs: { matrix: SEED_MATRIX_YAML, rules: SEED_RULES_YAML },
      workspace: repo.dir,
      eventName: 'push',
      event: pushEvent(after),
      sha: after,
    });
    expect(step.exitCode).toBe(0);
    const matrix = JSON.parse(step.outputs.matrix ?? '');
    expect(matrix.include).toHaveLength(12);
    expect(matrix.include.every((job: { deps: string }) => job.deps === 'latest')).toBe(true);
    expect(step.outputs['should-run']).toBe('true');
    expect(JSON.parse(step.outputs['changed-files'] ?? '')).toEqual(['src/qeml/core.py']);
    expect(JSON.parse(step.outputs.suites ?? '')).toEqual(['unit']);
    expect(step.outputs.reason).toBe("changes in 'source' restricting deps to latest");
    expect(JSON.parse(step.outputs.report ?? '')).toMatchObject({
      'should-run': true,
      'matrix-jobs': 12,
      'full-matrix-jobs': 36,
    });
    expect(step.summary).toContain('| Check | Result | Severity | Details |');
    expect(step.summary).toContain('12 of 36 matrix jobs run');
  });

  test('a docs-only change: should-run false and still a non-empty matrix', async () => {
    const after = branch(`docs-${label}`, { 'docs/index.md': '# more docs\n' });
    const step = await runBundle('preflight', {
      node,
      inputs: { matrix: SEED_MATRIX_YAML, rules: SEED_RULES_YAML },
      workspace: repo.dir,
      eventName: 'push',
      event: pushEvent(after),
      sha: after,
    });
    expect(step.exitCode).toBe(0);
    expect(step.outputs['should-run']).toBe('false');
    expect(JSON.parse(step.outputs.matrix ?? '').include).toHaveLength(36);
  });

  test('a broken workflow and a missing secret fail the step with annotations; outputs are still set', async () => {
    const after = branch(`broken-${label}`, {
      '.github/workflows/ci.yml': WORKFLOW.replace(
        'runs-on: ubuntu-latest',
        'runs-on: ubuntu-latest\n    timeout-minutes: soon',
      ),
    });
    const step = await runBundle('preflight', {
      node,
      inputs: { matrix: SEED_MATRIX_YAML, rules: SEED_RULES_YAML, 'required-secrets': 'PYPI_TOKEN' },
      workspace: repo.dir,
      eventName: 'push',
      event: pushEvent(after),
      sha: after,
    });
    expect(step.exitCode).toBe(1);
    const errors = step.annotations.filter((a) => a.level === 'error');
    expect(
      errors.some(
        (a) => a.file === '.github/workflows/ci.yml' && a.line === 6 && /\[syntax-check\]$/.test(a.message),
      ),
    ).toBe(true);
    expect(errors.some((a) => a.message.startsWith('secret PYPI_TOKEN is missing'))).toBe(true);
    expect(errors.at(-1)?.message).toMatch(/2 check\(s\) failed: workflows, secrets/);
    expect(step.outputs['should-run']).toBe('true');
  });

  test('a pull request: files from the API; shards from timing history saved to and restored from the cache service', async () => {
    const head = branch(`pr-${label}`, { 'tests/test_m0.py': 'def test(): assert True\n' });
    sim.model.addBranch('o/r', `pr-${label}`);
    sim.model.addCommit('o/r', {
      branch: `pr-${label}`,
      files: { 'tests/test_m0.py': 'def test(): assert True\n' },
    });
    const number = sim.model.addPullRequest('o/r', { head: `pr-${label}` });
    const reports = join(work, `reports-${label}`);
    const timings = Array.from(
      { length: 8 },
      (_, i) => `<testcase classname="tests.test_m${i}" name="t" time="${(i + 1) * 10}"/>`,
    );
    await mkdir(reports, { recursive: true });
    await writeFile(join(reports, 'junit.xml'), `<testsuite>${timings.join('')}</testsuite>`);
    // A runner's RUNNER_TEMP is the same path in every job; the cache entry's version depends on it.
    const tempDir = join(work, `runner-temp-${label}`);
    await mkdir(tempDir, { recursive: true });
    const run = (runId: number, extra: Record<string, string>) =>
      runBundle('preflight', {
        node,
        inputs: { shards: '2', 'test-files': 'tests/test_*.py', ...extra },
        workspace: repo.dir,
        eventName: 'pull_request',
        event: { pull_request: { number, base: { sha: base }, head: { sha: head } } },
        sha: head,
        apiUrl: sim.url,
        token: 'ghs_sim_token_0123456789',
        repository: 'o/r',
        serverUrl: 'https://github.com',
        runId,
        tempDir,
        env: sim.cacheEnv('o/r'),
      });
    const first = await run(100, { 'timing-reports': reports });
    expect(first.exitCode).toBe(0);
    expect(JSON.parse(first.outputs['changed-files'] ?? '')).toEqual(['tests/test_m0.py']);
    expect(JSON.parse(first.outputs.report ?? '').changes.via).toBe('api');
    const second = await run(101, {});
    const shards = JSON.parse(second.outputs.shards ?? '');
    expect(shards.map((s: { 'expected-seconds': number }) => s['expected-seconds'])).toEqual([180, 180]);
    expect(second.log).not.toContain('No timing history yet');
  });
});
