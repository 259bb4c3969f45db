/**
 * GitHub Actions logs in GitHub's raw format (timestamps, groups, post steps, the failing step's
 * `##[error]Process completed with exit code N.`) with distractors: an earlier network error that was
 * retried and recovered, "error" in passing test names, warnings after the failure.
 */
import { describe, expect, test } from '@jest/globals';
import { builtinCatalogue, renderMarkdown } from '@qeml/diagnosis';
import { analyzeText, fixture, lineOf } from './helpers';

const covers = (finding: { start: number; end: number } | undefined, line: number) =>
  finding !== undefined && finding.start <= line && line <= finding.end;

describe('the first finding is the reason, the verdict is right', () => {
  test('a failing Jest test after a recovered ECONNRESET: deterministic, first finding on the failing test', async () => {
    const log = fixture('jest-failure.log');
    const analysis = await analyzeText(log);
    expect(covers(analysis.findings[0], lineOf(log, 'FAIL src/cart/checkout.test.ts'))).toBe(true);
    expect(analysis.findings[0]).toMatchObject({
      pattern: 'jest-test-failed',
      category: 'test',
      transient: false,
    });
    expect(analysis.verdict).toBe('deterministic');
    expect(analysis.recovery).toBe('escalate');
    // The warnings of the post steps are never the reason.
    const postWarning = lineOf(log, 'No files were found with the provided path');
    expect(analysis.findings.slice(0, 2).some((f) => covers(f, postWarning))).toBe(false);
  });

  test('npm ci reset by the registry: transient, rerun, the finding names the line', async () => {
    const log = fixture('npm-registry-reset.log');
    const analysis = await analyzeText(log);
    expect(analysis.verdict).toBe('transient');
    expect(analysis.recovery).toBe('rerun');
    expect(analysis.findings[0]).toMatchObject({ pattern: 'npm-econnreset', transient: true });
    expect(covers(analysis.findings[0], lineOf(log, 'npm ERR! code ECONNRESET'))).toBe(true);
  });

  test('the same with the built-in catalogue', async () => {
    const log = fixture('npm-registry-reset.log');
    const analysis = await analyzeText(log, { catalogue: builtinCatalogue() });
    expect(analysis.verdict).toBe('transient');
    expect(covers(analysis.findings[0], lineOf(log, 'npm ERR! code ECONNRESET'))).toBe(true);
  });

  test('a pytest failure with "error" in passing test names and a warning summary after it: deterministic', async () => {
    const log = fixture('pytest-failure.log');
    const analysis = await analyzeText(log);
    expect(analysis.verdict).toBe('deterministic');
    const top = analysis.findings[0]!;
    expect(
      covers(top, lineOf(log, 'FAILED tests/test_solver.py::test_converges - assert')) ||
        covers(top, lineOf(log, 'E       assert 73 < 50')),
    ).toBe(true);
    expect(covers(top, lineOf(log, 'test_read_error_handling PASSED'))).toBe(false);
  });

  test('the Node heap running out: resource, not transient', async () => {
    const log = fixture('node-heap-oom.log');
    const analysis = await analyzeText(log);
    expect(analysis.verdict).toBe('resource');
    expect(covers(analysis.findings[0], lineOf(log, 'JavaScript heap out of memory'))).toBe(true);
  });

  test('the job-summary markdown: a verdict table and the reason excerpt', async () => {
    const analysis = await analyzeText(fixture('npm-registry-reset.log'));
    const markdown = renderMarkdown([analysis]);
    expect(markdown).toContain('| test.log | transient | rerun |');
    expect(markdown).toContain('npm ERR! code ECONNRESET');
  });

  test('line numbers are those of the file as given (timestamps and markers do not shift them)', async () => {
    const log = fixture('jest-failure.log');
    const analysis = await analyzeText(log, {}, 4096);
    const exit = lineOf(log, '##[error]Process completed with exit code 1.');
    expect(analysis.findings.every((f) => f.end <= exit)).toBe(true);
    const first = analysis.findings[0]!;
    expect(first.excerpt.split('\n')).toHaveLength(first.end - first.start + 1);
    expect(first.excerpt).not.toMatch(/2024-05-02T/);
  });
});
