import { randomBytes } from 'node:crypto';
import type { components } from '@octokit/openapi-types';
import { notFound } from '../errors';
import { findOr404, inRepo, type ModelContext } from './core';
import type { RepoState } from './repos';

export type ActionsCache = components['schemas']['actions-cache-list']['actions_caches'][number];

export interface CacheRecord {
  id: number;
  repoKey: string;
  key: string;
  ref: string;
  version: string;
  sizeInBytes: number;
  createdAt: string;
  lastAccessedAt: string;
  /** Reserved entries are being uploaded: invisible to lookups and to the REST API until committed. */
  state: 'reserved' | 'ready';
}

/** Name of a cache's archive in the sim's blob container. */
export function blobName(cache: CacheRecord): string {
  return `${cache.id}.tzst`;
}

/** Who a runtime token (ACTIONS_RUNTIME_TOKEN) belongs to: the cache service scopes entries by it. */
export interface RuntimeScope {
  repoKey: string;
  /** The run's ref (`refs/heads/feature`); lookups fall back to the default branch. */
  ref: string;
  defaultRef: string;
}

export interface AddCacheOptions {
  key: string;
  ref?: string;
  version?: string;
  sizeInBytes?: number;
  /** ms since epoch; default the sim clock. */
  lastAccessedAt?: number;
}

/** GitHub Actions caches of a repository (the list/delete API, not the cache service itself). */
export class Caches {
  readonly caches: CacheRecord[] = [];
  private readonly runtimeTokens = new Map<string, RuntimeScope>();

  constructor(private readonly ctx: ModelContext) {}

  add(repo: RepoState, options: AddCacheOptions): CacheRecord {
    return this.create({
      repoKey: repo.fullName.toLowerCase(),
      key: options.key,
      ref: options.ref ?? `refs/heads/${repo.defaultBranch}`,
      version: options.version ?? 'a'.repeat(64),
      sizeInBytes: options.sizeInBytes ?? 1024,
      state: 'ready',
      ...(options.lastAccessedAt !== undefined
        ? { lastAccessedAt: this.ctx.timestamp(options.lastAccessedAt) }
        : {}),
    });
  }

  /** A new entry with the next id, created now (and last accessed now unless given). */
  private create(
    fields: Omit<CacheRecord, 'id' | 'createdAt' | 'lastAccessedAt'> & { lastAccessedAt?: string },
  ): CacheRecord {
    const now = this.ctx.timestamp();
    const cache: CacheRecord = { id: this.ctx.nextId(), createdAt: now, lastAccessedAt: now, ...fields };
    this.caches.push(cache);
    return cache;
  }

  /** The entries (ready or reserved) of a scope's repository, only those of `ref` when given. */
  scoped(scope: RuntimeScope, ref?: string): CacheRecord[] {
    return this.caches.filter((c) => c.repoKey === scope.repoKey && (ref === undefined || c.ref === ref));
  }

  /** The ready caches of a repository. */
  of(repo: RepoState): CacheRecord[] {
    return inRepo(this.caches, repo).filter((cache) => cache.state === 'ready');
  }

  /** A token for the cache service, scoped to a repository and the ref a run would have. */
  issueRuntimeToken(repo: RepoState, ref = `refs/heads/${repo.defaultBranch}`): string {
    const token = `sim-runtime-${randomBytes(12).toString('hex')}`;
    this.runtimeTokens.set(token, {
      repoKey: repo.fullName.toLowerCase(),
      ref,
      defaultRef: `refs/heads/${repo.defaultBranch}`,
    });
    return token;
  }

  runtimeScope(token: string | undefined): RuntimeScope | undefined {
    return token === undefined ? undefined : this.runtimeTokens.get(token);
  }

  /**
   * Reserves an entry for upload, or null when one with this key and version already exists in
   * the scope's ref (ready or being uploaded), as the service refuses a second writer.
   */
  reserve(scope: RuntimeScope, key: string, version: string): CacheRecord | null {
    const taken = this.scoped(scope, scope.ref).some((c) => c.key === key && c.version === version);
    if (taken) return null;
    return this.create({
      repoKey: scope.repoKey,
      key,
      ref: scope.ref,
      version,
      sizeInBytes: 0,
      state: 'reserved',
    });
  }

  reserved(scope: RuntimeScope, predicate: (cache: CacheRecord) => boolean): CacheRecord | undefined {
    return this.scoped(scope, scope.ref).find((c) => c.state === 'reserved' && predicate(c));
  }

  commit(cache: CacheRecord, sizeInBytes: number): void {
    cache.state = 'ready';
    cache.sizeInBytes = sizeInBytes;
    cache.createdAt = this.ctx.timestamp();
    cache.lastAccessedAt = cache.createdAt;
  }

  /**
   * GitHub's cache matching: in the run's ref, then in the default branch; for each key in order
   * an exact match, else the newest entry whose key starts with it; always the same version.
   * (docs.github.com: "Matching a cache key", "Restrictions for accessing a cache")
   */
  lookup(scope: RuntimeScope, keys: readonly string[], version: string): CacheRecord | undefined {
    const refs = scope.ref === scope.defaultRef ? [scope.ref] : [scope.ref, scope.defaultRef];
    for (const ref of refs) {
      const candidates = this.scoped(scope, ref)
        .filter((c) => c.version === version && c.state === 'ready')
        .sort((a, b) => (a.createdAt === b.createdAt ? b.id - a.id : a.createdAt < b.createdAt ? 1 : -1));
      for (const key of keys) {
        const hit = candidates.find((c) => c.key === key) ?? candidates.find((c) => c.key.startsWith(key));
        if (hit) {
          hit.lastAccessedAt = this.ctx.timestamp();
          return hit;
        }
      }
    }
    return undefined;
  }

  /** Deletes the caches with exactly this key (and ref, when given); 404 when none match. */
  deleteByKey(repo: RepoState, key: string, ref?: string): CacheRecord[] {
    const doomed = this.of(repo).filter((c) => c.key === key && (ref === undefined || c.ref === ref));
    if (doomed.length === 0) throw notFound();
    for (const cache of doomed) this.caches.splice(this.caches.indexOf(cache), 1);
    return doomed;
  }

  deleteById(repo: RepoState, id: number): void {
    const cache = findOr404(this.of(repo), (c) => c.id === id);
    this.caches.splice(this.caches.indexOf(cache), 1);
  }

  render(cache: CacheRecord): ActionsCache {
    return {
      id: cache.id,
      ref: cache.ref,
      key: cache.key,
      version: cache.version,
      last_accessed_at: cache.lastAccessedAt,
      created_at: cache.createdAt,
      size_in_bytes: cache.sizeInBytes,
    };
  }
}
