import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { BlobContainer } from './blob-container';
import { BLOB_ROUTE_TEMPLATE, BlobStore } from './blobs';
import type { CacheService } from './cache-service';
import { conditionalAnswer } from './conditional';
import { SimHttpError } from './errors';
import { FaultInjector as Faults } from './faults';
import {
  apiError,
  type LoopbackListener,
  listenOnLoopback,
  loggedHeaders,
  rawHeaders,
  readBody,
  requestToken,
  writeResponse,
} from './http';
import { SimModel } from './model';
import { loadLibraries } from './model/core';
import { paginate } from './pagination';
import { RateBudgets, rateLimitBody } from './rate-limit';
import { matchTemplate, type RouteContext, type RouteHandler, Router, type SimResponse } from './router';
import { registerRoutes } from './routes';
import type { GitHubSim, GitHubSimOptions, RequestRecord, SimOrigin } from './sim-types';

const BLOB_PREFIX = '/_blobs/';
const BLOB_ROUTE = '/_blobs/{token}';

/** The route of a storage or cache-service request; `blob` names the cache archive a storage path addresses. */
interface OutsideRoute {
  template: string | null;
  blob?: { container: string; blob: string };
}

export async function startGitHubSim(options: GitHubSimOptions = {}): Promise<GitHubSim> {
  const clock = options.clock ?? { now: () => Date.now() };
  const router = new Router();
  registerRoutes(router);
  const faults = new Faults(options.seed ?? 1);
  const budgets = new RateBudgets(clock, options.rateLimit, options.secondaryLimit);
  const limiter = budgets.core;
  const requests: RequestRecord[] = [];
  const maxBody = options.maxBodyBytes ?? 5 * 1024 * 1024;
  let requestCounter = 0;
  // Filled in once both listeners listen and their ports are known.
  let model = undefined as unknown as SimModel;
  let blobs = undefined as unknown as BlobStore;
  let container = undefined as unknown as BlobContainer;
  let cacheService = undefined as unknown as CacheService;
  let baseUrl = '';
  let blobUrl = '';
  let cacheUrl = '';
  const maxUpload = options.maxUploadBytes ?? 64 * 1024 * 1024;

  const send = (res: ServerResponse, record: RequestRecord, response: SimResponse): void => {
    record.status = response.status ?? 200;
    if (record.origin === 'api') options.onApiResponse?.(record, response);
    requestCounter += 1;
    writeResponse(res, response, `SIM:${requestCounter.toString(16).toUpperCase()}`);
  };

  const isAuthorized = (req: IncomingMessage): boolean => {
    const required = options.requireToken;
    if (!required) return true;
    const token = requestToken(req);
    if (!token) return false;
    if (required === true) return true;
    return (Array.isArray(required) ? required : [required]).includes(token);
  };

  /** Request body as JSON, or the error response GitHub gives for it. */
  const parseJsonBody = (raw: Buffer): { body?: unknown } | SimResponse => {
    if (raw.length === 0) return {};
    try {
      return { body: JSON.parse(raw.toString('utf8')) as unknown };
    } catch {
      return apiError(400, 'Problems parsing JSON');
    }
  };

  /** The route of a storage or cache-service request, with the container and blob a storage path names. */
  const routeOutsideApi = (listener: SimOrigin, method: string, path: string): OutsideRoute => {
    if (listener === 'cache') return { template: cacheService.route(method, path) };
    if (path.startsWith(BLOB_PREFIX)) return { template: BLOB_ROUTE };
    const params = matchTemplate(BLOB_ROUTE_TEMPLATE, path);
    if (!params) return { template: null };
    return {
      template: BLOB_ROUTE_TEMPLATE,
      blob: { container: params.container ?? '', blob: params.blob ?? '' },
    };
  };

  /** Storage and the cache service know nothing of GitHub tokens, rate limits or API routes. */
  const respondOutsideApi = (
    listener: SimOrigin,
    req: IncomingMessage,
    record: RequestRecord,
    raw: Buffer,
    storagePath: OutsideRoute['blob'],
  ) => {
    if (listener === 'cache') {
      return cacheService.respond({
        method: record.method,
        path: record.path,
        query: record.query,
        headers: rawHeaders(req),
        body: raw,
      });
    }
    if (record.path.startsWith(BLOB_PREFIX)) return blobs.respond(record.path.slice(BLOB_PREFIX.length));
    if (!storagePath) return { status: 404, body: 'The specified resource does not exist.' };
    return container.respond({
      method: record.method,
      ...storagePath,
      query: record.query,
      headers: rawHeaders(req),
      body: raw,
    });
  };

  const callRoute = async (ctx: RouteContext, handler: RouteHandler): Promise<SimResponse> => {
    try {
      return await handler(ctx);
    } catch (error) {
      if (error instanceof SimHttpError) return { status: error.status, body: error.toBody() };
      return apiError(500, `github-sim: ${(error as Error).message}`);
    }
  };

  /** The request pipeline of the three listeners. */
  const handle = async (req: IncomingMessage, res: ServerResponse, listener: SimOrigin): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', { api: baseUrl, storage: blobUrl, cache: cacheUrl }[listener]);
    const path = url.pathname;
    const record: RequestRecord = {
      origin: listener,
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      route: null,
      status: 0,
      headers: loggedHeaders(req),
      hasAuthorization: req.headers.authorization !== undefined,
      at: clock.now(),
    };
    requests.push(record);

    let raw: Buffer;
    try {
      raw = await readBody(req, listener === 'api' ? maxBody : maxUpload);
    } catch {
      return send(res, record, apiError(413, 'Request body too large'));
    }
    let body: unknown;
    if (listener === 'api') {
      const parsed = parseJsonBody(raw);
      if ('status' in parsed) return send(res, record, parsed);
      body = parsed.body;
      if (body !== undefined) record.body = body;
    } else if (raw.length > 0) {
      record.bodyBytes = raw.length;
    }

    const match = listener === 'api' ? router.match(method, path) : null;
    const outside = listener === 'api' ? null : routeOutsideApi(listener, method, path);
    record.route = match?.template ?? outside?.template ?? null;

    const fault = faults.take(method, path, record.route);
    if (fault) {
      record.fault = fault.id;
      if (fault.latencyMs) await delay(fault.latencyMs);
      if (fault.drop) {
        req.socket.destroy();
        return;
      }
      if (fault.status) {
        const faultResponse = apiError(fault.status, `Simulated ${fault.status}`);
        return send(res, record, {
          status: fault.status,
          body: fault.body ?? faultResponse.body,
          headers: { ...(listener === 'api' ? limiter.headers() : {}), ...fault.headers },
        });
      }
    }

    if (listener !== 'api')
      return send(res, record, respondOutsideApi(listener, req, record, raw, outside?.blob));
    if (path === '/_web' || path.startsWith('/_web/')) {
      return send(res, record, {
        status: 200,
        body: '<!doctype html><title>github-sim</title>',
        headers: { 'content-type': 'text/html' },
      });
    }
    if (!isAuthorized(req)) return send(res, record, apiError(401, 'Bad credentials', true));
    // GitHub does not count GET /rate_limit against the budget.
    if (path === '/rate_limit') {
      const core = budgets.coreFor(requestToken(req));
      return send(res, record, { body: rateLimitBody(core, budgets.search, clock), headers: core.headers() });
    }

    const verdict = budgets.consume(requestToken(req), path);
    model.ctx.settle();
    if (!verdict.allowed) return send(res, record, budgets.refusal(verdict));
    if (!match) return send(res, record, { ...apiError(404, 'Not Found', true), headers: verdict.headers });

    const ctx: RouteContext = {
      method,
      path,
      params: match.params,
      query: record.query,
      body,
      headers: record.headers,
      model,
      paginate: (items, wrapKey) =>
        paginate(items, { url: `${baseUrl}${path}`, query: record.query }, wrapKey),
      signBlob: (content, contentType, filename) => blobs.sign(content, contentType, filename),
    };
    const answer = conditionalAnswer(
      method,
      record.headers['if-none-match'],
      await callRoute(ctx, match.handler),
    );
    if (answer.notModified) {
      const headers = {
        ...budgets.refund(requestToken(req), path),
        etag: answer.response.headers?.etag ?? '',
      };
      return send(res, record, { status: 304, headers });
    }
    const response = answer.response;
    send(res, record, { ...response, headers: { ...verdict.headers, ...response.headers } });
  };

  const listeners: LoopbackListener[] = [];
  try {
    for (const listener of ['api', 'storage', 'cache'] as const) {
      listeners.push(await listenOnLoopback((req, res) => handle(req, res, listener)));
    }
  } catch (error) {
    await Promise.all(listeners.map((listener) => listener.close()));
    throw error;
  }
  [baseUrl, blobUrl, cacheUrl] = listeners.map((listener) => listener.url) as [string, string, string];
  const serverUrl = `${baseUrl}/_web`;
  model = new SimModel(baseUrl, serverUrl, clock, await loadLibraries());
  model.ctx.searchIndexDelayMs = options.searchIndexDelayMs ?? model.ctx.searchIndexDelayMs;
  model.ctx.effectDelayMs = options.effectDelayMs ?? 0;
  blobs = new BlobStore(blobUrl, clock, options.logUrlTtlMs ?? 60_000);
  // Loaded on start so bundles embedding the sim keep the cache service in its own chunk.
  const [{ BlobContainer }, { CacheService }] = await Promise.all([
    import('./blob-container'),
    import('./cache-service'),
  ]);
  container = new BlobContainer(blobUrl, clock, options.cacheUrlTtlMs ?? 10 * 60_000);
  cacheService = new CacheService(model.caches, container);

  return {
    url: baseUrl,
    serverUrl,
    blobUrl,
    cacheUrl,
    cacheEnv: (repo, cacheOptions = {}) => {
      const token = model.caches.issueRuntimeToken(model.repo(repo), cacheOptions.ref);
      const common = { ACTIONS_RUNTIME_TOKEN: token, GITHUB_REPOSITORY: repo };
      if (cacheOptions.version === 'v1') {
        return { ...common, ACTIONS_CACHE_URL: `${cacheUrl}/`, GITHUB_SERVER_URL: serverUrl };
      }
      return {
        ...common,
        ACTIONS_CACHE_SERVICE_V2: 'true',
        ACTIONS_RESULTS_URL: `${cacheUrl}/`,
        GITHUB_SERVER_URL: 'https://github.com',
      };
    },
    model,
    faults,
    requests,
    clearRequests: () => {
      requests.length = 0;
    },
    route: (method, template, handler) => router.add(method, template, handler),
    setRateLimit: (update) => budgets.set(update),
    close: async () => {
      await Promise.all(listeners.map((listener) => listener.close()));
    },
  };
}
