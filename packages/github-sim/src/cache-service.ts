import type { BlobContainer } from './blob-container';
import { blobName, type CacheRecord, type Caches, type RuntimeScope } from './model/caches';
import { Router, type SimResponse } from './router';

/**
 * The Actions cache service that `@actions/cache` talks to, on its own origin.
 * v2 (github.com): twirp JSON under ACTIONS_RESULTS_URL; archives go to signed blob URLs.
 * v1 (GHES): REST under ACTIONS_CACHE_URL; archives are PATCHed to the service in chunks.
 * Shapes follow @actions/cache (src/internal/cacheHttpClient.ts, contracts.d.ts,
 * shared/cacheTwirpClient.ts and the generated results/api/v1/cache.ts).
 */

const TWIRP_SERVICE = '/twirp/github.actions.results.api.v1.CacheService';
const V1 = '/_apis/artifactcache';

export interface CacheServiceRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: Buffer;
}

/** A cache-service operation: the request, the runtime token's scope and the path's parameters. */
type CacheHandler = (
  request: CacheServiceRequest,
  scope: RuntimeScope,
  params: Record<string, string>,
) => SimResponse;

/** A twirp call's JSON input with its required key and version. */
interface TwirpCall {
  input: Record<string, unknown>;
  key: string;
  version: string;
  scope: RuntimeScope;
}

export class CacheService {
  /** v1 chunks per reserved cache id, by start offset. */
  private readonly chunks = new Map<number, Map<number, Buffer>>();
  private readonly router = new Router<CacheHandler>();

  constructor(
    private readonly caches: Caches,
    private readonly container: BlobContainer,
  ) {
    const twirp = (operation: string, handler: (call: TwirpCall) => SimResponse) =>
      this.router.add('POST', `${TWIRP_SERVICE}/${operation}`, twirpHandler(handler));
    twirp('CreateCacheEntry', (call) => this.createEntry(call));
    twirp('FinalizeCacheEntryUpload', (call) => this.finalizeEntry(call));
    twirp('GetCacheEntryDownloadURL', (call) => this.downloadUrl(call));
    this.router.add('GET', `${V1}/cache`, (request, scope) => this.lookupV1(request, scope));
    this.router.add('GET', `${V1}/caches`, (request, scope) => this.listV1(request, scope));
    this.router.add('POST', `${V1}/caches`, (request, scope) => this.reserveV1(request, scope));
    this.router.add(
      'PATCH',
      `${V1}/caches/{cacheId}`,
      this.reservedV1((request, cache) => this.uploadChunk(request, cache)),
    );
    this.router.add(
      'POST',
      `${V1}/caches/{cacheId}`,
      this.reservedV1((request, cache) => this.commitV1(request, cache)),
    );
  }

  /** The route template of a request, for the request log and fault matching. */
  route(method: string, path: string): string | null {
    return this.router.match(method, path)?.template ?? null;
  }

  respond(request: CacheServiceRequest): SimResponse {
    const twirp = request.path.startsWith(`${TWIRP_SERVICE}/`);
    const token = /^bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const scope = this.caches.runtimeScope(token);
    if (!scope) {
      return twirp ? twirpError(401, 'unauthenticated', 'invalid token') : v1Error(401, 'Unauthorized');
    }
    const match = this.router.match(request.method, request.path);
    if (!match)
      return twirp
        ? twirpError(404, 'bad_route', `no handler for path ${request.path}`)
        : v1Error(404, 'Not Found');
    return match.handler(request, scope, match.params);
  }

  private createEntry({ key, version, scope }: TwirpCall): SimResponse {
    const cache = this.caches.reserve(scope, key, version);
    if (!cache) {
      return twirpError(
        409,
        'already_exists',
        'cache entry with the same key, version, and scope already exists',
      );
    }
    return twirpOk({ ok: true, signed_upload_url: this.container.sign(blobName(cache), 'write') });
  }

  private finalizeEntry({ input, key, version, scope }: TwirpCall): SimResponse {
    const cache = this.caches.reserved(scope, (c) => c.key === key && c.version === version);
    if (!cache) return twirpError(404, 'not_found', 'cache entry not found');
    const archive = this.container.get(blobName(cache));
    const size = Number(input.size_bytes ?? 0);
    if (!archive || archive.length !== size) {
      return twirpOk({
        ok: false,
        entry_id: '0',
        message: `uploaded size ${archive?.length ?? 0} does not match ${size}`,
      });
    }
    this.caches.commit(cache, size);
    return twirpOk({ ok: true, entry_id: String(cache.id) });
  }

  private downloadUrl({ input, key, version, scope }: TwirpCall): SimResponse {
    const restoreKeys = Array.isArray(input.restore_keys) ? input.restore_keys.map(String) : [];
    const hit = this.caches.lookup(scope, [key, ...restoreKeys], version);
    if (!hit) return twirpOk({ ok: false, signed_download_url: '', matched_key: '' });
    return twirpOk({
      ok: true,
      signed_download_url: this.container.sign(blobName(hit), 'read'),
      matched_key: hit.key,
    });
  }

