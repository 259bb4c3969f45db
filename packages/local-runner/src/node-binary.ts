/**
 * The Node binary for an action's `runs.using`, as the runner picks one (HandlerFactory.cs: node12
 * and node16 run on node20; node20 and node24 run on that major version).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

export function findNode(
  using: string,
  env: Record<string, string | undefined>,
  cwd = process.cwd(),
): string {
  const major = using.toLowerCase() === 'node24' ? 24 : 20;
  if (Number(process.versions.node.split('.')[0]) === major) return process.execPath;
  const candidates = [
    env[`QEML_NODE${major}`] ?? process.env[`QEML_NODE${major}`],
    resolve(cwd, `.tools/node${major}/bin/node`),
    ...(env.PATH ?? process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'node')),
  ];
  for (const candidate of candidates) {
    if (candidate && existsSync(candidate) && majorVersion(candidate) === major) return candidate;
  }
  throw new Error(
    `runs.using is '${using}' but no Node ${major} was found: this process runs Node ${process.versions.node}; ` +
      `set QEML_NODE${major} to a Node ${major} binary, put one at .tools/node${major}/bin/node or on PATH, ` +
      `or pass 'node' to runLocalAction`,
  );
}

function majorVersion(binary: string): number | undefined {
  try {
    const version = execFileSync(binary, ['-p', 'process.versions.node'], {
      encoding: 'utf8',
      timeout: 10_000,
    });
    return Number(version.trim().split('.')[0]);
  } catch {
    return undefined;
  }
}
