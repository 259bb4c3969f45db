/**
 * Conditional requests: an answer that was seen before is asked for again with `If-None-Match`; a
 * 304 costs no rate limit and its value comes from the store. The store keeps only what the metrics
 * use (not whole response bodies), so it stays small enough to keep between runs.
 */

export interface ConditionalEntry {
  etag: string;
  value: unknown;
}

/** What `ETag`s were seen for which request, and the value extracted from that answer. */
export interface ResponseStore {
  get(key: string): ConditionalEntry | undefined;
  set(key: string, entry: ConditionalEntry): void;
}

/**
 * An in-memory store, optionally seeded from a saved object. `toJSON` gives back only the entries
 * this run asked for or learnt, so what is kept between runs does not grow with old runs.
 */
export class MemoryResponseStore implements ResponseStore {
  private readonly entries: Map<string, ConditionalEntry>;
  private readonly used = new Set<string>();

  constructor(saved: Record<string, ConditionalEntry> = {}) {
    this.entries = new Map(Object.entries(saved));
  }

  get(key: string): ConditionalEntry | undefined {
    this.used.add(key);
    return this.entries.get(key);
  }

  set(key: string, entry: ConditionalEntry): void {
    this.used.add(key);
    this.entries.set(key, entry);
  }

  get size(): number {
    return this.entries.size;
  }

  toJSON(): Record<string, ConditionalEntry> {
    return Object.fromEntries([...this.entries].filter(([key]) => this.used.has(key)));
  }
}
