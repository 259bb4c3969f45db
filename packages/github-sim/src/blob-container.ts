import { createHash, randomBytes } from 'node:crypto';
import { STORAGE_ACCOUNT, storageErrorXml } from './blobs';
import type { Clock } from './rate-limit';
import type { SimResponse } from './router';

/**
 * An Azure Blob Storage container as the Actions cache uses it: signed (SAS) URLs that expire,
 * Put Blob or Put Block + Put Block List uploads, and whole or ranged downloads.
 * Facts from the Azure Blob REST reference (Put Blob, Put Block, Put Block List, Get Blob,
 * "Specify the range header"); the SAS query names (sv, se, sr, sp, sig) are Azure's.
 */

export const CACHE_CONTAINER = 'actions-cache';

type Permission = 'read' | 'write';

interface Grant {
  container: string;
  blob: string;
  permission: Permission;
  expiresAt: number;
}

interface StoredBlob {
  content: Buffer;
  etag: string;
  lastModified: number;
}

export interface StorageRequest {
  method: string;
  container: string;
  blob: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: Buffer;
}

const API_VERSION = '2024-11-04';

export class BlobContainer {
  private readonly grants = new Map<string, Grant>();
  private readonly blobs = new Map<string, StoredBlob>();
  /** Staged (uncommitted) blocks per blob, keyed by the base64 block id. */
  private readonly blocks = new Map<string, Map<string, Buffer>>();

  constructor(
    private readonly baseUrl: string,
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  /** A SAS URL allowing `permission` on one blob until the TTL passes. */
  sign(blob: string, permission: Permission): string {
    const expiresAt = this.clock.now() + this.ttlMs;
    const sig = randomBytes(24).toString('base64');
    this.grants.set(sig, { container: CACHE_CONTAINER, blob, permission, expiresAt });
    const query = new URLSearchParams({
      sv: API_VERSION,
      se: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      sr: 'b',
      sp: permission === 'read' ? 'r' : 'cw',
      sig,
    });
    return `${this.baseUrl}/${STORAGE_ACCOUNT}/${CACHE_CONTAINER}/${encodeURIComponent(blob)}?${query}`;
  }

  /** The committed content of a blob, if any. */
  get(blob: string): Buffer | undefined {
    return this.blobs.get(`${CACHE_CONTAINER}/${blob}`)?.content;
  }

  respond(request: StorageRequest): SimResponse {
    // A SAS request that also carries credentials is refused, as Azure does.
    if (request.headers.authorization !== undefined) {
      return storageError(403, 'AuthenticationFailed', 'Authorization header is not allowed with a SAS.');
    }
    const grant = this.grants.get(request.query.sig ?? '');
    if (!grant || grant.container !== request.container || grant.blob !== request.blob) {
      return storageError(403, 'AuthenticationFailed', 'Signature did not match.');
    }
    if (this.clock.now() >= grant.expiresAt) {
      return storageError(403, 'AuthenticationFailed', 'Signed expiry time has passed.');
    }
    const reading = request.method === 'GET' || request.method === 'HEAD';
    if (request.method === 'PUT' && grant.permission === 'write') return this.write(request);
    if (reading && grant.permission === 'read') return this.read(request);
    return storageError(
      403,
      'AuthorizationPermissionMismatch',
      'This request is not authorized to perform this operation using this permission.',
    );
  }

  private write(request: StorageRequest): SimResponse {
    const key = `${request.container}/${request.blob}`;
    const comp = request.query.comp;
    if (comp === 'block') {
      const blockId = request.query.blockid;
      if (!blockId) return storageError(400, 'InvalidQueryParameterValue', 'blockid is required.');
      const staged = this.blocks.get(key) ?? new Map<string, Buffer>();
      staged.set(blockId, request.body);
      this.blocks.set(key, staged);
      return created({ 'content-md5': md5(request.body) });
    }
    if (comp === 'blocklist') {
      const ids = [
        ...request.body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g),
      ].map((match) => match[1] ?? '');
      const staged = this.blocks.get(key) ?? new Map<string, Buffer>();
      const parts: Buffer[] = [];
      for (const id of ids) {
        const part = staged.get(id);
        if (!part) return storageError(400, 'InvalidBlockList', 'The specified block list is invalid.');
        parts.push(part);
      }
      this.blocks.delete(key);
      return created(this.put(key, Buffer.concat(parts)));
    }
    if (comp !== undefined)
      return storageError(400, 'InvalidQueryParameterValue', `Unsupported comp=${comp}.`);
    if ((request.headers['x-ms-blob-type'] ?? '') !== 'BlockBlob') {
      return storageError(
        400,
        'MissingRequiredHeader',
        'An HTTP header that is mandatory for this request is not specified: x-ms-blob-type.',
      );
    }
    return created({ ...this.put(key, request.body), 'content-md5': md5(request.body) });
  }

  /** Stores a committed blob directly (the v1 service assembles its own uploads). */
  store(blob: string, content: Buffer): void {
    this.put(`${CACHE_CONTAINER}/${blob}`, content);
  }

  private put(key: string, content: Buffer): Record<string, string> {
    const blob = {
      content,
      etag: `"0x${randomBytes(8).toString('hex').toUpperCase()}"`,
      lastModified: this.clock.now(),
    };
    this.blobs.set(key, blob);
    return { etag: blob.etag, 'last-modified': new Date(blob.lastModified).toUTCString() };
  }

  private read(request: StorageRequest): SimResponse {
    const blob = this.blobs.get(`${request.container}/${request.blob}`);
    if (!blob) return storageError(404, 'BlobNotFound', 'The specified blob does not exist.');
    const total = blob.content.length;
    const headers: Record<string, string> = {
      'content-type': 'application/octet-stream',
      'accept-ranges': 'bytes',
      etag: blob.etag,
      'last-modified': new Date(blob.lastModified).toUTCString(),
      'x-ms-blob-type': 'BlockBlob',
      'x-ms-version': API_VERSION,
    };
    const range = parseRange(request.headers['x-ms-range'] ?? request.headers.range, total);
    if (range === 'invalid') {
      return {
        ...storageError(
          416,
          'InvalidRange',
          'The range specified is invalid for the current size of the resource.',
        ),
        headers: { 'content-range': `bytes */${total}` },
      };
    }
    const [start, end] = range ?? [0, total - 1];
    const body = blob.content.subarray(start, end + 1);
    if (range) headers['content-range'] = `bytes ${start}-${end}/${total}`;
    // Node sends no body on HEAD but keeps the content-length of what a GET would send.
    return { status: range ? 206 : 200, body, headers };
  }
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n`; undefined when absent. */
function parseRange(header: string | undefined, total: number): [number, number] | undefined | 'invalid' {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return 'invalid';
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, total - Number(match[2]));
    end = total - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? total - 1 : Math.min(Number(match[2]), total - 1);
  }
  if (start >= total || start > end) return 'invalid';
  return [start, end];
}

function created(headers: Record<string, string>): SimResponse {
  return {
    status: 201,
    headers: { ...headers, 'x-ms-version': API_VERSION, 'x-ms-request-server-encrypted': 'true' },
  };
}

function md5(content: Buffer): string {
  return createHash('md5').update(content).digest('base64');
}

/** Azure's XML error body, with the error code also in `x-ms-error-code`. */
export function storageError(status: number, code: string, message: string): SimResponse {
  const body = storageErrorXml(code, message);
  return { status, body, headers: { 'content-type': 'application/xml', 'x-ms-error-code': code } };
}
