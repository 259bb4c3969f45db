/** Verification as a specification: what passes, fails, errors and stays inconclusive, on a virtual clock. */
import { describe, expect, test } from '@jest/globals';
import { type GitHubClient, VirtualClock } from '@qeml/action-kit';
import {
  type HealthSpec,
  ProbeError,
  type ProbeResponse,
  type RollbackDeps,
  verifyHealth,
} from '@qeml/rollback';
import { RecordingLogger } from '../../support/recording-logger';

const OK: ProbeResponse = { status: 200, body: '{"status":"ok"}', latencyMs: 20 };
const DOWN: ProbeResponse = { status: 503, body: '{"status":"down"}', latencyMs: 20 };
const REFUSED = new ProbeError('refused', 'connection refused');

function spec(overrides: Partial<HealthSpec> = {}): HealthSpec {
  return {
    urls: ['http://svc/health'],
    expectedStatus: [{ from: 200, to: 299 }],
    intervalMs: 10_000,
    initialDelayMs: 0,
    successes: 3,
    failureLimit: 2,
    errorLimit: 3,
    timeoutMs: 300_000,
    probeTimeoutMs: 5_000,
    probeRetries: 2,
    ...overrides,
  };
}

/** A probe answering from a script, one entry per call; the last entry repeats. */
function scripted(answers: (ProbeResponse | ProbeError)[]) {
  const calls: string[] = [];
  const probe = async (url: string) => {
    calls.push(url);
    const next = answers.length > 1 ? answers.shift() : answers[0];
    if (next instanceof ProbeError) throw next;
    return next as ProbeResponse;
  };
  return { probe, calls };
}

function deps(
  probe: RollbackDeps['probe'],
  clock = new VirtualClock(0),
): RollbackDeps & { clock: VirtualClock } {
  return {
    clock,
    logger: new RecordingLogger(),
    github: {} as GitHubClient,
    probe,
    commands: async () => ({ ok: true, timedOut: false, exitCode: 0, reason: '' }),
  };
}

describe('verifyHealth', () => {
  test('passes after `successes` consecutive healthy checks, waiting initial-delay then interval between checks', async () => {
    const d = deps(scripted([OK]).probe);
    const result = await verifyHealth(spec({ initialDelayMs: 15_000 }), d, { subject: 'it' });
    expect(result).toMatchObject({
      verdict: 'pass',
      reason: '3 consecutive healthy checks',
      successes: 3,
      failures: 0,
    });
    expect(d.clock.sleeps).toEqual([15_000, 10_000, 10_000]);
    expect(result.checks.map((c) => c.at)).toEqual([15_000, 25_000, 35_000]);
  });

  test('a flapping endpoint never gets enough consecutive successes and fails at the failure limit', async () => {
    const result = await verifyHealth(spec(), deps(scripted([OK, DOWN, OK, DOWN, OK]).probe), {
      subject: 'it',
    });
    expect(result.verdict).toBe('fail');
    expect(result.checks.map((c) => c.outcome)).toEqual(['success', 'failure', 'success', 'failure']);
    expect(result.firstFailureAt).toBe(10_000);
  });

  test('no answer is an error with its own limit; each probe is retried (p-retry) before it counts', async () => {
    const { probe, calls } = scripted([REFUSED]);
    const d = deps(probe);
    const result = await verifyHealth(spec({ failureLimit: 1, errorLimit: 2 }), d, { subject: 'it' });
    expect(result).toMatchObject({ verdict: 'fail', failures: 0, errors: 2 });
    expect(result.reason).toBe(
      '2 checks without an answer reached error-limit 2: http://svc/health: connection refused',
    );
    expect(calls).toHaveLength(6); // 2 checks x (1 + 2 retries)
    expect(d.clock.sleeps).toEqual([500, 500, 10_000, 500, 500]);
  });

  test('a retried probe that then answers counts as that answer', async () => {
    const result = await verifyHealth(spec({ successes: 1 }), deps(scripted([REFUSED, OK]).probe), {
      subject: 'it',
    });
    expect(result).toMatchObject({ verdict: 'pass', errors: 0 });
  });

  test('an empty body when a body condition is set is no data: inconclusive once time is up', async () => {
    const empty: ProbeResponse = { status: 204, body: '', latencyMs: 5 };
    const result = await verifyHealth(
      spec({ jsonPath: 'status', jsonValue: 'ok', timeoutMs: 60_000 }),
      deps(scripted([empty]).probe),
      { subject: 'it' },
    );
    expect(result.verdict).toBe('inconclusive');
    expect(result.reason).toMatch(
      /^no decision within 1m \(7 checks: 0 unhealthy, 0 unanswered, 0 of 3 consecutive healthy\)$/,
    );
  });

  test('the JSON condition and max-latency make a 200 unhealthy', async () => {
    const degraded: ProbeResponse = { status: 200, body: '{"status":"degraded"}', latencyMs: 10 };
    const slow: ProbeResponse = { status: 200, body: '{"status":"ok"}', latencyMs: 900 };
    const result = await verifyHealth(
      spec({ jsonPath: '$.status', jsonValue: 'ok', maxLatencyMs: 500 }),
      deps(scripted([degraded, slow]).probe),
      { subject: 'it' },
    );
    expect(result.checks.map((c) => c.details[0])).toEqual([
      'http://svc/health: $.status is degraded (expected ok)',
      'http://svc/health: status 200 but took 900ms (max-latency 500ms)',
    ]);
  });

  test('a health-command: exit 0 healthy, a failure unhealthy, a timeout an error', async () => {
    const outcomes = [
      { ok: true, timedOut: false, exitCode: 0, reason: '' },
      { ok: false, timedOut: true, exitCode: 143, reason: 'timed out after 5s' },
      { ok: false, timedOut: false, exitCode: 1, reason: 'exit code 1' },
    ];
    const d = deps(scripted([OK]).probe);
    d.commands = async () =>
      outcomes.shift() ?? { ok: false, timedOut: false, exitCode: 1, reason: 'exit code 1' };
    const result = await verifyHealth(spec({ urls: [], command: './check.sh', failureLimit: 2 }), d, {
      subject: 'it',
    });
    expect(result.checks.map((c) => c.outcome)).toEqual(['success', 'error', 'failure', 'failure']);
    expect(result).toMatchObject({ verdict: 'fail', errors: 1, failures: 2 });
  });
});
