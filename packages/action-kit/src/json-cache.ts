import { mkdir, readFile, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Logger, silentLogger } from './logger';

/**
 * A small JSON value kept between workflow runs with the real `@actions/cache` (baselines, timing
 * history). The library is imported only when a value is saved or restored, so an action that
 * never touches the cache does not pay for it at start-up.
 *
 * The value travels as one file at a path relative to the working directory
 * (`.qeml-cache/<name>.json`): the cache version hashes the path strings, so a relative path lets a
 * value saved on one runner be restored on another whose temp or work directory differs. The file
 * exists only while a save or restore runs.
 *
 * Service problems never throw: `@actions/cache` reports them as -1/undefined, and this module
 * reports them as `{ saved: false }` / `{ found: false }` with the reason. A failing restore looks
 * like a miss to the library's caller (it only prints a `Failed to restore` warning), so `restore`
 * watches the library's warnings on stdout while it runs and sets `miss: false` when the service
 * failed, `miss: true` only when the service answered that no entry matches.
 */
export interface JsonCache {
  /** Saves `value` under `key` (unique per run, e.g. `${prefix}${runId}-${attempt}`). */
  save(key: string, value: unknown): Promise<{ saved: true } | { saved: false; reason: string }>;
  /** Restores the newest entry whose key starts with `prefix`. */
  restore<T>(
    prefix: string,
  ): Promise<{ found: true; key: string; value: T } | { found: false; reason: string; miss: boolean }>;
}

export interface JsonCacheOptions {
  /** A name for the file kept (letters, digits, `.`, `_`, `-`), e.g. `quality-gate-baseline`. */
  name: string;
  /** Directory the file is written under (default: the working directory). */
  dir?: string;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Largest value restored (default 16 MiB); a bigger entry is ignored with a reason. */
  maxBytes?: number;
  /** Where the library writes its log (default process.stdout), watched for its restore warnings. */
  stdout?: NodeJS.WriteStream;
}

/** The subset of `@actions/cache` used here (injectable for unit tests). */
export interface CacheLibrary {
  isFeatureAvailable(): boolean;
  saveCache(paths: string[], key: string): Promise<number>;
  restoreCache(paths: string[], primaryKey: string, restoreKeys?: string[]): Promise<string | undefined>;
}

const NAME = /^[A-Za-z0-9._-]{1,100}$/;
const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Runs `body` while noting the `::warning::` lines written to `stream` (still written through).
 * The stream is shared by the whole process: two restores at once may see each other's warnings.
 */
async function watchWarnings<T>(stream: NodeJS.WriteStream, body: () => Promise<T>): Promise<[T, string[]]> {
  const warnings: string[] = [];
  const write = stream.write;
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    for (const match of String(chunk).matchAll(/::warning::([^\r\n]*)/g)) warnings.push(match[1] ?? '');
    return (write as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
  }) as typeof stream.write;
  try {
    return [await body(), warnings];
  } finally {
    stream.write = write;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Creates the store. `load` supplies the library (default: a lazy import of `@actions/cache`). */
export function createJsonCache(
  options: JsonCacheOptions,
  load: () => Promise<CacheLibrary> = async () => (await import('@actions/cache')) as CacheLibrary,
): JsonCache {
  if (!NAME.test(options.name)) {
    throw new Error(
      `cache name ${JSON.stringify(options.name)} must be 1-100 letters, digits, '.', '_' or '-'`,
    );
  }
  const logger = options.logger ?? silentLogger;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const relative = `.qeml-cache/${options.name}.json`;
  const base = options.dir ?? process.cwd();
  const file = path.resolve(base, relative);
  // The library resolves the path against the working directory; from elsewhere, pass it absolute.
  const cachePath = path.resolve(process.cwd(), relative) === file ? relative : file;

  async function library(): Promise<CacheLibrary | string> {
    let cache: CacheLibrary;
    try {
      cache = await load();
    } catch (error) {
      return `the cache library could not be loaded: ${message(error)}`;
    }
    if (!cache.isFeatureAvailable()) {
      return 'the cache service is not available here (no ACTIONS_CACHE_URL or ACTIONS_RESULTS_URL: not a GitHub runner?)';
    }
    return cache;
  }

  async function cleanUp(): Promise<void> {
    await rm(file, { force: true }).catch(() => undefined);
    await rmdir(path.dirname(file)).catch(() => undefined); // kept while another value is in flight
  }

  return {
    async save(key, value) {
      const cache = await library();
      if (typeof cache === 'string') return { saved: false, reason: cache };
      try {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, JSON.stringify(value));
        const id = await cache.saveCache([cachePath], key);
        if (id === -1)
          return { saved: false, reason: `the cache service did not save ${key} (see the log above)` };
        logger.debug(`Saved ${options.name} to the cache as ${key}.`);
        return { saved: true };
      } catch (error) {
        return { saved: false, reason: `saving ${key} failed: ${message(error)}` };
      } finally {
        await cleanUp();
      }
    },

    async restore<T>(prefix: string) {
      const cache = await library();
      if (typeof cache === 'string') return { found: false as const, reason: cache, miss: false };
      try {
        await cleanUp();
        const [key, warnings] = await watchWarnings(options.stdout ?? process.stdout, () =>
          cache.restoreCache([cachePath], prefix, [prefix]),
        );
        if (key === undefined) {
          const failed = warnings.find((warning) => warning.startsWith('Failed to restore'));
          return failed
            ? { found: false as const, reason: `the cache service failed: ${failed}`, miss: false }
            : { found: false as const, reason: `no cache entry starts with ${prefix}`, miss: true };
        }
        const size = (await stat(file)).size;
        if (size > maxBytes) {
          return {
            found: false as const,
            reason: `cache entry ${key} is ${size} bytes, over the ${maxBytes}-byte limit`,
            miss: false,
          };
        }
        const value = JSON.parse(await readFile(file, 'utf8')) as T;
        logger.debug(`Restored ${options.name} from the cache entry ${key}.`);
        return { found: true as const, key, value };
      } catch (error) {
        return {
          found: false as const,
          reason: `restoring ${prefix} failed: ${message(error)}`,
          miss: false,
        };
      } finally {
        await cleanUp();
      }
    },
  };
}
