/** `qeml gate`: the quality gate's engine from a terminal, the change from a diff file or from git. */
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from '@jest/globals';
import { runCli } from '@qeml/cli';
import { captureIO } from '../../support/cli';
import { withTempDir, writeFiles } from '../../support/temp';

const LCOV = ['SF:src/calc.py', 'DA:1,1', 'DA:2,1', 'DA:3,0', 'DA:4,1', 'end_of_record', ''].join('\n');
const DIFF = ['--- a/src/calc.py', '+++ b/src/calc.py', '@@ -1,2 +1,4 @@', ' a', '+b', '+c', ' d', ''].join(
  '\n',
);

describe('qeml gate', () => {
  test('text: the gate table and the uncovered changed lines; exit 1 when a required condition fails', async () => {
    await withTempDir(async (dir) => {
      await writeFiles(dir, { 'lcov.info': LCOV, 'pr.diff': DIFF });
      const io = captureIO(dir);
      const code = await runCli(
        ['gate', '--coverage', 'lcov.info', '--diff', 'pr.diff', '--thresholds', 'diff-coverage: 80'],
        io,
      );
      expect(code).toBe(1);
      const out = io.out();
      expect(out).toContain(
        'Quality gate quality-gate: Failed: 1 required condition(s) not met, 1 recommended condition(s) not met',
      );
      expect(out).toMatch(/\n\s*Diff coverage\s+50%\s+>= 80%\s+required\s+fail/);
      expect(out).toMatch(/src\/calc\.py\s+1\/2\s+3/);
    });
  });

  test('--format json is the action report output; --fail-on never exits 0', async () => {
    await withTempDir(async (dir) => {
      await writeFiles(dir, { 'lcov.info': LCOV });
      const io = captureIO(dir);
      expect(
        await runCli(['gate', '--coverage', 'lcov.info', '--fail-on', 'never', '--format', 'json'], io),
      ).toBe(0);
      const report = JSON.parse(io.out());
      expect(report).toMatchObject({
        name: 'quality-gate',
        verdict: 'warn',
        passed: true,
        coverage: { percent: 75 },
      });
      expect(report.conditions.find((c: { name: string }) => c.name === 'diff-coverage')).toBeUndefined();
    });
  });

  test('--base REF: the change from git diff REF...HEAD in the current directory', async () => {
    await withTempDir(async (dir) => {
      const git = (...args: string[]) =>
        execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir });
      await writeFiles(dir, { 'src/calc.py': 'a\nd\n' });
      git('init', '-q', '-b', 'main');
      git('add', '.');
      git('commit', '-qm', 'base');
      await writeFiles(dir, { 'src/calc.py': 'a\nb\nc\nd\n', 'lcov.info': LCOV });
      git('add', 'src');
      git('commit', '-qm', 'change');
      const io = captureIO(dir);
      await runCli(
        [
          'gate',
          '--coverage',
          'lcov.info',
          '--base',
          'HEAD~1',
          '--format',
          'json',
          '--thresholds',
          'diff-coverage: 50',
        ],
        io,
      );
      expect(JSON.parse(io.out())['diff-coverage']).toMatchObject({ percent: 50, measured: 2, covered: 1 });
    });
  });

  test('a secret a scanner quotes is redacted in the text and in --format json', async () => {
    const key = ['AKIA', 'Z7QH2KXW4M5N6P3R'].join('');
    const bandit = JSON.stringify({
      generated_at: '2026-12-07T00:00:00Z',
      results: [
        {
          filename: 'src/settings.py',
          line_number: 3,
          issue_severity: 'HIGH',
          test_id: 'B105',
          test_name: 'hardcoded_password_string',
          issue_text: `Possible hardcoded password: '${key}'`,
        },
      ],
    });
    await withTempDir(async (dir) => {
      await writeFiles(dir, { 'bandit.json': bandit });
      for (const format of ['text', 'json']) {
        const io = captureIO(dir);
        await runCli(['gate', '--security', 'bandit.json', '--format', format], io);
        if (format === 'text') expect(io.out()).toContain('hardcoded_password_string');
        expect(io.out()).not.toContain(key);
      }
    });
  });

  test('a bad flag value is a usage error naming the flag', async () => {
    const io = captureIO();
    expect(await runCli(['gate', '--thresholds', 'coverge: 80'], io)).toBe(2);
    expect(io.err()).toContain('--thresholds: coverge is not a threshold');
  });
});
