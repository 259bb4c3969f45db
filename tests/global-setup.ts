// Runs once before the test workers start: makes Node 24 available for the e2e tests that run
// each bundle under both Node 20 and Node 24, and tells the workers where it is (QEML_NODE24);
// then gives the run a fresh TMPDIR that tests/global-teardown.ts checks is left empty.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  NODE24_PACKAGE,
  node24Installable,
  node24InstallDir,
  node24InstalledBinary,
  node24Path,
} from './support/node';
import { useFreshTempDir } from './support/run-temp';

const run = promisify(execFile);

/** `npm pack` the official binary package, unpack it beside the final folder, then move it in place. */
async function installNode24(): Promise<void> {
  const tools = join(node24InstallDir, '..');
  const staging = `${node24InstallDir}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    const { stdout } = await run('npm', ['pack', NODE24_PACKAGE, '--silent', '--pack-destination', staging], {
      cwd: tools,
      maxBuffer: 1 << 20,
    });
    const tarball = join(staging, stdout.trim().split('\n').pop() ?? '');
    await run('tar', ['-xzf', tarball, '-C', staging, '--strip-components=1']);
    await rm(tarball, { force: true });
    if (!existsSync(join(staging, 'bin', 'node'))) throw new Error(`${NODE24_PACKAGE} has no bin/node`);
    // Another Jest run may have finished first: keep its copy.
    if (!existsSync(node24InstalledBinary)) await rename(staging, node24InstallDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

export default async function globalSetup(): Promise<void> {
  await makeNode24Available();
  await useFreshTempDir();
}

async function makeNode24Available(): Promise<void> {
  const chosen = process.env.QEML_NODE24;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`QEML_NODE24 is set to ${chosen}, which does not exist`);
    return;
  }
  if (!node24Installable()) {
    console.log(
      `\nNote: Node 24 is not installed on ${process.platform}-${process.arch}; bundles run under Node ${process.versions.node} only (set QEML_NODE24 to a Node 24 binary to add it).`,
    );
    return;
  }
  if (!node24Path()) {
    try {
      await installNode24();
    } catch (error) {
      throw new Error(
        `Could not install ${NODE24_PACKAGE} into .tools/ for the Node 24 e2e runs: ${(error as Error).message}\n` +
          'Set QEML_NODE24 to the path of a Node 24 binary to use that one instead.',
      );
    }
  }
  process.env.QEML_NODE24 = node24InstalledBinary;
}
