/** The verdict: transient only when the top finding is transient and nothing deterministic ranks near it. */
import { describe, expect, test } from '@jest/globals';
import { CATEGORIES, type Signature } from '@qeml/diagnosis';
import { analyzeText, FIXTURE_CATALOGUE, githubLog } from './helpers';

const failingStep = (output: string[]) =>
  githubLog([
    '##[group]Run make ci',
    'make ci',
    '##[endgroup]',
    ...output,
    '##[error]Process completed with exit code 1.',
  ]);

describe('deterministic categories are never transient', () => {
  const deterministic = CATEGORIES.filter((c) =>
    ['compile', 'test', 'lint', 'dependency', 'config'].includes(c),
  );
  test.each(deterministic)(
    '%s: even a signature wrongly marked transient gives no transient verdict',
    async (category) => {
      const catalogue: Signature[] = [
        {
          id: `${category}-thing`,
          category,
          title: `${category} problem`,
          pattern: 'BROKEN THING',
          keywords: ['broken thing'],
          examples: [],
          transient: true,
          recovery: 'rerun',
          severity: 'error',
          source: 'test',
        },
      ];
      const analysis = await analyzeText(failingStep(['building', 'BROKEN THING happened']), { catalogue });
      expect(analysis.findings[0]?.pattern).toBe(`${category}-thing`);
      expect(analysis.verdict).not.toBe('transient');
      expect(analysis.recovery).not.toBe('rerun');
    },
  );

  test.each([
    ['compile', 'src/app.ts(3,7): error TS2322: Type string is not assignable to type number.'],
    ['lint', '✖ 3 problems (3 errors, 0 warnings)'],
    ['dependency', 'npm ERR! code ERESOLVE'],
    ['test', 'FAIL src/a.test.ts'],
  ])('a %s failure is deterministic', async (_category, line) => {
    const analysis = await analyzeText(failingStep(['working', line]));
    expect(analysis.verdict).toBe('deterministic');
  });
});

describe('when in doubt, not transient', () => {
  test('a registry reset next to a compile error in the failing step: deterministic', async () => {
    const log = failingStep([
      'npm ERR! code ECONNRESET',
      'src/app.ts(3,7): error TS2322: Type string is not assignable to type number.',
    ]);
    const analysis = await analyzeText(log);
    expect(analysis.verdict).toBe('deterministic');
  });

  test('a log no signature matches: unknown, escalate (never transient)', async () => {
    const analysis = await analyzeText(failingStep(['Segmentation fault (core dumped)']));
    expect(analysis.findings[0]?.pattern).toBeNull();
    expect(analysis).toMatchObject({ verdict: 'unknown', recovery: 'escalate' });
  });

  test('an empty log: no findings, unknown', async () => {
    const analysis = await analyzeText('');
    expect(analysis).toMatchObject({ verdict: 'unknown', recovery: 'escalate', findings: [] });
  });

  test('a benign cache message is never the reason', async () => {
    const log = failingStep(['Cache not found for input keys: node-cache-Linux-abc', 'ERROR: tests failed']);
    const analysis = await analyzeText(log);
    expect(analysis.findings.some((f) => f.pattern === 'cache-not-found')).toBe(false);
  });

  test('a transient reason recognised inside realistic output is transient', async () => {
    const analysis = await analyzeText(
      failingStep([
        'npm WARN deprecated glob@7.2.3',
        'npm ERR! code ECONNRESET',
        'npm ERR! network read ECONNRESET',
      ]),
      { catalogue: FIXTURE_CATALOGUE },
    );
    expect(analysis).toMatchObject({ verdict: 'transient', recovery: 'rerun' });
  });
});
