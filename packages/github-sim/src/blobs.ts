import { randomBytes } from 'node:crypto';
import type { Clock } from './rate-limit';

interface Blob {
  content: Buffer;
  contentType: string;
  filename: string | undefined;
  expiresAt: number;
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
}
