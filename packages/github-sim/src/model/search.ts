import type { SimModel } from './index';
import type { Issue, IssueRecord } from './issues';

interface IssueQuery {
  repos: string[];
  state?: 'open' | 'closed';
  kind?: 'issue' | 'pr';
  labels: string[];
  authors: string[];
  fields: Set<'title' | 'body' | 'comments'>;
  terms: string[];
}

/** Splits `repo:o/r is:open label:"needs triage" "exact words" word` into qualifiers and terms. */
export function parseIssueQuery(q: string): IssueQuery {
  const query: IssueQuery = { repos: [], labels: [], authors: [], fields: new Set(), terms: [] };
  const tokens = /(-?[a-z_]+):"([^"]*)"|(-?[a-z_]+):(\S+)|"([^"]*)"|(\S+)/gi;
  for (const match of q.matchAll(tokens)) {
    const key = (match[1] ?? match[3])?.toLowerCase();
    const value = match[2] ?? match[4] ?? '';
    if (!key) {
      const term = (match[5] ?? match[6] ?? '').toLowerCase();
      if (term) query.terms.push(term);
      continue;
    }
    if (key === 'repo') query.repos.push(value.toLowerCase());
    else if (key === 'label') query.labels.push(value.toLowerCase());
    else if (key === 'author') query.authors.push(value);
    else if (key === 'in') for (const field of value.split(',')) query.fields.add(field as 'title');
    else if ((key === 'is' || key === 'state') && (value === 'open' || value === 'closed'))
      query.state = value;
    else if ((key === 'is' || key === 'type') && (value === 'issue' || value === 'pr')) query.kind = value;
  }
  return query;
}

function matchesTerms(model: SimModel, issue: IssueRecord, query: IssueQuery): boolean {
  if (query.terms.length === 0) return true;
  const fields = query.fields.size > 0 ? query.fields : new Set(['title', 'body', 'comments']);
  const haystack: string[] = [];
  if (fields.has('title')) haystack.push(issue.title);
  if (fields.has('body')) haystack.push(issue.body ?? '');
  if (fields.has('comments')) {
    haystack.push(
      ...model.issues.comments
        .filter((c) => c.repoKey === issue.repoKey && c.issueNumber === issue.number)
        .map((c) => c.body),
    );
  }
  const text = haystack.join('\n').toLowerCase();
  return query.terms.every((term) => text.includes(term));
}

/** A small subset of GitHub issue search: enough for find-then-update de-duplication. */
export function searchIssues(model: SimModel, q: string): (Issue & { score: number })[] {
  const query = parseIssueQuery(q);
  if (query.kind === 'pr') return [];
  return model.issues.issues
    .filter(
      (issue) =>
        (query.repos.length === 0 || query.repos.includes(issue.repoKey)) &&
        (!query.state || issue.state === query.state) &&
        query.labels.every((label) => issue.labels.some((l) => l.toLowerCase() === label)) &&
        (query.authors.length === 0 || query.authors.includes(issue.user)) &&
        matchesTerms(model, issue, query),
    )
    .reverse()
    .map((issue) => searchResultItem(model.issues.render(model.repos.byFullName(issue.repoKey), issue)));
}

/** A search hit: the issue with a score; the description types `body` as a string, so an empty body is left out. */
function searchResultItem(issue: Issue): Issue & { score: number } {
  const { body, ...rest } = issue;
  return { ...rest, ...(body === null || body === undefined ? {} : { body }), score: 1 };
}
