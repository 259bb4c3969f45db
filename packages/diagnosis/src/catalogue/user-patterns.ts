// A user's patterns file (`qeml analyze --patterns F`, the action's `patterns` input): add
// signatures, override built-in ones by id, or disable them. Validated here, at run time, by hand
// (the JSON-schema validator is a build tool, never bundled); user regexes compile with RE2 so
// they cannot hang a scan.
import { compileUserPattern, type UserPattern } from '@qeml/action-kit';
import { parse as parseYaml } from 'yaml';
import { CATEGORIES, RECOVERIES, SEVERITIES, type Signature } from '../types';
import { exampleProblems, normaliseKeywords, unknownGroups } from './checks';

/** An override: the id of a built-in signature and the fields that replace its own. */
export type SignatureOverride = Partial<Omit<Signature, 'engine' | 'origin'>> & { id: string };

export interface UserPatterns {
  /** The file the patterns came from, named in every error. */
  origin: string;
  add: Signature[];
  override: SignatureOverride[];
  disable: string[];
}

/** A mistake in a user patterns file: the message names the file and the entry. */
export class UserPatternsError extends Error {
  override name = 'UserPatternsError';
}

type Check = (value: unknown) => string | undefined;

const nonEmptyString: Check = (v) =>
  typeof v === 'string' && v.trim() !== '' ? undefined : 'a non-empty string';
const oneOf =
  (allowed: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && allowed.includes(v) ? undefined : `one of ${allowed.join(', ')}`;
const boolean: Check = (v) => (typeof v === 'boolean' ? undefined : 'true or false');
const stringList =
  (minItems: number): Check =>
  (v) =>
    Array.isArray(v) && v.length >= minItems && v.every((s) => typeof s === 'string' && s !== '')
      ? undefined
      : minItems > 0
        ? 'a non-empty list of strings'
        : 'a list of strings';

const FIELDS: Record<keyof SignatureOverride, Check> = {
  id: (v) =>
    typeof v === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) ? undefined : 'kebab-case (my-error)',
  category: oneOf(CATEGORIES),
  title: nonEmptyString,
  pattern: nonEmptyString,
  ignoreCase: boolean,
  keywords: stringList(1),
  examples: stringList(0),
  window: (v) =>
    Number.isInteger(v) && (v as number) >= 2 && (v as number) <= 20 ? undefined : 'a whole number 2-20',
  transient: boolean,
  recovery: oneOf(RECOVERIES),
  severity: oneOf(SEVERITIES),
  source: nonEmptyString,
};
const REQUIRED_TO_ADD = [
  'id',
  'category',
  'title',
  'pattern',
  'keywords',
  'transient',
  'recovery',
  'severity',
];

/**
 * Parses and validates a user patterns file:
 *
 * @example
 * add:
 *   - id: artifactory-flake
 *     category: registry
 *     title: Our Artifactory dropped the connection
 *     pattern: 'artifactory\.example\.com.*Connection reset'
 *     keywords: [artifactory]
 *     transient: true
 *     recovery: rerun
 *     severity: error
 * override:
 *   - id: pip-read-timeout
 *     transient: false
 *     recovery: escalate
 * disable: [jest-failed-test]
 *
 * Throws UserPatternsError naming `origin` and the entry at the first mistake.
 */
