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

  constructor(private readonly ctx: ModelContext) {}

  add(repo: RepoState, options: AddCacheOptions): CacheRecord {
    const now = this.ctx.timestamp();
    const cache: CacheRecord = {
      id: this.ctx.nextId(),
      repoKey: repo.fullName.toLowerCase(),
      key: options.key,
      ref: options.ref ?? `refs/heads/${repo.defaultBranch}`,
      version: options.version ?? 'a'.repeat(64),
      sizeInBytes: options.sizeInBytes ?? 1024,
      createdAt: now,
      lastAccessedAt: options.lastAccessedAt !== undefined ? this.ctx.timestamp(options.lastAccessedAt) : now,
    };
    this.caches.push(cache);
    return cache;
  }

  of(repo: RepoState): CacheRecord[] {
    return inRepo(this.caches, repo);
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
