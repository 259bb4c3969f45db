import type { StepOutcome } from './types';

const STATUS_FUNCTIONS = ['always', 'success', 'failure', 'cancelled'] as const;

/**
 * Evaluates a `pre-if` / `post-if` condition against the job status so far. Supports the status
 * functions, `true`/`false`, `!`, `&&`, `||` and parentheses; like the runner, a condition
 * without a status function is implicitly `success() && (...)`.
 */
export function evaluateCondition(
  condition: string | undefined,
  jobStatus: StepOutcome,
  label: string,
): boolean {
  let source = (condition ?? 'always()').trim();
  const wrapped = /^\$\{\{([\s\S]*)\}\}$/.exec(source);
  if (wrapped) source = (wrapped[1] ?? '').trim();
  if (source === '') source = 'always()';
  const tokens = tokenize(source, label);
  const parser = new ConditionParser(tokens, jobStatus, label, source);
  const value = parser.parse();
  const usesStatus = tokens.some((token) => (STATUS_FUNCTIONS as readonly string[]).includes(token));
  return usesStatus ? value : jobStatus === 'success' && value;
}

function tokenize(source: string, label: string): string[] {
  const tokens: string[] = [];
  const pattern = /\s*(&&|\|\||!|\(|\)|[A-Za-z_][A-Za-z0-9_]*)/y;
  let index = 0;
  while (index < source.length) {
    pattern.lastIndex = index;
    const match = pattern.exec(source);
    if (!match) {
      if (source.slice(index).trim() === '') break;
      throw unsupported(label, source);
    }
    tokens.push((match[1] ?? '').toLowerCase());
    index = pattern.lastIndex;
  }
  return tokens;
}

function unsupported(label: string, source: string): Error {
  return new Error(
    `${label}: '${source}' is not supported by local-runner; use always(), success(), failure(), ` +
      'cancelled(), true, false, !, &&, || and parentheses',
  );
}

class ConditionParser {
  private index = 0;

  constructor(
    private readonly tokens: string[],
    private readonly status: StepOutcome,
    private readonly label: string,
    private readonly source: string,
  ) {}

  parse(): boolean {
    const value = this.or();
    if (this.index !== this.tokens.length) throw unsupported(this.label, this.source);
    return value;
  }

  private or(): boolean {
    let value = this.and();
    while (this.peek() === '||') {
      this.index++;
      value = this.and() || value;
    }
    return value;
  }

  private and(): boolean {
    let value = this.unary();
    while (this.peek() === '&&') {
      this.index++;
      value = this.unary() && value;
    }
    return value;
  }

  private unary(): boolean {
    if (this.peek() === '!') {
      this.index++;
      return !this.unary();
    }
    return this.primary();
  }

  private primary(): boolean {
    const token = this.tokens[this.index++];
    if (token === '(') {
      const value = this.or();
      this.expect(')');
      return value;
    }
    if (token === 'true') return true;
    if (token === 'false') return false;
    if (token === 'always' || token === 'success' || token === 'failure' || token === 'cancelled') {
      this.expect('(');
      this.expect(')');
      if (token === 'always') return true;
      return this.status === (token === 'failure' ? 'failure' : token);
    }
    throw unsupported(this.label, this.source);
  }

  private expect(token: string): void {
    if (this.tokens[this.index++] !== token) throw unsupported(this.label, this.source);
  }

  private peek(): string | undefined {
    return this.tokens[this.index];
  }
}
