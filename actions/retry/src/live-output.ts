/**
 * An attempt's output on its way to the runner's log, live. Two things the runner would otherwise
 * get wrong: a last line without a line break (the runner keeps it until the next break arrives,
 * so `::endgroup::` would be glued to it, or a stderr tail printed after the step), and the legacy
 * `::set-output` / `::save-state` commands, which the runner would apply from every attempt, failed
 * ones included: they are held back and count only as the attempt's own outputs.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { stripAnsi } from '@qeml/action-kit';
import { parseWorkflowCommand } from '@qeml/runner-protocol';

/** A line that may be a command is held at most this long (longer ones pass through as text). */
const MAX_HELD_LINE = 64 * 1024;
const NEWLINE = 0x0a;
const HELD_COMMANDS = new Set(['set-output', 'save-state']);
const LAST_LINE_BYTES = 4096;

export interface LiveOutputOptions {
  /** Keep the last line with text (for `exit-error`: the stderr stream only). */
  rememberLastLine?: boolean;
}

export class LiveOutput extends Transform {
  private readonly rememberLastLine: boolean;
  /** `::set-output name=...::value` lines of this attempt, in order. */
  readonly outputs: Array<{ name: string; value: string }> = [];
  private atLineStart = true;
  /** The line being written (its first bytes), and the last line that had text. */
  private current: Buffer[] = [];
  private currentLength = 0;
  private lastText = '';
  /** The start of a line that may turn out to be a held command. */
  private held: Buffer[] = [];
  private heldLength = 0;

  constructor(options: LiveOutputOptions = {}) {
    super();
    this.rememberLastLine = options.rememberLastLine === true;
  }

  /** The last line with text, without ANSI codes, its first 4 KiB (for `exit-error`). */
  get lastLine(): string {
    this.noteLine();
    return this.lastText;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let from = 0;
    // Ordinary lines pass through in one push per run of them, not one per line.
    let passFrom = 0;
    while (from < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, from);
      const end = newline === -1 ? chunk.length : newline + 1;
      const endsLine = newline !== -1;
      if (this.rememberLastLine) this.remember(chunk.subarray(from, endsLine ? newline : end), endsLine);
      const piece = chunk.subarray(from, end);
      if (this.heldLength > 0 || (this.atLineStart && mayStartCommand(piece))) {
        if (passFrom < from) this.push(chunk.subarray(passFrom, from));
        this.hold(piece, endsLine);
        passFrom = end;
      } else {
        this.atLineStart = endsLine;
      }
      from = end;
    }
    if (passFrom < chunk.length) this.push(chunk.subarray(passFrom));
    done();
  }

  /** Ends an unterminated last line, so what follows in the log starts on a line of its own. */
  finishLine(): void {
    this.releaseHeld();
    if (!this.atLineStart) {
      this.push(Buffer.from('\n'));
      this.atLineStart = true;
    }
  }

  /** Keeps the start (4 KiB) of the line being written; a finished line with text becomes the last. */
  private remember(piece: Buffer, endsLine: boolean): void {
    const room = LAST_LINE_BYTES - this.currentLength;
    if (room > 0) {
      const kept = piece.subarray(0, room);
      this.current.push(kept);
      this.currentLength += kept.length;
    }
    if (endsLine) this.noteLine();
  }

  private noteLine(): void {
    if (this.currentLength === 0) return;
    const text = stripAnsi(Buffer.concat(this.current).toString('utf8')).trim();
    this.current = [];
    this.currentLength = 0;
    if (text !== '') this.lastText = text;
  }

  override _flush(done: TransformCallback): void {
    this.finishLine();
    done();
  }

  /** Keeps a piece of a line that may be a command until the line ends (or proves too long). */
  private hold(piece: Buffer, endsLine: boolean): void {
    this.held.push(piece);
    this.heldLength += piece.length;
    if (endsLine) this.settleHeldLine();
    else if (this.heldLength > MAX_HELD_LINE) this.releaseHeld();
  }

  private settleHeldLine(): void {
    const line = Buffer.concat(this.held)
      .toString('utf8')
      .replace(/\r?\n$/, '');
    const command = parseWorkflowCommand(line);
    if (command && HELD_COMMANDS.has(command.name.toLowerCase())) {
      if (command.name.toLowerCase() === 'set-output' && command.properties.name) {
        this.outputs.push({ name: command.properties.name, value: command.message });
      }
      this.held = [];
      this.heldLength = 0;
      this.atLineStart = true;
      return;
    }
    this.releaseHeld();
    this.atLineStart = true;
  }

  private releaseHeld(): void {
    if (this.heldLength === 0) return;
    const text = Buffer.concat(this.held);
    this.held = [];
    this.heldLength = 0;
    this.push(text);
    this.atLineStart = text[text.length - 1] === NEWLINE;
  }
}

/** Whether a line starting with these bytes may be `::command`: optional blanks, then `::` (or its start). */
function mayStartCommand(piece: Buffer): boolean {
  let i = 0;
  while (i < piece.length && (piece[i] === 0x20 || piece[i] === 0x09)) i++;
  if (i === piece.length) return true; // only blanks so far
  if (piece[i] !== 0x3a) return false;
  return i + 1 === piece.length || piece[i + 1] === 0x3a;
}
