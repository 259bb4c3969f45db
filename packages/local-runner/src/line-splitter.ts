/**
 * Splits a byte stream into lines (LF, CRLF or a lone CR) without buffering the whole stream: line
 * breaks are found with Buffer.indexOf and only a partial last line is kept. A line longer than `maxLineBytes` is
 * handed over in pieces; pieces after the first are marked as continuations (never commands).
 */
const LF = 10;
const CR = 13;

export type LineHandler = (bytes: Buffer, continuation: boolean) => void;

export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private midLine = false;
  private afterCarriageReturn = false;

  constructor(
    private readonly onLine: LineHandler,
    private readonly maxLineBytes = 1024 * 1024,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    if (this.afterCarriageReturn && chunk.length > 0 && chunk[0] === LF) start = 1; // the LF of a CRLF
    this.afterCarriageReturn = false;
    // A line ends at LF, CRLF or a lone CR, as the runner's StreamReader.ReadLine (ProcessInvoker.cs).
    let nextLF = chunk.indexOf(LF, start);
    let nextCR = chunk.indexOf(CR, start);
    while (nextLF >= 0 || nextCR >= 0) {
      const end = nextCR >= 0 && (nextLF < 0 || nextCR < nextLF) ? nextCR : nextLF;
      const piece = chunk.subarray(start, end);
      this.emit(this.pendingBytes > 0 ? Buffer.concat([...this.pending, piece]) : piece);
      this.pending = [];
      this.pendingBytes = 0;
      this.midLine = false;
      start = end + 1;
      if (end === nextCR) {
        if (start === chunk.length) this.afterCarriageReturn = true;
        else if (chunk[start] === LF) start++;
      }
      if (nextLF >= 0 && nextLF < start) nextLF = chunk.indexOf(LF, start);
      if (nextCR >= 0 && nextCR < start) nextCR = chunk.indexOf(CR, start);
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
    this.onLine(line, this.midLine);
  }
}

/** Byte-level test for a command line (`::` after optional blanks), so plain lines need no decoding. */
export function bytesMayBeCommand(line: Buffer): boolean {
  let index = 0;
  while (index < line.length && (line[index] === 32 || line[index] === 9)) index++;
  return line[index] === 58 && line[index + 1] === 58;
}
