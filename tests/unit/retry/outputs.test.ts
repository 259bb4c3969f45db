/** outputs.ts: the successful attempt's file commands become the step's, then the action's own outputs. */
import { describe, expect, test } from '@jest/globals';
import { commitFinalAttempt, type RetryResult, setRetryOutputs } from '@qeml/retry';
import { RecordingLogger } from '../../support/recording-logger';
import { fakeStep } from '../../support/runner-fake';
import { attempt } from './helpers';

function healedResult(files: Partial<ReturnType<typeof attempt>['files']> = {}): RetryResult {
  const succeeded = attempt({
    outcome: 'success',
    files: { GITHUB_OUTPUT: '', GITHUB_ENV: '', GITHUB_PATH: '', ...files },
  });
  const record = (number: number, result: ReturnType<typeof attempt>) => ({
    number,
    startedAt: Date.UTC(2026, 0, 1, 12, 0, number),
    durationMs: 200,
    exitCode: result.exitCode,
    signal: null,
    outcome: result.outcome,
    reason: result.reason,
    delayMs: number === 1 ? 1000 : null,
    result,
  });
  return {
    outcome: 'success',
    startedAt: Date.UTC(2026, 0, 1, 12, 0, 1),
    durationMs: 1400,
    exitCode: 0,
    reason: 'exit code 1',
    finalBecause: '',
    attempts: [record(1, attempt()), record(2, succeeded)],
    successful: succeeded,
  };
}

describe('the step after a retry', () => {
  test("the successful attempt's outputs, env and path are the step's, and its output names are returned", async () => {
    const step = fakeStep();
    const logger = new RecordingLogger();
    const names = await commitFinalAttempt(
      healedResult({
        GITHUB_OUTPUT: 'version=1.4.2\nnotes<<EOF\na\nb\nEOF\n',
        GITHUB_ENV: 'TOOL_HOME=/opt/tool\n',
        GITHUB_PATH: '/opt/tool/bin\n',
      }),
      logger,
      step.env,
    );
    expect(names).toEqual(['version', 'notes']);
    expect(await step.outputs()).toEqual({ version: '1.4.2', notes: 'a\nb' });
    expect(await step.exportedEnv()).toEqual({ TOOL_HOME: '/opt/tool' });
    expect(await step.path()).toEqual(['/opt/tool/bin']);
    expect(logger.calls).toEqual([]);
  });

  test('a malformed $GITHUB_OUTPUT is dropped with a warning instead of swallowing the outputs after it', async () => {
    const step = fakeStep();
    const logger = new RecordingLogger();
    const names = await commitFinalAttempt(
      healedResult({ GITHUB_OUTPUT: 'broken<<EOF\nnever closed\n', GITHUB_ENV: 'KEPT=yes\n' }),
      logger,
      step.env,
    );
    setRetryOutputs(step.runner, healedResult(), logger, names);
    expect(names).toEqual([]);
    expect(await step.exportedEnv()).toEqual({ KEPT: 'yes' });
    expect((await step.outputs()).attempts).toBe('2');
    expect(logger.messages('warning')).toEqual([
      expect.stringMatching(/^The command wrote a malformed \$GITHUB_OUTPUT, which is dropped: .*EOF/),
    ]);
  });

  test("the action's six outputs come last, so they win a name clash, with a warning", async () => {
    const step = fakeStep();
    const logger = new RecordingLogger();
    const result = healedResult({ GITHUB_OUTPUT: 'attempts=mine\nversion=1\n' });
    const names = await commitFinalAttempt(result, logger, step.env);
    setRetryOutputs(step.runner, result, logger, names);
    const outputs = await step.outputs();
    expect(outputs).toMatchObject({
      attempts: '2',
      'exit-code': '0',
      outcome: 'success',
      'duration-ms': '1400',
      reason: 'exit code 1',
      version: '1',
    });
    expect(JSON.parse(outputs.report ?? '{}')).toMatchObject({ outcome: 'success', 'attempt-count': 2 });
    expect(logger.messages('warning')).toEqual([
      "The command set output(s) attempts, which the retry action sets itself; the retry action's values win.",
    ]);
    expect(step.commands()).toEqual([]);
  });

  test('secrets in the reason are redacted in the reason and report outputs', async () => {
    const step = fakeStep();
    const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    setRetryOutputs(
      step.runner,
      { ...healedResult(), reason: `output matched ${token}` },
      new RecordingLogger(),
    );
    const outputs = await step.outputs();
    expect(outputs.reason).not.toContain(token);
    expect(outputs.report).not.toContain(token);
  });
});
