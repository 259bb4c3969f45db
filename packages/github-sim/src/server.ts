import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { BlobStore } from './blobs';
import { SimHttpError } from './errors';
import { type FaultInjector, FaultInjector as Faults } from './faults';
import {
  apiError,
  type LoopbackListener,
  listenOnLoopback,
  loggedHeaders,
  readBody,
  requestToken,
  writeResponse,
} from './http';
import { SimModel } from './model';
import { paginate } from './pagination';
import {
  type Clock,
  RateLimiter,
  type RateLimitOptions,
  rateLimitRefusal,
  type SecondaryLimitOptions,
} from './rate-limit';
import { type RouteContext, type RouteHandler, Router, type SimResponse } from './router';
import { registerRoutes } from './routes';

export interface GitHubSimOptions {
  rateLimit?: RateLimitOptions;
  /** Abuse limit: more than `maxRequests` in `perSeconds` answers 403 with retry-after. */
  secondaryLimit?: SecondaryLimitOptions;
  /** Lifetime of signed log/tarball URLs (default 60 s, like GitHub's). */
  logUrlTtlMs?: number;
  /** Seed of the PRNG behind probabilistic faults. */
  seed?: number;
  /** Time source for rate-limit windows, URL expiry and timestamps (default Date.now). */
  clock?: Clock;
  /** Answer 401 without a token (`true`) or unless the token is one of these. */
  requireToken?: boolean | string | string[];
  /** Request bodies above this size get 413 (default 5 MiB). */
  maxBodyBytes?: number;
}

export interface RequestRecord {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The matched route template, or null when no route matched. */
  route: string | null;
  /** 0 when the connection was dropped by a fault. */
  status: number;
  /** Lower-cased; authorization is kept as `<scheme> REDACTED`. */
  headers: Record<string, string>;
  hasAuthorization: boolean;
  body?: unknown;
  at: number;
  /** Id of the fault that shaped this response, if any. */
  fault?: string;
}

export interface GitHubSim {
  /** API base URL (use as GITHUB_API_URL / octokit baseUrl). */
  url: string;
  /** Web base URL used in html_url links. */
  serverUrl: string;
  /**
   * Base of the signed log/tarball URLs: a second loopback listener, so a different origin from
   * `url`, as GitHub redirects to blob storage / codeload on another host.
   */
  blobUrl: string;
  model: SimModel;
  faults: FaultInjector;
  requests: RequestRecord[];
  clearRequests(): void;
  /** Adds or overrides a route; later routes win over built-in ones with the same template. */
  route(method: string, template: string, handler: RouteHandler): void;
  /** `resetAt` is in epoch seconds, as in x-ratelimit-reset. */
  setRateLimit(update: { remaining?: number; limit?: number; resetAt?: number }): void;
  close(): Promise<void>;
}

const BLOB_PREFIX = '/_blobs/';
const BLOB_ROUTE = '/_blobs/{token}';

export async function startGitHubSim(options: GitHubSimOptions = {}): Promise<GitHubSim> {
  const clock = options.clock ?? { now: () => Date.now() };
  const router = new Router();
  registerRoutes(router);
  const faults = new Faults(options.seed ?? 1);
  const limiter = new RateLimiter(clock, options.rateLimit, options.secondaryLimit);
  const requests: RequestRecord[] = [];
  const maxBody = options.maxBodyBytes ?? 5 * 1024 * 1024;
  let requestCounter = 0;
  // Filled in once both listeners listen and their ports are known.
  let model = undefined as unknown as SimModel;
  let blobs = undefined as unknown as BlobStore;
  let baseUrl = '';
  let blobUrl = '';

  const send = (res: ServerResponse, record: RequestRecord, response: SimResponse): void => {
    record.status = response.status ?? 200;
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
  const readJsonBody = async (req: IncomingMessage): Promise<{ body?: unknown } | SimResponse> => {
    let raw: Buffer;
    try {
      raw = await readBody(req, maxBody);
    } catch {
      return apiError(413, 'Request body too large');
    }
    if (raw.length === 0) return {};
    try {
      return { body: JSON.parse(raw.toString('utf8')) as unknown };
    } catch {
      return apiError(400, 'Problems parsing JSON');
    }
  };

  const callRoute = async (ctx: RouteContext, handler: RouteHandler): Promise<SimResponse> => {
    try {
      return await handler(ctx);
    } catch (error) {
      if (error instanceof SimHttpError) return { status: error.status, body: error.toBody() };
      return apiError(500, `github-sim: ${(error as Error).message}`);
    }
  };

  /** The request pipeline of both listeners: the API one (`storage` false) and the blob storage one. */
  const handle = async (req: IncomingMessage, res: ServerResponse, storage: boolean): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', storage ? blobUrl : baseUrl);
    const path = url.pathname;
    const record: RequestRecord = {
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

    const parsed = await readJsonBody(req);
    if ('status' in parsed) return send(res, record, parsed);
    const { body } = parsed;
    if (body !== undefined) record.body = body;

    const blobToken = storage && path.startsWith(BLOB_PREFIX) ? path.slice(BLOB_PREFIX.length) : undefined;
    const match = storage ? null : router.match(method, path);
    record.route = storage ? (blobToken === undefined ? null : BLOB_ROUTE) : (match?.template ?? null);

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
          headers: { ...limiter.headers(), ...fault.headers },
        });
      }
    }

    // Storage knows nothing of tokens, rate limits or API routes: a blob or its error.
    if (storage) return send(res, record, blobs.respond(blobToken ?? ''));
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
      return send(res, record, { body: limiter.rateLimitBody(), headers: limiter.headers() });
    }

    const verdict = limiter.consume();
    if (!verdict.allowed) return send(res, record, rateLimitRefusal(verdict));
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
    const response = await callRoute(ctx, match.handler);
    send(res, record, { ...response, headers: { ...verdict.headers, ...response.headers } });
  };

  const apiListener = await listenOnLoopback((req, res) => handle(req, res, false));
  let storageListener: LoopbackListener;
  try {
    storageListener = await listenOnLoopback((req, res) => handle(req, res, true));
  } catch (error) {
    await apiListener.close();
    throw error;
  }
  baseUrl = apiListener.url;
  blobUrl = storageListener.url;
  const serverUrl = `${baseUrl}/_web`;
  model = new SimModel(baseUrl, serverUrl, clock);
  blobs = new BlobStore(blobUrl, clock, options.logUrlTtlMs ?? 60_000);

  return {
    url: baseUrl,
    serverUrl,
    blobUrl,
    model,
    faults,
    requests,
    clearRequests: () => {
      requests.length = 0;
    },
    route: (method, template, handler) => router.add(method, template, handler),
    setRateLimit: (update) => limiter.set(update),
    close: async () => {
      await Promise.all([apiListener.close(), storageListener.close()]);
    },
  };
}
