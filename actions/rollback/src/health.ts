/**
 * Verification: checks every `interval` until enough consecutive healthy checks (pass), too many
 * unhealthy ones (fail), too many unanswered ones (fail: errors have their own limit), or time runs
 * out without a decision (inconclusive). All waiting goes through the injected clock.
 */
import { formatDuration } from '@qeml/action-kit';
import pRetry from 'p-retry';
import { judgeAnswer, shownUrl } from './health-rules';
import {
  type CheckOutcome,
  type CheckRecord,
  type HealthResult,
  type HealthSpec,
  ProbeError,
  type RollbackDeps,
} from './types';

/** Wait between retries of a probe that got no answer. */
const PROBE_RETRY_DELAY_MS = 500;

type Target = { kind: 'url'; url: string } | { kind: 'command'; script: string };

type Probed = { outcome: CheckOutcome; detail: string };

/** One GET with p-retry: only unanswered probes are retried (an answer, good or bad, is final). */
async function probeUrl(url: string, spec: HealthSpec, deps: RollbackDeps): Promise<Probed> {
  try {
    const answer = await pRetry(
      () => deps.probe(url, { timeoutMs: spec.probeTimeoutMs, signal: deps.signal }),
      {
        retries: spec.probeRetries,
        minTimeout: 0,
        maxTimeout: 0,
        factor: 1,
        randomize: false,
        shouldRetry: async ({ error }) => {
          if (!(error instanceof ProbeError)) return false;
          await deps.clock.sleep(PROBE_RETRY_DELAY_MS, deps.signal);
          return true;
        },
      },
    );
    return judgeAnswer(url, answer, spec);
  } catch (error) {
    if (error instanceof ProbeError)
      return { outcome: 'error', detail: `${shownUrl(url)}: ${error.message}` };
    throw error;
  }
}

async function probeTarget(
  target: Target,
  spec: HealthSpec,
  deps: RollbackDeps,
  env: Record<string, string>,
) {
  if (target.kind === 'url') return probeUrl(target.url, spec, deps);
  const result = await deps.commands({
    label: 'health-command',
    script: target.script,
    env,
    timeoutMs: spec.probeTimeoutMs,
  });
  if (result.ok) return { outcome: 'success' as const, detail: 'health-command: exit 0' };
  return {
    outcome: result.timedOut ? ('error' as const) : ('failure' as const),
    detail: `health-command: ${result.reason}`,
  };
}

/** A round's outcome: any failure fails it; else any error; else any missing data; else success. */
function combine(outcomes: CheckOutcome[]): CheckOutcome {
  for (const outcome of ['failure', 'error', 'inconclusive'] as const)
    if (outcomes.includes(outcome)) return outcome;
  return 'success';
}

export interface VerifyOptions {
  /** What is checked, for log lines ("deployment #12", "the rollback"). */
  subject: string;
  /** URLs to check instead of the spec's (blue-green preview). */
  urls?: string[];
  /** Environment of a health-command. */
  env?: Record<string, string>;
}

/** Runs the checks until a verdict. Never throws for an unhealthy target: that is the verdict. */
export async function verifyHealth(
  spec: HealthSpec,
  deps: RollbackDeps,
  options: VerifyOptions,
): Promise<HealthResult> {
  const { clock, logger } = deps;
  const urls = options.urls ?? spec.urls;
  const targets: Target[] = urls.map((url) => ({ kind: 'url', url }));
  if (spec.command && !options.urls) targets.push({ kind: 'command', script: spec.command });
  const startedAt = clock.now();
  if (spec.initialDelayMs > 0) {
    logger.info(
      `Waiting ${formatDuration(spec.initialDelayMs)} (initial-delay) before checking ${options.subject}.`,
    );
    await clock.sleep(spec.initialDelayMs, deps.signal);
  }
  const checks: CheckRecord[] = [];
  let consecutive = 0;
  let failures = 0;
  let errors = 0;
  let firstFailureAt: number | undefined;
  const result = (verdict: HealthResult['verdict'], reason: string): HealthResult => {
    logger.info(`Verification of ${options.subject}: ${verdict} (${reason}).`);
    return {
      verdict,
      reason,
      checks,
      successes: checks.filter((c) => c.outcome === 'success').length,
      failures,
      errors,
      ...(firstFailureAt !== undefined ? { firstFailureAt } : {}),
      decidedAt: clock.now(),
    };
  };
  for (let number = 1; ; number++) {
    const at = clock.now();
    const probed: Probed[] = [];
    for (const target of targets) probed.push(await probeTarget(target, spec, deps, options.env ?? {}));
    const outcome = combine(probed.map((p) => p.outcome));
    const record: CheckRecord = { number, at, outcome, details: probed.map((p) => p.detail) };
    checks.push(record);
    logger.info(`Check ${number} of ${options.subject}: ${outcome} — ${record.details.join('; ')}`);
    if (outcome === 'success') {
      consecutive++;
      if (consecutive >= spec.successes) {
        return result('pass', `${consecutive} consecutive healthy check${consecutive === 1 ? '' : 's'}`);
      }
    } else {
      consecutive = 0;
      if (outcome === 'failure') {
        failures++;
        firstFailureAt ??= at;
        if (failures >= spec.failureLimit) {
          return result(
            'fail',
            `${failures} unhealthy check${failures === 1 ? '' : 's'} reached failure-limit ${spec.failureLimit}: ${unhealthy(probed)}`,
          );
        }
      } else if (outcome === 'error') {
        errors++;
        firstFailureAt ??= at;
        if (errors >= spec.errorLimit) {
          return result(
            'fail',
            `${errors} check${errors === 1 ? '' : 's'} without an answer reached error-limit ${spec.errorLimit}: ${unhealthy(probed)}`,
          );
        }
      }
    }
    if (clock.now() + spec.intervalMs - startedAt > spec.timeoutMs) {
      return result(
        'inconclusive',
        `no decision within ${formatDuration(spec.timeoutMs)} (${checks.length} checks: ${failures} unhealthy, ${errors} unanswered, ${consecutive} of ${spec.successes} consecutive healthy)`,
      );
    }
    await clock.sleep(spec.intervalMs, deps.signal);
  }
}

function unhealthy(probed: Probed[]): string {
  return probed
    .filter((p) => p.outcome !== 'success')
    .map((p) => p.detail)
    .join('; ');
}
