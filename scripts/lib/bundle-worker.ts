// Child process entry for scripts/build.ts: bundles the targets named in argv, one at a time.
// Each bundle runs in its own process so two ncc/webpack builds use both cores.
import { join } from 'node:path';
import { bundleTarget } from './bundle';
import { buildTargets, repoRoot, selectTargets } from './repo';

const [outRoot, ...names] = process.argv.slice(2);
if (!outRoot) throw new Error('usage: bundle-worker <out-root> <name>...');
for (const target of selectTargets(buildTargets(repoRoot), names)) {
  const files = await bundleTarget(target, join(outRoot, target.name));
  process.stdout.write(`built dist/${target.name}/ (${files.join(', ')})\n`);
}
