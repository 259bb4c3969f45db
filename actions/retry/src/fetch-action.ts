/**
 * Finds the action a `uses:` names: `./path` in the workspace, or `owner/repo[/path]@ref` fetched as the
 * repository tarball through the API, extracted (safely) into RUNNER_TEMP/_actions and reused for the run.
 */
import { lstat, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError } from '@qeml/action-kit';
import { readActionMetadata, resolveUses } from '@qeml/local-runner';
import { checkArchiveSize, type ExtractLimits, extractInside } from './safe-extract';

export interface RemoteAction {
  owner: string;
  repo: string;
  /** Path of the action inside the repository ('' for the root). */
  subPath: string;
  ref: string;
}

const REMOTE =
  /^(?<owner>[A-Za-z0-9][A-Za-z0-9-]{0,38})\/(?<repo>[A-Za-z0-9._-]+)(?<sub>(?:\/[^@\s]+)?)@(?<ref>[^\s@]+)$/;

/** `owner/repo[/sub/path]@ref`, or undefined when `uses` is not of that form. */
export function parseRemoteUses(uses: string): RemoteAction | undefined {
  const match = REMOTE.exec(uses.trim());
  if (!match?.groups) return undefined;
  const { owner = '', repo = '', sub = '', ref = '' } = match.groups;
  return { owner, repo, subPath: sub.replace(/^\//, ''), ref };
}

/** Downloads the gzipped tarball of `owner/repo` at `ref` (GET /repos/{owner}/{repo}/tarball/{ref}). */
export type TarballDownload = (action: RemoteAction, signal?: AbortSignal) => Promise<Uint8Array>;

export interface ResolveActionOptions {
  workspace: string;
  tempDir: string;
  download: TarballDownload;
  /** Aborts the download and extraction (the step's total-timeout or cancellation). */
  signal?: AbortSignal;
  limits?: Partial<ExtractLimits>;
}

/** Returns the directory of the action's action.yml; refuses anything but a JavaScript action. */
export async function resolveAction(uses: string, options: ResolveActionOptions): Promise<string> {
  const text = uses.trim();
  let directory: string;
  try {
    if (text.startsWith('./')) directory = resolveUses(text, options.workspace);
    else {
      const remote = parseRemoteUses(text);
      if (!remote) {
        throw new Error(`expected './path/in/workspace', 'owner/repo@ref' or 'owner/repo/path@ref'`);
      }
      const root = await fetchRemoteAction(remote, options);
      directory = resolveUses(text, root);
    }
    const metadata = readActionMetadata(directory);
    return metadata.directory;
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    const why = (error as Error).message.replace(/^uses: '[^']*':? ?/, '');
    throw new ConfigurationError(`Input 'uses' got ${JSON.stringify(text)}: ${why}`, { cause: error });
  }
}

/**
 * One folder level per name, injective (`a/b` and `a_b` stay apart) and never `.` or `..`:
 * URI-encoded behind a prefix letter.
 */
function folderName(prefix: string, name: string): string {
  return `${prefix}${encodeURIComponent(name).replaceAll('.', '%2E')}`;
}

/**
 * A path we may trust: owned by this user, not writable by anyone else. Something planted in a
 * shared temp dir by another user is never reused.
 */
async function trusted(target: string, kind: 'folder' | 'file'): Promise<boolean> {
  try {
    const info = await lstat(target);
    const mine = typeof process.getuid !== 'function' || info.uid === process.getuid();
    const isKind = kind === 'folder' ? info.isDirectory() : info.isFile();
    return isKind && mine && (info.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** Extracts the tarball once per run into <tempDir>/_actions/owner/repo/ref (private to this user). */
export async function fetchRemoteAction(
  remote: RemoteAction,
  options: ResolveActionOptions,
): Promise<string> {
  const cache = path.join(options.tempDir, '_actions');
  await mkdir(cache, { recursive: true, mode: 0o700 });
  if (!(await trusted(cache, 'folder'))) {
    throw new Error(`the action cache folder ${cache} is not private to this user: refusing to use it`);
  }
  const dir = path.join(
    cache,
    folderName('o-', remote.owner),
    folderName('r-', remote.repo),
    folderName('v-', remote.ref),
  );
  const complete = path.join(dir, '.qeml-extracted');
  if ((await trusted(dir, 'folder')) && (await trusted(complete, 'file'))) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const staging = await mkdtemp(path.join(cache, 'download-'));
  const archive = path.join(staging, 'action.tar.gz');
  try {
    const bytes = await options.download(remote, options.signal);
    checkArchiveSize(bytes.byteLength, options.limits);
    await writeFile(archive, bytes, { mode: 0o600 });
    await extractInside(archive, dir, { limits: options.limits, signal: options.signal });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  await writeFile(complete, '', { mode: 0o600 });
  return dir;
}

/** The real download: the API answers with a redirect to the archive, which the client follows. */
export function githubTarballDownload(token: string | undefined, env: NodeJS.ProcessEnv): TarballDownload {
  return async ({ owner, repo, ref }, signal) => {
    const { createGitHubClient } = await import('@qeml/action-kit/github');
    const client = createGitHubClient({ token: token ?? '', env });
    const response = await client.request('GET /repos/{owner}/{repo}/tarball/{ref}', {
      owner,
      repo,
      ref,
      request: { signal },
    });
    return new Uint8Array(response.data as ArrayBuffer);
  };
}
