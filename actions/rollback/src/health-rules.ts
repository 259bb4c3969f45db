/** What one HTTP answer means for health: the status range, body pattern, JSON condition and latency rules. */
import { formatDuration } from '@qeml/action-kit';
import type { HealthSpec, ProbeResponse, StatusRange } from './types';

export type AnswerVerdict = { outcome: 'success' | 'failure' | 'inconclusive'; detail: string };

/** Parses `200-299`, `200,204`, `2xx`: throws a message (no input name: the caller adds it). */
export function parseStatusRanges(text: string): StatusRange[] {
  const ranges: StatusRange[] = [];
  for (const part of text.split(/[\s,]+/).filter(Boolean)) {
    const xx = /^([1-5])xx$/i.exec(part);
    const range = /^(\d{3})(?:-(\d{3}))?$/.exec(part);
    if (xx) ranges.push({ from: Number(xx[1]) * 100, to: Number(xx[1]) * 100 + 99 });
    else if (range) {
      const from = Number(range[1]);
      const to = Number(range[2] ?? range[1]);
      if (from < 100 || to > 599 || to < from) throw new Error(`${part} is not a range of HTTP statuses`);
      ranges.push({ from, to });
    } else throw new Error(`${part} is not an HTTP status, a range like 200-299, or 2xx`);
  }
  if (ranges.length === 0) throw new Error('no status given');
  return ranges;
}

export function formatStatusRanges(ranges: readonly StatusRange[]): string {
  return ranges.map((r) => (r.from === r.to ? String(r.from) : `${r.from}-${r.to}`)).join(',');
}

/** Path steps of `$.a.b[0]`, `a.b.0`, `checks[2].state`. */
export function parseJsonPath(path: string): (string | number)[] {
  const text = path.trim().replace(/^\$\.?/, '');
  const steps: (string | number)[] = [];
  for (const match of text.matchAll(/([^.[\]]+)|\[(\d+)\]|\["([^"]*)"\]/g)) {
    if (match[2] !== undefined) steps.push(Number(match[2]));
    else if (match[3] !== undefined) steps.push(match[3]);
    else if (match[1] !== undefined) steps.push(/^\d+$/.test(match[1]) ? Number(match[1]) : match[1]);
  }
  return steps;
}

/** The value at a path, or undefined when a step is missing. */
export function valueAt(value: unknown, steps: readonly (string | number)[]): unknown {
  let current = value;
  for (const step of steps) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/** How a JSON value compares with the `json-value` text: strings as they are, others as JSON. */
export function jsonText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * A health URL as written anywhere (checks, reasons, statuses, summary, issue): no `user:pass@` and
 * every query value masked (`?token=***`), since either may hold a credential.
 */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    const query = [...parsed.searchParams.keys()].map((key) => `${encodeURIComponent(key)}=***`);
    parsed.search = '';
    parsed.hash = '';
    return `${parsed.toString()}${query.length > 0 ? `?${query.join('&')}` : ''}`;
  } catch {
    return url;
  }
}

/** Judges one answer: a wrong status, body or latency is a failure; an empty body a condition needs is no data. */
export function judgeAnswer(target: string, answer: ProbeResponse, spec: HealthSpec): AnswerVerdict {
  const url = shownUrl(target);
  const fail = (why: string): AnswerVerdict => ({ outcome: 'failure', detail: `${url}: ${why}` });
  if (!spec.expectedStatus.some((r) => answer.status >= r.from && answer.status <= r.to)) {
    return fail(`status ${answer.status} (expected ${formatStatusRanges(spec.expectedStatus)})`);
  }
  if (spec.maxLatencyMs !== undefined && answer.latencyMs > spec.maxLatencyMs) {
    return fail(
      `status ${answer.status} but took ${formatDuration(answer.latencyMs)} (max-latency ${formatDuration(spec.maxLatencyMs)})`,
    );
  }
  const needsBody = spec.bodyPattern !== undefined || spec.jsonPath !== undefined;
  if (needsBody && answer.body.trim() === '') {
    return {
      outcome: 'inconclusive',
      detail: `${url}: status ${answer.status} with an empty body (no data)`,
    };
  }
  if (spec.bodyPattern && !spec.bodyPattern.test(answer.body)) {
    return fail(`status ${answer.status} but the body does not match ${spec.bodyPattern.source}`);
  }
  if (spec.jsonPath !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer.body);
    } catch {
      return fail(`status ${answer.status} but the body is not JSON`);
    }
    const found = valueAt(parsed, parseJsonPath(spec.jsonPath));
    if (found === undefined) return fail(`${spec.jsonPath} is missing from the body`);
    if (spec.jsonValue !== undefined && jsonText(found) !== spec.jsonValue) {
      return fail(`${spec.jsonPath} is ${jsonText(found)} (expected ${spec.jsonValue})`);
    }
  }
  return { outcome: 'success', detail: `${url}: ${answer.status} in ${formatDuration(answer.latencyMs)}` };
}
