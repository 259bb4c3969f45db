// Built-in patterns run on the JavaScript regex engine, so each must be unable to hang a scan.
// Proven structurally (a counted bound on backtracking steps, no clock), plus RE2 syntax so a
// scanner may run any of them in linear time.
import { describe, expect, test } from '@jest/globals';
import { compileUserPattern } from '../../../packages/action-kit/src/patterns';
import { builtinCatalogue } from '../../../packages/diagnosis/src/catalogue';
import { backtrackingBound, UnsafePatternError } from '../../../scripts/lib/catalogue/backtracking-bound';
import { ADVERSARIAL_LINE_LENGTH, BACKTRACKING_BUDGET } from '../../../scripts/lib/catalogue/compile';

const catalogue = builtinCatalogue();
const bound = (pattern: string) => backtrackingBound(pattern, ADVERSARIAL_LINE_LENGTH);

describe('the backtracking bound', () => {
  test.each([
    ['(a+)+$', 'nested quantifiers'],
    ['(?:\\s*x)*y', 'nested quantifiers'],
    ['(?:a|b+){2,}', 'nested quantifiers'],
    ['(a)\\1', 'backreferences'],
    ['(?<=npm )ERR', 'lookbehind'],
    ['ERR(?! ok)', 'lookahead'],
  ])('refuses %s (%s)', (pattern, reason) => {
    expect(() => bound(pattern)).toThrow(UnsafePatternError);
    expect(() => bound(pattern)).toThrow(reason.split(' ')[0]!);
  });

  test('counts every start position of an unanchored pattern, one for an anchored one', () => {
    expect(bound('^\\S+\\.py')).toBe(ADVERSARIAL_LINE_LENGTH);
    expect(bound('\\S+\\.py')).toBe(ADVERSARIAL_LINE_LENGTH ** 2);
    expect(bound('ECONNRESET')).toBe(ADVERSARIAL_LINE_LENGTH);
  });

  test('multiplies the choices of repetitions in sequence and adds alternatives', () => {
    expect(bound('^a{1,10}b{0,4}')).toBe(50);
    expect(bound('^(?:x{1,10}|y{1,5})z?')).toBe(30);
    expect(bound('^x|^y{1,3}')).toBe(4);
  });

  test('puts a.*b.*c-style patterns far over the budget', () => {
    expect(bound('a.*b.*c')).toBeGreaterThan(BACKTRACKING_BUDGET);
    expect(bound('^.*error.*$')).toBeGreaterThan(BACKTRACKING_BUDGET);
  });
});

describe('built-in patterns', () => {
  test.each(catalogue.map((s) => [s.id, s.pattern]))('%s stays within the budget', (_, pattern) => {
    expect(bound(pattern)).toBeLessThanOrEqual(BACKTRACKING_BUDGET);
  });

  test.each(catalogue.map((s) => [s.id, s] as const))('%s is also RE2 syntax', (_, signature) => {
    expect(() =>
      compileUserPattern(signature.pattern, {
        caseInsensitive: signature.ignoreCase === true,
        maxProgramSize: Number.POSITIVE_INFINITY,
      }),
    ).not.toThrow();
  });

  test('run to completion on 100 kB lines of their own keywords and example fragments', () => {
    // No clock: a pattern that backtracked catastrophically would not finish within Jest's timeout.
    let lines = 0;
    for (const signature of catalogue) {
      const regex = new RegExp(signature.pattern, signature.ignoreCase ? 'i' : '');
      const fragments = [...signature.keywords, ...signature.examples.map((e) => e.slice(0, -1))];
      for (const fragment of fragments) {
        const line = fragment
          .repeat(Math.ceil(ADVERSARIAL_LINE_LENGTH / fragment.length))
          .slice(0, ADVERSARIAL_LINE_LENGTH);
        expect(typeof regex.test(line)).toBe('boolean');
        lines++;
      }
    }
    expect(lines).toBeGreaterThan(catalogue.length * 2);
  });
});
