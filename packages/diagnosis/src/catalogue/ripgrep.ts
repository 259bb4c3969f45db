// The catalogue as ripgrep patterns (`qeml patterns --export rg`, for `rg -c -f` in the scan
// benchmark). ripgrep joins a file's patterns into one alternation in Rust regex syntax, and its
// lazy DFA thrashes on ~200 Unicode-aware patterns (measured: 0.1 MB/s). So each pattern becomes:
// - one scoped group `(?-u:...)` (`(?i-u:...)` for ignoreCase): ASCII classes, flags that do not
//   leak into the next pattern; non-ASCII literals as their UTF-8 bytes (`\xE2\x9C\x96`);
// - plain groups for named ones (names would clash; older ripgrep knows only `(?P<...>)`);
// - `{m,}` for bounds of 20 or more (the bounds only guard the JavaScript backtracker; ripgrep
//   is linear, and big bounded repetitions blow up its automaton);
// - a multi-line signature's first line (ripgrep matches one line at a time).
import type { Signature } from '../types';

/** Repetition bounds this large are only there for the backtracking engine. */
const UNBOUND_FROM = 20;

/** One ripgrep-compatible regex for a signature. */
export function ripgrepPattern(signature: Signature): string {
  const flags = signature.ignoreCase ? 'i-u' : '-u';
  return `(?${flags}:${toBytePattern(signature.pattern, signature.window !== undefined)})`;
}

/** The `rg -f` file: one pattern per line. */
export function ripgrepPatternFile(catalogue: readonly Signature[]): string {
  return catalogue.map((s) => `${ripgrepPattern(s)}\n`).join('');
}

/** Rewrites a pattern for ripgrep's byte-oriented (?-u) mode, token by token; a window pattern stops at its first `\n`. */
function toBytePattern(source: string, firstLineOnly: boolean): string {
  let out = '';
  for (let i = 0; i < source.length; ) {
    const c = source[i]!;
    if (firstLineOnly && source.startsWith('\\n', i)) break;
    if (c === '\\') {
      out += source.slice(i, i + 2);
      i += 2;
    } else if (c === '[') {
      const end = classEnd(source, i);
      const body = source.slice(i, end);
      // A class over non-ASCII characters has no byte equivalent; within a line, "any" is close.
      out += body === '[^\\n]' || /[^\x00-\x7f]/.test(body) ? '.' : body;
      i = end;
    } else if (c === '(' && /^\(\?P?<[A-Za-z]\w*>/.test(source.slice(i))) {
      out += '(?:';
      i = source.indexOf('>', i) + 1;
    } else if (c === '{') {
      const bound = /^\{(\d+),(\d+)\}/.exec(source.slice(i));
      out += bound && Number(bound[2]) >= UNBOUND_FROM ? `{${bound[1]},}` : (bound?.[0] ?? '{');
      i += bound ? bound[0].length : 1;
    } else {
      const char = String.fromCodePoint(source.codePointAt(i)!);
      out += char.charCodeAt(0) < 0x80 ? char : utf8Escapes(char);
      i += char.length;
    }
  }
  return out;
}

/** The index just after the class that starts at `start` (`[`). */
function classEnd(source: string, start: number): number {
  let i = start + 1;
  if (source[i] === '^') i++;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}

function utf8Escapes(char: string): string {
  return [...new TextEncoder().encode(char)]
    .map((b) => `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
}
