// `pnpm release:tree <dir>`: writes the tree a release tag points at. It holds dist/ and each
// action twice: at actions/<name>/ (as in main) and at <name>/ with runs.* rewritten to
// ../dist/<name>/..., so `uses: org/qeml-actions/<name>@v1` resolves.
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { repoRoot } from './lib/repo';

export const RUN_KEYS = ['pre', 'main', 'post'] as const;
const ROOT_FILES = ['README.md', 'LICENSE', 'SECURITY.md'];

export interface ReleaseTreeOptions {
  root?: string;
  dir: string;
}

export interface ReleasedAction {
  name: string;
  /** runs.pre/main/post as written in <dir>/<name>/action.yml. */
  runs: Partial<Record<(typeof RUN_KEYS)[number], string>>;
}

function actionFolders(root: string): Promise<string[]> {
  return readdir(join(root, 'actions'), { withFileTypes: true })
    .then((entries) =>
      entries.filter((e) => e.isDirectory() && existsSync(join(root, 'actions', e.name, 'action.yml'))),
    )
    .then((entries) => entries.map((e) => e.name).sort())
    .catch(() => []);
}

/** Rewrites one action.yml so its runs.* paths work from <dir>/<name>/. */
async function releaseAction(root: string, dir: string, name: string): Promise<ReleasedAction> {
  const source = join(root, 'actions', name);
  const doc = parseDocument(await readFile(join(source, 'action.yml'), 'utf8'));
  const runs: ReleasedAction['runs'] = {};
  for (const key of RUN_KEYS) {
    const value = doc.getIn(['runs', key]);
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new Error(`actions/${name}/action.yml: runs.${key} must be a path`);
    const fromRoot = relative(root, resolve(source, value)).split(sep).join('/');
    if (!fromRoot.startsWith('dist/')) {
      throw new Error(`actions/${name}/action.yml: runs.${key} (${value}) must point into dist/`);
    }
    const rewritten = `../${fromRoot}`;
    if (!existsSync(join(dir, fromRoot))) {
      throw new Error(`actions/${name}/action.yml: runs.${key} points to ${fromRoot}, which is not built`);
    }
    doc.setIn(['runs', key], rewritten);
    runs[key] = rewritten;
  }
  if (!runs.main) throw new Error(`actions/${name}/action.yml has no runs.main`);

  for (const target of [join(dir, name), join(dir, 'actions', name)])
    await mkdir(target, { recursive: true });
  await writeFile(join(dir, name, 'action.yml'), doc.toString({ lineWidth: 0 }));
  await cp(join(source, 'action.yml'), join(dir, 'actions', name, 'action.yml'));
  if (existsSync(join(source, 'README.md'))) {
    await cp(join(source, 'README.md'), join(dir, name, 'README.md'));
    await cp(join(source, 'README.md'), join(dir, 'actions', name, 'README.md'));
  }
  return { name, runs };
}

export async function writeReleaseTree(options: ReleaseTreeOptions): Promise<ReleasedAction[]> {
  const root = options.root ?? repoRoot;
  const dir = resolve(options.dir);
  // Refuse to mix a release into existing files (or into the checkout itself).
  if (existsSync(dir) && (await readdir(dir)).length > 0) throw new Error(`${dir} is not empty`);
  if (!existsSync(join(root, 'dist'))) throw new Error('dist/ is missing: run `pnpm build` first');

  await mkdir(dir, { recursive: true });
  await cp(join(root, 'dist'), join(dir, 'dist'), { recursive: true });
  for (const file of ROOT_FILES) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing from the repository root`);
    await cp(join(root, file), join(dir, file));
  }
  const released: ReleasedAction[] = [];
  for (const name of await actionFolders(root)) released.push(await releaseAction(root, dir, name));
  return released;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2];
  if (!dir || process.argv.length > 3) {
    console.error('usage: pnpm release:tree <dir>');
    process.exit(2);
  }
  try {
    const released = await writeReleaseTree({ dir });
    for (const action of released) {
      console.log(`${action.name}/action.yml -> ${Object.values(action.runs).join(', ')}`);
    }
    console.log(`release tree written to ${resolve(dir)} (${released.length} action(s))`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
