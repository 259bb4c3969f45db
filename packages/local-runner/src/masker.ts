/**
 * Replaces registered secrets with `***` like the runner's secret masker (src/Sdk/DTLogging/Logging/
 * SecretMasker.cs): each value is registered with the encoded forms the runner adds
 * (ValueEncoders.cs: base64 of the value and of the value without its first 1 or 2 bytes,
 * URI-escaped, JSON-escaped), and overlapping or touching matches become one `***`.
 */
export class Masker {
  /** Values as registered (the whole value and its trimmed lines), for `StepResult.masks`. */
  private readonly values = new Set<string>();
  private readonly secrets = new Set<string>();

  /**
   * Registers the whole value and each of its lines, trimmed (ActionCommandManager.cs, add-mask).
   * A value that is only whitespace is ignored; the caller warns about it.
   */
  add(value: string): void {
    if (value.trim() === '') return;
    const lines = value
      .split(/[\r\n]/)
      .map((line) => line.trim())
      .filter((line) => line !== '');
    for (const secret of [value, ...lines]) {
      if (this.values.has(secret)) continue;
      this.values.add(secret);
      for (const form of encodedForms(secret)) if (form !== '') this.secrets.add(form);
    }
  }

  get size(): number {
    return this.values.size;
  }

  list(): string[] {
    return [...this.values];
  }

  mask(text: string): string {
    if (this.secrets.size === 0 || text === '') return text;
    // Every occurrence of every secret, also overlapping ones (lookahead from each position).
    const ranges: [number, number][] = [];
    for (const secret of this.secrets) {
      for (let at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
        ranges.push([at, at + secret.length]);
      }
    }
    if (ranges.length === 0) return text;
    ranges.sort((a, b) => a[0] - b[0]);
    let result = '';
    let position = 0;
    let [start, end] = ranges[0]!;
    for (const [from, to] of ranges.slice(1)) {
      if (from <= end) end = Math.max(end, to);
      else {
        result += `${text.slice(position, start)}***`;
        position = end;
        [start, end] = [from, to];
      }
    }
    return `${result}${text.slice(position, start)}***${text.slice(end)}`;
  }
}

/** The value and the encodings the runner masks too (HostContext.cs registers these encoders). */
function encodedForms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const base64 = (shift: number) => (bytes.length > shift ? bytes.subarray(shift) : bytes).toString('base64');
  return [value, base64(0), base64(1), base64(2), uriDataEscape(value), JSON.stringify(value).slice(1, -1)];
}

/** .NET Uri.EscapeDataString: like encodeURIComponent, and `!'()*` are escaped too. */
function uriDataEscape(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
