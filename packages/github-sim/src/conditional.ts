import { createHash } from 'node:crypto';
import type { SimResponse } from './router';

/**
 * Conditional requests (REST docs "Best practices for using the REST API": every GET answer carries
 * an `ETag`; the same request with `If-None-Match: <etag>` answers 304 without a body when nothing
 * changed, and a 304 does not count against the primary rate limit).
 */
export function entityTag(body: unknown): string {
  return `W/"${createHash('sha1').update(JSON.stringify(body)).digest('hex')}"`;
}

/** The route's answer with its ETag, and whether `If-None-Match` already names it. */
export function conditionalAnswer(
  method: string,
  ifNoneMatch: string | undefined,
  response: SimResponse,
): { response: SimResponse; notModified: boolean } {
  const status = response.status ?? 200;
  if (method !== 'GET' || status !== 200 || response.body === undefined || Buffer.isBuffer(response.body))
    return { response, notModified: false };
  const etag = entityTag(response.body);
  const tagged = { ...response, headers: { ...response.headers, etag } };
  const named = (ifNoneMatch ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  return { response: tagged, notModified: named.includes(etag.replace(/^W\//, '')) || named.includes('*') };
}
