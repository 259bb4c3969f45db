/**
 * Finds the action a `uses:` names: `./path` in the workspace, or `owner/repo[/path]@ref` fetched as the
 * repository tarball through the API, extracted (safely) into RUNNER_TEMP/_actions and reused for the run.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError } from '@qeml/action-kit';
import { readActionMetadata, resolveUses } from '@qeml/local-runner';

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
export type TarballDownload = (action: RemoteAction) => Promise<Uint8Array>;

export interface ResolveActionOptions {
  workspace: string;
  tempDir: string;
  download: TarballDownload;
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

/** One folder level for a repo or ref: no separators, and never `.` or `..` (which would climb out). */
function folderName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '_');
  return /^\.+$/.test(safe) ? safe.replaceAll('.', '_') : safe;
}

/** Extracts the tarball once per run into RUNNER_TEMP/_actions/owner/repo/ref. */
export async function fetchRemoteAction(
  remote: RemoteAction,
  options: ResolveActionOptions,
): Promise<string> {
  const [repo, ref] = [folderName(remote.repo), folderName(remote.ref)];
  const dir = path.join(options.tempDir, '_actions', remote.owner, repo, ref);
  const complete = path.join(dir, '.qeml-extracted');
  if (existsSync(complete)) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const archive = path.join(options.tempDir, `_actions-${remote.owner}-${repo}-${ref}.tar.gz`);
  await writeFile(archive, await options.download(remote));
  try {
    await extractInside(archive, dir);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(archive, { force: true });
  }
  await writeFile(complete, '');
  return dir;
}

/** Extracts a GitHub tarball without its top directory, refusing entries or links that would leave `dir`. */
export async function extractInside(archive: string, dir: string): Promise<void> {
  const refused: string[] = [];
  const inside = (target: string) => {
    const relative = path.relative(dir, target);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  };
  // Loaded on first use: only a remote `uses:` needs it, and start-up should not pay for it.
  const tar = await import('tar');
  await tar.x({
    file: archive,
    cwd: dir,
    strip: 1,
    strict: true,
    filter: (entryPath, entry) => {
      const stripped = entryPath.split('/').slice(1).join('/');
      const target = path.resolve(dir, stripped);
      const linkpath = 'linkpath' in entry ? entry.linkpath : undefined;
      const type = 'type' in entry ? entry.type : undefined;
      let ok = !path.isAbsolute(stripped) && inside(target);
      if (ok && type === 'SymbolicLink' && linkpath)
        ok = inside(path.resolve(path.dirname(target), linkpath));
      if (ok && type === 'Link' && linkpath) {
        ok = inside(path.resolve(dir, linkpath.split('/').slice(1).join('/')));
      }
      if (!ok) refused.push(entryPath);
      return ok;
    },
  });
  if (refused.length > 0) {
    throw new Error(
      `the action's archive has entries that leave its directory: ${refused.slice(0, 5).join(', ')}`,
    );
  }
}

/** The real download: the API answers with a redirect to the archive, which the client follows. */
export function githubTarballDownload(token: string | undefined, env: NodeJS.ProcessEnv): TarballDownload {
  return async ({ owner, repo, ref }) => {
    const { createGitHubClient } = await import('@qeml/action-kit/github');
    const client = createGitHubClient({ token: token ?? '', env });
    const response = await client.request('GET /repos/{owner}/{repo}/tarball/{ref}', { owner, repo, ref });
    return new Uint8Array(response.data as ArrayBuffer);
  };
}
