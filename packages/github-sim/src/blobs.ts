import { randomBytes } from 'node:crypto';
import type { Clock } from './rate-limit';
import type { SimResponse } from './router';

interface Blob {
  content: Buffer;
  contentType: string;
  filename: string | undefined;
  expiresAt: number;
}

/** The storage account in the path, as Azure's IP-style URLs (`http://host:port/<account>/<container>/<blob>`) carry it. */
export const STORAGE_ACCOUNT = 'simstorage';
/** Route of the cache archives in the sim's blob container (blob-container.ts). */
export const BLOB_ROUTE_TEMPLATE = `/${STORAGE_ACCOUNT}/{container}/{blob}`;

/** Azure Storage's XML error body. */
export function storageErrorXml(code: string, message: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
}

export type BlobLookup =
  | { kind: 'ok'; content: Buffer; contentType: string; filename: string | undefined }
  | { kind: 'expired' }
  | { kind: 'unknown' };

/** Short-lived signed URLs like the storage links GitHub redirects log and archive downloads to. */
export class BlobStore {
  private readonly blobs = new Map<string, Blob>();

  constructor(
    private readonly baseUrl: string,
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  sign(content: string | Buffer, contentType: string, filename?: string): string {
    const token = randomBytes(16).toString('hex');
    const expiresAt = this.clock.now() + this.ttlMs;
    const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    this.blobs.set(token, { content: buffer, contentType, filename, expiresAt });
    const signature = randomBytes(8).toString('hex');
    return `${this.baseUrl}/_blobs/${token}?expires=${expiresAt}&sig=${signature}`;
  }

  /** The expiry kept server-side decides, so editing `expires` in the URL does not help. */
  lookup(token: string): BlobLookup {
    const blob = this.blobs.get(token);
    if (!blob) return { kind: 'unknown' };
    if (this.clock.now() >= blob.expiresAt) return { kind: 'expired' };
    return { kind: 'ok', content: blob.content, contentType: blob.contentType, filename: blob.filename };
  }

  /** The storage service's answer to GET /_blobs/<token>: the content, or its XML error once expired. */
  respond(token: string): SimResponse {
    const blob = this.lookup(token);
    if (blob.kind === 'unknown') return { status: 404, body: 'The specified blob does not exist.' };
    if (blob.kind === 'expired') {
      const xml = storageErrorXml('AuthenticationFailed', 'Signed expiry time has passed.');
      return { status: 403, body: xml, headers: { 'content-type': 'application/xml' } };
    }
    const disposition: Record<string, string> = blob.filename
      ? { 'content-disposition': `attachment; filename=${blob.filename}` }
      : {};
    return { status: 200, body: blob.content, headers: { 'content-type': blob.contentType, ...disposition } };
  }
}
