/**
 * Watches a command's output for retry-on-output / stop-on-output patterns, one line at a time, in
 * bounded memory, on the text without ANSI colour codes (coloured output matches like plain).
 */
import { StringDecoder } from 'node:string_decoder';
import { stripAnsi } from '@qeml/action-kit';

/** A compiled user pattern; `source` is what the user wrote (shown in reasons). */
export interface OutputPattern {
  source: string;
  test(line: string): boolean;
}

/** Lines longer than this are matched on their first 64 Ki characters only, so one huge line cannot grow memory. */
export const MAX_MATCHED_LINE_CHARS = 64 * 1024;

export interface OutputVerdict {
  /** The first retry-on-output pattern that matched, if any. */
  retryMatch?: OutputPattern;
  /** The first stop-on-output pattern that matched, if any. */
  stopMatch?: OutputPattern;
}

/** Scans one stream (stdout or stderr); several scanners can share one verdict. */
export class LineScanner {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';
  private overlong = false;

  constructor(
    private readonly retryOn: readonly OutputPattern[],
    private readonly stopOn: readonly OutputPattern[],
    private readonly verdict: OutputVerdict,
  ) {}

  /** True when nothing is left to learn (both kinds matched, or no patterns at all). */
  get settled(): boolean {
    const retryDone = this.retryOn.length === 0 || this.verdict.retryMatch !== undefined;
    const stopDone = this.stopOn.length === 0 || this.verdict.stopMatch !== undefined;
    return retryDone && stopDone;
  }

  write(chunk: Buffer): void {
    if (this.settled) return;
    this.take(this.decoder.write(chunk));
  }

  end(): void {
    if (this.settled) return;
    this.take(this.decoder.end());
    if (this.partial !== '') this.matchLine(this.partial);
    this.partial = '';
  }

  private take(text: string): void {
    let from = 0;
    for (;;) {
      const newline = text.indexOf('\n', from);
      const piece = text.slice(from, newline === -1 ? text.length : newline);
      this.append(piece);
      if (newline === -1) return;
      if (!this.overlong) this.matchLine(this.partial);
      this.partial = '';
      this.overlong = false;
      from = newline + 1;
    }
  }

  private append(piece: string): void {
    if (this.overlong) return;
    const room = MAX_MATCHED_LINE_CHARS - this.partial.length;
    if (piece.length <= room) {
      this.partial += piece;
      return;
    }
    // Match the bounded head now; the rest of this line is skipped.
    this.partial += piece.slice(0, room);
    this.matchLine(this.partial);
    this.partial = '';
    this.overlong = true;
  }

  /** Matches the text a person would read: without the line's CR and without colour codes. */
  private matchLine(raw: string): void {
    const line = stripAnsi(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
    if (!this.verdict.stopMatch) this.verdict.stopMatch = this.stopOn.find((p) => p.test(line));
    if (!this.verdict.retryMatch) this.verdict.retryMatch = this.retryOn.find((p) => p.test(line));
  }
}
