import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimResponse } from './router';

/** Plain HTTP plumbing of the server: request bodies and headers in, GitHub-style responses out. */

export const REST_DOCS = 'https://docs.github.com/rest';

export class BodyTooLarge extends Error {}

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Request headers for the request log: lower-cased, authorization kept as `<scheme> REDACTED`. */
export function loggedHeaders(req: IncomingMessage): Record<string, string> {
  const headers = rawHeaders(req);
  if (headers.authorization !== undefined) {
    headers.authorization = `${headers.authorization.split(' ')[0]} REDACTED`;
  }
  return headers;
}

/** Request headers lower-cased and whole (for services that decide on them). */
export function rawHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** The credential of `Authorization: token X` / `Bearer X`. */
export function requestToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header ? header.replace(/^(token|bearer)\s+/i, '') : undefined;
}

/** GitHub's JSON error body; `status` is included the way newer API versions send it. */
export function apiError(status: number, message: string, withStatus = false): SimResponse {
  return {
    status,
    body: { message, documentation_url: REST_DOCS, ...(withStatus ? { status: String(status) } : {}) },
  };
}

/** Writes a response: JSON for objects, text/plain for strings (unless typed), raw Buffers as given. */
export function writeResponse(res: ServerResponse, response: SimResponse, requestId: string): void {
  const status = response.status ?? 200;
  const headers: Record<string, string> = {
    'x-github-request-id': requestId,
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
}

export interface LoopbackListener {
  /** `http://127.0.0.1:<port>`: each listener is its own origin. */
  url: string;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 at a free port; a handler that throws answers 500 instead of hanging. */
export async function listenOnLoopback(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<LoopbackListener> {
  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
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
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
