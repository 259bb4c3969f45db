/**
 * The catalogue compiled for scanning: one combined keyword prefilter for the scanner, and per
 * signature a matcher. Built-in patterns are JavaScript regexes (checked safe when the catalogue is
 * built); user patterns (`engine: 're2'`) run with RE2 semantics, so a pattern such as `(a+)+$` stays
 * linear on any line.
 */
import { compileUserPattern } from '@qeml/action-kit';
import { KeywordAutomaton } from './keywords';
import type { Signature } from './types';

/** The part of a match the engine reads: the matched text and the named groups it extracts. */
export interface SignatureMatch {
  signature: Signature;
  file?: string;
  line?: number;
  column?: number;
  test?: string;
}

export interface CompiledSignature {
  signature: Signature;
  /** Lower-cased keywords, one of which every matching line holds. */
  keywords: readonly string[];
  /** Lines the pattern is matched against (1, or the window of a multi-line signature). */
  window: number;
  match(text: string): SignatureMatch | undefined;
}

export interface CompiledCatalogue {
  signatures: readonly CompiledSignature[];
  /** Finds any keyword of the catalogue or of `extraKeywords`, case-insensitively. */
  prefilter: KeywordAutomaton;
  /** The signatures whose keywords occur in `text` (case-insensitively). */
  candidates(text: string): CompiledSignature[];
}

function compileSignature(signature: Signature): CompiledSignature {
  const keywords = signature.keywords.map((k) => k.toLowerCase()).filter((k) => k !== '');
  const window = Math.max(1, signature.window ?? 1);
  let exec: (text: string) => { groups?: Record<string, string | undefined> } | null;
  if (signature.engine === 're2') {
    const pattern = compileUserPattern(signature.pattern, { caseInsensitive: signature.ignoreCase });
    exec = (text) => (pattern.test(text) ? {} : null);
  } else {
    const regex = new RegExp(signature.pattern, signature.ignoreCase ? 'i' : '');
    exec = (text) => regex.exec(text);
  }
  return {
    signature,
    keywords,
    window,
    match(text) {
      const found = exec(text);
      if (!found) return undefined;
      const groups = found.groups ?? {};
      const number = (value: string | undefined) => {
        const n = value === undefined ? Number.NaN : Number.parseInt(value, 10);
        return Number.isFinite(n) ? n : undefined;
      };
      return {
        signature,
        ...(groups.file ? { file: groups.file } : {}),
        ...(number(groups.line) !== undefined ? { line: number(groups.line) } : {}),
        ...(number(groups.column) !== undefined ? { column: number(groups.column) } : {}),
        ...(groups.test ? { test: groups.test } : {}),
      };
    },
  };
}

export function compileCatalogue(
  signatures: readonly Signature[],
  extraKeywords: readonly string[] = [],
): CompiledCatalogue {
  const compiled = signatures.map(compileSignature);
  // One automaton over every keyword: the scanner's prefilter, and in one pass over a line the
  // signatures it may match (a keyword only the locator weighs names none).
  const signatureKeywords = compiled.flatMap((signature) => signature.keywords);
  const prefilter = new KeywordAutomaton([...signatureKeywords, ...extraKeywords]);
  const signaturesOf = prefilter.keywords.map((keyword) =>
    compiled.filter((signature) => signature.keywords.includes(keyword)),
  );
  return {
    signatures: compiled,
    prefilter,
    candidates(text) {
      const found = new Set<CompiledSignature>();
      for (const index of prefilter.keywordsIn(text))
        for (const signature of signaturesOf[index]!) found.add(signature);
      return [...found];
    },
  };
}
