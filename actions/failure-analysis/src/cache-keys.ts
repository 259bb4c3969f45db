/**
 * The cache keys a job's log says it restored (actions/cache and the setup-* actions write
 * "Cache restored from key: <key>"): the caches a cache-corruption failure can implicate.
 * Fed the same chunks as the analyzer; holds at most one partial line and a few keys.
 */
const RESTORED = /Cache restored from key:\s*(\S{1,512})/;
const MAX_KEYS = 20;
const MAX_LINE = 4096;

export class CacheKeyWatcher {
  readonly keys: string[] = [];
  private partial = '';
  private readonly decoder = new TextDecoder();

  write(chunk: Uint8Array | string): void {
    const text =
      this.partial + (typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true }));
    const lines = text.split('\n');
    this.partial = (lines.pop() ?? '').slice(-MAX_LINE);
    for (const line of lines) this.look(line);
  }

  end(): string[] {
    this.look(this.partial);
    this.partial = '';
    return this.keys;
  }

  private look(line: string): void {
    if (this.keys.length >= MAX_KEYS || !line.includes('Cache restored from key')) return;
    const key = RESTORED.exec(line)?.[1];
    if (key && !this.keys.includes(key)) this.keys.push(key);
  }
}
