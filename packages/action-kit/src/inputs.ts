import { DURATION_FORM, formatDuration, parseDuration } from './duration';
import { ConfigurationError, isConfigurationError } from './errors';
import { loadParsers, type Parsers } from './input-parsers';
import type { UserPattern } from './patterns';
import { defaultRedactor, type Redactor } from './redact';

interface BaseSpec {
  /** An empty value is an error ("Input 'x' is required: ..."). */
  required?: boolean;
  /** What the input is for; used in the "is required" message. */
  description?: string;
  /** The value is a secret: it is registered with the redactor and never quoted in errors. */
  secret?: boolean;
}

export interface StringInput extends BaseSpec {
  kind: 'string';
  default?: string;
  /** Keep leading/trailing whitespace (multi-line scripts). Defaults to true like @actions/core. */
  trimWhitespace?: boolean;
}
export interface BooleanInput extends BaseSpec {
  kind: 'boolean';
  default?: boolean;
}
export interface IntegerInput extends BaseSpec {
  kind: 'integer';
  default?: number;
  min?: number;
  max?: number;
}
export interface NumberInput extends BaseSpec {
  kind: 'number';
  default?: number;
  min?: number;
  max?: number;
}
/** Parsed to milliseconds. `default` may be milliseconds or a duration text; min/max are milliseconds. */
export interface DurationInput extends BaseSpec {
  kind: 'duration';
  default?: number | string;
  min?: number;
  max?: number;
}
export interface EnumInput<V extends string = string> extends BaseSpec {
  kind: 'enum';
  values: readonly V[];
  default?: V;
}
/** Newline- or comma-separated, items trimmed, blank items dropped. */
export interface ListInput extends BaseSpec {
  kind: 'list';
  default?: readonly string[];
  /** Split on newlines only, for items that may contain commas. */
  newlineOnly?: boolean;
}
/** Glob patterns (picomatch), newline- or comma-separated; commas inside `{a,b}` stay in the glob. */
export interface GlobsInput extends BaseSpec {
  kind: 'globs';
  default?: readonly string[];
  newlineOnly?: boolean;
}
/** Regular expressions (RE2 syntax), one per line: commas are legal inside a regex. */
export interface PatternsInput extends BaseSpec {
  kind: 'patterns';
  default?: readonly string[];
  caseInsensitive?: boolean;
}
/** A YAML or JSON mapping. */
export interface ObjectInput extends BaseSpec {
  kind: 'object';
  default?: Record<string, unknown>;
}

export type InputSpec =
  | StringInput
  | BooleanInput
  | IntegerInput
  | NumberInput
  | DurationInput
  | EnumInput
  | ListInput
  | GlobsInput
  | PatternsInput
  | ObjectInput;

export type InputSchema = Record<string, InputSpec>;

type KindValue<S> = S extends { kind: 'string' }
  ? string
  : S extends { kind: 'boolean' }
    ? boolean
    : S extends { kind: 'integer' | 'number' | 'duration' }
      ? number
      : S extends { kind: 'enum'; values: readonly (infer V)[] }
        ? V
        : S extends { kind: 'list' | 'globs' }
          ? string[]
          : S extends { kind: 'patterns' }
            ? UserPattern[]
            : S extends { kind: 'object' }
              ? Record<string, unknown>
              : never;

type AlwaysPresent<S> = S extends { required: true } ? true : S extends { default: unknown } ? true : false;

/** The typed result of `readInputs(schema)`: optional inputs without a default may be undefined. */
export type InputValues<S extends InputSchema> = {
  -readonly [K in keyof S]: AlwaysPresent<S[K]> extends true ? KindValue<S[K]> : KindValue<S[K]> | undefined;
};

/** Where raw input values come from: the name as declared, the raw (untrimmed) value or undefined. */
export type InputSource = (name: string) => string | undefined;

/** The runner's convention, as @actions/core getInput: `INPUT_` + name, spaces to `_`, upper-cased (hyphens kept). */
export function envInputSource(env: NodeJS.ProcessEnv = process.env): InputSource {
  return (name) => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
}

/** Keeps literal types (`required: true`, enum values) when a schema is declared apart from the call. */
export function defineInputs<const S extends InputSchema>(schema: S): S {
  return schema;
}

export interface ReadInputsOptions {
  /** Redactor that inputs marked `secret` are registered with (default: the shared one). */
  redactor?: Redactor;
}

/**
 * `readInputs` for an action that checks more across inputs: the schema's problems come back as a
 * list (values undefined when there are any) instead of thrown, so the action adds its own and
 * throws one ConfigurationError naming them all.
 */
