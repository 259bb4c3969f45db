import { validationFailed } from '../errors';
import type { CacheRecord } from '../model/caches';
import type { Router } from '../router';
import { intParam, repoOf, sortBy } from './common';

const SORT_KEYS: Record<string, (cache: CacheRecord) => string | number> = {
  last_accessed_at: (cache) => `${cache.lastAccessedAt}#${String(cache.id).padStart(12, '0')}`,
  created_at: (cache) => `${cache.createdAt}#${String(cache.id).padStart(12, '0')}`,
  size_in_bytes: (cache) => cache.sizeInBytes,
};

/** The Actions cache management API (list, delete by key, delete by id). */
export function registerCacheRoutes(router: Router): void {
  router.add('GET', '/repos/{owner}/{repo}/actions/caches', (ctx) => {
    const repo = repoOf(ctx);
    const sortKey = SORT_KEYS[ctx.query.sort ?? 'last_accessed_at'];
    if (!sortKey) throw validationFailed('ActionsCache', 'sort', 'invalid');
    // `key` is a key or a key prefix, as in the real API.
    const caches = ctx.model.caches
      .of(repo)
      .filter(
        (c) =>
          (!ctx.query.key || c.key.startsWith(ctx.query.key)) && (!ctx.query.ref || c.ref === ctx.query.ref),
      );
    const sorted = sortBy(caches, sortKey, ctx.query.direction);
    return ctx.paginate(
      sorted.map((c) => ctx.model.caches.render(c)),
      'actions_caches',
    );
  });

  router.add('GET', '/repos/{owner}/{repo}/actions/cache/usage', (ctx) => {
    const repo = repoOf(ctx);
    const caches = ctx.model.caches.of(repo);
    return {
      body: {
        full_name: repo.fullName,
        active_caches_size_in_bytes: caches.reduce((sum, c) => sum + c.sizeInBytes, 0),
        active_caches_count: caches.length,
      },
    };
  });

  router.add('DELETE', '/repos/{owner}/{repo}/actions/caches', (ctx) => {
    const repo = repoOf(ctx);
    if (!ctx.query.key) throw validationFailed('ActionsCache', 'key');
    const deleted = ctx.model.caches.deleteByKey(repo, ctx.query.key, ctx.query.ref);
    return {
      body: { total_count: deleted.length, actions_caches: deleted.map((c) => ctx.model.caches.render(c)) },
    };
  });

  router.add('DELETE', '/repos/{owner}/{repo}/actions/caches/{cache_id}', (ctx) => {
    ctx.model.caches.deleteById(repoOf(ctx), intParam(ctx, 'cache_id'));
    return { status: 204 };
  });
}
