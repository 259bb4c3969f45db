import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { BlobStore } from './blobs';
import { SimHttpError } from './errors';
import { type FaultInjector, FaultInjector as Faults } from './faults';
import { SimModel } from './model';
import { paginate } from './pagination';
import {
  type Clock,
  PRIMARY_LIMIT_DOCS,
  RateLimiter,
  type RateLimitOptions,
  SECONDARY_LIMIT_DOCS,
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

const BLOB_ROUTE = '/_blobs/{token}';

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function recordHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    headers[name.toLowerCase()] =
      name.toLowerCase() === 'authorization' ? `${text.split(' ')[0]} REDACTED` : text;
  }
  return headers;
}

function tokenOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header ? header.replace(/^(token|bearer)\s+/i, '') : undefined;
}

export async function startGitHubSim(options: GitHubSimOptions = {}): Promise<GitHubSim> {
  const clock = options.clock ?? { now: () => Date.now() };
  const router = new Router();
  registerRoutes(router);
  const faults = new Faults(options.seed ?? 1);
  const limiter = new RateLimiter(clock, options.rateLimit, options.secondaryLimit);
  const requests: RequestRecord[] = [];
  const maxBody = options.maxBodyBytes ?? 5 * 1024 * 1024;
  let requestCounter = 0;
  // Filled in once the server listens and the port is known.
  let model = undefined as unknown as SimModel;
  let blobs = undefined as unknown as BlobStore;
  let baseUrl = '';

  const send = (res: ServerResponse, record: RequestRecord, response: SimResponse): void => {
    const status = response.status ?? 200;
    record.status = status;
    requestCounter += 1;
    const headers: Record<string, string> = {
      'x-github-request-id': `SIM:${requestCounter.toString(16).toUpperCase()}`,
      'x-github-media-type': 'github.v3; format=json',
      ...response.headers,
    };
    let payload: Buffer | undefined;
    if (Buffer.isBuffer(response.body)) payload = response.body;
    else if (typeof response.body === 'string') {
      payload = Buffer.from(response.body);
      headers['content-type'] ??= 'text/plain; charset=utf-8';
    } else if (response.body !== undefined && status !== 204 && status !== 304) {
      payload = Buffer.from(JSON.stringify(response.body));
      headers['content-type'] = 'application/json; charset=utf-8';
    }
    headers['content-length'] = String(payload?.length ?? 0);
    res.writeHead(status, headers);
    res.end(payload);
  };

  const isAuthorized = (req: IncomingMessage): boolean => {
    const required = options.requireToken;
    if (!required) return true;
    const token = tokenOf(req);
    if (!token) return false;
    if (required === true) return true;
    return (Array.isArray(required) ? required : [required]).includes(token);
  };

  const serveBlob = (path: string): SimResponse => {
    const blob = blobs.lookup(path.slice('/_blobs/'.length));
    if (blob.kind === 'unknown') return { status: 404, body: 'The specified blob does not exist.' };
    if (blob.kind === 'expired') {
      const xml =
        '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Signed expiry time has passed.</Message></Error>';
      return { status: 403, body: xml, headers: { 'content-type': 'application/xml' } };
    }
    const disposition: Record<string, string> = blob.filename
      ? { 'content-disposition': `attachment; filename=${blob.filename}` }
      : {};
    return { status: 200, body: blob.content, headers: { 'content-type': blob.contentType, ...disposition } };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', baseUrl);
    const path = url.pathname;
    const record: RequestRecord = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      route: null,
      status: 0,
      headers: recordHeaders(req),
      hasAuthorization: req.headers.authorization !== undefined,
      at: clock.now(),
    };
    requests.push(record);

    let raw: Buffer;
    try {
      raw = await readBody(req, maxBody);
    } catch {
      send(res, record, {
        status: 413,
        body: { message: 'Request body too large', documentation_url: 'https://docs.github.com/rest' },
      });
      return;
    }
    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        send(res, record, {
          status: 400,
          body: { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/rest' },
        });
        return;
      }
      record.body = body;
    }

    const isBlob = path.startsWith('/_blobs/');
    const match = isBlob ? null : router.match(method, path);
    record.route = isBlob ? BLOB_ROUTE : (match?.template ?? null);

    const fault = faults.take(method, path, record.route);
    if (fault) {
      record.fault = fault.id;
      if (fault.latencyMs) await delay(fault.latencyMs);
      if (fault.drop) {
        req.socket.destroy();
        return;
      }
      if (fault.status) {
        const faultBody = fault.body ?? {
          message: `Simulated ${fault.status}`,
          documentation_url: 'https://docs.github.com/rest',
        };
        send(res, record, {
          status: fault.status,
          body: faultBody,
          headers: { ...limiter.headers(), ...fault.headers },
        });
        return;
      }
    }

    if (isBlob) return send(res, record, serveBlob(path));
    if (path === '/_web' || path.startsWith('/_web/')) {
      return send(res, record, {
        status: 200,
        body: '<!doctype html><title>github-sim</title>',
        headers: { 'content-type': 'text/html' },
      });
    }
    if (!isAuthorized(req)) {
      return send(res, record, {
        status: 401,
        body: {
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest',
          status: '401',
        },
      });
    }
    // GitHub does not count GET /rate_limit against the budget.
    if (path === '/rate_limit')
      return send(res, record, { body: rateLimitBody(), headers: limiter.headers() });

    const verdict = limiter.consume();
    if (!verdict.allowed) {
      const message =
        verdict.kind === 'secondary'
          ? 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.'
          : 'API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID.';
      const documentation = verdict.kind === 'secondary' ? SECONDARY_LIMIT_DOCS : PRIMARY_LIMIT_DOCS;
      return send(res, record, {
        status: 403,
        body: { message, documentation_url: documentation },
        headers: verdict.headers,
      });
    }
    if (!match) {
      return send(res, record, {
        status: 404,
        body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
        headers: verdict.headers,
      });
    }

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
    let response: SimResponse;
    try {
      response = await match.handler(ctx);
    } catch (error) {
      response =
        error instanceof SimHttpError
          ? { status: error.status, body: error.toBody() }
          : {
              status: 500,
              body: {
                message: `github-sim: ${(error as Error).message}`,
                documentation_url: 'https://docs.github.com/rest',
              },
            };
    }
    send(res, record, { ...response, headers: { ...verdict.headers, ...response.headers } });
  };

  const rateLimitBody = () => {
    const state = limiter.state();
    const core = {
      limit: state.limit,
      remaining: state.remaining,
      used: state.used,
      reset: state.reset,
      resource: 'core',
    };
    return {
      resources: { core, search: { ...core, limit: 30, remaining: 30, used: 0, resource: 'search' } },
      rate: core,
    };
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`github-sim crashed: ${(error as Error).message}`);
    });
  });
  // Keep-alive sockets must not hold the process open after close().
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;
  const serverUrl = `${baseUrl}/_web`;
  model = new SimModel(baseUrl, serverUrl, clock);
  blobs = new BlobStore(baseUrl, clock, options.logUrlTtlMs ?? 60_000);

  return {
    url: baseUrl,
    serverUrl,
    model,
    faults,
    requests,
    clearRequests: () => {
      requests.length = 0;
    },
    route: (method, template, handler) => router.add(method, template, handler),
    setRateLimit: (update) => limiter.set(update),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
