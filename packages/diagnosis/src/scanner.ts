/**
 * The streaming scanner: bytes in, numbered lines out, in constant memory. Lines are split on "\n"
 * only, a "\r" just before it removed (the corpus convention). Only the first `maxLineBytes` of a
 * line are ever held or examined, so a line of megabytes costs no more memory than a short one.
 *
 * Speed comes from not looking at most lines at all: one keyword automaton (one table lookup per
 * byte) runs over each block of complete lines. Only the lines it hits (candidates) are decoded as
 * UTF-8 and handed to the caller; the others are only counted.
 */

import type { KeywordAutomaton } from './keywords';

/** Bytes of one line that are examined; the rest of a longer line is skipped. */
export const MAX_LINE_BYTES = 64 * 1024;
/** Bytes of a line kept for an excerpt (a person never reads more). */
const RETAINED_LINE_BYTES = 512;
/** Incoming data is cut into blocks of at most this size, so a huge chunk never becomes a huge string. */
const BLOCK_BYTES = 1024 * 1024;

/** How many lines around a candidate to keep for its excerpt. */
export interface ContextRequest {
  before: number;
  after: number;
}

export interface ScannerOptions {
  /** A line holding any of its keywords is a candidate. */
  prefilter: KeywordAutomaton;
  /** Called for each candidate line (1-based number, UTF-8 text without its line ending, cut to maxLineBytes). */
  onCandidate(line: number, text: string): ContextRequest | undefined;
  maxLineBytes?: number;
  /** The last lines of the log kept for the end of the analysis (default 120). */
  tailLines?: number;
}

export interface ScanStats {
  bytes: number;
  lines: number;
  /** The most bytes of one line the scanner ever held at once (bounded by maxLineBytes). */
  maxRetainedLineBytes: number;
  /** Lines longer than maxLineBytes (examined on their head only). */
  overlongLines: number;
}

export class LogScanner {
  /** Lines kept for excerpts, by number (the caller prunes it with `retainOnly`). */
  readonly retained = new Map<number, string>();
  private readonly maxLineBytes: number;
  private readonly tailSize: number;
  private tail: { number: number; text: string }[] = [];
  private carry: Buffer[] = [];
  private carryBytes = 0;
  private overlong = false;
  private lineCount = 0;
  private keepUntil = 0;
  private readonly stats: ScanStats = { bytes: 0, lines: 0, maxRetainedLineBytes: 0, overlongLines: 0 };

  constructor(private readonly options: ScannerOptions) {
    this.maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
    this.tailSize = options.tailLines ?? 120;
  }