export async function readInputsCollecting<const S extends InputSchema>(
  schema: S,
  source: InputSource = envInputSource(),
  options: ReadInputsOptions = {},
): Promise<{ values: InputValues<S> | undefined; problems: string[] }> {
  try {
    return { values: await readInputs(schema, source, options), problems: [] };
  } catch (error) {
    if (!isConfigurationError(error)) throw error;
    return { values: undefined, problems: [...error.problems] };
  }
}

/**
 * Reads and validates every input of `schema` before returning. All problems are collected and
 * thrown together as one ConfigurationError, one line per bad input.
 *
 * Asynchronous because the parsers of globs, patterns and YAML objects are loaded only when an
 * input of that kind has a value: most runs need none of them, and loading them costs start-up time.
 */
export async function readInputs<const S extends InputSchema>(
  schema: S,
  source: InputSource = envInputSource(),
  options: ReadInputsOptions = {},
): Promise<InputValues<S>> {
  const given = Object.entries(schema).map(([name, spec]) => {
    const raw = source(name) ?? '';
    const keepWhitespace = spec.kind === 'string' && spec.trimWhitespace === false;
    return { name, spec, raw, value: keepWhitespace ? raw : raw.trim() };
  });
  const parsers = await loadParsers(
    given.filter(({ spec, value }) => value !== '' || defaultNeedsParser(spec)).map(({ spec }) => spec.kind),
  );
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const { name, spec, raw, value } of given) {
    // As @actions/core: a required input is one that was supplied, even if only with spaces.
    if (spec.kind === 'string' && spec.required && value === '' && raw !== '') {
      values[name] = value;
      continue;
    }
    if (value === '') {
      if (spec.required)
        problems.push(`Input '${name}' is required: ${spec.description ?? expectedForm(spec)}`);
      else if (spec.kind === 'boolean' && spec.default === undefined)
        // @actions/core's getBooleanInput refuses '' too: there is no way to tell what was meant.
        problems.push(`Input '${name}' got "": expected ${expectedForm(spec)}`);
      else values[name] = defaultValue(spec, parsers);
      continue;
    }
    if (spec.secret) (options.redactor ?? defaultRedactor).add(value);
    const parsed = parseValue(spec, value, raw, parsers);
    if (parsed.ok) values[name] = parsed.value;
    else if (parsed.quotesItem) problems.push(`Input '${name}' ${parsed.problem}`);
    else
      problems.push(
        `Input '${name}' ${spec.secret ? 'has an invalid value' : `got ${quote(value)}`}: ${parsed.problem}`,
      );
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  return values as InputValues<S>;
}

// `quotesItem`: the problem already quotes the bad item of a list, so the whole value is not repeated.
type Parsed = { ok: true; value: unknown } | { ok: false; problem: string; quotesItem?: boolean };
const ok = (value: unknown): Parsed => ({ ok: true, value });
const bad = (problem: string): Parsed => ({ ok: false, problem });
const badItem = (problem: string): Parsed => ({ ok: false, problem, quotesItem: true });

const TRUE_FORMS = ['true', 'True', 'TRUE'];
const FALSE_FORMS = ['false', 'False', 'FALSE'];
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function parseValue(spec: InputSpec, value: string, raw: string, parsers: Parsers): Parsed {
  switch (spec.kind) {
    case 'string':
      return ok(value);
    case 'boolean':
      if (TRUE_FORMS.includes(value)) return ok(true);
      if (FALSE_FORMS.includes(value)) return ok(false);
      return bad(`expected ${expectedForm(spec)}`);
    case 'integer':
    case 'number': {
      const number = Number(value);
      const valid = (spec.kind === 'integer' ? INTEGER : DECIMAL).test(value) && Number.isFinite(number);
      if (!valid || (spec.kind === 'integer' && !Number.isSafeInteger(number)))
        return bad(`expected ${expectedForm(spec)}`);
      return inBounds(spec, number) ? ok(number) : bad(`expected ${expectedForm(spec)}`);
    }
    case 'duration': {
      let ms: number;
      try {
        ms = parseDuration(value);
      } catch {
        return bad(`expected ${expectedForm(spec)}`);
      }
      return inBounds(spec, ms) ? ok(ms) : bad(`expected ${expectedForm(spec)}`);
    }
    case 'enum':
      return spec.values.includes(value) ? ok(value) : bad(`expected ${expectedForm(spec)}`);
    case 'list':
      return ok(splitList(value, spec.newlineOnly ? 'newline' : 'newline-or-comma'));
    case 'globs':
      return parseGlobs(splitList(value, spec.newlineOnly ? 'newline' : 'glob'), parsers);
    case 'patterns':
      return parsePatterns(splitList(value, 'newline'), spec, parsers);
    case 'object':
      return parseObject(raw, parsers);
  }
}

