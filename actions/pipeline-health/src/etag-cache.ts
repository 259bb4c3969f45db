/**
 * Keeps the ETags between runs with `@actions/cache` (only when the runner offers the cache service),
 * so a scheduled report asks again only for what changed: attempts and jobs of finished runs answer
 * 304, which costs no rate limit.
 */
import type { Logger } from '@qeml/action-kit';
import { createJsonCache } from '@qeml/action-kit/cache';
import { type ConditionalEntry, MemoryResponseStore } from './conditional';

export interface KeptResponses {
  store: MemoryResponseStore;
  save(): Promise<void>;
}

export async function keptResponses(options: {
  repository: string;
  runKey: string;
  env: NodeJS.ProcessEnv;
  dir: string;
  logger: Logger;
}): Promise<KeptResponses> {
  const cache = createJsonCache({
    name: 'pipeline-health-etags',
    dir: options.dir,
    env: options.env,
    logger: options.logger,
  });
  const prefix = `qeml-pipeline-health-etags-${options.repository.toLowerCase()}-`;
  const restored = await cache.restore<Record<string, ConditionalEntry>>(prefix);
  if (!restored.found) options.logger.debug(`No ETags kept from an earlier run: ${restored.reason}`);
  const store = new MemoryResponseStore(restored.found ? restored.value : {});
  return {
    store,
    save: async () => {
      const saved = await cache.save(`${prefix}${options.runKey}`, store.toJSON());
      if (!saved.saved) options.logger.debug(`ETags not kept for the next run: ${saved.reason}`);
    },
  };
}
