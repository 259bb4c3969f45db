import { describe, expect, test } from '@jest/globals';
import { ConfigurationError } from '@qeml/action-kit';
import { readRetryConfig } from '@qeml/retry';

const read = (inputs: Record<string, string>) => readRetryConfig((name) => inputs[name]);

async function problems(inputs: Record<string, string>): Promise<readonly string[]> {
  try {
    await read(inputs);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).problems;
  }
  throw new Error('expected a ConfigurationError');
}

describe('retry inputs', () => {
  test('defaults: 3 attempts, exponential from 10s to 5m, factor 2, full jitter, retry on any failure', async () => {
    const config = await read({ run: 'make' });
    expect(config.plan).toMatchObject({
      maxAttempts: 3,
      backoff: {
        strategy: 'exponential',
        initialDelayMs: 10_000,
        maxDelayMs: 300_000,
        factor: 2,
        jitter: 'full',
      },
      retryOnError: true,
      retryOnTimeout: true,
      retryOnExitCodes: [],
    });
    expect(config.killGraceMs).toBe(10_000);
    expect(config.plan.timeoutMs).toBeUndefined();
  });

  test('a delay of 0 stays 0', async () => {
    expect((await read({ run: 'x', delay: '0' })).plan.backoff.initialDelayMs).toBe(0);
  });

  test('run keeps its inner whitespace', async () => {
    const config = await read({ run: '  line one\n\n    indented\n' });
    expect(config.task).toEqual({ kind: 'command', script: '  line one\n\n    indented\n' });
  });

  test('uses + with become an action task with string inputs', async () => {
    const config = await read({ uses: 'owner/repo/sub@v1', with: 'name: x\ncount: 3\nflag: true' });
    expect(config.task).toEqual({
      kind: 'action',
      uses: 'owner/repo/sub@v1',
      with: { name: 'x', count: '3', flag: 'true' },
    });
  });

  test('retry-on and retry-on-exit-codes are lists', async () => {
    const config = await read({ run: 'x', 'retry-on': 'timeout', 'retry-on-exit-codes': '1, 75\n128' });
    expect(config.plan.retryOnError).toBe(false);
    expect(config.plan.retryOnTimeout).toBe(true);
    expect(config.plan.retryOnExitCodes).toEqual([1, 75, 128]);
  });

  test.each([
    [{ run: 'x', 'max-attempts': '-1' }, 'max-attempts'],
    [{ run: 'x', 'max-attempts': '0' }, 'max-attempts'],
    [{ run: 'x', timeout: '5 minutes' }, 'timeout'],
    [{ run: 'x', shell: 'fish' }, 'shell'],
    [{ run: 'x', shell: 'bash -e' }, 'shell'],
    [{ run: '   \n ' }, 'run'],
    [{}, 'run'],
    [{ run: 'x', 'retry-on-output': 'ok\n(unclosed' }, 'retry-on-output'],
    [{ run: 'x', 'stop-on-output': '[z-a]' }, 'stop-on-output'],
    [{ run: 'x', 'retry-on': 'errors' }, 'retry-on'],
    [{ run: 'x', 'retry-on-exit-codes': '1, two' }, 'retry-on-exit-codes'],
    [{ run: 'x', backoff: 'fibonacci' }, 'backoff'],
    [{ run: 'x', jitter: 'half' }, 'jitter'],
    [{ run: 'x', delay: '-1s' }, 'delay'],
    [{ run: 'x', factor: '0.5' }, 'factor'],
    [{ run: 'x', uses: 'a/b@v1' }, 'run'],
    [{ uses: 'a/b@v1', with: 'nested: {a: 1}' }, 'with'],
    [{ uses: 'a/b@v1', 'retry-on-output': 'x' }, 'retry-on-output'],
  ])('%j is refused with one problem naming %s', async (inputs, name) => {
    const found = await problems(inputs as Record<string, string>);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`'${name}'`);
  });

  test('several bad inputs are reported together', async () => {
    expect(await problems({ run: 'x', 'max-attempts': 'many', shell: 'fish' })).toHaveLength(2);
  });
});
