/** Which files a run's change touched, by event: the API for pull requests, git for the rest. */
import type { Logger } from '@qeml/action-kit';
import { type ChangedFile, type GitHistory, ZERO_SHA } from './git';

/** The API lists at most this many files of a pull request (REST docs "List pull requests files"). */
export const PR_FILES_CAP = 3000;

/** What the run is about: the event's name and payload, the commit it checked out. */
export interface RunEvent {
  name: string;
  payload: Record<string, unknown>;
  sha: string;
}

export interface PullFilesSource {
  listPullFiles(pullNumber: number): Promise<ChangedFile[]>;
}

export interface ChangeSet {
  /** Everything runs: the event has no diff (workflow_dispatch, schedule, `full-on`) or none could be made. */
  full: boolean;
  files: ChangedFile[];
  base?: string;
  head?: string;
  via: 'api' | 'git' | 'none';
  /** How the files were found, in words for the summary. */
  how: string;
}

export interface ChangeDeps {
  history: GitHistory;
  pulls?: PullFilesSource;
  logger: Logger;
}

const full = (how: string): ChangeSet => ({ full: true, files: [], via: 'none', how });

/** The changed files of the run's event; `fullOn` names events that always run everything. */
export async function changesOfEvent(
  event: RunEvent,
  deps: ChangeDeps,
  fullOn: string[],
): Promise<ChangeSet> {
  if (fullOn.includes(event.name)) return full(`${event.name} runs everything (full-on)`);
  switch (event.name) {
    case 'pull_request':
    case 'pull_request_target':
      return pullRequestChanges(event, deps);
    case 'push':
      return pushChanges(event, deps);
    case 'merge_group': {
      const group = record(event.payload.merge_group);
      const base = text(group.base_sha);
      const head = text(group.head_sha) || event.sha;
      if (!base) return full('merge_group event without base_sha: everything runs');
      return rangeChanges(deps.history, base, head, `merge group ${short(base)}...${short(head)}`);
    }
    default:
      return full(`${event.name || 'this event'} has no change to compare: everything runs`);
  }
}

/** The files of `base...head` (from their merge-base), as `qeml preflight --base --head` and the fallbacks use. */
export async function rangeChanges(
  history: GitHistory,
  base: string,
  head: string,
  label = `${base}...${head}`,
): Promise<ChangeSet> {
  // One git call when both commits are there; fetching and deepening only when they are not.
  let mergeBase = await history.mergeBaseHere(base, head);
  if (!mergeBase) {
    if (!(await history.ensure(base))) return full(`${label}: ${base} is not in the clone, everything runs`);
    if (!(await history.ensure(head))) return full(`${label}: ${head} is not in the clone, everything runs`);
    mergeBase = await history.mergeBase(base, head);
  }
  if (!mergeBase) return full(`${label}: no common history, everything runs`);
  const files = await history.diff(mergeBase, head);
  return { full: false, files, base: mergeBase, head, via: 'git', how: `git diff ${label}` };
}

async function pullRequestChanges(event: RunEvent, deps: ChangeDeps): Promise<ChangeSet> {
  const pull = record(event.payload.pull_request);
  const number = Number(pull.number);
  const base = text(record(pull.base).sha);
  const head = text(record(pull.head).sha) || event.sha;
  const counted = Number(pull.changed_files);
  const label = `pull request #${number} (${short(base)}...${short(head)})`;
  let capped = counted > PR_FILES_CAP;
  if (deps.pulls && Number.isInteger(number) && !capped) {
    const files = await deps.pulls.listPullFiles(number);
    if (files.length < PR_FILES_CAP) {
      return { full: false, files, base, head, via: 'api', how: `the API's file list of ${label}` };
    }
    deps.logger.info(
      `The API lists at most ${PR_FILES_CAP} files of a pull request: reading ${label} from git.`,
    );
    capped = true;
  }
  if (!base) return full('pull request event without base.sha: everything runs');
  const set = await rangeChanges(deps.history, base, head, label);
  return capped ? { ...set, how: `${set.how} (past the API's ${PR_FILES_CAP}-file cap)` } : set;
}

async function pushChanges(event: RunEvent, deps: ChangeDeps): Promise<ChangeSet> {
  const { history } = deps;
  const before = text(event.payload.before);
  const after = text(event.payload.after) || event.sha;
  const defaultBranch = text(record(event.payload.repository).default_branch);
  if (event.payload.deleted === true)
    return { full: false, files: [], via: 'none', how: 'the push deleted the branch' };
  if (!before || ZERO_SHA.test(before)) {
    if (!defaultBranch) return full('first push and no default branch in the event: everything runs');
    const base = await history.defaultBranchCommit(defaultBranch);
    if (!base)
      return full(`first push: the default branch ${defaultBranch} is not reachable, everything runs`);
    const set = await rangeChanges(history, base, after, `${defaultBranch}...${short(after)}`);
    if (!set.full && set.base === after)
      return full(`first push of ${defaultBranch} itself: everything runs`);
    return { ...set, how: `first push: ${set.how} (from the merge-base with ${defaultBranch})` };
  }
  const pushed = () =>
    twoDotChanges(history, before, after, `git diff ${short(before)}..${short(after)} (push)`);
  // The common case in one git call: both commits there, `before` an ancestor of `after`.
  if (await history.isAncestor(before, after)) {
    return pushed();
  }
  if (!(await history.ensure(after)))
    return full(`push: ${short(after)} is not in the clone, everything runs`);
  // A shallow clone is deepened until `before` shows up; a force push's `before` never does.
  if ((await history.reachAncestor(before, after)) || (await history.ensure(before))) {
    if (await history.isAncestor(before, after)) {
      return pushed();
    }
  }
  // A force push: `before` is not in the new history, so the branch's own changes are what it brings.
  const base = defaultBranch ? await history.defaultBranchCommit(defaultBranch) : undefined;
  if (base) {
    const set = await rangeChanges(history, base, after, `${defaultBranch}...${short(after)}`);
    // A force push of the default branch itself: its merge-base with itself is `after`, no change.
    if (set.full || set.base !== after) {
      return {
        ...set,
        how: `force push (${short(before)} is not an ancestor of ${short(after)}): ${set.how}`,
      };
    }
  }
  if (await history.has(before)) {
    return twoDotChanges(history, before, after, `force push: git diff ${short(before)} ${short(after)}`);
  }
  return full(`force push: ${short(before)} is gone and no default branch to compare with, everything runs`);
}

async function twoDotChanges(
  history: GitHistory,
  base: string,
  head: string,
  how: string,
): Promise<ChangeSet> {
  return { full: false, files: await history.diff(base, head), base, head, via: 'git', how };
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function short(sha: string): string {
  return /^[0-9a-f]{40}$/i.test(sha) ? sha.slice(0, 7) : sha;
}