export function parseUserPatterns(yamlText: string, origin: string): UserPatterns {
  let document: unknown;
  try {
    document = parseYaml(yamlText);
  } catch (error) {
    throw new UserPatternsError(`${origin}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (document === null || document === undefined) return { origin, add: [], override: [], disable: [] };
  if (!isRecord(document))
    throw new UserPatternsError(`${origin}: expected a mapping with add, override and/or disable`);
  const unknownKeys = Object.keys(document).filter((k) => !['add', 'override', 'disable'].includes(k));
  if (unknownKeys.length > 0) {
    throw new UserPatternsError(
      `${origin}: unknown key ${unknownKeys[0]} (expected add, override and/or disable)`,
    );
  }
  const add = listOf(document.add, origin, 'add').map((entry, i) =>
    toAdded(entry, entryName(`${origin}: add[${i}]`, entry), origin),
  );
  const override = listOf(document.override, origin, 'override').map((entry, i) =>
    toOverride(entry, entryName(`${origin}: override[${i}]`, entry)),
  );
  const disable = listOf(document.disable, origin, 'disable').map((id, i) => {
    const problem = FIELDS.id(id);
    if (problem) throw new UserPatternsError(`${origin}: disable[${i}] must be a signature id (${problem})`);
    return id as string;
  });
  return { origin, add, override, disable };
}

/**
 * The catalogue a scan uses: built-ins minus disabled ones, overrides applied field by field,
 * user additions last. Throws UserPatternsError for an override or disable naming no signature,
 * or an addition reusing an existing id.
 */
export function mergeCatalogue(
  builtin: readonly Signature[],
  user: UserPatterns | readonly UserPatterns[],
): Signature[] {
  const byId = new Map(builtin.map((s) => [s.id, { ...s }]));
  for (const file of Array.isArray(user) ? user : [user as UserPatterns]) {
    for (const id of file.disable) {
      if (!byId.delete(id)) throw new UserPatternsError(`${file.origin}: disable ${id}: no such signature`);
    }
    for (const entry of file.override) {
      const current = byId.get(entry.id);
      if (!current) throw new UserPatternsError(`${file.origin}: override ${entry.id}: no such signature`);
      const merged: Signature = { ...current, ...entry, origin: file.origin };
      if (entry.pattern !== undefined) {
        merged.engine = 're2';
        merged.examples = entry.examples ?? [];
      }
      checkRecovery(merged, `${file.origin}: override ${entry.id}`);
      byId.set(entry.id, merged);
    }
    for (const entry of file.add) {
      if (byId.has(entry.id)) {
        throw new UserPatternsError(
          `${file.origin}: add ${entry.id}: the id is taken (use override to change it)`,
        );
      }
      byId.set(entry.id, entry);
    }
  }
  return [...byId.values()];
}

function toAdded(entry: unknown, where: string, origin: string): Signature {
  const fields = checkFields(entry, where);
  const missing = REQUIRED_TO_ADD.filter((key) => fields[key] === undefined);
  if (missing.length > 0) throw new UserPatternsError(`${where}: missing ${missing.join(', ')}`);
  const signature = {
    examples: [],
    source: `user patterns (${origin})`,
    ...fields,
    keywords: normaliseKeywords(fields.keywords as string[]),
    engine: 're2',
    origin,
  } as unknown as Signature;
  checkPattern(signature, where);
  checkRecovery(signature, where);
  return signature;
}

function toOverride(entry: unknown, where: string): SignatureOverride {
  const fields = checkFields(entry, where) as SignatureOverride;
  if (fields.id === undefined)
    throw new UserPatternsError(`${where}: missing id (the signature to override)`);
  if (fields.pattern !== undefined) {
    if (fields.keywords === undefined) {
      throw new UserPatternsError(`${where}: a new pattern needs its own keywords`);
    }
    checkPattern({ examples: [], ...fields } as Signature, where);
  }
  if (fields.keywords) fields.keywords = normaliseKeywords(fields.keywords);
  return fields;
}

function checkFields(entry: unknown, where: string): Record<string, unknown> {
  if (!isRecord(entry)) throw new UserPatternsError(`${where}: expected a mapping of signature fields`);
  for (const [key, value] of Object.entries(entry)) {
    const check = FIELDS[key as keyof SignatureOverride];
    if (!check) throw new UserPatternsError(`${where}: unknown field ${key}`);
    const problem = check(value);
    if (problem) throw new UserPatternsError(`${where}: ${key} must be ${problem}`);
  }
  return entry;
}

/** `p.yml: add[2] (my-id)`: the position always, the id when there is one. */
function entryName(where: string, entry: unknown): string {
  return isRecord(entry) && typeof entry.id === 'string' ? `${where} (${entry.id})` : where;
}

function checkPattern(signature: Signature, where: string): void {
  let compiled: UserPattern;
  try {
    compiled = compileUserPattern(signature.pattern, { caseInsensitive: signature.ignoreCase === true });
  } catch (error) {
    throw new UserPatternsError(`${where}: ${(error as Error).message}`);
  }
  const groups = unknownGroups(Object.keys(compiled.re2.namedGroups()));
  if (groups.length > 0) {
    throw new UserPatternsError(
      `${where}: unknown named group ${groups[0]} (use file, line, column or test)`,
    );
  }
  const problems = exampleProblems(signature, (text) => compiled.test(text));
  if (problems.length > 0) throw new UserPatternsError(`${where}: ${problems[0]}`);
}

function checkRecovery(signature: Signature, where: string): void {
  if (signature.transient && !['rerun', 'rerun-clean-cache'].includes(signature.recovery)) {
    throw new UserPatternsError(`${where}: a transient signature recovers by rerun or rerun-clean-cache`);
  }
}

function listOf(value: unknown, origin: string, key: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new UserPatternsError(`${origin}: ${key} must be a list`);
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
