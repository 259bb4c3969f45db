/** report.ts: one result model (the `report` output), rendered to the job summary and to the CLI. */
import { describe, expect, test } from '@jest/globals';
import { buildReport, buildSummary, type RetryResult, timelineText } from '@qeml/retry';
import { attempt } from './helpers';

describe('report', () => {
  const result: RetryResult = {
    outcome: 'success',
    startedAt: Date.UTC(2026, 0, 1, 12, 0, 0),
    durationMs: 3500,
    exitCode: 0,
    reason: 'exit code 1',
    finalBecause: '',
    attempts: [
      {
        number: 1,
        startedAt: Date.UTC(2026, 0, 1, 12, 0, 0),
        durationMs: 1000,
        exitCode: 1,
        signal: null,
        outcome: 'failure',
        reason: 'exit code 1',
        delayMs: 1500,
        result: attempt(),
      },
      {
        number: 2,
        startedAt: Date.UTC(2026, 0, 1, 12, 0, 2, 500),
        durationMs: 1000,
        exitCode: 0,
        signal: null,
        outcome: 'success',
        reason: '',
        delayMs: null,
        result: attempt({ outcome: 'success' }),
      },
    ],
  };

  test('the report lists every attempt with its timing, exit code, outcome, reason and delay', () => {
    const report = buildReport(result);
    expect(report.attempts[0]).toEqual({
      number: 1,
      'started-at': '2026-01-01T12:00:00.000Z',
      'duration-ms': 1000,
      'exit-code': 1,
      signal: null,
      outcome: 'failure',
      reason: 'exit code 1',
      'delay-ms': 1500,
    });
    expect(report['attempt-count']).toBe(2);
  });

  test('the summary has a timeline table and the verdict', () => {
    const markdown = buildSummary(result, 'npm ci').render();
    expect(markdown).toContain(
      '| Attempt | Started (UTC) | Duration | Exit code | Outcome | Reason | Delay before next |',
    );
    expect(markdown).toContain('| 1 | 12:00:00.000 | 1s | 1 | ❌ failure | exit code 1 | 1.5s |');
    expect(markdown).toContain('Succeeded on attempt 2');
    expect(timelineText(result)).toContain('Succeeded on attempt 2');
  });

  test('secrets in reasons are redacted in the summary', () => {
    const leaky = {
      ...result,
      attempts: [
        { ...result.attempts[0]!, reason: 'output matched ghp_abcdefghijklmnopqrstuvwxyz0123456789' },
      ],
    };
    expect(buildSummary(leaky, 'x').render()).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
  });
});
