import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import ncc from '@vercel/ncc';
import { minify } from 'terser';
import { bundleLicenses } from './licenses';
import type { BuildTarget } from './repo';

const SHEBANG = '#!/usr/bin/env node\n';
/** dist/<name>/ -> repo root: source-map paths are relative to the root behind it. */
const SOURCE_PREFIX = '../../';

/**
 * Bundles one target into `outDir` (emptied first). Run with the repo root as the working
 * directory: ncc makes source-map paths relative to it, and `../../` (dist/<name>/ -> root)
 * keeps them valid and independent of where the checkout lives.
 */
export async function bundleTarget(target: BuildTarget, outDir: string): Promise<string[]> {
  const result = await ncc(target.entry, {
    cache: false,
    minify: true,
    sourceMap: true,
    // The register parses the whole map at start-up (~300 ms); stacks of bugs stay resolvable with the shipped map.
    sourceMapRegister: false,
    sourceMapBasePrefix: SOURCE_PREFIX,
    target: 'es2022',
    transpileOnly: true,
    quiet: true,
  });

  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });

  const files = new Map<string, { data: string | Buffer; mode?: number }>();
  for (const [name, asset] of Object.entries(result.assets)) {
    files.set(name, { data: asset.source, mode: asset.permissions });
  }
  if (result.map && !files.has('index.js.map')) files.set('index.js.map', { data: result.map });
  // The bundle is ESM: Node needs a package.json saying so next to it (ncc usually emits one).
  if (!files.has('package.json')) files.set('package.json', { data: '{\n  "type": "module"\n}\n' });

  // ncc minifies only the entry file: lazily loaded chunks (`import()`) are minified here.
  await minifyChunks(files);

  // Lazily loaded chunks have maps of their own: licenses come from all of them.
  const maps = [...files].filter(([name]) => name.endsWith('.js.map')).map(([, file]) => String(file.data));
  files.set('licenses.txt', { data: bundleLicenses(maps, process.cwd(), SOURCE_PREFIX) });
  dropSourcesContent(files);

  const code = target.executable && !result.code.startsWith('#!') ? SHEBANG + result.code : result.code;
  files.set('index.js', { data: code, mode: target.executable ? 0o755 : 0o644 });

  for (const [name, file] of files) {
    const path = join(outDir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.data);
    // Only the executable bit matters to git; keep every other file at a plain 0644.
    await chmod(path, file.mode !== undefined && file.mode & 0o111 ? 0o755 : 0o644);
  }
  return [...files.keys()].sort();
}

/**
 * The maps keep `sources` and `mappings` (a stack from a bundle still resolves to a file and line,
 * relative to the repository at the same commit) but not `sourcesContent`, a copy of every source
 * and dependency that made up three quarters of dist/ and of every commit that rebuilt it.
 */
function dropSourcesContent(files: Map<string, { data: string | Buffer; mode?: number }>): void {
  for (const [name, file] of files) {
    if (!name.endsWith('.js.map')) continue;
    const map = JSON.parse(String(file.data)) as Record<string, unknown>;
    delete map.sourcesContent;
    files.set(name, { ...file, data: JSON.stringify(map) });
  }
}

const CHUNK = /^\d+\.index\.js$/;

/** Minifies each chunk in place, carrying its source map through (deterministic, like ncc's own pass). */
async function minifyChunks(files: Map<string, { data: string | Buffer; mode?: number }>): Promise<void> {
  for (const [name, file] of files) {
    if (!CHUNK.test(name)) continue;
    const map = files.get(`${name}.map`);
    const result = await minify(String(file.data), {
      module: true,
      compress: true,
      mangle: true,
      sourceMap: map ? { content: String(map.data), url: `${name}.map`, includeSources: true } : false,
    });
    if (result.code === undefined) throw new Error(`terser returned no code for ${name}`);
    files.set(name, { ...file, data: result.code });
    if (map && typeof result.map === 'string') files.set(`${name}.map`, { ...map, data: result.map });
  }
}
