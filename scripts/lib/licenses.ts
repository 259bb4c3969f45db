import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/**
 * licenses.txt for a bundle split into chunks: every third-party package whose code is in any chunk
 * (read from the source maps), with its license name and text. ncc's own licenses.txt covers only the
 * last chunk it emits, so a bundle with lazily loaded chunks would ship an incomplete one.
 * `sourceRoot` is the directory the maps' `sources` are relative to once `prefix` is removed.
 */
export function bundleLicenses(sourceMaps: readonly string[], sourceRoot: string, prefix: string): string {
  const packages = new Map<string, string>();
  for (const map of sourceMaps) {
    const { sources } = JSON.parse(map) as { sources?: string[] };
    for (const source of sources ?? []) {
      const found = packageOf(source.startsWith(prefix) ? source.slice(prefix.length) : source);
      if (found && !packages.has(found.name)) packages.set(found.name, resolve(sourceRoot, found.dir));
    }
  }
  const entries = [...packages]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, dir]) =>
      [name, licenseName(dir), licenseText(dir)].filter((part) => part !== '').join('\n'),
    );
  return `${entries.join('\n\n')}\n`;
}

/** The package a source path under node_modules belongs to (scoped names included). */
function packageOf(source: string): { name: string; dir: string } | undefined {
  const marker = 'node_modules/';
  const at = source.lastIndexOf(marker);
  if (at < 0) return undefined;
  const parts = source.slice(at + marker.length).split('/');
  const length = parts[0]?.startsWith('@') ? 2 : 1;
  if (parts.length <= length) return undefined;
  const name = parts.slice(0, length).join('/');
  return { name, dir: source.slice(0, at + marker.length) + name };
}

function licenseName(dir: string): string {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      license?: string | { type?: string };
    };
    const license = manifest.license;
    return (typeof license === 'string' ? license : license?.type) ?? '';
  } catch {
    return '';
  }
}

function licenseText(dir: string): string {
  if (!existsSync(dir)) return '';
  const file = readdirSync(dir)
    .filter((name) => /^(licen[cs]e|copying)(\.|-|$)/i.test(name))
    .sort()[0];
  return file ? readFileSync(`${dir}${sep}${file}`, 'utf8').replace(/\r\n/g, '\n').trimEnd() : '';
}
