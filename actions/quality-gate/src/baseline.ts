/**
 * Baselines kept with the Actions cache: a run on the default branch saves its metrics under a key
 * unique to the run (`qeml-quality-gate-<name>-<run id>-<attempt>`, since cache entries cannot be
 * overwritten); other runs restore the newest entry with that prefix. The cache service failing
 * never fails the gate: the baseline is then "unavailable" and its conditions are skipped.
 */
import type { BaselineMetrics } from '@qeml/reports';

/** The part of `JsonCache` (@qeml/action-kit/cache) the gate uses. */
export interface BaselineStore {
  save(key: string, value: unknown): Promise<{ saved: true } | { saved: false; reason: string }>;
  restore<T>(
    prefix: string,
  ): Promise<{ found: true; key: string; value: T } | { found: false; reason: string; miss: boolean }>;
}

export type BaselineStatus = 'restored' | 'not-found' | 'unavailable' | 'invalid' | 'disabled';

export interface BaselineOutcome {
  status: BaselineStatus;
  key?: string;
  metrics?: BaselineMetrics;
  /** Why there is no baseline to compare with. */
  reason?: string;
  /** What happened to this run's metrics (default-branch pushes only). */
  saved?: { key: string; ok: true } | { key: string; ok: false; reason: string };
}

export function baselinePrefix(name: string): string {
  return `qeml-quality-gate-${name}-`;
}

function isBaseline(value: unknown): value is BaselineMetrics {
  const v = value as Partial<BaselineMetrics> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.version === 1 &&
    (v.lineCoverage === null || typeof v.lineCoverage === 'number') &&
    Array.isArray(v.benchmarks)
  );
}

export async function restoreBaseline(
  store: BaselineStore | undefined,
  name: string,
): Promise<BaselineOutcome> {
  if (!store) return { status: 'disabled', reason: 'not used (baseline: none)' };
  let restored: Awaited<ReturnType<BaselineStore['restore']>>;
  try {
    restored = await store.restore<unknown>(baselinePrefix(name));
  } catch (error) {
    return { status: 'unavailable', reason: `baseline unavailable: ${(error as Error).message}` };
  }
  if (!restored.found) {
    return restored.miss
      ? {
          status: 'not-found',
          reason: `no baseline yet (saved by a push to the default branch): ${restored.reason}`,
        }
      : { status: 'unavailable', reason: `baseline unavailable: ${restored.reason}` };
  }
  if (!isBaseline(restored.value)) {
    return {
      status: 'invalid',
      key: restored.key,
      reason: `the baseline ${restored.key} is not in a known form`,
    };
  }
  return { status: 'restored', key: restored.key, metrics: restored.value };
}

export async function saveBaseline(
  store: BaselineStore,
  name: string,
  runKey: string,
  metrics: BaselineMetrics,
): Promise<BaselineOutcome['saved']> {
  const key = `${baselinePrefix(name)}${runKey}`;
  try {
    const result = await store.save(key, metrics);
    return result.saved ? { key, ok: true } : { key, ok: false, reason: result.reason };
  } catch (error) {
    return { key, ok: false, reason: (error as Error).message };
  }
}
