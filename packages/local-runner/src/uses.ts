import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';

// owner: GitHub user/org rules; repo: letters, digits, '.', '_', '-'; ref: no whitespace.
const USES =
  /^(?<owner>[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/(?<repo>[A-Za-z0-9._-]+)(?<sub>(?:\/[^@\s]+)?)@(?<ref>[^\s@]+)$/;

/**
 * Resolves a `uses:` reference to a directory inside `releaseRoot`, a checked-out release tree
 * of that repository: 'owner/repo/sub/path@ref' -> <releaseRoot>/sub/path; 'owner/repo@ref' ->
 * <releaseRoot>. A local './path' resolves against releaseRoot too.
 */
export function resolveUses(uses: string, releaseRoot: string): string {
  const text = uses.trim();
  if (text.startsWith('docker://')) {
    throw new Error(`uses: '${uses}' is a Docker action; local-runner runs JavaScript actions only`);
  }
  let subPath: string;
  if (text.startsWith('./')) {
    subPath = text.slice(2);
  } else {
    const match = USES.exec(text);
    if (!match?.groups) {
      throw new Error(
        `uses: '${uses}' is not a valid reference; expected 'owner/repo@ref' or 'owner/repo/path@ref'`,
      );
    }
    subPath = (match.groups.sub ?? '').replace(/^\//, '');
  }
  const root = resolve(releaseRoot);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new Error(`uses: '${uses}': release tree '${root}' is not a directory`);
  }
  const directory = resolve(root, subPath);
  const inside = relative(root, directory);
  if (inside.startsWith('..') || isAbsolute(inside)) {
    throw new Error(`uses: '${uses}': path '${subPath}' leaves the release tree`);
  }
  if (!existsSync(join(directory, 'action.yml')) && !existsSync(join(directory, 'action.yaml'))) {
    throw new Error(`uses: '${uses}': no action.yml or action.yaml in '${directory}'`);
  }
  return directory;
}
