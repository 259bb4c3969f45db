/** The captured, masked log of a step: capped in bytes, optionally echoed live. */
export class StepLog {
  private readonly parts: string[] = [];
  private bytes = 0;
  private droppedBytes = 0;
  private droppedLines = 0;
  private readonly echoLine: ((line: string) => void) | undefined;

  constructor(
    private readonly maxBytes: number,
    echo: boolean | ((line: string) => void) | undefined,
  ) {
    this.echoLine =
      typeof echo === 'function' ? echo : echo ? (line) => process.stdout.write(`${line}\n`) : undefined;
  }

  /** True when a line's text is still wanted (captured or echoed); lets callers skip decoding. */
  get wantsText(): boolean {
    return this.echoLine !== undefined || this.bytes < this.maxBytes;
  }

  /** Counts a line that was not decoded because nobody wants its text. */
  skip(byteLength: number): void {
    this.droppedBytes += byteLength + 1;
    this.droppedLines++;
  }

  add(line: string): void {
    this.echoLine?.(line);
    const size = Buffer.byteLength(line) + 1;
    if (this.bytes + size > this.maxBytes) {
      this.bytes = this.maxBytes; // once full, stay full: later short lines must not slip in out of order
      this.droppedBytes += size;
      this.droppedLines++;
      return;
    }
    this.parts.push(line);
    this.bytes += size;
  }

  text(): string {
    const note =
      this.droppedLines > 0
        ? [
            `##[warning]local-runner: log capture limit of ${this.maxBytes} bytes reached; ` +
              `${this.droppedLines} more lines (${this.droppedBytes} bytes) were parsed for commands but not kept`,
          ]
        : [];
    return [...this.parts, ...note].join('\n');
  }
}
