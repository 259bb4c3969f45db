/**
 * Removes secrets from text before it leaves through a summary, comment, issue, status or output:
 * well-known secret shapes plus every value registered with `add`, in the forms the runner masks.
 * Secrets are found as spans first and masked once, merged where they overlap, so one secret is
 * never half-masked by another, and cutting happens only after masking (`redactThenTruncate`).
 */
import { encodedForms } from './redaction/forms';
import { joinedView } from './redaction/joined-view';
import { KEY_MAX_BLOCK, LONGEST_SHAPE, privateKeySpans, ruleSpans, SHAPE_RULES } from './redaction/rules';
import { applySpans, mergeSpans, type Span } from './redaction/spans';

/** What every redacted secret is replaced with (the runner's own mask). */
export const REDACTED = '***';

/**
 * Registered values shorter than this are ignored: masking "a" or "1" everywhere would destroy the
 * text, and the runner already masks them in its own log. Longer values are always masked.
 */
export const MIN_SECRET_LENGTH = 4;

/** Incremental redaction of a text that arrives in chunks (a log, a child's output). */
export interface RedactingStream {
  /** Takes the next chunk; returns the redacted text that is now safe to emit (maybe ''). */
  write(chunk: string): string;
  /** Returns the rest. */
  end(): string;
}

export class Redactor {
  private readonly values = new Set<string>();
  private valuesPattern: RegExp | undefined;
  private longestValue = 0;

  /** Registers a secret value (e.g. an input marked secret). Each line of a multi-line value is registered too. */
  add(value: string | undefined | null): this {
    if (!value) return this;
    const candidates = [value, ...value.split(/\r?\n/).map((line) => line.trim())];
    for (const candidate of candidates) {
      if (candidate.length < MIN_SECRET_LENGTH) continue;
      for (const form of encodedForms(candidate)) {
        if (form.length < MIN_SECRET_LENGTH) continue;
        this.values.add(form);
        this.longestValue = Math.max(this.longestValue, form.length);
      }
    }
    this.valuesPattern = undefined;
    return this;
  }

  /** Replaces every secret in `text` with `***`. Linear in the length of the text. */
  redact(text: string): string {
    if (!text) return text;
    const spans = this.findSpans(text);
    return spans.length === 0 ? text : applySpans(text, spans, REDACTED);
  }

  /**
   * Redacts lines as one text (a secret spanning lines, such as a private key, is found) and gives
   * back as many lines, each with its covered parts masked. The first `context` lines are only
   * looked at (a key that began before an excerpt) and are not returned.
   */
  redactLines(lines: readonly string[], context = 0): string[] {
    const joined = lines.join('\n');
    const spans = this.findSpans(joined);
    const out: string[] = [];
    let offset = 0;
    for (const [index, line] of lines.entries()) {
      const end = offset + line.length;
      if (index >= context)
        out.push(spans.length === 0 ? line : applySpans(joined, spans, REDACTED, offset, end));
      offset = end + 1;
    }
    return out;
  }

  /** The merged, sorted spans of `text` that hold secrets. */
  findSpans(text: string): Span[] {
    const spans: Span[] = [];
    const values = this.compiledValues();
    if (values) patternSpans(values, text, spans);
    privateKeySpans(text, spans);
    for (const rule of SHAPE_RULES) ruleSpans(rule, text, spans);
    // Secrets split by a line break, an ANSI code or a zero-width character.
    const view = joinedView(text);
    if (view) {
      const found: Span[] = [];
      if (values) patternSpans(values, view.text, found);
      for (const rule of SHAPE_RULES) if (rule.joinable) ruleSpans(rule, view.text, found);
      for (const span of found) spans.push(view.toOriginal(span));
    }
    return mergeSpans(spans);
  }

  /**
   * A streaming redactor: holds back the tail that could still be the start of a secret (the
   * longest form any rule or registered value can take), so chunk boundaries never let one through.
   */
  stream(): RedactingStream {
    let buffer = '';
    const hold = () => Math.max(LONGEST_SHAPE, KEY_MAX_BLOCK + 64, this.longestValue) + 1;
    return {
      write: (chunk) => {
        buffer += chunk;
        const keep = hold();
        if (buffer.length < 2 * keep) return '';
        const spans = this.findSpans(buffer);
        let cut = buffer.length - keep;
        for (const span of spans) if (span.start < cut && span.end > cut) cut = span.start;
        const out = applySpans(buffer, spans, REDACTED, 0, cut);
        buffer = buffer.slice(cut);
        return out;
      },
      end: () => {
        const out = this.redact(buffer);
        buffer = '';
        return out;
      },
    };
  }

  /** Returns a copy of a JSON-like value with every string (keys included) redacted. */
  redactDeep<T>(value: T): T {
    return this.deep(value, new WeakMap()) as T;
  }

  private deep(value: unknown, seen: WeakMap<object, unknown>): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (value === null || typeof value !== 'object') return value;
    const known = seen.get(value);
    if (known !== undefined) return known;
    if (Array.isArray(value)) {
      const copy: unknown[] = [];
      seen.set(value, copy);
      for (const item of value) copy.push(this.deep(item, seen));
      return copy;
    }
    if (!isPlainObject(value)) return value;
    const copy: Record<string, unknown> = {};
    seen.set(value, copy);
    for (const [key, item] of Object.entries(value)) copy[this.redact(key)] = this.deep(item, seen);
    return copy;
  }

  private compiledValues(): RegExp | undefined {
    if (this.values.size === 0) return undefined;
    if (!this.valuesPattern) {
      // Longest first, so a secret is never half-matched by a shorter one it contains.
      const sorted = [...this.values].sort((a, b) => b.length - a.length);
      this.valuesPattern = new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
    }
    return this.valuesPattern;
  }
}

/** Every match, overlapping ones too (the search goes on one character after each match's start). */
function patternSpans(pattern: RegExp, text: string, spans: Span[]): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    spans.push({ start: match.index, end: match.index + match[0].length });
    pattern.lastIndex = match.index + 1;
  }
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The shared instance: inputs marked secret and `addSecret` register here; summaries redact with it. */
export const defaultRedactor = new Redactor();

/** Redacts `text` with the shared instance. */
export function redact(text: string): string {
  return defaultRedactor.redact(text);
}

/**
 * Redacts, then cuts to at most `maxLength` characters (ending in `…` when cut). Cutting first
 * would let a secret straddling the cut through as a prefix the patterns no longer recognise.
 */
export function redactThenTruncate(text: string, maxLength: number, redactor = defaultRedactor): string {
  const clean = redactor.redact(text);
  if (clean.length <= maxLength) return clean;
  return maxLength <= 1 ? clean.slice(0, maxLength) : `${clean.slice(0, maxLength - 1)}…`;
}

/** Redacts every string of a JSON-like value with the shared instance. */
export function redactDeep<T>(value: T): T {
  return defaultRedactor.redactDeep(value);
}

/** Registers a secret value with the shared instance. */
export function addSecret(value: string | undefined | null): void {
  defaultRedactor.add(value);
}
