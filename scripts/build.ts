// `pnpm build [names...]`: bundles every action (actions/<name>/src/main.ts) and the `qeml` CLI
// into dist/<name>/ with ncc. Deterministic: same bytes on every run and in any checkout path.
import { fork } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeCatalogue } from './compile-catalogue';
import { type BuildTarget, buildTargets, repoRoot, selectTargets } from './lib/repo';

export interface BuildOptions {
  root?: string;
  /** Where the dist/<name>/ folders go; defaults to <root>/dist. */
  outRoot?: string;
  /** Subset of target names; all when empty. */
  names?: string[];
  log?: (line: string) => void;
}

const worker = fileURLToPath(new URL('./lib/bundle-worker.ts', import.meta.url));

function bundleInChild(target: BuildTarget, root: string, outRoot: string, log: (line: string) => void) {
  return new Promise<void>((resolve, reject) => {
    // fork() reuses this process's execArgv, which carries tsx's loader.
    const child = fork(worker, [outRoot, target.name], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) {
        log(output.trimEnd());
        resolve();
      } else {
        reject(new Error(`bundling ${target.name} failed (${signal ?? `exit ${code}`}):\n${output}`));
      }
    });
  });
}

/** Builds the chosen targets, two (or as many as there are cores) at a time. */
export async function build(options: BuildOptions = {}): Promise<BuildTarget[]> {
  const root = options.root ?? repoRoot;
  const outRoot = options.outRoot ?? join(root, 'dist');
  const log = options.log ?? ((line: string) => console.log(line));
  const all = buildTargets(root);
  const targets = selectTargets(all, options.names ?? []);

  if (!options.names?.length) await removeStaleBundles(outRoot, all);
  // The diagnosis engine's catalogue is compiled from YAML before anything bundles it.
  log(writeCatalogue(root));

  const queue = [...targets];
  const failures: Error[] = [];
  const lanes = Math.max(1, Math.min(availableParallelism(), queue.length));
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let target = queue.shift(); target; target = queue.shift()) {
        await bundleInChild(target, root, outRoot, log).catch((error: Error) => failures.push(error));
      }
    }),
  );
  if (failures.length > 0) throw new AggregateError(failures, failures.map((e) => e.message).join('\n'));
  return targets;
}

/** A full build leaves no bundle behind for an action that no longer exists. */
async function removeStaleBundles(outRoot: string, targets: BuildTarget[]): Promise<void> {
  const entries = await readdir(outRoot, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isDirectory() && !targets.some((t) => t.name === entry.name)) {
      await rm(join(outRoot, entry.name), { recursive: true, force: true });
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  build({ names: process.argv.slice(2) }).catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
