/** Baseline diff: lines a passing log of the same job also has rank down, once volatile parts are normalised. */
import { describe, expect, test } from '@jest/globals';
import { normalizeLine, readBaseline } from '@qeml/diagnosis';
import { analyzeText, FIXTURE_CATALOGUE, githubLog } from './helpers';

async function* once(text: string) {
  yield Buffer.from(text);
}

describe('normalizeLine', () => {
  test('timestamps, durations, hashes, temp paths and numbers do not make lines differ', () => {
    expect(normalizeLine('12:01:02 error in /tmp/tmp.AbC123/x.log after 1.5s (commit 3f2a9c1e5b)')).toBe(
      normalizeLine('09:45:11 error in /tmp/tmp.Zz9/y.log after 12s (commit 77aa00bb11)'),
    );
    expect(normalizeLine('Error: 3 tests failed')).toBe(normalizeLine('Error: 12 tests failed'));
  });
});

describe('ranking against a passing log', () => {
  const failing = githubLog([
    '##[group]Run ./ci.sh',
    '##[endgroup]',
    'warning: error reporting disabled in 120ms (known noise)',
    'step 2',
    'Error: the fixture database is missing a table',
    'step 4',
    '##[error]Process completed with exit code 1.',
  ]);
  const passing = githubLog([
    '##[group]Run ./ci.sh',
    '##[endgroup]',
    'warning: error reporting disabled in 95ms (known noise)',
    'step 2',
    'step 4',
  ]);

  test('the noise line the passing log also has ranks below the new error', async () => {
    const baseline = await readBaseline(once(passing), FIXTURE_CATALOGUE);
    const analysis = await analyzeText(failing, { baseline, locator: { before: 0, after: 0 } });
    expect(analysis.findings[0]!.title).toContain('fixture database is missing');
    const noise = analysis.findings.findIndex((f) => f.title.includes('known noise'));
    expect(noise === -1 || noise > 0).toBe(true);
  });

  test('works without a baseline', async () => {
    const analysis = await analyzeText(failing, { locator: { before: 0, after: 0 } });
    expect(analysis.findings.length).toBeGreaterThan(0);
  });
});
