/**
 * The fetch layer: the least the figures need from GitHub's REST API. Runs are listed once per
 * workflow (100 a page, the `created` filter for the window), attempt details are fetched only for
 * runs with `run_attempt > 1` (the listing already shows the latest attempt), jobs only for runs with
 * a failed attempt; answers that cannot change are asked for conditionally (ETag).
 */
import { ConfigurationError, type GitHubClient, type Logger } from '@qeml/action-kit';
import type { ResponseStore } from './conditional';
import { type AttemptRecord, isFailure, type JobRecord, type RunRecord, type WorkflowRef } from './records';

export interface HistoryQuery {
  owner: string;
  repo: string;
  /** Empty: the repository's default branch. */
  branch: string;
  /** Names or file names; empty: every workflow. */
  workflows: readonly string[];
  /** The last `windowMs` before now, or the last `runs` runs of each workflow. */
  span: { windowMs: number } | { runs: number };
}

export interface HistoryDeps {
  client: Pick<GitHubClient, 'request'>;
  clock: { now(): number };
  logger: Logger;
  /** Seen ETags and their values; absent: no conditional requests. */
  responses?: ResponseStore;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
}

export type CallKind = 'repository' | 'workflows' | 'runs' | 'attempts' | 'jobs';

export interface ApiUse {
  /** Requests made (each page counts; the client's own retries of a failed request do not). */
  calls: number;
  /** Of them, answered 304 Not Modified from a stored ETag (free of the rate limit). */
  notModified: number;
  byKind: Record<CallKind, number>;
}

export interface History {
  branch: string;
  workflows: WorkflowRef[];
  runs: RunRecord[];
  window: { start: number; end: number; label: string };
  api: ApiUse;
}

const PER_PAGE = 100;
const DAY_MS = 24 * 3600 * 1000;

interface RawRun {
  id: number;
  head_branch: string | null;
  head_sha: string;
  status: string | null;
  conclusion: string | null;
  run_attempt?: number;
  created_at: string;
  updated_at: string;
  run_started_at?: string;
}

interface RawJob {
  name: string;
  run_attempt?: number;
  conclusion: string | null;
}

const time = (value: string | undefined, fallback: string) => Date.parse(value ?? fallback);

function attemptOf(raw: RawRun): AttemptRecord {
  return {
    number: raw.run_attempt ?? 1,
    conclusion: raw.status === 'completed' ? raw.conclusion : null,
    startedAt: time(raw.run_started_at, raw.created_at),
    completedAt: time(raw.updated_at, raw.created_at),
  };
}

