import { describe, expect, test } from '@jest/globals';
import { runLocalAction } from '@qeml/local-runner';
import { fixture } from './fixture-paths';

describe('runLocalAction: stdout commands', () => {
  test('annotations carry every property, unescaped, with masks applied to messages', async () => {
    const result = await runLocalAction({ action: fixture('commands') });
    expect(result.annotations).toContainEqual({
      level: 'error',
      message: 'Broken\nhere % ***',
      file: 'src/a.ts',
      line: 3,
      endLine: 5, // col 7-9 are dropped: columns need a single line (ActionCommandManager.cs)
      title: 'Bad: thing, really',
    });
    expect(result.annotations).toContainEqual({
      level: 'warning',
      message: 'Careful',
      file: 'b.py',
      line: 1,
    });
    expect(result.annotations).toContainEqual({ level: 'notice', message: 'Just so you know', title: 'FYI' });
    expect(result.annotations).toContainEqual({ level: 'notice', message: 'indented command' });
    expect(result.annotations).toContainEqual({ level: 'warning', message: 'from stderr' });
  });

  test('masks apply from the moment they are registered, each line of a multi-line mask', async () => {
    const result = await runLocalAction({ action: fixture('commands') });
    const lines = result.log.split('\n');
    expect(lines).toContain('before mask: hunter2');
    expect(lines).toContain('after mask: ***');
    expect(lines).toContain('multi: *** and ***');
    // The whole value and each line, and a stop-commands token longer than 6 characters.
    expect(result.masks).toEqual([
      'hunter2',
      'first-line\nsecond-line',
      'first-line',
      'second-line',
      'pause-token-1',
    ]);
    expect(result.log).not.toContain('::add-mask::');
  });

  test('stop-commands: commands in between are plain text until the token resumes them', async () => {
    const result = await runLocalAction({ action: fixture('commands') });
    expect(result.log.split('\n')).toContain('::error::not an annotation while stopped');
    expect(result.annotations.map((a) => a.message)).not.toContain('not an annotation while stopped');
    expect(result.annotations).toContainEqual({ level: 'warning', message: 'after resume' });
  });

  test('the log renders commands as the runner raw log does and keeps unknown ones as text', async () => {
    const { log } = await runLocalAction({ action: fixture('commands') });
    const lines = log.split('\n');
    for (const line of [
      '##[warning]Careful',
      '##[debug]debugging details',
      '##[group]My group',
      'inside group',
    ]) {
      expect(lines).toContain(line);
    }
    expect(lines).toContain('##[endgroup]');
    expect(lines).toContain('::unknown-command::kept as text');
  });

  test('deprecated set-output / save-state still work, with a deprecation warning', async () => {
    const result = await runLocalAction({ action: fixture('commands') });
    expect(result.outcome).toBe('success');
    expect(result.outputs).toEqual({ legacy: 'old-style' });
    expect(result.state).toEqual({ legacy_state: 'kept' });
    expect(result.annotations.map((a) => a.message)).toContainEqual(
      expect.stringContaining('The `set-output` command is deprecated'),
    );
  });
});

describe('runLocalAction: failures', () => {
  test('exit 1 with ::error fails the step; post-if failure() runs the post', async () => {
    const result = await runLocalAction({ action: fixture('fail') });
    expect(result.outcome).toBe('failure');
    expect(result.exitCode).toBe(1);
    expect(result.annotations).toEqual([
      { level: 'error', message: 'Something broke', file: 'src/app.ts', line: 12 },
    ]);
    expect(result.phases.map((phase) => [phase.name, phase.exitCode, phase.outcome])).toEqual([
      ['main', 1, 'failure'],
      ['post', 0, 'success'],
    ]);
    expect(result.log).toContain('cleanup after failure');
  });

  test('a heredoc without its delimiter fails the step although the process exits 0', async () => {
    const result = await runLocalAction({ action: fixture('bad-heredoc') });
    expect(result.outcome).toBe('failure');
    expect(result.exitCode).toBe(1);
    expect(result.phases[0]?.exitCode).toBe(0);
    expect(result.annotations).toContainEqual({
      level: 'error',
      message:
        "Unable to process file command 'output' successfully: Invalid value. Matching delimiter not found 'DELIM_123'",
    });
  });
});

describe('runLocalAction: streaming output', () => {
  test('a few MB stream through; commands after the cap are still parsed and masks still apply', async () => {
    const lines: string[] = [];
    const result = await runLocalAction({
      action: fixture('stream'),
      inputs: { megabytes: '6' },
      maxLogBytes: 256 * 1024,
      echo: (line) => {
        if (!line.startsWith('xxxxxxxxxx')) lines.push(line);
      },
    });
    expect(result.outcome).toBe('success');
    expect(result.annotations).toEqual([{ level: 'notice', message: 'stream done' }]);
    expect(result.masks).toEqual(['xxxxxxxxxx-secret']);
    expect(lines).toContain('visible ***');
    expect(Buffer.byteLength(result.log)).toBeLessThan(256 * 1024 + 1024);
    expect(result.log).toMatch(/log capture limit of 262144 bytes reached; \d+ more lines/);
  });

  test('without a cap hit, the whole stream is in the log', async () => {
    const result = await runLocalAction({ action: fixture('stream'), inputs: { megabytes: '2' } });
    const lines = result.log.split('\n');
    expect(lines.filter((line) => line.length === 99)).toHaveLength(20_000);
    expect(lines).toContain('visible ***');
  });
});
