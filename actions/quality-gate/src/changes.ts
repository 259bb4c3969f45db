/**
 * The change the gate judges: the pull request's files from the API (paginated, one `patch` per
 * file), else `git diff base...head` when the checkout has the history, else a diff file (CLI).
 */
import { execFile } from 'node:child_process';
import type { GitHubClient, Logger } from '@qeml/action-kit';
import { addedLinesOfPatch, type ChangedFile, type ChangeStatus, parseUnifiedDiff } from '@qeml/reports';

export type ChangeSource =
  | { kind: 'pull-request'; owner: string; repo: string; number: number; baseSha: string; headSha: string }
  | { kind: 'git'; base: string; head: string }
  | { kind: 'diff-text'; text: string; label: string }
  | { kind: 'none'; reason: string };

export interface Changes {
  files?: ChangedFile[];
  /** Where the files came from: 'api', 'git', the diff file's label; undefined when none. */
  from?: string;
  /** Why there are no files, or what is incomplete about them. */
  note?: string;
}

/** Runs git in the workspace and returns its stdout; rejects with git's message. */
export type GitRunner = (args: string[]) => Promise<string>;

export function gitIn(workspace: string): GitRunner {
  return (args) =>
    new Promise((resolve, reject) => {
      execFile(
        'git',
        args,
        { cwd: workspace, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
        (error, stdout, stderr) => {
          if (error) reject(new Error((stderr || error.message).trim().split('\n')[0]));
          else resolve(stdout);
        },
      );
    });
}

/** GitHub answers at most 3000 files for a pull request. */
const API_FILE_CAP = 3000;

const API_STATUS: Record<string, ChangeStatus> = {
  added: 'added',
  removed: 'deleted',
  modified: 'modified',
  renamed: 'renamed',
  copied: 'copied',
  changed: 'modified',
  unchanged: 'modified',
};

async function fromApi(
  client: GitHubClient,
  source: Extract<ChangeSource, { kind: 'pull-request' }>,
): Promise<ChangedFile[]> {
  const entries = await client.paginate(client.rest.pulls.listFiles, {
    owner: source.owner,
    repo: source.repo,
    pull_number: source.number,
    per_page: 100,
  });
  return entries.map((entry) => {
    const status = API_STATUS[entry.status] ?? 'modified';
    const file: ChangedFile = {
      path: entry.filename,
      status,
      addedLines: status === 'deleted' || entry.patch === undefined ? [] : addedLinesOfPatch(entry.patch),
    };
    if (entry.previous_filename) file.previousPath = entry.previous_filename;
    if (entry.patch === undefined && status !== 'deleted') file.patchMissing = true;
    return file;
  });
}

async function fromGit(git: GitRunner, base: string, head: string): Promise<ChangedFile[]> {
  const text = await git([
    'diff',
    '--no-color',
    '--no-ext-diff',
    '--find-renames',
    '--unified=0',
    `${base}...${head}`,
  ]);
  return parseUnifiedDiff(text);
}

/** Reads the change; a problem becomes a note (diff coverage is then skipped), never a throw. */
export async function readChanges(
  source: ChangeSource,
  io: { github?: GitHubClient; git?: GitRunner; logger: Logger },
): Promise<Changes> {
  if (source.kind === 'none') return { note: source.reason };
  if (source.kind === 'diff-text') return { files: parseUnifiedDiff(source.text), from: source.label };
  const notes: string[] = [];
  if (source.kind === 'pull-request' && io.github) {
    try {
      const files = await fromApi(io.github, source);
      const missing = files.filter((f) => f.patchMissing).length;
      const atCap = files.length >= API_FILE_CAP;
      if ((missing === 0 && !atCap) || !io.git) {
        const capped = atCap ? `GitHub lists the first ${API_FILE_CAP} files only` : undefined;
        const noPatch =
          missing > 0 ? `${missing} file(s) without a patch (binary or too large for the API)` : undefined;
        const note = [capped, noPatch].filter(Boolean).join('; ') || undefined;
        return { files, from: 'api', ...(note ? { note } : {}) };
      }
      if (atCap) notes.push(`GitHub lists the first ${API_FILE_CAP} files only`);
      if (missing > 0) notes.push(`${missing} file(s) came without a patch from the API`);
    } catch (error) {
      notes.push(`the pull request's files could not be listed: ${(error as Error).message}`);
    }
  }
  if (io.git) {
    const [base, head] =
      source.kind === 'git' ? [source.base, source.head] : [source.baseSha, source.headSha];
    try {
      const files = await fromGit(io.git, base, head);
      return {
        files,
        from: 'git',
        ...(notes.length > 0 ? { note: `${notes.join('; ')}: read with git instead` } : {}),
      };
    } catch (error) {
      notes.push(
        `git diff ${base.slice(0, 12)}...${head.slice(0, 12)} failed (${(error as Error).message}); a shallow checkout needs fetch-depth: 0`,
      );
    }
  } else if (source.kind === 'pull-request' && !io.github) {
    notes.push('no github-token to list the pull request files, and no git history');
  }
  for (const note of notes) io.logger.warning(`Diff coverage skipped: ${note}`);
  return { note: notes.join('; ') };
}
