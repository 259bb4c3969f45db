/**
 * Splits a byte stream into lines without buffering the whole stream: newlines are found with
 * Buffer.indexOf and only a partial last line is kept. A line longer than `maxLineBytes` is
 * handed over in pieces; pieces after the first are marked as continuations (never commands).
 */
export type LineHandler = (bytes: Buffer, continuation: boolean) => void;

export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private midLine = false;

  constructor(
    private readonly onLine: LineHandler,
    private readonly maxLineBytes = 1024 * 1024,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (let newline = chunk.indexOf(10, start); newline >= 0; newline = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, newline);
      this.emit(this.pendingBytes > 0 ? Buffer.concat([...this.pending, piece]) : piece);
      this.pending = [];
      this.pendingBytes = 0;
      this.midLine = false;
      start = newline + 1;
    }
    if (start >= chunk.length) return;
    const rest = chunk.subarray(start);
    this.pending.push(rest);
    this.pendingBytes += rest.length;
    if (this.pendingBytes > this.maxLineBytes) {
      this.emit(Buffer.concat(this.pending));
      this.pending = [];
      this.pendingBytes = 0;
      this.midLine = true;
    }
  }

  /** Emits the last line when the stream ended without a newline. */
  end(): void {
    if (this.pendingBytes > 0) this.emit(Buffer.concat(this.pending));
    this.pending = [];
    this.pendingBytes = 0;
    this.midLine = false;
  }

  private emit(line: Buffer): void {
    const trimmed =
      line.length > 0 && line[line.length - 1] === 13 ? line.subarray(0, line.length - 1) : line;
    this.onLine(trimmed, this.midLine);
  }
}

/** Byte-level test for a command line (`::` after optional blanks), so plain lines need no decoding. */
export function bytesMayBeCommand(line: Buffer): boolean {
  let index = 0;
  while (index < line.length && (line[index] === 32 || line[index] === 9)) index++;
  return line[index] === 58 && line[index + 1] === 58;
}
