import type { IncomingMessage, ServerResponse } from 'node:http';
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
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    headers[name.toLowerCase()] =
      name.toLowerCase() === 'authorization' ? `${text.split(' ')[0]} REDACTED` : text;
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
