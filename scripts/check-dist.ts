// `pnpm check:dist`: rebuilds every bundle into a temp dir and compares it byte for byte with the
// committed dist/. Exit 1 when dist/ is stale, listing the missing, extra and differing files.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from './build';
import { repoRoot } from './lib/repo';
import { diffTrees, isSame, type TreeDiff } from './lib/tree-diff';

export async function checkDist(root: string = repoRoot): Promise<TreeDiff> {
  const fresh = await mkdtemp(join(tmpdir(), 'qeml-check-dist-'));
  try {
    await build({ root, outRoot: fresh, log: () => {} });
    return await diffTrees(fresh, join(root, 'dist'));
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
}

export function describeDiff(diff: TreeDiff): string {
  const lines: string[] = [];
  for (const f of diff.missing)
    lines.push(`  missing:   dist/${f} (the build makes it; it is not committed)`);
  for (const f of diff.extra) lines.push(`  extra:     dist/${f} (committed; the build no longer makes it)`);
  for (const f of diff.differing) lines.push(`  differing: dist/${f}`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const diff = await checkDist().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
  if (isSame(diff)) {
    console.log('dist/ is up to date.');
  } else {
    console.error(`dist/ is stale:\n${describeDiff(diff)}\nRun \`pnpm build\` and commit dist/.`);
    process.exit(1);
  }
}
