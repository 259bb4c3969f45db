import { describe, expect, test } from '@jest/globals';
import { evaluateCondition } from '@qeml/local-runner';

describe('evaluateCondition (pre-if / post-if)', () => {
  test('defaults to always()', () => {
    for (const status of ['success', 'failure', 'cancelled'] as const) {
      expect(evaluateCondition(undefined, status, 'runs.post-if')).toBe(true);
    }
  });

  test.each([
    ['success()', 'success', true],
    ['success()', 'failure', false],
    ['failure()', 'failure', true],
    ['failure()', 'cancelled', false],
    ['cancelled()', 'cancelled', true],
    ['!cancelled()', 'cancelled', false],
    ['failure() || cancelled()', 'cancelled', true],
    ['always() && !failure()', 'failure', false],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
    ['${{ !(success() || failure()) }}', 'cancelled', true],
    ['true', 'success', true],
    ['true', 'failure', false], // no status function: implicitly success() && (...)
    ['false || always()', 'failure', true],
  ] as const)('%s with job status %s is %s', (condition, status, expected) => {
    expect(evaluateCondition(condition, status, 'runs.post-if')).toBe(expected);
  });

  test('unsupported expressions get a clear error naming the key', () => {
    expect(() => evaluateCondition("runner.os == 'Linux'", 'success', 'runs.post-if')).toThrow(
      /runs\.post-if: .* is not supported by local-runner/,
    );
    expect(() => evaluateCondition('success(', 'success', 'runs.pre-if')).toThrow(/runs\.pre-if/);
  });
});
