import { RE2JS } from 're2js';

/** A user-supplied regular expression compiled with RE2 semantics: matching is linear in the text, so no pattern can hang a scan. */
export interface UserPattern {
  /** The pattern as the user wrote it. */
  readonly source: string;
  /** The compiled RE2 program (for scanners that need more than test/find). */
  readonly re2: RE2JS;
  /** True when the pattern matches anywhere in `text`. */
  test(text: string): boolean;
  /** The first match in `text`, or null. */
  find(text: string): { index: number; match: string; groups: string[] } | null;
}

export interface UserPatternOptions {
  caseInsensitive?: boolean;
  /**
   * Largest RE2 program accepted. @default MAX_PROGRAM_SIZE. A check that a pattern of ours is
   * RE2 syntax (the catalogue's) passes `Infinity`: only what users write is bounded.
   */
  maxProgramSize?: number;
}

/** Longer patterns are almost certainly a mistake (a pasted log) and cost memory to compile. */
export const MAX_PATTERN_LENGTH = 4096;

/**
 * RE2 programs larger than this are refused. RE2's time is linear in the text but also in the size
 * of its program, and counted repeats multiply the program: `(\w+\s*){1000}` is 6000 instructions
 * and took ~8 s per 64 KiB line. At 500 a 64 KiB line costs well under a second in the worst case,
 * and real patterns stay far below it (`(?:error|fail).{0,200}timeout` is 419).
 */
export const MAX_PROGRAM_SIZE = 500;

/**
 * Compiles a user-supplied regular expression (RE2 syntax: no backreferences or lookaround).
 * Throws an Error quoting the pattern and saying what is wrong with it.
 */
export function compileUserPattern(source: string, options: UserPatternOptions = {}): UserPattern {
  if (source.length > MAX_PATTERN_LENGTH) {
    throw new Error(
      `invalid regular expression ${JSON.stringify(`${source.slice(0, 40)}...`)}: longer than ${MAX_PATTERN_LENGTH} characters`,
    );
  }
  let re2: RE2JS;
  try {
    re2 = RE2JS.compile(source, options.caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    throw new Error(`invalid regular expression ${JSON.stringify(source)}: ${describeSyntaxError(error)}`);
  }
  const size = re2.programSize();
  const maxProgramSize = options.maxProgramSize ?? MAX_PROGRAM_SIZE;
  if (size > maxProgramSize) {
    throw new Error(
      `invalid regular expression ${JSON.stringify(source.length > 80 ? `${source.slice(0, 80)}...` : source)}: too costly to match (its RE2 program has ${size} instructions, at most ${maxProgramSize}); use smaller counted repeats such as {1,50}`,
    );
  }
  return {
    source,
    re2,
    test: (text) => re2.test(text),
    find(text) {
      const found = re2.exec(text) as (string[] & { index: number }) | null;
      if (!found) return null;
      return { index: found.index, match: found[0] ?? '', groups: found.slice(1) };
    },
  };
}

function describeSyntaxError(error: unknown): string {
  const described = (error as { getDescription?: () => string }).getDescription?.();
  const pattern = (error as { getPattern?: () => string | null }).getPattern?.();
  if (described)
    return pattern ? `${described} at ${JSON.stringify(pattern)} (RE2 syntax)` : `${described} (RE2 syntax)`;
  return error instanceof Error ? error.message : String(error);
}