  private lookupV1(request: CacheServiceRequest, scope: RuntimeScope): SimResponse {
    const keys = (request.query.keys ?? '').split(',').filter((k) => k !== '');
    const hit = this.caches.lookup(scope, keys, request.query.version ?? '');
    if (!hit) return { status: 204 };
    return {
      body: {
        cacheKey: hit.key,
        scope: hit.ref,
        cacheVersion: hit.version,
        creationTime: hit.createdAt,
        archiveLocation: this.container.sign(blobName(hit), 'read'),
      },
    };
  }

  /** The library lists caches by key only for its debug diagnostics. */
  private listV1(request: CacheServiceRequest, scope: RuntimeScope): SimResponse {
    const key = request.query.key ?? '';
    const caches = this.caches.scoped(scope).filter((c) => c.state === 'ready' && c.key === key);
    const artifactCaches = caches.map((c) => ({
      cacheKey: c.key,
      scope: c.ref,
      cacheVersion: c.version,
      creationTime: c.createdAt,
    }));
    return { body: { totalCount: artifactCaches.length, artifactCaches } };
  }

  /** A handler for the entry reserved under the path's cache id; 404 when there is none. */
  private reservedV1(
    handler: (request: CacheServiceRequest, cache: CacheRecord) => SimResponse,
  ): CacheHandler {
    return (request, scope, params) => {
      const cache = this.caches.reserved(scope, (c) => c.id === Number(params.cacheId));
      if (!cache) return v1Error(404, `Cache ${request.path.split('/').pop()} is not reserved.`);
      return handler(request, cache);
    };
  }

  private uploadChunk(request: CacheServiceRequest, cache: CacheRecord): SimResponse {
    const range = /^bytes (\d+)-(\d+)\/\*$/.exec(request.headers['content-range'] ?? '');
    const start = Number(range?.[1]);
    if (!range || Number(range[2]) - start + 1 !== request.body.length) {
      return v1Error(400, 'Content-Range does not match the uploaded chunk.');
    }
    const parts = this.chunks.get(cache.id) ?? new Map<number, Buffer>();
    parts.set(start, request.body);
    this.chunks.set(cache.id, parts);
    return { status: 204 };
  }

  private commitV1(request: CacheServiceRequest, cache: CacheRecord): SimResponse {
    const size = Number((parseJson(request.body) as { size?: unknown } | undefined)?.size);
    const archive = assemble(this.chunks.get(cache.id));
    if (!archive || archive.length !== size) {
      return v1Error(
        400,
        `Uploaded cache size ${archive?.length ?? 0} does not match the expected size ${size}.`,
      );
    }
    this.chunks.delete(cache.id);
    this.container.store(blobName(cache), archive);
    this.caches.commit(cache, size);
    return { status: 204 };
  }

  private reserveV1(request: CacheServiceRequest, scope: RuntimeScope): SimResponse {
    const input = parseJson(request.body) as { key?: unknown; version?: unknown } | undefined;
    if (typeof input?.key !== 'string' || typeof input.version !== 'string') {
      return v1Error(400, 'key and version are required.');
    }
    const cache = this.caches.reserve(scope, input.key, input.version);
    if (!cache) {
      return {
        status: 409,
        body: {
          message: `Cache already exists. Scope: ${scope.ref}, Key: ${input.key}, Version: ${input.version}`,
          typeKey: 'ArtifactCacheAlreadyExistsException',
        },
      };
    }
    return { status: 201, body: { cacheId: cache.id } };
  }
}

/** Chunks by offset joined into one archive; undefined when there are none or a gap/overlap. */
function assemble(parts: Map<number, Buffer> | undefined): Buffer | undefined {
  if (!parts || parts.size === 0) return undefined;
  const ordered = [...parts.entries()].sort(([a], [b]) => a - b);
  let expected = 0;
  for (const [start, chunk] of ordered) {
    if (start !== expected) return undefined;
    expected += chunk.length;
  }
  return Buffer.concat(ordered.map(([, chunk]) => chunk));
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** A twirp operation behind the shared input checks: a JSON body with a key and a version. */
function twirpHandler(handler: (call: TwirpCall) => SimResponse): CacheHandler {
  return (request, scope) => {
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(request.body.toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      return twirpError(400, 'malformed', 'the json request could not be decoded');
    }
    const key = typeof input.key === 'string' ? input.key : '';
    const version = typeof input.version === 'string' ? input.version : '';
    if (!key || !version) return twirpError(400, 'invalid_argument', 'key and version are required');
    return handler({ input, key, version, scope });
  };
}

function twirpOk(body: Record<string, unknown>): SimResponse {
  return { status: 200, body };
}

/** Twirp's error body (`code`, `msg`) with the HTTP status its code maps to. */
function twirpError(status: number, code: string, msg: string): SimResponse {
  return { status, body: { code, msg } };
}

function v1Error(status: number, message: string): SimResponse {
  return { status, body: { message } };
}
