/** Replaces registered secret values with `***`, longest first, like the runner's secret masker. */
export class Masker {
  private readonly values = new Set<string>();
  private pattern: RegExp | undefined;

  /** Registers a value; a multi-line value registers each of its lines. Blank values are ignored. */
  add(value: string): void {
    let changed = false;
    for (const line of value.split(/\r?\n/)) {
      const secret = line.trim() === '' ? '' : line;
      if (secret === '' || this.values.has(secret)) continue;
      this.values.add(secret);
      changed = true;
    }
    if (changed) this.pattern = undefined;
  }

  get size(): number {
    return this.values.size;
  }

  list(): string[] {
    return [...this.values];
  }

  mask(text: string): string {
    if (this.values.size === 0 || text === '') return text;
    this.pattern ??= new RegExp(
      [...this.values]
        .sort((a, b) => b.length - a.length)
        .map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
      'g',
    );
    return text.replace(this.pattern, '***');
  }
}
