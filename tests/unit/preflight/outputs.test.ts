/** The step's outputs: a matrix fromJSON can always expand, JSON lists, the redacted report. */
import { describe, expect, test } from '@jest/globals';
import { type PreflightResult, setPreflightOutputs } from '@qeml/preflight';
import { fakeStep } from '../../support/runner-fake';

function result(overrides: Partial<PreflightResult> = {}): PreflightResult {
  return {
    shouldRun: true,
    reason: 'changes in src',
    changes: {
      full: false,
      files: [{ path: 'src/a.py', status: 'modified' }],
      via: 'git',
      how: 'git diff a..b',
    },
    selection: {
      shouldRun: true,
      full: false,
      suites: ['unit'],
      matrix: {},
      groups: ['source'],
      reason: 'changes in src',
    },
    matrix: [{ os: 'ubuntu-latest', python: '3.12' }],
    fullMatrixSize: 2,
    suites: ['unit'],
    shards: [],
    checks: [],
    failed: false,
    durationMs: 12,
    ...overrides,
  };
}

describe('preflight outputs', () => {
  test('the pruned matrix as {"include": [...]}, the lists as JSON', async () => {
    const step = fakeStep();
    setPreflightOutputs(step.runner, result());
    const outputs = await step.outputs();
    expect(JSON.parse(outputs.matrix ?? '')).toEqual({ include: [{ os: 'ubuntu-latest', python: '3.12' }] });
    expect(outputs['should-run']).toBe('true');
    expect(JSON.parse(outputs['changed-files'] ?? '')).toEqual(['src/a.py']);
    expect(JSON.parse(outputs.suites ?? '')).toEqual(['unit']);
    expect(JSON.parse(outputs.shards ?? '')).toEqual([]);
    expect(JSON.parse(outputs.report ?? '')).toMatchObject({
      'should-run': true,
      'matrix-jobs': 1,
      'full-matrix-jobs': 2,
    });
  });

  test('without a matrix input, one job ({"include": [{}]}), never an empty matrix', async () => {
    const step = fakeStep();
    setPreflightOutputs(step.runner, result({ matrix: [], fullMatrixSize: 0 }));
    expect(JSON.parse((await step.outputs()).matrix ?? '')).toEqual({ include: [{}] });
  });
});