  write(chunk: Buffer | string): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.stats.bytes += bytes.length;
    for (let offset = 0; offset < bytes.length; offset += BLOCK_BYTES) {
      this.writeBlock(bytes.subarray(offset, offset + BLOCK_BYTES));
    }
  }

  /** Flushes the last line; returns the figures of the scan. */
  end(): ScanStats {
    if (this.carryBytes > 0 || this.overlong) this.finishCarriedLine();
    this.stats.lines = this.lineCount;
    return { ...this.stats };
  }

  /** The last lines of the log (after `end`), oldest first. */
  tailLines(): readonly { number: number; text: string }[] {
    return this.tail;
  }

  /** Drops retained lines the caller no longer needs. */
  retainOnly(keep: (line: number) => boolean): void {
    for (const line of this.retained.keys()) if (!keep(line)) this.retained.delete(line);
  }

  private writeBlock(chunk: Buffer): void {
    let start = 0;
    if (this.carryBytes > 0 || this.overlong) {
      const newline = chunk.indexOf(10);
      if (newline === -1) {
        this.carryOn(chunk);
        return;
      }
      this.carryOn(chunk.subarray(0, newline));
      this.finishCarriedLine();
      start = newline + 1;
    }
    const last = chunk.lastIndexOf(10);
    if (last >= start) {
      this.scanBlock(chunk.subarray(start, last + 1));
      start = last + 1;
    }
    if (start < chunk.length) this.carryOn(chunk.subarray(start));
  }

  /** Holds the start of an unfinished line, never more than maxLineBytes of it. */
  private carryOn(piece: Buffer): void {
    if (this.overlong) return;
    const room = this.maxLineBytes - this.carryBytes;
    if (piece.length > room) {
      this.overlong = true;
      this.stats.overlongLines++;
      piece = piece.subarray(0, room);
    }
    // Copied: the caller may reuse its buffer after write() returns.
    if (piece.length > 0) this.carry.push(Buffer.from(piece));
    this.carryBytes += piece.length;
    this.stats.maxRetainedLineBytes = Math.max(this.stats.maxRetainedLineBytes, this.carryBytes);
  }

  private finishCarriedLine(): void {
    const line = Buffer.concat([...this.carry, Buffer.from('\n')]);
    this.carry = [];
    this.carryBytes = 0;
    this.overlong = false;
    this.scanBlock(line);
  }

  /** Scans complete lines; `block` ends with "\n". */
  private scanBlock(block: Buffer): void {
    const prefilter = this.options.prefilter;
    const length = block.length;
    let line = this.lineCount + 1;
    let position = 0; // always the start of line `line`
    while (position < length) {
      const hit = prefilter.find(block, position, length);
      const target = hit === -1 ? length : hit;
      for (;;) {
        const newline = block.indexOf(10, position);
        if (newline === -1 || newline >= target) break;
        if (line <= this.keepUntil) this.retained.set(line, this.decode(block, position, newline));
        position = newline + 1;
        line++;
      }
      if (hit === -1) break;
      const end = block.indexOf(10, hit);
      this.candidate(block, line, position, end);
      position = end + 1;
      line++;
    }
    this.lineCount = line - 1;
    this.keepTail(block);
  }

  private candidate(block: Buffer, line: number, start: number, end: number): void {
    const cut = end - start > this.maxLineBytes;
    let content = block.toString('utf8', start, cut ? start + this.maxLineBytes : end);
    if (!cut && content.endsWith('\r')) content = content.slice(0, -1);
    const context = this.options.onCandidate(line, content);
    if (!context) return;
    this.retained.set(line, this.decode(block, start, end));
    let lineStart = start;
    for (let back = 1; back <= context.before && line - back >= 1; back++) {
      const number = line - back;
      if (lineStart === 0) {
        const kept = this.tail.find((t) => t.number === number);
        if (kept) this.retained.set(number, kept.text);
        continue;
      }
      const previousStart = lineStart >= 2 ? block.lastIndexOf(10, lineStart - 2) + 1 : 0;
      if (!this.retained.has(number))
        this.retained.set(number, this.decode(block, previousStart, lineStart - 1));
      lineStart = previousStart;
    }
    this.keepUntil = Math.max(this.keepUntil, line + context.after);
  }

  private decode(block: Buffer, start: number, end: number): string {
    if (end - start > RETAINED_LINE_BYTES) {
      // Cut at a word boundary: half a token would escape redaction later.
      const head = block.toString('utf8', start, start + RETAINED_LINE_BYTES);
      return `${head.slice(0, Math.max(0, head.lastIndexOf(' ')))}…`;
    }
    const text = block.toString('utf8', start, end);
    return text.endsWith('\r') ? text.slice(0, -1) : text;
  }

  /** Keeps the last `tailSize` lines seen, for the end-of-log locator and context across blocks. */
  private keepTail(block: Buffer): void {
    const fresh: { number: number; text: string }[] = [];
    let end = block.length - 1; // the final "\n"
    let number = this.lineCount;
    while (fresh.length < this.tailSize && end >= 0) {
      const start = end >= 1 ? block.lastIndexOf(10, end - 1) + 1 : 0;
      fresh.push({ number, text: this.decode(block, start, end) });
      number--;
      if (start === 0) break;
      end = start - 1;
    }
    fresh.reverse();
    this.tail = [...this.tail, ...fresh].slice(-this.tailSize);
  }
}
