import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout this script belongs to (scripts/lib/ -> repo root). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What gets bundled: an entry file and the dist/<name>/ folder it lands in. */
export interface BuildTarget {
  name: string;
  entry: string;
  /** Prepend `#!/usr/bin/env node` so the bundle runs as an executable. */
  executable: boolean;
}

/** Actions are the folders under actions/ that have a src/main.ts. */
export function actionNames(root: string = repoRoot): string[] {
  const dir = join(root, 'actions');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'src', 'main.ts')))
    .map((d) => d.name)
    .sort();
}

/** Every bundle this repo ships: each action, then the `qeml` CLI as `cli`. */
export function buildTargets(root: string = repoRoot): BuildTarget[] {
  const targets: BuildTarget[] = actionNames(root).map((name) => ({
    name,
    entry: join(root, 'actions', name, 'src', 'main.ts'),
    executable: false,
  }));
  const cli = join(root, 'packages', 'cli', 'src', 'main.ts');
  if (existsSync(cli)) targets.push({ name: 'cli', entry: cli, executable: true });
  return targets;
}

/** Picks the named targets; an unknown name is an error that lists the known ones. */
export function selectTargets(all: BuildTarget[], names: string[]): BuildTarget[] {
  if (names.length === 0) return all;
  const unknown = names.filter((n) => !all.some((t) => t.name === n));
  if (unknown.length > 0) {
    throw new Error(
      `unknown build target(s): ${unknown.join(', ')}; known: ${all.map((t) => t.name).join(', ')}`,
    );
  }
  return all.filter((t) => names.includes(t.name));
}