/** Runs `task` over `items`, `limit` at a time, keeping their order. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function describeSpan(span: HistoryQuery['span'], windowMs: number): string {
  if ('runs' in span) return `last ${span.runs} runs of each workflow`;
  const days = windowMs / DAY_MS;
  return Number.isInteger(days) ? `last ${days} days` : `last ${Math.round(windowMs / 3_600_000)} hours`;
}

export async function fetchHistory(query: HistoryQuery, deps: HistoryDeps): Promise<History> {
  const byKind: Record<CallKind, number> = { repository: 0, workflows: 0, runs: 0, attempts: 0, jobs: 0 };
  const api: ApiUse = { calls: 0, notModified: 0, byKind };
  const { owner, repo } = query;

  /** One GET; with `cacheable`, asked conditionally and its extracted value kept. */
  const get = async <T>(
    kind: CallKind,
    route: string,
    params: Record<string, unknown>,
    extract: (data: unknown, headers: Record<string, string | undefined>) => T,
    cacheable = false,
  ): Promise<T> => {
    api.calls += 1;
    byKind[kind] += 1;
    const key = `${route} ${JSON.stringify(params)}`;
    const stored = cacheable ? deps.responses?.get(key) : undefined;
    try {
      const response = await deps.client.request(route, {
        owner,
        repo,
        ...params,
        ...(stored ? { headers: { 'if-none-match': stored.etag } } : {}),
      });
      const value = extract(response.data, response.headers as Record<string, string | undefined>);
      const etag = (response.headers as Record<string, string | undefined>).etag;
      if (cacheable && etag && deps.responses) deps.responses.set(key, { etag, value });
      return value;
    } catch (error) {
      if (stored && (error as { status?: number }).status === 304) {
        api.notModified += 1;
        return stored.value as T;
      }
      throw error;
    }
  };
  const hasNext = (headers: Record<string, string | undefined>) => /rel="next"/.test(headers.link ?? '');

  let branch = query.branch;
  if (!branch) {
    branch = await get(
      'repository',
      'GET /repos/{owner}/{repo}',
      {},
      (data) => (data as { default_branch: string }).default_branch,
      true,
    );
  }

  const all: WorkflowRef[] = [];
  for (let page = 1; ; page += 1) {
    const { items, more } = await get(
      'workflows',
      'GET /repos/{owner}/{repo}/actions/workflows',
      { per_page: PER_PAGE, page },
      (data, headers) => ({
        items: (data as { workflows: WorkflowRef[] }).workflows.map(({ id, name, path }) => ({
          id,
          name,
          path,
        })),
        more: hasNext(headers),
      }),
      true,
    );
    all.push(...items);
    if (!more) break;
  }
  const workflows = selectWorkflows(all, query.workflows);

  const end = deps.clock.now();
  const windowMs = 'windowMs' in query.span ? query.span.windowMs : 0;
  const since = new Date(end - windowMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const enough = (runs: readonly RawRun[]) => 'runs' in query.span && runs.length >= query.span.runs;
  const listed = await mapLimited(workflows, deps.concurrency ?? 4, async (workflow) => {
    const runs: RawRun[] = [];
    const seen = new Set<number>();
    // GitHub lists at most 1,000 runs when filtered (branch, created): past that, list again below
    // the oldest run listed so far (inclusive, so runs of that second are not lost; seen ones skipped).
    let below: string | undefined;
    for (;;) {
      let listedNow = 0;
      let total = 0;
      let oldest: string | undefined;
      for (let page = 1; ; page += 1) {
        const from = 'windowMs' in query.span ? since : '*';
        const { items, more, count } = await get(
          'runs',
          'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
          {
            workflow_id: workflow.id,
            branch,
            per_page: PER_PAGE,
            page,
            exclude_pull_requests: true,
            ...(below ? { created: `${from}..${below}` } : from !== '*' ? { created: `>=${from}` } : {}),
          },
          (data, headers) => ({
            items: (data as { workflow_runs: RawRun[] }).workflow_runs,
            count: (data as { total_count?: number }).total_count ?? 0,
            more: hasNext(headers),
          }),
        );
        total = Math.max(total, count);
        listedNow += items.length;
        for (const item of items) {
          oldest = item.created_at;
          if (seen.has(item.id)) continue;
          seen.add(item.id);
          runs.push(item);
        }
        if (!more || enough(runs)) break;
      }
      if (enough(runs) || listedNow >= total || !oldest || oldest === below) break;
      below = oldest;
    }
    const kept =
      'runs' in query.span
        ? runs.slice(0, query.span.runs)
        : runs.filter((r) => Date.parse(r.created_at) >= end - windowMs);
    return kept.map((raw) => ({ raw, workflow }));
  });

  const runs = await mapLimited(listed.flat(), deps.concurrency ?? 4, async ({ raw, workflow }) => {
    const latest = attemptOf(raw);
    const earlier: AttemptRecord[] = [];
    for (let number = 1; number < latest.number; number += 1) {
      earlier.push(
        await get(
          'attempts',
          'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}',
          { run_id: raw.id, attempt_number: number, exclude_pull_requests: true },
          (data) => attemptOf(data as RawRun),
          true,
        ),
      );
    }
    const record: RunRecord = {
      id: raw.id,
      workflow: workflow.path,
      branch: raw.head_branch ?? branch,
      headSha: raw.head_sha,
      createdAt: Date.parse(raw.created_at),
      status: raw.status ?? 'unknown',
      attempts: [...earlier, latest],
    };
    if (record.attempts.some((attempt) => isFailure(attempt.conclusion)))
      record.jobs = await jobsOf(raw.id, raw.status === 'completed');
    return record;
  });

  async function jobsOf(runId: number, completed: boolean): Promise<JobRecord[]> {
    const jobs: JobRecord[] = [];
    for (let page = 1; ; page += 1) {
      const { items, more } = await get(
        'jobs',
        'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
        { run_id: runId, filter: 'all', per_page: PER_PAGE, page },
        (data, headers) => ({
          items: (data as { jobs: RawJob[] }).jobs.map((job) => ({
            name: job.name,
            attempt: job.run_attempt ?? 1,
            conclusion: job.conclusion,
          })),
          more: hasNext(headers),
        }),
        completed,
      );
      jobs.push(...items);
      if (!more) break;
    }
    return jobs;
  }

  const start =
    'windowMs' in query.span ? end - windowMs : Math.min(end, ...runs.map((run) => run.createdAt));
  deps.logger.info(
    `Read ${runs.length} runs of ${workflows.length} workflow(s) on ${branch} with ${api.calls} API calls (${api.notModified} not modified).`,
  );
  return { branch, workflows, runs, window: { start, end, label: describeSpan(query.span, windowMs) }, api };
}

/** The workflows the user named (by name or file name), or all. An unknown name is a user mistake. */
export function selectWorkflows(all: readonly WorkflowRef[], wanted: readonly string[]): WorkflowRef[] {
  if (wanted.length === 0) return [...all];
  const fileOf = (w: WorkflowRef) => w.path.split('/').pop()?.toLowerCase() ?? '';
  const missing = wanted.filter(
    (name) => !all.some((w) => w.name === name || fileOf(w) === name.toLowerCase()),
  );
  if (missing.length > 0) {
    throw new ConfigurationError(
      `Input 'workflows' names ${missing.map((m) => `'${m}'`).join(', ')}, which match no workflow of the repository (found: ${all.map((w) => `${w.name} (${fileOf(w)})`).join(', ') || 'none'})`,
    );
  }
  return all.filter((w) => wanted.some((name) => w.name === name || fileOf(w) === name.toLowerCase()));
}
