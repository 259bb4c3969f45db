import { EOL } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { createRunner, type RunnerOptions } from '@qeml/action-kit';
import { parseFileCommands, parseWorkflowCommand } from '@qeml/runner-protocol';
import { fakeStep } from '../../support/runner-fake';
import { withTempDir } from '../../support/temp';

/** A runner over fresh file-command files in `dir`, collecting stdout lines and exit codes. */
async function stepIn(dir: string, extra: RunnerOptions = {}) {
  const step = fakeStep({}, extra, dir);
  const lines = () => step.stdout().split(EOL).slice(0, -1);
  return { env: step.env, runner: step.runner, read: step.file, lines, exitCodes: step.exitCodes };
}

const MULTI_LINE = 'first line\nsecond = line\r\nthird<<EOF\n\n%0A stays literal';

describe('file commands', () => {
  test('outputs, env and state read back as written, multi-line and tricky values included', () =>
    withTempDir(async (dir) => {
      const step = await stepIn(dir);
      step.runner.setOutput('plain', 'value');
      step.runner.setOutput('multi', MULTI_LINE);
      step.runner.setOutput('empty', '');
      step.runner.exportVariable('QEML_MODE', MULTI_LINE);
      step.runner.saveState('cleanup-pid', '4242');
      expect(parseFileCommands(await step.read('GITHUB_OUTPUT'), 'GITHUB_OUTPUT')).toEqual({
        plain: 'value',
        multi: MULTI_LINE,
        empty: '',
      });
      expect(parseFileCommands(await step.read('GITHUB_ENV'), 'GITHUB_ENV')).toEqual({
        QEML_MODE: MULTI_LINE,
      });
      expect(parseFileCommands(await step.read('GITHUB_STATE'), 'GITHUB_STATE')).toEqual({
        'cleanup-pid': '4242',
      });
      expect(step.lines()).toEqual([]);
    }));

  test('exportVariable also sets the variable for this process; addPath prepends to PATH', () =>
    withTempDir(async (dir) => {
      const step = await stepIn(dir);
      step.runner.exportVariable('QEML_FLAG', 'on');
      step.runner.addPath('/opt/tool/bin');
      step.runner.addPath('/opt/other/bin');
      expect(step.env.QEML_FLAG).toBe('on');
      expect(step.env.PATH).toBe(['/opt/other/bin', '/opt/tool/bin', '/usr/bin'].join(delimiter));
      expect((await step.read('GITHUB_PATH')).split(EOL)).toEqual(['/opt/tool/bin', '/opt/other/bin', '']);
    }));

  test('getState reads STATE_<name> from the environment', () =>
    withTempDir(async (dir) => {
      const step = await stepIn(dir);
      step.env['STATE_cleanup-pid'] = '4242';
      expect(step.runner.getState('cleanup-pid')).toBe('4242');
      expect(step.runner.getState('missing')).toBe('');
    }));

  test('a value holding the heredoc delimiter is refused, nothing is written', () =>
    withTempDir(async (dir) => {
      const step = await stepIn(dir, { newId: () => 'fixed' });
      expect(() => step.runner.setOutput('x', 'before\nghadelimiter_fixed\nafter')).toThrow(
        'value should not contain the delimiter "ghadelimiter_fixed"',
      );
      expect(() => step.runner.exportVariable('ghadelimiter_fixed', 'v')).toThrow(
        'name should not contain the delimiter',
      );
      expect(await step.read('GITHUB_OUTPUT')).toBe('');
    }));

  test('a file variable pointing at a missing file fails loudly instead of creating it', () =>
    withTempDir(async (dir) => {
      const step = await stepIn(dir);
      step.env.GITHUB_OUTPUT = join(dir, 'gone');
      expect(() => step.runner.setOutput('a', 'b')).toThrow(/Missing file at path: .*gone/);
    }));

  test('without the file variables (an old runner) the legacy stdout commands are used', () => {
    const stdout: string[] = [];
    const env: NodeJS.ProcessEnv = { PATH: '/usr/bin' };
    const runner = createRunner({ env, write: (text) => stdout.push(text) });
    runner.setOutput('multi', 'a\nb');
    runner.exportVariable('NAME', 'v,1');
    runner.addPath('/opt/bin');
    runner.saveState('s', '%');
    const commands = stdout
      .join('')
      .split(EOL)
      .filter((line) => line !== '')
      .map(parseWorkflowCommand);
    expect(commands).toEqual([
      { name: 'set-output', properties: { name: 'multi' }, message: 'a\nb' },
      { name: 'set-env', properties: { name: 'NAME' }, message: 'v,1' },
      { name: 'add-path', properties: {}, message: '/opt/bin' },
      { name: 'save-state', properties: { name: 's' }, message: '%' },
    ]);
    expect(env.NAME).toBe('v,1');
    expect(env.PATH).toBe(['/opt/bin', '/usr/bin'].join(delimiter));
  });
});

