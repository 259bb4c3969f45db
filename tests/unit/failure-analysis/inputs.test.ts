/** The failure-analysis inputs: defaults, the run to analyse (input, workflow_run event, this run), one clear error per mistake. */
import { describe, expect, test } from '@jest/globals';
import { type RunContext, readFailureAnalysisConfig } from '@qeml/failure-analysis';

const source = (inputs: Record<string, string>) => (name: string) => inputs[name];
const here: RunContext = { repository: 'octo/app', runId: '42', eventName: 'push' };
const read = (inputs: Record<string, string>, context: RunContext = here) =>
  readFailureAnalysisConfig(context, source({ 'github-token': 'ghs_x', ...inputs }));

describe('failure-analysis inputs', () => {
  test('defaults: this run, read-only, the default ladder, 3 attempts, 30 s first delay', async () => {
    const config = await read({});
    expect(config).toMatchObject({
      target: { kind: 'run', owner: 'octo', repo: 'app', runId: 42, self: true },
      heal: false,
      escalate: 'none',
      maxAttempts: 3,
      rerunDelayMs: 30_000,
      ladder: ['rerun', 'rerun-clean-cache', 'fallback'],
      fallbackInputs: {},
    });
  });

  test('a workflow_run event: its run and attempt, from its repository', async () => {
    const config = await read(
      {},
      {
        ...here,
        eventName: 'workflow_run',
        event: { workflow_run: { id: 7, run_attempt: 2, repository: { full_name: 'octo/lib' } } },
      },
    );
    expect(config.target).toEqual({
      kind: 'run',
      owner: 'octo',
      repo: 'lib',
      runId: 7,
      attempt: 2,
      self: false,
    });
  });

  test('a workflow_run event without its run (payload unreadable): one error, never this run instead', async () => {
    for (const event of [undefined, {}, { workflow_run: { id: 'x' } }]) {
      await expect(read({}, { ...here, eventName: 'workflow_run', event })).rejects.toThrow(
        /workflow_run event[\s\S]*GITHUB_EVENT_PATH[\s\S]*input 'run-id'/,
      );
    }
  });

  test('run-id wins over the event; fallback-inputs become strings', async () => {
    const config = await read(
      { 'run-id': '99', 'fallback-inputs': 'deps: minimal\npython: 3.9' },
      { ...here, eventName: 'workflow_run', event: { workflow_run: { id: 7 } } },
    );
    expect(config.target).toMatchObject({ runId: 99, self: false });
    expect(config.fallbackInputs).toEqual({ deps: 'minimal', python: '3.9' });
  });

  test('log-files: local files, and what needs a run is refused with them', async () => {
    expect((await read({ 'log-files': 'logs/*.log' })).target).toEqual({
      kind: 'files',
      globs: ['logs/*.log'],
    });
    await expect(read({ 'log-files': 'a.log', heal: 'true', escalate: 'issue' })).rejects.toThrow(
      /Input 'heal' needs a run[\s\S]*Input 'escalate: issue' needs a run/,
    );
  });

  test('every mistake named at once', async () => {
    const error = await read({
      ladder: 'rerun, reboot',
      'max-attempts': '0',
      escalate: 'email',
      repository: 'octo',
    }).catch((e: Error) => e);
    expect(String(error)).toMatch(/max-attempts/);
    expect(String(error)).toMatch(/escalate/);
  });

  test('an unknown rung and a bad repository are named', async () => {
    await expect(read({ ladder: 'rerun, reboot' })).rejects.toThrow(
      /Input 'ladder' got "rerun, reboot": expected rungs from rerun, rerun-clean-cache, fallback/,
    );
    await expect(read({ repository: 'octo' })).rejects.toThrow(
      /Input 'repository' got "octo": expected owner\/name/,
    );
    await expect(read({ 'github-token': '' })).rejects.toThrow(/Input 'github-token' is empty/);
  });
});
