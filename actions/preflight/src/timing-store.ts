/** The timing history kept with the shared JSON cache (@actions/cache), newest entry first. */
import type { Logger } from '@qeml/action-kit';
import type { JsonCache } from '@qeml/action-kit/cache';
import type { TimingStore } from './preflight';
import type { TimingHistory } from './shards';

export const TIMINGS_KEY_PREFIX = 'qeml-preflight-timings-';

function isHistory(value: unknown): value is TimingHistory {
  const files = (value as TimingHistory | null)?.files;
  return (value as TimingHistory | null)?.version === 1 && !!files && typeof files === 'object';
}

/** `runKey` makes each save unique (cache entries are immutable), e.g. `${runId}-${attempt}`. */
export function cachedTimings(cache: JsonCache, runKey: string, logger: Logger): TimingStore {
  return {
    async restore() {
      const entry = await cache.restore<unknown>(TIMINGS_KEY_PREFIX);
      if (!entry.found) {
        logger.info(`No timing history yet (${entry.reason}): every test file counts the same.`);
        return undefined;
      }
      if (!isHistory(entry.value)) {
        logger.warning(`The timing history ${entry.key} is not in the expected form; it is ignored.`);
        return undefined;
      }
      return entry.value;
    },
    async save(history) {
      const saved = await cache.save(`${TIMINGS_KEY_PREFIX}${runKey}`, history);
      if (!saved.saved) logger.warning(`The timing history was not saved: ${saved.reason}`);
    },
  };
}
