/** Streams each failed job's log into the diagnosis engine, at most four at a time. */
import type { Redactor } from '@qeml/action-kit';
import { type Baseline, type CompiledCatalogue, type LogAnalysis, LogAnalyzer } from '@qeml/diagnosis';
import pLimit from 'p-limit';
import { CacheKeyWatcher } from './cache-keys';

/** Logs fetched and analysed at once (GitHub asks integrators not to flood it with parallel requests). */
export const LOG_CONCURRENCY = 4;

export interface LogToAnalyse<T> {
  item: T;
  name: string;
  /** A passing log of this same job: lines it also has are probably not the reason. */
  baseline?: Baseline;
  open(): Promise<AsyncIterable<Buffer | string> | Iterable<Buffer | string>>;
}

export interface AnalysedLog<T> {
  item: T;
  analysis: LogAnalysis;
  cacheKeys: string[];
}

export async function analyseLogs<T>(
  logs: readonly LogToAnalyse<T>[],
  options: { catalogue: CompiledCatalogue; redactor: Redactor },
): Promise<AnalysedLog<T>[]> {
  const limit = pLimit(LOG_CONCURRENCY);
  return Promise.all(
    logs.map((log) =>
      limit(async () => {
        const analyzer = new LogAnalyzer({
          catalogue: options.catalogue,
          baseline: log.baseline,
          deps: { redactor: options.redactor },
        });
        const keys = new CacheKeyWatcher();
        for await (const chunk of await log.open()) {
          analyzer.write(chunk);
          keys.write(chunk);
        }
        const { stats: _stats, ...analysis } = analyzer.end(log.name);
        return { item: log.item, analysis, cacheKeys: keys.end() };
      }),
    ),
  );
}
