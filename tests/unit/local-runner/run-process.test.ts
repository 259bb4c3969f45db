import { describe, expect, jest, test } from '@jest/globals';
import { runLocalAction } from '@qeml/local-runner';
import { fixture } from './fixture-paths';

const FAST_KILL = { cancelGraceMs: 100, killGraceMs: 100 };

describe('runLocalAction: process control', () => {
  test('an AbortSignal cancels the step: SIGINT, then SIGTERM when ignored; outcome cancelled', async () => {
    const controller = new AbortController();
    const result = await runLocalAction({
      action: fixture('sleeper'),
      signal: controller.signal,
      ...FAST_KILL,
      echo: (line) => {
        if (line === 'ready') controller.abort();
      },
    });
    expect(result.outcome).toBe('cancelled');
    expect(result.exitCode).not.toBe(0);
    expect(result.phases[0]).toMatchObject({ name: 'main', outcome: 'cancelled', signal: 'SIGTERM' });
    expect(result.log).toContain('got SIGINT, ignoring it');
    // post-if defaults to always(): the post of a cancelled step still runs, as on GitHub
    expect(result.phases[1]).toMatchObject({ name: 'post', outcome: 'success' });
    expect(result.log).toContain('sleeper post ran');
  });

  test('a signal aborted before the start runs nothing and reports cancelled', async () => {
    const result = await runLocalAction({ action: fixture('full'), signal: AbortSignal.abort() });
    expect(result.outcome).toBe('cancelled');
    expect(result.phases).toEqual([]);
  });

  test('timeoutMs kills the phase and fails the step', async () => {
    const result = await runLocalAction({ action: fixture('sleeper'), timeoutMs: 300, ...FAST_KILL });
    expect(result.outcome).toBe('failure');
    expect(result.phases[0]).toMatchObject({ timedOut: true, outcome: 'failure' });
    expect(result.annotations).toContainEqual({
      level: 'error',
      message: "The action's main phase has timed out after 300 ms.",
    });
  });

  test('measurePeakRss reports a plausible peak for each phase', async () => {
    const result = await runLocalAction({ action: fixture('hello'), measurePeakRss: true });
    expect(result.outcome).toBe('success');
    expect(result.peakRssBytes).toBeGreaterThan(32 * 1024 * 1024);
    expect(result.peakRssBytes).toBeLessThan(2 * 1024 * 1024 * 1024);
    expect(result.phases[0]?.peakRssBytes).toBe(result.peakRssBytes);
    expect(result.log).not.toMatch(/peak-rss/);
  });

  test('passthrough forwards raw output without parsing; file commands are still collected', async () => {
    const written: string[] = [];
    const capture = (chunk: unknown) => {
      written.push(String(chunk));
      return true;
    };
    const stdout = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation(capture as typeof process.stdout.write);
    const stderr = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation(capture as typeof process.stderr.write);
    try {
      const result = await runLocalAction({ action: fixture('full'), phases: ['main'], passthrough: true });
      expect(result.outputs.greeting).toBe('hello world');
      expect(result.log).not.toContain('main-env'); // only local-runner's own notes are logged
      const commands = await runLocalAction({ action: fixture('commands'), passthrough: true });
      expect(commands.annotations).toEqual([]);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    const raw = written.join('');
    expect(raw).toContain('main-env ');
    expect(raw).toContain('::add-mask::hunter2');
    expect(raw).toContain('after mask: hunter2');
    expect(raw).toContain('::warning::from stderr');
    // local-runner's own warnings reach the real runner as commands
    expect(raw).toContain("::warning::Input 'unknown': expression");
  });

  test('a node binary that cannot start gives a clear error', async () => {
    await expect(runLocalAction({ action: fixture('hello'), node: '/nonexistent/node' })).rejects.toThrow(
      "Cannot run node binary '/nonexistent/node'",
    );
  });

  test('options are validated with messages naming the option', async () => {
    await expect(runLocalAction({ action: fixture('hello'), timeoutMs: -1 })).rejects.toThrow(
      "'timeoutMs' must be an integer >= 1",
    );
    await expect(runLocalAction({ action: fixture('hello'), phases: ['later' as 'main'] })).rejects.toThrow(
      "'phases' has 'later'",
    );
  });
});

const node24 = process.env.QEML_NODE24;
(node24 ? test : test.skip)('runs a fixture under the Node 24 binary from QEML_NODE24', async () => {
  const result = await runLocalAction({ action: fixture('hello'), node: node24, inputs: { who: 'node24' } });
  expect(result.outcome).toBe('success');
  expect(result.outputs['node-version']).toMatch(/^v24\./);
  expect(result.log).toContain('hello node24 from node v24.');
});
