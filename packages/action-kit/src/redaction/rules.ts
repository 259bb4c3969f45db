/**
 * The secret shapes recognised without being registered. Every rule is linear on any input:
 * a lookbehind lets a token start only at the first character of a run of its own characters,
 * repeats are bounded, and the repeated classes never contain the separators that follow them.
 * Bounded repeats also bound the longest match, which streaming redaction relies on.
 */
import type { Span } from './spans';

export interface ShapeRule {
  name: string;
  pattern: RegExp;
  /** The capture group holding the secret; the rest of the match (a key name, a scheme) stays. */
  group?: number;
  /**
   * The rule may also run on the text with line breaks, ANSI codes and zero-width characters
   * taken out (a token split across lines): only shapes whose length is fixed, so the match
   * cannot run on into the next line's text.
   */
  joinable?: boolean;
}

/** No rule matches more than this many characters. */
export const LONGEST_SHAPE = 8192;

export const SHAPE_RULES: readonly ShapeRule[] = [
  // GitHub classic tokens (ghp_ personal, gho_ OAuth, ghu_ user-to-server, ghs_ server-to-server, ghr_ refresh): 36 characters
  { name: 'github-token', pattern: /(?<![A-Za-z0-9])gh[pousr]_[A-Za-z0-9]{36,251}/dg },
  { name: 'github-token-joined', pattern: /(?<![A-Za-z0-9])gh[pousr]_[A-Za-z0-9]{36}/dg, joinable: true },
  // GitHub fine-grained personal access tokens: github_pat_ + 22 + _ + 59 characters
  { name: 'github-pat', pattern: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,245}/dg },
  { name: 'github-pat-joined', pattern: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{82}/dg, joinable: true },
  // JWTs: three base64url segments, the header always starts with eyJ ('{"')
  {
    name: 'jwt',
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{1,2700}\.[A-Za-z0-9_-]{1,2700}\.[A-Za-z0-9_-]{0,2700}/dg,
  },
  // AWS access key ids (long-term AKIA, temporary ASIA)
  { name: 'aws-key-id', pattern: /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/dg, joinable: true },
  // AWS secrets in configuration, environment and STS JSON forms; the key name stays
  {
    name: 'aws-secret',
    pattern:
      /(?:aws_secret_access_key|aws_session_token|secretaccesskey|sessiontoken|secret_access_key|session_token)["']?[ \t]*[:=][ \t]*["']?([A-Za-z0-9/+=]{16,4096})/dgi,
    group: 1,
  },
  // Credentials in URLs, with or without a scheme: scheme and host stay, user:password goes. A
  // password may hold '/' (unencoded), but a `host:port/path@...` is not taken for one.
  {
    name: 'url-credentials',
    pattern:
      /(?<![A-Za-z0-9+.\-:/])(?:[A-Za-z][A-Za-z0-9+.-]{0,30}:)?\/\/([^\s/?#@"'<>:]{1,256}:(?!\d{1,5}(?:[/?#]|$))[^\s"'<>@]{0,256}|[^\s/?#@"'<>:]{1,256})@/dg,
    group: 1,
  },
  // Authorization headers (Bearer, token, Basic or a bare credential), also folded onto the next
  // line; the header name and the scheme stay. A value that is itself a header name (`x authorization:
  // Authorization: Bearer …`) is not the credential: the match moves on to the header it names.
  {
    name: 'authorization',
    pattern:
      /authorization["']?[ \t]*[:=][ \t]*(?:\r?\n[ \t]+)?["']?(?!authorization["']?[ \t]*[:=])(?:(?:bearer|token|basic|digest)[ \t]+(?:\r?\n[ \t]+)?)?([^\s"',;]{1,4096})/dgi,
    group: 1,
  },
];

/** Pushes the spans of every match of `rule` in `text` (shifted by `offset`). */
export function ruleSpans(rule: ShapeRule, text: string, spans: Span[]): void {
  rule.pattern.lastIndex = 0;
  for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
    const range = match.indices?.[rule.group ?? 0];
    if (range) spans.push({ start: range[0], end: range[1] });
  }
}

const KEY_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
const KEY_END = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
/**
 * An END marker further away than this belongs to something else; a BEGIN without END (a
 * truncated log) is masked through this many characters, which covers any real key.
 */
export const KEY_MAX_BLOCK = 16 * 1024;

/**
 * Private key blocks (PEM, OpenSSH, PGP). Linear: the END found for one BEGIN is remembered for
 * the BEGINs before it, so a text of many BEGINs and one distant END is searched once.
 */
export function privateKeySpans(text: string, spans: Span[]): void {
  if (!text.includes('PRIVATE KEY')) return;
  let nextEnd = -1; // index just past the END marker found last; -2 when none is left
  let nextEndStart = -1;
  KEY_BEGIN.lastIndex = 0;
  for (let begin = KEY_BEGIN.exec(text); begin; begin = KEY_BEGIN.exec(text)) {
    const from = begin.index + begin[0].length;
    if (nextEnd !== -2 && nextEndStart < from) {
      KEY_END.lastIndex = from;
      const end = KEY_END.exec(text);
      nextEnd = end ? end.index + end[0].length : -2;
      nextEndStart = end ? end.index : Number.POSITIVE_INFINITY;
    }
    let stop = Math.min(text.length, begin.index + KEY_MAX_BLOCK);
    if (nextEnd >= 0 && nextEnd - begin.index <= KEY_MAX_BLOCK) stop = nextEnd;
    spans.push({ start: begin.index, end: stop });
    KEY_BEGIN.lastIndex = stop;
  }
}
