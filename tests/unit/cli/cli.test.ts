import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { QEML_VERSION } from '@qeml/action-kit';
import { type Command, runCli, UsageError } from '@qeml/cli';
import { parseInputs, runCommand } from '../../../packages/cli/src/commands/run';
import { captureIO } from '../../support/cli';
import { withTempDir, writeFiles } from '../../support/temp';

const echoCommand: Command = {
  name: 'echo',
  summary: 'Prints its arguments',
  usage: 'Usage: qeml echo <words...>',
  async run(argv, io) {
    if (argv.length === 0) throw new UsageError('give at least one word');
    io.stdout.write(`${argv.join(' ')}\n`);
    return 0;
  },
};

describe('qeml dispatch', () => {
  test('--version prints the release version', async () => {
    const io = captureIO();
    expect(await runCli(['--version'], io, [echoCommand])).toBe(0);
    expect(io.out()).toBe(`${QEML_VERSION}\n`);
  });

  test('help lists every command with its summary; help <command> shows its usage', async () => {
    const io = captureIO();
    expect(await runCli(['help'], io, [echoCommand])).toBe(0);
    expect(io.out()).toMatch(/echo\s+Prints its arguments/);
    const usage = captureIO();
    expect(await runCli(['help', 'echo'], usage, [echoCommand])).toBe(0);
    expect(usage.out()).toBe('Usage: qeml echo <words...>\n');
    const flag = captureIO();
    expect(await runCli(['echo', '--help'], flag, [echoCommand])).toBe(0);
    expect(flag.out()).toBe(usage.out());
  });

  test('the registered commands include run and demo', async () => {
    const io = captureIO();
    await runCli([], io);
    expect(io.out()).toMatch(/^ {2}run /m);
    expect(io.out()).toMatch(/^ {2}demo /m);
  });

  test('an unknown command or a usage mistake exits 2 with a message on stderr', async () => {
    const unknown = captureIO();
    expect(await runCli(['nope'], unknown, [echoCommand])).toBe(2);
    expect(unknown.err()).toContain('unknown command "nope"');
    const mistake = captureIO();
    expect(await runCli(['echo'], mistake, [echoCommand])).toBe(2);
    expect(mistake.err()).toContain('qeml echo: give at least one word');
    expect(mistake.err()).toContain('Usage: qeml echo');
  });
});

describe('qeml run', () => {
  test('--input takes NAME=VALUE and keeps any later "=" in the value', () => {
    expect(parseInputs(['a=1', 'run=x=y', 'empty='])).toEqual({ a: '1', run: 'x=y', empty: '' });
    expect(() => parseInputs(['novalue'])).toThrow('--input "novalue" must look like NAME=VALUE');
  });

  test('runs an action folder and prints its log, outputs, annotations and summary; exit code = the step', async () => {
    await withTempDir(async (dir) => {
      await writeFiles(dir, {
        'hello/action.yml': [
          'name: Hello',
          'description: Greets',
          'inputs:',
          '  who: { description: Whom, default: world }',
          '  fail: { description: Fail?, default: "no" }',
          'runs:',
          '  using: node24',
          '  main: index.mjs',
        ].join('\n'),
        'hello/index.mjs': [
          "import { appendFileSync, readFileSync } from 'node:fs';",
          'const event = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, "utf8"));',
          "console.log('hello ' + process.env.INPUT_WHO + ' from ' + process.env.GITHUB_EVENT_NAME + ' #' + event.number);",
          "appendFileSync(process.env.GITHUB_OUTPUT, 'greeting=hi\\n');",
          "appendFileSync(process.env.GITHUB_STEP_SUMMARY, '### Greeted\\n| who |\\n| --- |\\n');",
          "console.log('::warning file=a.py,line=3::careful');",
          "if (process.env.INPUT_FAIL === 'yes') process.exit(3);",
        ].join('\n'),
        'event.json': '{ "number": 7 }',
      });
      const io = captureIO(dir);
      const args = ['hello', '--input', 'who=you', '--event', 'event.json', '--event-name', 'pull_request'];
      const code = await runCli(['run', ...args, '--api-url', 'http://127.0.0.1:9'], io);
      expect(io.err()).toBe('');
      expect(code).toBe(0);
      expect(io.out()).toContain('hello you from pull_request #7');
      expect(io.out()).toContain('Outputs:\n  greeting=hi');
      expect(io.out()).toContain('Annotations:\n  warning a.py:3: careful');
      expect(io.out()).toContain('Job summary:\n### Greeted\n| who |');
      expect(io.out()).toContain('Step success (exit code 0).');

      const failing = captureIO(dir);
      expect(
        await runCli(['run', 'hello', '--input', 'fail=yes', '--api-url', 'http://127.0.0.1:9'], failing),
      ).toBe(3);
    });
  });

  test('explains a folder without action.yml and an unreadable event file', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'bad.json'), '{');
      const io = captureIO(dir);
      expect(await runCommand.run(['.'], io).catch((e: Error) => e.message)).toMatch(/has no action\.yml/);
      await writeFiles(dir, { 'a/action.yml': 'name: a\nruns:\n  using: node24\n  main: x.js\n' });
      const event = captureIO(dir);
      expect(await runCli(['run', 'a', '--event', 'bad.json'], event)).toBe(2);
      expect(event.err()).toContain('--event');
      expect(event.err()).toContain('is not valid JSON');
    });
  });
});