describe('job summary', () => {
  test('addRaw buffers, write appends to GITHUB_STEP_SUMMARY (or overwrites) and empties the buffer', () =>
    withTempDir(async (dir) => {
      const step = await stepIn(dir);
      await step.runner.summary.addRaw('## First', true).write();
      await step.runner.summary.addRaw('second\n').write();
      expect(await step.read('GITHUB_STEP_SUMMARY')).toBe(`## First${EOL}second\n`);
      await step.runner.summary.addRaw('only this').write({ overwrite: true });
      expect(await step.read('GITHUB_STEP_SUMMARY')).toBe('only this');
    }));

  test('writing without GITHUB_STEP_SUMMARY says the runner lacks job summaries', async () => {
    const runner = createRunner({ env: {}, write: () => {} });
    await expect(runner.summary.addRaw('x').write()).rejects.toThrow(/\$GITHUB_STEP_SUMMARY/);
  });
});

describe('workflow commands on stdout', () => {
  test('annotations carry their properties under the runner names, escaped both ways', () =>
    withTempDir(async (dir) => {
      const step = await stepIn(dir);
      const title = 'a: b, c % d\r\ne';
      step.runner.error('broke\nat 100%', {
        file: 'src/a,b.ts',
        startLine: 3,
        endLine: 4,
        startColumn: 5,
        endColumn: 9,
        title,
      });
      step.runner.warning('careful');
      step.runner.notice('fyi', { title: '' });
      expect(step.lines().map(parseWorkflowCommand)).toEqual([
        {
          name: 'error',
          properties: { title, file: 'src/a,b.ts', line: '3', endline: '4', col: '5', endcolumn: '9' },
          message: 'broke\nat 100%',
        },
        { name: 'warning', properties: {}, message: 'careful' },
        { name: 'notice', properties: {}, message: 'fyi' },
      ]);
    }));

  test('debug, groups, masks and info lines', () =>
    withTempDir(async (dir) => {
      const step = await stepIn(dir);
      step.runner.startGroup('Attempt 1 of 3');
      step.runner.debug('detail: 50%');
      step.runner.setSecret('s3cr3t\nline2');
      step.runner.info('plain text, 50%');
      step.runner.endGroup();
      const lines = step.lines();
      expect(lines[3]).toBe('plain text, 50%');
      expect([0, 1, 2, 4].map((i) => parseWorkflowCommand(lines[i]!))).toEqual([
        { name: 'group', properties: {}, message: 'Attempt 1 of 3' },
        { name: 'debug', properties: {}, message: 'detail: 50%' },
        { name: 'add-mask', properties: {}, message: 's3cr3t\nline2' },
        { name: 'endgroup', properties: {}, message: '' },
      ]);
    }));

  test('setFailed is an error annotation and exit code 1', () =>
    withTempDir(async (dir) => {
      const step = await stepIn(dir);
      step.runner.setFailed('3 attempts failed');
      expect(step.lines()).toEqual(['::error::3 attempts failed']);
      expect(step.exitCodes).toEqual([1]);
    }));

  test('isDebug follows RUNNER_DEBUG', () => {
    expect(createRunner({ env: { RUNNER_DEBUG: '1' } }).isDebug()).toBe(true);
    expect(createRunner({ env: {} }).isDebug()).toBe(false);
  });
});
