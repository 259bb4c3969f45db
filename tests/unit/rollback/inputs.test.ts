/** The rollback action's inputs: defaults, cross-input checks, one message naming each bad input. */
import { describe, expect, test } from '@jest/globals';
import { readRollbackConfig } from '@qeml/rollback';

const read = (inputs: Record<string, string>) =>
  readRollbackConfig((name) => inputs[name], { repository: 'octo/shop' });

describe('readRollbackConfig', () => {
  test('defaults: verify production, 200-299, 3 successes, 2 failures, 3 errors, 5m deadline, production flag from the name', async () => {
    const config = await read({
      'health-urls': 'https://shop.example/health',
      'rollback-command': './rollback.sh',
    });
    expect(config).toMatchObject({
      mode: 'verify',
      owner: 'octo',
      repo: 'shop',
      environment: 'production',
      production: true,
      transient: false,
      requiredContexts: [],
      deadlineMs: 300_000,
      autoRollback: true,
      strategy: 'command',
    });
    expect(config.health).toMatchObject({
      successes: 3,
      failureLimit: 2,
      errorLimit: 3,
      intervalMs: 10_000,
      expectedStatus: [{ from: 200, to: 299 }],
    });
    expect(
      (await read({ 'health-urls': 'https://s/h', 'auto-rollback': 'false', environment: 'staging' }))
        .production,
    ).toBe(false);
  });

  test('every problem in one error, each naming its input', async () => {
    const error = await read({
      mode: 'deploy',
      'health-urls': 'not a url',
      'expected-status': '2xx,700',
      'body-pattern': '(unclosed',
      'canary-steps': '50,25',
      strategy: 'dispatch',
    }).catch((e: Error) => e);
    const message = (error as Error).message;
    for (const line of [
      `Input 'expected-status' got "2xx,700": 700 is not a range of HTTP statuses; expected e.g. 200-299 or 200,204`,
      `Input 'health-urls' got "not a url": expected http(s) URLs, one per line`,
      `Input 'ref' is required for mode deploy`,
      `Input 'deploy-workflow' is required with strategy dispatch`,
      `Input 'canary-steps' got "50,25": expected increasing weights like 10,25,50,100`,
      `Input 'traffic-command' is required with 'canary-steps'`,
    ])
      expect(message).toContain(line);
    expect(message).toContain('Input \'body-pattern\' got "(unclosed"');
  });

  test('a verify-timeout too short for the consecutive successes asked for is refused, naming the inputs', async () => {
    const base = { 'health-urls': 'https://s/h', 'auto-rollback': 'false' };
    await expect(read({ ...base, interval: '3m' })).rejects.toThrow(
      "Input 'verify-timeout' is 5m, but 3 consecutive successes ('successes') every 3m ('interval') need 6m: verification could never pass",
    );
    await expect(read({ ...base, interval: '1m', 'initial-delay': '4m' })).rejects.toThrow(
      /Input 'verify-timeout' is 5m, .* need 6m/,
    );
    // Exactly enough: checks at 0, 2m30s and 5m.
    expect((await read({ ...base, interval: '150s' })).health.intervalMs).toBe(150_000);
  });

  test('environment-url must be an http(s) URL (the link of every status), named in the message', async () => {
    await expect(
      read({ 'health-urls': 'https://s/h', 'auto-rollback': 'false', 'environment-url': 'shop.example' }),
    ).rejects.toThrow(`Input 'environment-url' got "shop.example": expected an http(s) URL`);
  });

  test('a rollback needs a way to roll back and a way to verify it', async () => {
    await expect(read({ mode: 'rollback' })).rejects.toThrow(
      /Input 'health-urls' or input 'health-command' is required for mode rollback/,
    );
    await expect(read({ mode: 'rollback', 'health-urls': 'https://s/h' })).rejects.toThrow(
      /Input 'rollback-command' is required with strategy command/,
    );
  });
});
