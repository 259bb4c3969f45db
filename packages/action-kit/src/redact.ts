/** What every redacted secret is replaced with (the runner's own mask). */
export const REDACTED = '***';

/**
 * Registered values shorter than this are ignored: masking "a" or "1" everywhere would destroy the
 * text, and the runner already masks them in its own log. Longer values are always masked.
 */
export const MIN_SECRET_LENGTH = 4;

// Each rule is linear on any input: a lookbehind lets a token start only at the first character of
// a run of its own characters, and the repeated classes never contain the separators that follow
// them, so no stretch of text is rescanned more than a fixed number of times.
const PATTERN_RULES: ReadonlyArray<{ pattern: RegExp; replace: string }> = [
  // GitHub classic tokens (ghp_ personal, gho_ OAuth, ghu_ user-to-server, ghs_ server-to-server, ghr_ refresh)
  { pattern: /(?<![A-Za-z0-9])gh[pousr]_[A-Za-z0-9]{36,}/g, replace: REDACTED },
  // GitHub fine-grained personal access tokens
  { pattern: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,}/g, replace: REDACTED },
  // JWTs: three base64url segments, the header always starts with eyJ ('{"')
  { pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, replace: REDACTED },
  // AWS access key ids (long-term AKIA, temporary ASIA)
  { pattern: /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/g, replace: REDACTED },
  // AWS secret keys in their configuration form; the key name is kept
  {
    pattern: /(aws_secret_access_key["']?[ \t]*[:=][ \t]*["']?)[A-Za-z0-9/+=]{16,}/gi,
    replace: `$1${REDACTED}`,
  },
  // Credentials in URLs: scheme and host stay readable, user:password goes
  { pattern: /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/g, replace: `$1${REDACTED}@` },
  // Authorization headers (Bearer, token, Basic or a bare credential); the header name and scheme stay
  {
    pattern: /(authorization["']?[ \t]*[:=][ \t]*["']?)((?:bearer|token|basic|digest)[ \t]+)?[^\s"',;]+/gi,
    replace: `$1$2${REDACTED}`,
  },
];

const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/g;
const PEM_END = /-----END [A-Z0-9 ]*PRIVATE KEY-----/g;
// An END marker further away than this belongs to something else; a BEGIN without END (a truncated
// log) is redacted through this many characters, which covers any real key.
const PEM_MAX_BLOCK = 16 * 1024;

/**
 * Removes secrets from text before it leaves through a summary, comment, issue, status or output:
 * well-known token shapes plus every value registered with `add` (and its base64 / URL-encoded forms).
 */
export class Redactor {
  private readonly values = new Set<string>();
  private valuesPattern: RegExp | undefined;

  /** Registers a secret value (e.g. an input marked secret). Each line of a multi-line value is registered too. */
  add(value: string | undefined | null): this {
    if (!value) return this;
    const candidates = [value, ...value.split(/\r?\n/).map((line) => line.trim())];
    for (const candidate of candidates) {
      if (candidate.length < MIN_SECRET_LENGTH) continue;
      for (const form of encodedForms(candidate)) this.values.add(form);
    }
    this.valuesPattern = undefined;
    return this;
  }

  /** Replaces every secret in `text` with `***`. Linear in the length of the text. */
  redact(text: string): string {
    if (!text) return text;
    let result = text;
    const values = this.compiledValues();
    if (values) result = result.replace(values, REDACTED);
    result = redactPrivateKeys(result);
    for (const rule of PATTERN_RULES) {
      rule.pattern.lastIndex = 0;
      result = result.replace(rule.pattern, rule.replace);
    }
    return result;
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
      // Longest first, so a secret is never half-replaced by a shorter one it contains.
      const sorted = [...this.values].sort((a, b) => b.length - a.length);
      this.valuesPattern = new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
    }
    return this.valuesPattern;
  }
}

function encodedForms(value: string): string[] {
  const forms = [value];
  const base64 = Buffer.from(value, 'utf8').toString('base64');
  forms.push(base64, base64.replace(/=+$/, ''));
  const base64url = Buffer.from(value, 'utf8').toString('base64url');
  forms.push(base64url);
  try {
    forms.push(encodeURIComponent(value), encodeURI(value));
  } catch {
    // a lone surrogate cannot be URL-encoded; nothing more to register
  }
  return forms.filter((form) => form.length >= MIN_SECRET_LENGTH);
}

function redactPrivateKeys(text: string): string {
  if (!text.includes('PRIVATE KEY-----')) return text;
  let out = '';
  let position = 0;
  let noMoreEnds = false;
  PEM_BEGIN.lastIndex = 0;
  for (let begin = PEM_BEGIN.exec(text); begin; begin = PEM_BEGIN.exec(text)) {
    let stop = Math.min(text.length, begin.index + PEM_MAX_BLOCK);
    if (!noMoreEnds) {
      PEM_END.lastIndex = begin.index + begin[0].length;
      const end = PEM_END.exec(text);
      // One failed search means no END exists further on: remember it so the scan stays linear.
      if (!end) noMoreEnds = true;
      else if (end.index + end[0].length - begin.index <= PEM_MAX_BLOCK) stop = end.index + end[0].length;
    }
    out += text.slice(position, begin.index) + REDACTED;
    position = stop;
    PEM_BEGIN.lastIndex = stop;
  }
  return out + text.slice(position);
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

/** Redacts every string of a JSON-like value with the shared instance. */
export function redactDeep<T>(value: T): T {
  return defaultRedactor.redactDeep(value);
}

/** Registers a secret value with the shared instance. */
export function addSecret(value: string | undefined | null): void {
  defaultRedactor.add(value);
}