function inBounds(spec: { min?: number; max?: number }, value: number): boolean {
  return (spec.min === undefined || value >= spec.min) && (spec.max === undefined || value <= spec.max);
}

/** Splits a list input: trimmed items, blanks dropped. `glob` mode keeps commas inside `{}`/`[]`. */
export function splitList(value: string, mode: 'newline' | 'newline-or-comma' | 'glob'): string[] {
  const lines = value.split(/\r?\n/);
  const items = mode === 'newline' ? lines : lines.flatMap((line) => splitCommas(line, mode === 'glob'));
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

function splitCommas(line: string, respectBraces: boolean): string[] {
  if (!respectBraces) return line.split(',');
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '\\') i++;
    else if (char === '{' || char === '[') depth++;
    else if ((char === '}' || char === ']') && depth > 0) depth--;
    else if (char === ',' && depth === 0) {
      items.push(line.slice(start, i));
      start = i + 1;
    }
  }
  items.push(line.slice(start));
  return items;
}

function parseGlobs(globs: string[], { picomatch }: Parsers): Parsed {
  for (const glob of globs) {
    try {
      picomatch!.makeRe(glob, { strictBrackets: true });
    } catch (error) {
      return badItem(
        `has an invalid glob ${quote(glob)} (${errorMessage(error)}): expected ${expectedForm({ kind: 'globs' })}`,
      );
    }
  }
  return ok(globs);
}

function parsePatterns(sources: string[], spec: PatternsInput, { compileUserPattern }: Parsers): Parsed {
  const compiled: UserPattern[] = [];
  for (const source of sources) {
    try {
      compiled.push(compileUserPattern!(source, { caseInsensitive: spec.caseInsensitive === true }));
    } catch (error) {
      return badItem(`has an ${errorMessage(error)}: expected ${expectedForm(spec)}`);
    }
  }
  return ok(compiled);
}

function parseObject(raw: string, { parseYaml }: Parsers): Parsed {
  let parsed: unknown;
  try {
    parsed = parseYaml!(raw, { maxAliasCount: 100, uniqueKeys: true });
  } catch (error) {
    return bad(`${firstLine(errorMessage(error))}; expected ${expectedForm({ kind: 'object' })}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return bad(`expected ${expectedForm({ kind: 'object' })}`);
  }
  return ok(parsed);
}

/** Only default patterns are compiled; other defaults are plain values. */
function defaultNeedsParser(spec: InputSpec): boolean {
  return spec.kind === 'patterns' && (spec.default?.length ?? 0) > 0;
}

function defaultValue(spec: InputSpec, { compileUserPattern }: Parsers): unknown {
  const fallback = spec.default;
  if (fallback === undefined) return undefined;
  if (spec.kind === 'duration' && typeof fallback === 'string') return parseDuration(fallback);
  if (spec.kind === 'patterns') {
    return (fallback as readonly string[]).map((source) =>
      compileUserPattern!(source, { caseInsensitive: spec.caseInsensitive === true }),
    );
  }
  if (Array.isArray(fallback)) return [...fallback];
  if (typeof fallback === 'object' && fallback !== null) return structuredClone(fallback);
  return fallback;
}

/** The expected form of an input, as said in error messages. */
export function expectedForm(spec: InputSpec): string {
  switch (spec.kind) {
    case 'string':
      return 'a non-empty value';
    case 'boolean':
      return 'true or false (true | True | TRUE | false | False | FALSE)';
    case 'integer':
      return `an integer${bounds(spec, String)}`;
    case 'number':
      return `a number${bounds(spec, String)}`;
    case 'duration':
      return `${DURATION_FORM}${bounds(spec, formatDuration)}`;
    case 'enum':
      return `one of: ${spec.values.join(', ')}`;
    case 'list':
      return spec.newlineOnly
        ? 'a list with one item per line'
        : 'a list, one item per line or comma-separated';
    case 'globs':
      return 'glob patterns like src/**/*.ts, one per line or comma-separated';
    case 'patterns':
      return 'regular expressions in RE2 syntax, one per line';
    case 'object':
      return 'a YAML or JSON mapping (key: value)';
  }
}

function bounds(spec: { min?: number; max?: number }, show: (n: number) => string): string {
  if (spec.min !== undefined && spec.max !== undefined) return ` from ${show(spec.min)} to ${show(spec.max)}`;
  if (spec.min !== undefined) return ` of at least ${show(spec.min)}`;
  if (spec.max !== undefined) return ` of at most ${show(spec.max)}`;
  return '';
}

const MAX_QUOTED = 80;

/** Quotes a user value on one line, shortened when long. */
function quote(value: string): string {
  if (value.length <= MAX_QUOTED) return JSON.stringify(value);
  return `${JSON.stringify(`${value.slice(0, MAX_QUOTED)}...`)} (${value.length} characters)`;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
