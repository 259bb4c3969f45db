import type { components } from '@octokit/openapi-types';
import type { structuredPatch } from 'diff';
import type { strToU8, zipSync } from 'fflate';
import { notFound } from '../errors';
import type { Clock } from '../rate-limit';

export type SimpleUser = components['schemas']['simple-user'];

/**
 * Libraries loaded when the sim starts (dynamic imports, so bundles that embed the sim keep them
 * in separate chunks): unified diffs for file patches, zip for run logs.
 */
export interface SimLibraries {
  structuredPatch: typeof structuredPatch;
  zipSync: typeof zipSync;
  strToU8: typeof strToU8;
}

export async function loadLibraries(): Promise<SimLibraries> {
  const [{ structuredPatch }, { zipSync, strToU8 }] = await Promise.all([import('diff'), import('fflate')]);
  return { structuredPatch, zipSync, strToU8 };
}

/** What every model area needs: base URLs, time, ids. */
export class ModelContext {
  private lastId = 1000;
  /** How long a new or edited issue stays invisible to search (GitHub indexes asynchronously). */
  searchIndexDelayMs = 3000;
  /** How long a dispatch, re-run or cancel takes to show (GitHub answers 202/204 before doing it). */
  effectDelayMs = 0;
  private readonly pending: { due: number; apply: () => void }[] = [];

  /** Applies `apply` now when there is no effect delay, else once the clock passes the delay. */
  defer(apply: () => void): void {
    if (this.effectDelayMs <= 0) apply();
    else this.pending.push({ due: this.clock.now() + this.effectDelayMs, apply });
  }

  /** Applies the deferred effects that are due, oldest first (the server calls it before each request). */
  settle(): void {
    const now = this.clock.now();
    const due = this.pending.filter((effect) => effect.due <= now).sort((a, b) => a.due - b.due);
    for (const effect of due) {
      this.pending.splice(this.pending.indexOf(effect), 1);
      effect.apply();
    }
  }

  constructor(
    readonly apiUrl: string,
    /** Web base for html_url links (e.g. http://127.0.0.1:PORT/_web). */
    readonly webUrl: string,
    readonly clock: Clock,
    readonly libraries: SimLibraries,
  ) {}

  nextId(): number {
    this.lastId += 1;
    return this.lastId;
  }

  /** ISO-8601 without milliseconds, as GitHub writes timestamps. */
  timestamp(ms: number = this.clock.now()): string {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  nodeId(kind: string, id: number): string {
    return Buffer.from(`0${kind.length}:${kind}${id}`).toString('base64').replace(/=+$/, '');
  }

  user(login: string): SimpleUser {
    const id = userId(login);
    const url = `${this.apiUrl}/users/${encodeURIComponent(login)}`;
    return {
      login,
      id,
      node_id: this.nodeId('User', id),
      avatar_url: `${this.webUrl}/avatars/${encodeURIComponent(login)}`,
      gravatar_id: '',
      url,
      html_url: `${this.webUrl}/${encodeURIComponent(login)}`,
      followers_url: `${url}/followers`,
      following_url: `${url}/following{/other_user}`,
      gists_url: `${url}/gists{/gist_id}`,
      starred_url: `${url}/starred{/owner}{/repo}`,
      subscriptions_url: `${url}/subscriptions`,
      organizations_url: `${url}/orgs`,
      repos_url: `${url}/repos`,
      events_url: `${url}/events{/privacy}`,
      received_events_url: `${url}/received_events`,
      type: login.endsWith('[bot]') ? 'Bot' : 'User',
      site_admin: false,
    };
  }
}

/** The identity behind the token the actions use. */
export const ACTIONS_BOT = 'github-actions[bot]';

/** Stable ids per login so the same user always looks the same. */
function userId(login: string): number {
  let hash = 0;
  for (const char of login) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return (hash % 90_000_000) + 10_000_000;
}

/** Accepts 'owner/repo' and returns its two parts. */
export function splitFullName(fullName: string): [string, string] {
  const [owner, repo, ...rest] = fullName.split('/');
  if (!owner || !repo || rest.length > 0) throw new Error(`expected "owner/repo", got "${fullName}"`);
  return [owner, repo];
}

export function repoKey(owner: string, repo: string): string {
  return `${owner}/${repo}`.toLowerCase();
}

/** The records of one repository (each record keeps the lower-cased 'owner/repo' as its repoKey). */
export function inRepo<T extends { repoKey: string }>(items: readonly T[], repo: { fullName: string }): T[] {
  const key = repo.fullName.toLowerCase();
  return items.filter((item) => item.repoKey === key);
}

/** Looks a thing up or throws GitHub's 404. */
export function findOr404<T>(items: Iterable<T>, predicate: (item: T) => boolean): T {
  for (const item of items) if (predicate(item)) return item;
  throw notFound();
}
