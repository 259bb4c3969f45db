// Cold start and per-attempt overhead of the retry bundle, next to bare node and nick-fields/retry.
// Run: pnpm build retry && pnpm bench retry-startup   (RUNS=15 by default)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { node24Path } from '../tests/support/node';
import { distDir } from '../tests/support/paths';

const RUNS = Number(process.env.RUNS ?? 15);
const bundle = path.join(distDir('retry'), 'index.js');
if (!existsSync(bundle)) {
  console.error('dist/retry/index.js is missing: run `pnpm build retry` first');
  process.exit(1);
}

// nick-fields/retry v3, as measured for the issue: 950 kB bundle, 1 s completion polling per attempt.
const NICK_FIELDS = { bundleKB: 950, perAttemptMs: 1000 };

const temp = mkdtempSync(path.join(tmpdir(), 'retry-bench-'));
// Removed however the benchmark ends (an error half-way included).
process.on('exit', () => rmSync(temp, { recursive: true, force: true }));

/** The environment the runner gives a step, with the action's inputs. */
function runnerEnv(inputs: Record<string, string>): NodeJS.ProcessEnv {
  const files = Object.fromEntries(
    ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE'].map((name) => {
      const file = path.join(temp, name.toLowerCase());
      writeFileSync(file, '');
      return [name, file];
    }),
  );
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    RUNNER_TEMP: temp,
    GITHUB_WORKSPACE: temp,
    ...files,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return env;
}

function timeOnce(node: string, args: string[], env: NodeJS.ProcessEnv): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(node, args, { env, stdio: 'ignore' });
  if (result.error) throw result.error;
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(node: string, args: string[], env: NodeJS.ProcessEnv, runs = RUNS): number {
  timeOnce(node, args, env); // warm the file cache
  const times = Array.from({ length: runs }, () => timeOnce(node, args, env)).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

const nodes: { label: string; path: string }[] = [
  { label: `node ${process.versions.node}`, path: process.execPath },
];
const node24 = node24Path();
if (node24 && existsSync(node24)) {
  const version = spawnSync(node24, ['-v'], { encoding: 'utf8' }).stdout.trim().replace(/^v/, '');
  nodes.push({ label: `node ${version}`, path: node24 });
} else {
  console.log('(Node 24 not found: set QEML_NODE24 or run the tests once to install it in .tools/)\n');
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`.padStart(10);
console.log(`Cold start, median of ${RUNS} runs (run: true, max-attempts 1):`);
console.log(
  `${'runtime'.padEnd(16)}${'node -e ""'.padStart(12)}${'retry bundle'.padStart(14)}${'difference'.padStart(12)}`,
);
const trivial = runnerEnv({ run: 'true', 'max-attempts': '1', delay: '0' });
for (const node of nodes) {
  const bare = median(node.path, ['-e', ''], {});
  const retry = median(node.path, [bundle], trivial);
  console.log(
    `${node.label.padEnd(16)}${fmt(bare).padStart(12)}${fmt(retry).padStart(14)}${fmt(retry - bare).padStart(12)}`,
  );
}

console.log('\nPer-attempt overhead with delay 0 (run: exit 1; (50 attempts - 1 attempt) / 49):');
for (const node of nodes) {
  const runs = Math.max(3, Math.round(RUNS / 3));
  const one = median(
    node.path,
    [bundle],
    runnerEnv({ run: 'exit 1', 'max-attempts': '1', delay: '0' }),
    runs,
  );
  const fifty = median(
    node.path,
    [bundle],
    runnerEnv({ run: 'exit 1', 'max-attempts': '50', delay: '0' }),
    runs,
  );
  const perAttempt = (fifty - one) / 49;
  console.log(
    `${node.label.padEnd(16)}${perAttempt.toFixed(1)} ms per attempt   (nick-fields/retry: ≥ ${NICK_FIELDS.perAttemptMs} ms, its 1 s polling)`,
  );
}

const jsBytes = readdirSync(distDir('retry'))
  .filter((file) => file.endsWith('.js') || file.endsWith('.cjs'))
  .reduce((sum, file) => sum + statSync(path.join(distDir('retry'), file)).size, 0);
console.log(
  `\nBundle: ${(jsBytes / 1000).toFixed(0)} kB of JavaScript in dist/retry (nick-fields/retry: ${NICK_FIELDS.bundleKB} kB)`,
);
