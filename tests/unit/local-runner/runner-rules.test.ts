import { describe, expect, test } from '@jest/globals';
import { runLocalAction } from '@qeml/local-runner';
import { fixture } from './fixture-paths';

const run = (mode: string) => runLocalAction({ action: fixture('edge-cases'), inputs: { mode } });

describe('runLocalAction: runner rules', () => {
  test('a failing pre skips main, and post when its post-if wants success; its exit code is the step exit code', async () => {
    const result = await run('pre-fails');
    expect(result.outcome).toBe('failure');
    expect(result.exitCode).toBe(2);
    expect(result.phases.map((phase) => phase.name)).toEqual(['pre']);
    expect(result.annotations).toEqual([{ level: 'error', message: 'pre failed' }]);
  });

  test('post-if success() || cancelled() skips the post after a failed main', async () => {
    const result = await run('main-fails');
    expect(result.exitCode).toBe(3);
    expect(result.phases.map((phase) => [phase.name, phase.outcome])).toEqual([
      ['pre', 'success'],
      ['main', 'failure'],
    ]);
  });

  test('a summary over 1 MiB is refused with an error that does not fail the step (FileCommandManager.cs)', async () => {
    const result = await run('big-summary');
    expect(result.outcome).toBe('success');
    expect(result.summary).toBe('');
    expect(result.annotations).toContainEqual({
      level: 'error',
      message: '$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of 1024k, got 1025k.',
    });
  });

  test('NODE_OPTIONS cannot be set through GITHUB_ENV; other variables still are', async () => {
    const result = await run('node-options');
    expect(result.env).toEqual({ KEPT: '1' });
    expect(result.log).toContain('post ran (node-options) NODE_OPTIONS= KEPT=1');
    expect(result.annotations.map((a) => a.message)).toContain(
      "Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command.",
    );
  });

  test('the disabled set-env command fails the step with an error', async () => {
    const result = await run('set-env');
    expect(result.outcome).toBe('failure');
    expect(result.exitCode).toBe(1);
    expect(result.annotations[0]?.message).toMatch(/^The `set-env` command is disabled/);
  });
});
