/**
 * Reading a report: bytes pulled lazily through the caps (bytes, time), the first few kilobytes kept
 * for detection, binary/empty/UTF-16 files refused with a clear message, text decoded as UTF-8
 * (a BOM is dropped).
 */
import { megabytes, type ReportDeps, ReportInputError, type ReportLimits } from './deps';

const HEAD_BYTES = 4096;

export type ContentKind = 'xml' | 'json' | 'text';

export interface OpenedReport {
  /** The first kilobytes as text (BOM dropped), for detection. */
  head: string;
  kind: ContentKind;
  /** The size the source gave, when it gave one. */
  size: number | undefined;
  /** The whole file as decoded text chunks, head included; throws ReportInputError past a cap. */
  text(maxBytes: number): AsyncGenerator<string>;
  /** Releases the source (a file handle) when reading stopped early; safe to call twice. */
  close(): Promise<void>;
}

export async function openReport(
  file: string,
  deps: ReportDeps,
  limits: ReportLimits,
): Promise<OpenedReport> {
  const size = await deps.source.size?.(file);
  if (size !== undefined && size > limits.maxBytes) {
    throw new ReportInputError(`is ${megabytes(size)}, over the ${megabytes(limits.maxBytes)} cap: not read`);
  }
  const now = () => deps.clock?.now() ?? Date.now();
  const started = now();
  const iterator = deps.source.read(file)[Symbol.asyncIterator]();
  const headChunks: Uint8Array[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    headChunks.push(next.value);
    headLength += next.value.length;
  }
  const headBytes = concat(headChunks, headLength);
  const head = new TextDecoder().decode(headBytes.subarray(0, HEAD_BYTES));
  try {
    refuseNonText(headBytes);
    if (done && head.trim() === '') throw new ReportInputError('is empty');
  } catch (error) {
    await iterator.return?.();
    throw error;
  }
  const kind = contentKind(head);

  let consumed = false;
  async function* text(maxBytes: number): AsyncGenerator<string> {
    if (consumed) throw new Error('a report is read once');
    consumed = true;
    const decoder = new TextDecoder();
    let bytes = 0;
    const take = (chunk: Uint8Array): string => {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        throw new ReportInputError(
          `is over the ${megabytes(maxBytes)} cap: stopped reading after ${megabytes(bytes)}`,
        );
      }
      if (now() - started > limits.maxMillis) {
        throw new ReportInputError(`took over ${limits.maxMillis / 1000} s to read: stopped`);
      }
      return decoder.decode(chunk, { stream: true });
    };
    for (const chunk of headChunks) yield take(chunk);
    headChunks.length = 0;
    while (!done) {
      const next = await iterator.next();
      if (next.done) break;
      yield take(next.value);
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  }
  const close = async () => {
    if (!done) {
      done = true;
      await iterator.return?.();
    }
  };
  return { head, kind, size, text, close };
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function refuseNonText(head: Uint8Array): void {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new ReportInputError('is UTF-16 encoded: save it as UTF-8');
  }
  if (head.includes(0)) throw new ReportInputError('is a binary file, not a report');
}

function contentKind(head: string): ContentKind {
  const start = head.trimStart();
  if (start.startsWith('<')) return 'xml';
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  return 'text';
}

/** The decoded text as lines (no line ending), counting them against `maxEntries`. */
export async function* lines(chunks: AsyncIterable<string>, maxEntries: number): AsyncGenerator<string> {
  let count = 0;
  const counted = (line: string): string => {
    count++;
    if (count > maxEntries) throw new ReportInputError(`has over ${maxEntries} lines: stopped`);
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  };
  // A line's start waits in `pending` until its newline comes: each chunk is scanned once, so one
  // huge line costs linear time (re-splitting `rest + chunk` would rescan it for every chunk).
  let pending: string[] = [];
  for await (const chunk of chunks) {
    if (!chunk.includes('\n')) {
      pending.push(chunk);
      continue;
    }
    const parts = chunk.split('\n');
    parts[0] = pending.join('') + parts[0];
    pending = [parts.pop() ?? ''];
    for (const part of parts) yield counted(part);
  }
  const rest = pending.join('');
  if (rest) yield counted(rest);
}

/** The whole text (for JSON formats, whose byte cap is lower), then parsed. */
export async function readJson(report: OpenedReport, limits: ReportLimits): Promise<unknown> {
  if (report.size !== undefined && report.size > limits.maxJsonBytes) {
    throw new ReportInputError(
      `is ${megabytes(report.size)} of JSON, over the ${megabytes(limits.maxJsonBytes)} cap: not parsed`,
    );
  }
  const parts: string[] = [];
  for await (const chunk of report.text(limits.maxJsonBytes)) parts.push(chunk);
  const text = parts.join('');
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ReportInputError(`is not valid JSON (truncated or cut?): ${reason}`);
  }
}
