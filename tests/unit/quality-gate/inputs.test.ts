/** The quality gate's inputs: defaults, and every mistake named together in one error. */
import { describe, expect, test } from '@jest/globals';
import { isConfigurationError } from '@qeml/action-kit';
import { readGateConfig } from '@qeml/quality-gate';

const read = (inputs: Record<string, string>) => readGateConfig((name) => inputs[name]);

describe('readGateConfig', () => {
  test('defaults: coverage 70 required and 85 recommended, 0 critical and high, cache baseline, fail on required', async () => {
    const config = await read({});
    expect(config).toMatchObject({
      baseline: 'cache',
      comment: false,
      failOn: 'required',
      name: 'quality-gate',
    });
    expect(config.conditions.map((c) => `${c.name}: ${c.metric} ${c.op} ${c.threshold} ${c.level}`)).toEqual([
      'coverage: line-coverage >= 70 required',
      'coverage-recommended: line-coverage >= 85 recommended',
      'coverage-drop: coverage-drop <= 0.5 required',
      'critical: critical <= 0 required',
      'high: high <= 0 required',
      'benchmark-regression: benchmark-regression <= 20 required',
      'test-failures: test-failures <= 0 required',
      'complexity: complex-functions <= 0 recommended',
    ]);
  });

  test('thresholds and gates as YAML: diff coverage on, a default off, a custom condition added', async () => {
    const config = await read({
      thresholds: 'diff-coverage: 80\ncoverage-recommended: off',
      gates: '- branch-coverage >= 60 recommended',
      'source-roots': 'src, backend',
    });
    expect(config.conditions.map((c) => c.name)).toEqual(
      expect.arrayContaining(['diff-coverage', 'branch-coverage >= 60']),
    );
    expect(config.conditions.map((c) => c.name)).not.toContain('coverage-recommended');
    expect(config.sourceRoots).toEqual(['src', 'backend']);
  });

  test('all mistakes in one ConfigurationError, each naming its input', async () => {
    const error = await read({
      thresholds: 'coverage: lots',
      gates: '- coverage >= 80',
      'fail-on': 'sometimes',
      name: 'my gate',
    }).catch((e: unknown) => e);
    expect(isConfigurationError(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain(`Input 'fail-on'`);
    expect(message).toContain(`Input 'thresholds': coverage got "lots": expected a number >= 0 or off`);
    expect(message).toContain(`Input 'gates': gates[0]: metric "coverage" is not one of`);
    expect(message).toContain(`Input 'name' got "my gate"`);
  });

  test('gates that are not YAML say so', async () => {
    await expect(read({ gates: '- [unclosed' })).rejects.toThrow(/Input 'gates': is not valid YAML/);
  });
});
