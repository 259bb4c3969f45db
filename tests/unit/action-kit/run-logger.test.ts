import { describe, expect, test } from '@jest/globals';
import {
  ConfigurationError,
  createConsoleLogger,
  createRunnerLogger,
  type RunnerLogging,
  type RunnerStatus,
  runAction,
} from '@qeml/action-kit';

function fakeRunner() {
  const calls: { failed: string[]; info: string[] } = { failed: [], info: [] };
  const runner: RunnerStatus = {
    setFailed: (message) => calls.failed.push(message),
    info: (message) => calls.info.push(message),
  };
  const exitCodes: number[] = [];
  return { runner, calls, exitCodes, setExitCode: (code: number) => exitCodes.push(code) };
}

describe('runAction', () => {
  test('success: no failure, exit code untouched', async () => {
    const fake = fakeRunner();
    let ran = false;
    await runAction(async () => {
      ran = true;
    }, fake);
    expect(ran).toBe(true);
    expect(fake.calls.failed).toEqual([]);
    expect(fake.exitCodes).toEqual([]);
  });

  test('a user mistake becomes exactly one failure line and exit code 1, no stack', async () => {
    const fake = fakeRunner();
    await runAction(() => {
      throw new ConfigurationError([
        'Input \'a\' got "x": expected an integer',
        "Input 'b' is required: a value",
      ]);
    }, fake);
    expect(fake.calls.failed).toEqual([
      "Input 'a' got \"x\": expected an integer\nInput 'b' is required: a value",
    ]);
    expect(fake.calls.info).toEqual([]);
    expect(fake.exitCodes).toEqual([1]);
  });

  test('anything else is reported as a bug with its stack', async () => {
    const fake = fakeRunner();
    await runAction(async () => {
      throw new TypeError('cannot read properties of undefined');
    }, fake);
    expect(fake.calls.failed).toHaveLength(1);
    expect(fake.calls.failed[0]).toMatch(/bug in qeml-actions.*cannot read properties of undefined/);
    expect(fake.calls.info.join('\n')).toContain('TypeError: cannot read properties of undefined\n    at ');
    expect(fake.exitCodes).toEqual([1]);
  });

  test('a thrown non-Error is still reported', async () => {
    const fake = fakeRunner();
    await runAction(() => Promise.reject('plain string'), fake);
    expect(fake.calls.failed[0]).toMatch(/bug in qeml-actions.*plain string/);
    expect(fake.exitCodes).toEqual([1]);
  });

  test('secrets in failure messages are redacted', async () => {
    const fake = fakeRunner();
    await runAction(() => {
      throw new ConfigurationError('could not clone https://user:pa55word@example.com/r.git');
    }, fake);
    expect(fake.calls.failed).toEqual(['could not clone https://***@example.com/r.git']);
  });
});

describe('loggers', () => {
  test('runner logger forwards to the runner and wraps groups', async () => {
    const seen: string[] = [];
    const runner: RunnerLogging = {
      debug: (m) => seen.push(`debug ${m}`),
      info: (m) => seen.push(`info ${m}`),
      warning: (m, p) => seen.push(`warning ${m} ${JSON.stringify(p)}`),
      error: (m) => seen.push(`error ${m}`),
      startGroup: (n) => seen.push(`group ${n}`),
      endGroup: () => seen.push('endgroup'),
    };
    const logger = createRunnerLogger(runner);
    const result = await logger.group('Attempt 1', async () => {
      logger.info('hello');
      logger.warning('careful', { file: 'a.ts', startLine: 3 });
      return 42;
    });
    await expect(
      logger.group('failing', async () => {
        throw new Error('x');
      }),
    ).rejects.toThrow('x');
    logger.debug('d');
    logger.error('e');
    expect(result).toBe(42);
    expect(seen).toEqual([
      'group Attempt 1',
      'info hello',
      'warning careful {"file":"a.ts","startLine":3}',
      'endgroup',
      'group failing',
      'endgroup',
      'debug d',
      'error e',
    ]);
  });

  test('console logger renders commands for a person, groups as indented headers', async () => {
    const lines: string[] = [];
    const logger = createConsoleLogger({ write: (line, stream) => lines.push(`${stream}|${line}`) });
    logger.debug('hidden');
    await logger.group('Attempt 1', async () => {
      logger.info('running\nsecond line');
      logger.warning('slow', { file: 'src/a.ts', startLine: 10, startColumn: 2 });
      await logger.group('inner', async () => logger.error('boom'));
    });
    logger.info('after');
    expect(lines).toEqual([
      'stdout|▸ Attempt 1',
      'stdout|  running',
      'stdout|  second line',
      'stderr|  warning src/a.ts:10:2: slow',
      'stdout|  ▸ inner',
      'stderr|    error: boom',
      'stdout|after',
    ]);
    const verbose: string[] = [];
    createConsoleLogger({ verbose: true, write: (line) => verbose.push(line) }).debug('shown');
    expect(verbose).toEqual(['debug: shown']);
  });
});
