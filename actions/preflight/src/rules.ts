/** `rules`: groups of paths that say what a change to them needs to run. */
import picomatch from 'picomatch';
import type { ChangedFile } from './git';

export interface RuleGroup {
  name: string;
  paths: string[];
  /** false: a change only here needs no test run (docs). */
  run: boolean;
  suites: string[];
  /** Restricts these matrix dimensions to these values. */
  matrix: Record<string, string[]>;
  /** A change here runs the full matrix and every suite (lockfiles, workflows). */
  full: boolean;
}

const KEYS = new Set(['paths', 'run', 'suites', 'matrix', 'full']);

/** Reads the parsed `rules` mapping; returns the groups or the problems (each naming the group). */
export function parseRules(value: unknown): { groups: RuleGroup[]; problems: string[] } {
  const problems: string[] = [];
  const groups: RuleGroup[] = [];
  if (value === undefined || value === null) return { groups, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return {
      groups,
      problems: ['expected a mapping of group names to { paths, run, suites, matrix, full }'],
    };
  }
  for (const [name, raw] of Object.entries(value as Record<string, unknown>)) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push(`group '${name}' must be a mapping with 'paths'`);
      continue;
    }
    const group = raw as Record<string, unknown>;
    const unknown = Object.keys(group).filter((key) => !KEYS.has(key));
    if (unknown.length > 0)
      problems.push(
        `group '${name}' has unknown key(s) ${unknown.join(', ')} (known: ${[...KEYS].join(', ')})`,
      );
    const paths = stringList(group.paths);
    if (!paths || paths.length === 0)
      problems.push(`group '${name}': 'paths' must be a non-empty list of globs`);
    const suites = group.suites === undefined ? [] : stringList(group.suites);
    if (!suites) problems.push(`group '${name}': 'suites' must be a list of names`);
    const matrix: Record<string, string[]> = {};
    if (group.matrix !== undefined) {
      if (!group.matrix || typeof group.matrix !== 'object' || Array.isArray(group.matrix)) {
        problems.push(`group '${name}': 'matrix' must map dimension names to lists of values`);
      } else {
        for (const [dim, values] of Object.entries(group.matrix as Record<string, unknown>)) {
          const list = stringList(values);
          if (!list) problems.push(`group '${name}': matrix dimension '${dim}' must be a list of values`);
          else matrix[dim] = list;
        }
      }
    }
    for (const key of ['run', 'full'] as const) {
      if (group[key] !== undefined && typeof group[key] !== 'boolean')
        problems.push(`group '${name}': '${key}' must be true or false`);
    }
    groups.push({
      name,
      paths: paths ?? [],
      run: group.run !== false,
      suites: suites ?? [],
      matrix,
      full: group.full === true,
    });
  }
  return { groups, problems };
}

function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value) || !value.every((v) => ['string', 'number', 'boolean'].includes(typeof v)))
    return undefined;
  return value.map(String);
}

/** What the change selects. */
export interface Selection {
  shouldRun: boolean;
  full: boolean;
  /** Suites to run; empty with shouldRun: no restriction (all). */
  suites: string[];
  /** Allowed values per restricted dimension. */
  matrix: Record<string, string[]>;
  /** Groups each changed path fell in ('' = none). */
  groups: string[];
  reason: string;
}

/**
 * In order, as GitHub's `paths` filters: a path is in the group when the last pattern that matches
 * it is not a `!` one. (picomatch given a list would take `!docs/api/**` alone as "anything else".)
 */
function groupMatcher(patterns: string[]): (path: string) => boolean {
  const steps = patterns.map((pattern) => {
    const negated = pattern.startsWith('!');
    return { negated, match: picomatch(negated ? pattern.slice(1) : pattern, { dot: true }) };
  });
  return (path) => {
    let inGroup = false;
    for (const step of steps) if (step.match(path)) inGroup = !step.negated;
    return inGroup;
  };
}

/**
 * The decision: files in no group run everything; a `full` group runs everything; files only in
 * `run: false` groups run nothing; otherwise the union of the selected groups' suites and values.
 */
export function selectByRules(files: ChangedFile[], groups: RuleGroup[]): Selection {
  const matchers = groups.map((group) => ({ group, match: groupMatcher(group.paths) }));
  const hit = new Map<string, RuleGroup>();
  const unmatched: string[] = [];
  const paths = files.flatMap((file) => (file.previous ? [file.path, file.previous] : [file.path]));
  for (const path of paths) {
    const found = matchers.filter((m) => m.match(path)).map((m) => m.group);
    if (found.length === 0) unmatched.push(path);
    for (const group of found) hit.set(group.name, group);
  }
  const matched = [...hit.values()];
  const names = matched.map((group) => group.name);
  const allSuites = [...new Set(groups.flatMap((group) => group.suites))];
  const everything = (reason: string): Selection => ({
    shouldRun: true,
    full: true,
    suites: allSuites,
    matrix: {},
    groups: names,
    reason,
  });
  if (files.length === 0)
    return { shouldRun: false, full: false, suites: [], matrix: {}, groups: [], reason: 'no file changed' };
  if (unmatched.length > 0) {
    return everything(
      `${unmatched.length} changed file(s) in no rule group (e.g. ${unmatched[0]}): everything runs`,
    );
  }
  const forcing = matched.filter((group) => group.full);
  if (forcing.length > 0)
    return everything(`group ${forcing.map((g) => `'${g.name}'`).join(', ')} forces the full matrix`);
  const running = matched.filter((group) => group.run);
  if (running.length === 0) {
    return {
      shouldRun: false,
      full: false,
      suites: [],
      matrix: {},
      groups: names,
      reason: `only ${names.map((n) => `'${n}'`).join(', ')} changed, which need no run`,
    };
  }
  const suites = running.some((group) => group.suites.length === 0)
    ? allSuites
    : [...new Set(running.flatMap((g) => g.suites))];
  const matrix: Record<string, string[]> = {};
  const dims = new Set(running.flatMap((group) => Object.keys(group.matrix)));
  for (const dim of dims) {
    // A selected group that does not restrict a dimension needs all of its values.
    if (running.some((group) => !(dim in group.matrix))) continue;
    matrix[dim] = [...new Set(running.flatMap((group) => group.matrix[dim] ?? []))];
  }
  const restricted =
    Object.keys(matrix).length > 0
      ? ` restricting ${Object.entries(matrix)
          .map(([d, v]) => `${d} to ${v.join(', ')}`)
          .join('; ')}`
      : '';
  return {
    shouldRun: true,
    full: false,
    suites,
    matrix,
    groups: names,
    reason: `changes in ${running.map((g) => `'${g.name}'`).join(', ')}${restricted}`,
  };
}
