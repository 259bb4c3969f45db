/** The recovery ladder and the run decision, as plain data: what each attempt calls for, and when a job blocks a rerun. */
import { describe, expect, test } from '@jest/globals';
import type { LogAnalysis, Verdict } from '@qeml/diagnosis';
import {
  DEFAULT_LADDER,
  decide,
  type FailedJob,
  judgeJob,
  rerunDelay,
  rungFor,
} from '@qeml/failure-analysis';

const plan = { ladder: DEFAULT_LADDER, maxAttempts: 3, fallbackWorkflow: 'ci-minimal.yml' };

function job(name: string, verdict: Verdict): FailedJob {
  const analysis: LogAnalysis = { file: name, verdict, recovery: 'escalate', findings: [] };
  return {
    id: 1,
    name,
    url: '',
    conclusion: 'failure',
    analysis,
    annotations: [],
    cacheKeys: [],
    ...judgeJob(analysis),
  };
}

describe('the ladder', () => {
  test('attempts 1, 2, 3, 4 give rerun, rerun-clean-cache, fallback, escalate', () => {
    expect([1, 2, 3, 4].map((attempt) => rungFor(attempt, plan).rung)).toEqual([
      'rerun',
      'rerun-clean-cache',
      'fallback',
      'escalate',
    ]);
  });

  test('a rerun rung that would exceed max-attempts is skipped for the next fallback, else escalation', () => {
    expect(rungFor(2, { ...plan, maxAttempts: 2 }).rung).toBe('fallback');
    expect(rungFor(1, { ...plan, ladder: ['rerun', 'rerun'], maxAttempts: 1 }).rung).toBe('escalate');
  });

  test('fallback without a fallback-workflow, or on the fallback run itself, escalates', () => {
    expect(rungFor(3, { ...plan, fallbackWorkflow: undefined })).toMatchObject({
      rung: 'escalate',
      because: expect.stringContaining('no fallback-workflow'),
    });
    expect(rungFor(1, { ...plan, ladder: ['fallback'] }, true).rung).toBe('escalate');
  });

  test('a custom ladder is followed rung by rung', () => {
    const custom = { ...plan, ladder: ['rerun-clean-cache', 'rerun'] as const, maxAttempts: 5 };
    expect([1, 2, 3].map((attempt) => rungFor(attempt, custom).rung)).toEqual([
      'rerun-clean-cache',
      'rerun',
      'escalate',
    ]);
  });

  test('the backoff doubles per attempt and stays under 15 minutes', () => {
    expect([1, 2, 3].map((attempt) => rerunDelay(30_000, attempt))).toEqual([30_000, 60_000, 120_000]);
    expect(rerunDelay(10 * 60_000, 4)).toBe(15 * 60_000);
  });
});

describe('the run decision', () => {
  test('every failed job transient: the ladder rung for the attempt', () => {
    const decision = decide([job('a', 'transient'), job('b', 'transient')], plan, {
      attempt: 2,
      isFallbackRun: false,
    });
    expect(decision).toMatchObject({ verdict: 'transient', recovery: 'rerun-clean-cache' });
    expect(decision.ladder).toMatchObject({
      attempt: 2,
      maxAttempts: 3,
      step: { rung: 'rerun-clean-cache' },
    });
  });

  test.each<[Verdict, string]>([
    ['deterministic', 'escalate'],
    ['resource', 'escalate'],
    ['config', 'escalate'],
    ['unknown', 'escalate'],
    ['flaky', 'quarantine'],
  ])('one %s job among transient ones blocks the rerun (%s)', (verdict, recovery) => {
    const decision = decide([job('a', 'transient'), job('b', verdict)], plan, {
      attempt: 1,
      isFallbackRun: false,
    });
    expect(decision).toMatchObject({ verdict, recovery });
    expect(decision.because).toContain(`b (${verdict})`);
  });

  test('the most certain blocking verdict names the run', () => {
    const decision = decide([job('a', 'unknown'), job('b', 'resource'), job('c', 'deterministic')], plan);
    expect(decision.verdict).toBe('deterministic');
  });

  test('no failed job: success, nothing to do', () => {
    expect(decide([], plan)).toEqual({ verdict: 'success', recovery: 'none', because: 'no job failed' });
  });
});
