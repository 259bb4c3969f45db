// A structural safety check for the built-in catalogue's JavaScript regexes: an over-estimate
// of the backtracking steps a pattern can take on one line, counted from its structure (every
// quantifier's choices multiply, alternatives add, an unanchored pattern is tried at every
// position). A pattern whose count stays under a budget on a 100 kB line cannot hang a scan,
// whatever the line holds; no clock is involved, so the check never flakes.

export class UnsafePatternError extends Error {
  override name = 'UnsafePatternError';
}

interface Parsed {
  /** Steps per start position, over-estimated. */
  cost: number;
  /** The largest repetition count of any quantifier inside (1 when none). */
  maxRepeat: number;
}

/** Worst-case backtracking steps of `source` on a line of `lineLength` characters. Throws UnsafePatternError for constructs that are unsafe whatever the count (nested quantifiers, backreferences, lookaround). */
export function backtrackingBound(source: string, lineLength: number): number {
  new BoundParser(source, lineLength).parseAll(); // the whole first: unbalanced groups fail here
  // Each top-level alternative is tried at one position when it starts with ^, at every one otherwise.
  return topLevelAlternatives(source).reduce((total, alternative) => {
    const { cost } = new BoundParser(alternative, lineLength).parseAll();
    return total + (alternative.startsWith('^') ? 1 : lineLength) * cost;
  }, 0);
}

class BoundParser {
  private pos = 0;
  constructor(
    private readonly source: string,
    private readonly lineLength: number,
  ) {}

  parseAll(): Parsed {
    const result = this.alternation();
    if (this.pos < this.source.length) this.fail(`unbalanced ')' at ${this.pos}`);
    return result;
  }

  private alternation(): Parsed {
    const first = this.sequence();
    let cost = first.cost;
    let maxRepeat = first.maxRepeat;
    while (this.source[this.pos] === '|') {
      this.pos++;
      const next = this.sequence();
      cost += next.cost;
      maxRepeat = Math.max(maxRepeat, next.maxRepeat);
    }
    return { cost, maxRepeat };
  }

  private sequence(): Parsed {
    let cost = 1;
    let maxRepeat = 1;
    while (this.pos < this.source.length && this.source[this.pos] !== '|' && this.source[this.pos] !== ')') {
      const atom = this.atom();
      const repeat = this.quantifier();
      if (
        repeat > 2 &&
        atom.maxRepeat > 1 &&
        (repeat >= this.lineLength || atom.maxRepeat >= this.lineLength)
      ) {
        this.fail(
          'a repeated group contains an unbounded quantifier (nested quantifiers backtrack exponentially)',
        );
      }
      cost *= Math.max(1, repeat * atom.cost);
      maxRepeat = Math.max(maxRepeat, repeat, atom.maxRepeat);
    }
    return { cost, maxRepeat };
  }

  private atom(): Parsed {
    const c = this.source[this.pos]!;
    if (c === '\\') {
      const next = this.source[this.pos + 1] ?? '';
      if (/[1-9k]/.test(next))
        this.fail('backreferences are not allowed (not RE2 syntax, and they backtrack)');
      this.pos += 2;
      return { cost: 1, maxRepeat: 1 };
    }
    if (c === '[') {
      this.skipClass();
      return { cost: 1, maxRepeat: 1 };
    }
    if (c === '(') {
      this.pos++;
      if (this.source.startsWith('?<=', this.pos) || this.source.startsWith('?<!', this.pos)) {
        this.fail('lookbehind is not allowed (not RE2 syntax)');
      }
      if (this.source.startsWith('?=', this.pos) || this.source.startsWith('?!', this.pos)) {
        this.fail('lookahead is not allowed (not RE2 syntax)');
      }
      if (this.source.startsWith('?:', this.pos)) this.pos += 2;
      else if (this.source.startsWith('?<', this.pos)) this.pos = this.source.indexOf('>', this.pos) + 1;
      const body = this.alternation();
      if (this.source[this.pos] !== ')') this.fail('unclosed group');
      this.pos++;
      return body;
    }
    this.pos++;
    return { cost: 1, maxRepeat: 1 };
  }

  /** The number of choices the quantifier after an atom leaves to backtracking (1 when none). */
  private quantifier(): number {
    const c = this.source[this.pos];
    let repeat = 1;
    if (c === '*' || c === '+') {
      repeat = this.lineLength;
      this.pos++;
    } else if (c === '?') {
      repeat = 2;
      this.pos++;
    } else if (c === '{') {
      const found = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.pos));
      if (!found) return 1;
      const min = Number(found[1]);
      const max = found[2] === undefined ? min : found[3] ? Number(found[3]) : this.lineLength;
      repeat = Math.min(this.lineLength, max - min + 1);
      this.pos += found[0].length;
    } else {
      return 1;
    }
    if (this.source[this.pos] === '?') this.pos++; // lazy: same choices
    return repeat;
  }

  private skipClass(): void {
    this.pos++;
    if (this.source[this.pos] === '^') this.pos++;
    while (this.pos < this.source.length && this.source[this.pos] !== ']') {
      this.pos += this.source[this.pos] === '\\' ? 2 : 1;
    }
    if (this.pos >= this.source.length) this.fail('unclosed character class');
    this.pos++;
  }

  private fail(message: string): never {
    throw new UnsafePatternError(message);
  }
}

/** `^a|b(c|d)` -> [`^a`, `b(c|d)`]. */
function topLevelAlternatives(source: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      alternatives.push(source.slice(start, i));
      start = i + 1;
    }
  }
  alternatives.push(source.slice(start));
  return alternatives;
}
