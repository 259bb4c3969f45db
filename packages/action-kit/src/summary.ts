import { defaultRedactor, type Redactor } from './redact';

/** GitHub refuses a step summary above 1 MiB; we stay a little under so appended notes still fit. */
export const GITHUB_SUMMARY_LIMIT_BYTES = 1024 * 1024;
export const DEFAULT_SUMMARY_LIMIT_BYTES = GITHUB_SUMMARY_LIMIT_BYTES - 1024;

export type Status = 'pass' | 'fail' | 'warn' | 'skip' | 'info';

const STATUS_MARKS: Record<Status, string> = { pass: '✅', fail: '❌', warn: '⚠️', skip: '⏭️', info: 'ℹ️' };

/** The mark shown for a status in tables and headings. */
export function statusMark(status: Status): string {
  return STATUS_MARKS[status];
}

export interface SummaryOptions {
  /** Maximum size of the rendered markdown in UTF-8 bytes (default 1 MiB minus 1 KiB). */
  limitBytes?: number;
  /** Everything added is redacted with this (default: the shared redactor). */
  redactor?: Redactor;
}

interface Block {
  markdown: string;
  /** A smaller rendering that fits in `maxBytes`, for blocks that can be cut inside (code). */
  shrink?: (maxBytes: number) => string | undefined;
}

/**
 * A job summary as GitHub-flavoured markdown. Pure: it only builds text (writing it is `writeJobSummary`).
 * Every text added is redacted; the rendering is cut at a block boundary to stay under the size limit.
 */
export class Summary {
  private readonly blocks: Block[] = [];
  private readonly limitBytes: number;
  private readonly redactor: Redactor;

  constructor(options: SummaryOptions = {}) {
    this.limitBytes = options.limitBytes ?? DEFAULT_SUMMARY_LIMIT_BYTES;
    this.redactor = options.redactor ?? defaultRedactor;
  }

  heading(text: string, level: 1 | 2 | 3 | 4 | 5 | 6 = 2): this {
    return this.add(`${'#'.repeat(level)} ${oneLine(this.clean(text))}`);
  }

  /** Markdown text (inline formatting allowed). */
  paragraph(text: string): this {
    return this.add(this.clean(text));
  }

  /** Markdown added as is (after redaction), e.g. a chart or a link list built elsewhere. */
  raw(markdown: string): this {
    return this.add(this.clean(markdown));
  }

  /** A table; cells are escaped so pipes and newlines cannot break the layout. */
  table(headers: readonly string[], rows: ReadonlyArray<readonly (string | number | boolean)[]>): this {
    const width = headers.length;
    const line = (cells: readonly unknown[]) =>
      `| ${Array.from({ length: width }, (_, i) => this.cell(cells[i])).join(' | ')} |`;
    const lines = [line(headers), `|${' --- |'.repeat(width)}`, ...rows.map(line)];
    return this.add(lines.join('\n'));
  }

  /** A collapsed section; `body` is markdown (or another Summary, rendered without its own cap). */
  details(summaryText: string, body: string | Summary): this {
    const inner =
      typeof body === 'string' ? this.clean(body) : body.blocks.map((b) => b.markdown).join('\n\n');
    return this.add(
      `<details><summary>${escapeHtml(oneLine(this.clean(summaryText)))}</summary>\n\n${inner}\n\n</details>`,
    );
  }

  list(items: readonly string[], ordered = false): this {
    if (items.length === 0) return this;
    return this.add(
      items.map((item, i) => `${ordered ? `${i + 1}.` : '-'} ${oneLine(this.clean(item))}`).join('\n'),
    );
  }

  /** A fenced code block; the fence is longer than any backtick run in the text. */
  code(text: string, language = ''): this {
    const content = this.clean(text).replace(/\n$/, '');
    const fence = '`'.repeat(Math.max(3, longestBacktickRun(content) + 1));
    const render = (body: string) => `${fence}${oneLine(language)}\n${body}\n${fence}`;
    return this.add(render(content), (maxBytes) => {
      const room = maxBytes - byteLength(render(''));
      if (room <= 0) return undefined;
      const cut = cutAtLine(content, room);
      return cut ? render(cut) : undefined;
    });
  }

  /** `✅ text` and friends. */
  status(status: Status, text: string): this {
    return this.paragraph(`${statusMark(status)} ${text}`);
  }

  isEmpty(): boolean {
    return this.blocks.length === 0;
  }

  /** The markdown, cut at a block boundary with a note when it would pass the size limit. */
  render(): string {
    const separator = '\n\n';
    const full = this.blocks.map((block) => block.markdown).join(separator);
    const fullBytes = byteLength(full);
    if (fullBytes <= this.limitBytes) return full ? `${full}\n` : '';

    const noteReserve = 256;
    const budget = this.limitBytes - noteReserve;
    const kept: string[] = [];
    let used = 0;
    for (const block of this.blocks) {
      const room = budget - used - (kept.length > 0 ? separator.length : 0);
      const fitting = byteLength(block.markdown) <= room ? block.markdown : block.shrink?.(room);
      if (fitting) {
        used += byteLength(fitting) + (kept.length > 0 ? separator.length : 0);
        kept.push(fitting);
      }
      if (fitting !== block.markdown) break;
    }
    const cutBytes = fullBytes - used;
    kept.push(
      `> ${statusMark('warn')} Summary truncated: ${formatBytes(cutBytes)} cut to stay under GitHub's ${formatBytes(GITHUB_SUMMARY_LIMIT_BYTES)} job summary limit.`,
    );
    return `${kept.join(separator)}\n`;
  }

  toString(): string {
    return this.render();
  }

  private add(markdown: string, shrink?: Block['shrink']): this {
    this.blocks.push(shrink ? { markdown, shrink } : { markdown });
    return this;
  }

  private clean(text: string): string {
    return this.redactor.redact(String(text));
  }

  private cell(value: unknown): string {
    if (value === undefined || value === null) return '';
    return escapeCell(this.clean(String(value)));
  }
}

/** Makes text safe inside a table cell: pipes escaped, line breaks as <br>. */
export function escapeCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n|\r/g, '<br>');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/** The longest prefix of whole lines that fits in `maxBytes` (a partial first line if no line fits). */
function cutAtLine(text: string, maxBytes: number): string {
  const prefix = Buffer.from(text, 'utf8')
    .subarray(0, maxBytes)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
  const lastBreak = prefix.lastIndexOf('\n');
  return lastBreak > 0 ? prefix.slice(0, lastBreak) : prefix;
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
