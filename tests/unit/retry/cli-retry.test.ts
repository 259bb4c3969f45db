/** `qeml retry`: the engine from a terminal, options mirroring the action's inputs. */
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { retryCommand, retryInputs } from '../../../packages/cli/src/commands/retry';
import { captureIO } from '../../support/cli';
import { childEnv } from '../../support/run-temp';
import { tempDirForFile } from '../../support/temp';

const work = tempDirForFile('qeml-retry-cli-');

const io = () => captureIO(work, childEnv({ RUNNER_TEMP: work }));

describe('qeml retry', () => {
  test('options become inputs and the words after -- the command, quoted for bash', () => {
    expect(
      retryInputs([
        '--max-attempts',
        '5',
        '--retry-on-output',
        'a',
        '--retry-on-output',
        'b,c',
        '--',
        'echo',
        "it's",
        'x y',
      ]),
    ).toEqual({ 'max-attempts': '5', 'retry-on-output': 'a\nb,c', run: `echo 'it'\\''s' 'x y'` });
    expect(() => retryInputs(['--max-attempts', '5'])).toThrow(/after --/);
  });

  test('a flaky command heals; the timeline is printed; exit 0', async () => {
    const t = io();
    const counter = path.join(work, 'count');
    const code = await retryCommand.run(
      [
        '--delay',
        '0',
        '--max-attempts',
        '4',
        '--',
        'bash',
        '-c',
        `echo x >> ${counter}; test $(wc -l < ${counter}) -ge 2`,
      ],
      t,
    );
    expect(code).toBe(0);
    expect(t.out()).toContain('▸ Attempt 2 of 4');
    expect(t.err()).toContain('Succeeded on attempt 2');
    expect(t.err()).toMatch(/Attempt\s+Started \(UTC\)\s+Duration\s+Exit code/);
  });

  test("the exit code is the last attempt's", async () => {
    const t = io();
    expect(
      await retryCommand.run(['--delay', '0', '--max-attempts', '2', '--', 'bash', '-c', 'exit 7'], t),
    ).toBe(7);
    expect(t.err()).toContain('Failed after 2 attempts');
  });

  test('a bad option value is a usage error naming the option', async () => {
    await expect(retryCommand.run(['--timeout', '5 minutes', '--', 'true'], io())).rejects.toThrow(
      /--timeout/,
    );
  });
});

describe('qeml retry: what comes after --', () => {
  test('one word is the script as written for the shell', async () => {
    const t = io();
    expect(await retryCommand.run(['--max-attempts', '1', '--', 'echo a && echo b'], t)).toBe(0);
    expect(t.out()).toMatch(/a\nb\n/);
  });

  test('with another shell the one word is its code, not bash-quoted', async () => {
    const t = io();
    const code = await retryCommand.run(
      ['--max-attempts', '1', '--shell', 'node {0}', '--', "console.log('hi from ' + 'node')"],
      t,
    );
    expect(code).toBe(0);
    expect(t.out()).toContain('hi from node');
  });

  test('several words with a shell that cannot read bash quoting is a usage error saying what to do', () => {
    expect(() => retryInputs(['--shell', 'python', '--', 'print(1)', 'x'])).toThrow(
      /with --shell python, give the script as one argument after -- \(quote it\)/,
    );
    expect(retryInputs(['--shell', 'sh', '--', 'printf', '%s', 'a b']).run).toBe(
      `printf % 'a b'`.replace('% ', '%s '),
    );
  });
});
