/** The real workspace, disk and PATH behind the engine's deps (main.ts and the CLI use them). */
import { constants } from 'node:fs';
import { access, readdir, readFile, stat, statfs } from 'node:fs/promises';
import { delimiter, join, resolve } from 'node:path';
import type { WorkspaceFiles } from './checks/workspace-files';

export function diskWorkspace(root: string): WorkspaceFiles {
  const at = (path: string) => resolve(root, path);
  return {
    read: (path) => readFile(at(path), 'utf8').catch(() => undefined),
    list: (dir) => readdir(at(dir)).catch(() => []),
    exists: (path) =>
      stat(at(path)).then(
        () => true,
        () => false,
      ),
  };
}

export async function freeBytes(dir: string): Promise<number | undefined> {
  try {
    const stats = await statfs(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return undefined;
  }
}

/** Whether `tool` is an executable on `path` (the PATH value the step has). */
export function onPath(path: string | undefined): (tool: string) => Promise<boolean> {
  return async (tool) => {
    for (const dir of (path ?? '').split(delimiter).filter(Boolean)) {
      try {
        await access(join(dir, tool), constants.X_OK);
        return true;
      } catch {}
    }
    return false;
  };
}
