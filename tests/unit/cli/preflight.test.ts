/** `qeml preflight --base --head`: the engine in a local repository, text and JSON, exit codes. */
import { describe, expect, test } from '@jest/globals';
import { runCli } from '@qeml/cli';
import { captureIO } from '../../support/cli';
import { TestRepo } from '../../support/git-repo';
import { withTempDir } from '../../support/temp';
import { SEED_MATRIX_YAML, SEED_RULES_YAML } from '../preflight/seed-matrix';

async function seedRepo(dir: string, change: Record<string, string>): Promise<TestRepo> {
  const repo = TestRepo.init(dir);
  repo.commit({
    'ci/matrix.yml': SEED_MATRIX_YAML,
    'ci/rules.yml': SEED_RULES_YAML,
    'src/a.py': 'a\n',
    'docs/x.md': 'x\n',
  });
  repo.git('checkout', '-q', '-b', 'topic');
  repo.commit(change);
  return repo;
}

describe('qeml preflight', () => {
  test('prints the checks table and what runs; --format json gives the report and the pruned matrix', async () => {
    await withTempDir(async (dir) => {
      await seedRepo(dir, { 'src/a.py': 'b\n' });
      const args = [
        'preflight',
        '--base',
        'main',
        '--head',
        'topic',
        '--matrix',
        'ci/matrix.yml',
        '--rules',
        'ci/rules.yml',
      ];
      const io = captureIO(dir);
      expect(await runCli(args, io)).toBe(0);
      expect(io.out()).toMatch(/^Check +Result +Severity +Details$/m);
      expect(io.out()).toContain("12 of 36 matrix jobs run: changes in 'source' restricting deps to latest.");
      const json = captureIO(dir);
      expect(await runCli([...args, '--format', 'json'], json)).toBe(0);
      const report = JSON.parse(json.out());
      expect(report).toMatchObject({ 'should-run': true, 'matrix-jobs': 12, suites: ['unit'] });
      expect(report.matrix.include).toHaveLength(12);
    });
  });

  test('--format json without --matrix: the matrix is one job, as the action outputs it (never empty for fromJSON)', async () => {
    await withTempDir(async (dir) => {
      await seedRepo(dir, { 'src/a.py': 'b\n' });
      const io = captureIO(dir);
      expect(await runCli(['preflight', '--base', 'main', '--head', 'topic', '--format', 'json'], io)).toBe(
        0,
      );
      expect(JSON.parse(io.out()).matrix).toEqual({ include: [{}] });
    });
  });

  test('exit 1 when a check fails (a required file is missing)', async () => {
    await withTempDir(async (dir) => {
      await seedRepo(dir, { 'docs/x.md': 'y\n' });
      const io = captureIO(dir);
      expect(await runCli(['preflight', '--base', 'main', '--required-file', 'codecov.yml'], io)).toBe(1);
      expect(io.out()).toContain('files: required file codecov.yml is missing');
    });
  });

  test('usage errors: --base missing, a --rules file that does not parse', async () => {
    await withTempDir(async (dir) => {
      await seedRepo(dir, { 'a.txt': 'a\n' });
      const io = captureIO(dir);
      expect(await runCli(['preflight'], io)).toBe(2);
      expect(io.err()).toContain('--base REF is required');
      const bad = captureIO(dir);
      expect(await runCli(['preflight', '--base', 'main', '--rules', 'ci/matrix.yml'], bad)).toBe(2);
      expect(bad.err()).toContain("--rules: group 'os' must be a mapping with 'paths'");
    });
  });
});
