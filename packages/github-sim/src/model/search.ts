import { SimHttpError } from '../errors';
import type { SimModel } from './index';
import type { IndexedVersion, Issue, IssueRecord } from './issues';

/**
 * GitHub issue search as de-duplication relies on it (docs.github.com "Searching issues and pull
 * requests", "Understanding the search syntax"): text is matched by whole tokens, split on
 * punctuation, so `abc` never matches inside `xabc` or `ab` inside `abc`; changes are searchable
 * only after an indexing delay; unknown qualifiers are refused with 422.
 */

type Field = 'title' | 'body' | 'comments';

interface IssueQuery {
  repos: string[];
  state?: 'open' | 'closed';
  kind?: 'issue' | 'pr';
  labels: string[];
  notLabels: string[];
  noLabel: boolean;
  authors: string[];
  notAuthors: string[];
  fields: Set<Field>;
  /** Each term is a token sequence that must appear in this order (a quoted phrase or a hyphenated word). */
  terms: string[][];
}

/** Qualifiers GitHub knows that the sim does not simulate: using one is a test bug, not a user error. */
const NOT_SIMULATED = new Set([
  'org',
  'user',
  'assignee',
  'mentions',
  'commenter',
  'involves',
  'created',
  'updated',
  'closed',
  'comments',
  'reason',
  'milestone',
  'linked',
  'draft',
  'review',
  'head',
  'base',
  'status',
  'language',
  'project',
  'archived',
  'interactions',
  'reactions',
  'team',
  'team-review-requested',
  'review-requested',
  'reviewed-by',
  'user-review-requested',
  'merged',
]);

/** Lower-cased word tokens: letters, digits and underscore; everything else separates. */
function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

function invalidQuery(message: string): SimHttpError {
  return new SimHttpError(
    422,
    'Validation Failed',
    'https://docs.github.com/rest/search/search#search-issues-and-pull-requests',
    [{ message, resource: 'Search', field: 'q', code: 'invalid' }],
  );
}

/** Splits `repo:o/r is:open -label:"needs triage" "exact words" word` into qualifiers and terms. */
export function parseIssueQuery(q: string): IssueQuery {
  const query: IssueQuery = {
    repos: [],
    labels: [],
    notLabels: [],
    noLabel: false,
    authors: [],
    notAuthors: [],
    fields: new Set(),
    terms: [],
  };
  const tokens = /(-?)([a-z_-]+):"([^"]*)"|(-?)([a-z_-]+):(\S+)|"([^"]*)"|(\S+)/gi;
  for (const match of q.matchAll(tokens)) {
    const key = (match[2] ?? match[5])?.toLowerCase();
    if (!key) {
      const raw = match[7] ?? match[8] ?? '';
      if (match[8] === 'AND') continue;
      if (match[8] === 'OR' || match[8] === 'NOT') throw new Error(`github-sim: ${raw} is not simulated`);
      const words = tokenize(raw);
      if (words.length > 0) query.terms.push(words);
      continue;
    }
    const negated = (match[1] ?? match[4]) === '-';
    const value = match[3] ?? match[6] ?? '';
    applyQualifier(query, key, value, negated);
  }
  return query;
}

function applyQualifier(query: IssueQuery, key: string, value: string, negated: boolean): void {
  const lower = value.toLowerCase();
  if (key === 'label') (negated ? query.notLabels : query.labels).push(lower);
  else if (key === 'author') (negated ? query.notAuthors : query.authors).push(value);
  else if (negated) throw new Error(`github-sim: -${key}: is not simulated`);
  else if (key === 'repo') query.repos.push(lower);
  else if (key === 'in') for (const field of lower.split(',')) query.fields.add(field as Field);
  else if (key === 'no' && lower === 'label') query.noLabel = true;
  else if ((key === 'is' || key === 'state') && (lower === 'open' || lower === 'closed')) query.state = lower;
  else if ((key === 'is' || key === 'type') && (lower === 'issue' || lower === 'pr')) query.kind = lower;
  else if (key === 'sort') return;
  else if (NOT_SIMULATED.has(key) || key === 'is' || key === 'no')
    throw new Error(`github-sim: ${key}:${value} is not simulated`);
  else throw invalidQuery(`The qualifier \`${key}\` is not recognised.`);
}

/** Whether `phrase` occurs as consecutive tokens in `tokens`. */
function containsPhrase(tokens: string[], phrase: string[]): boolean {
  for (let start = 0; start + phrase.length <= tokens.length; start += 1) {
    if (phrase.every((word, offset) => tokens[start + offset] === word)) return true;
  }
  return false;
}

function matchesTerms(version: IndexedVersion, query: IssueQuery): boolean {
  if (query.terms.length === 0) return true;
  const fields = query.fields.size > 0 ? query.fields : new Set<Field>(['title', 'body', 'comments']);
  const texts = [
    ...(fields.has('title') ? [version.title] : []),
    ...(fields.has('body') ? [version.body] : []),
    ...(fields.has('comments') ? version.comments : []),
  ].map(tokenize);
  return query.terms.every((phrase) => texts.some((tokens) => containsPhrase(tokens, phrase)));
}

function matches(issue: IssueRecord, version: IndexedVersion, query: IssueQuery): boolean {
  const labels = version.labels.map((l) => l.toLowerCase());
  return (
    (query.repos.length === 0 || query.repos.includes(issue.repoKey)) &&
    (!query.state || version.state === query.state) &&
    (!query.kind || (query.kind === 'pr') === (issue.pull !== null)) &&
    query.labels.every((label) => labels.includes(label)) &&
    !query.notLabels.some((label) => labels.includes(label)) &&
    (!query.noLabel || labels.length === 0) &&
    (query.authors.length === 0 || query.authors.includes(version.user)) &&
    !query.notAuthors.includes(version.user) &&
    matchesTerms(version, query)
  );
}

/** Issues and pull requests as the search index sees them `searchIndexDelayMs` after their last change, newest first. */
export function searchIssues(model: SimModel, q: string): (Issue & { score: number })[] {
  const query = parseIssueQuery(q);
  const horizon = model.ctx.clock.now() - model.ctx.searchIndexDelayMs;
  const hits: IssueRecord[] = [];
  for (const issue of model.issues.issues) {
    const version = issue.versions.filter((v) => v.at <= horizon).at(-1);
    if (version && matches(issue, version, query)) hits.push(issue);
  }
  return hits
    .reverse()
    .map((issue) => searchResultItem(model.issues.render(model.repos.byFullName(issue.repoKey), issue)));
}

/** A search hit: the issue with a score; the description types `body` as a string, so an empty body is left out. */
function searchResultItem(issue: Issue): Issue & { score: number } {
  const { body, ...rest } = issue;
  return { ...rest, ...(body === null || body === undefined ? {} : { body }), score: 1 };
}
