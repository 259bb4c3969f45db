// Where the retry bundle's cold start goes: one `node --cpu-prof` run, self time summed by function.
// Run: pnpm build retry && pnpm bench retry-profile   (TOP=25, NODE=<binary> to pick a runtime)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { distDir } from '../tests/support/paths';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const TOP = Number(process.env.TOP ?? 25);
const node = process.env.NODE ?? process.execPath;
const bundle = path.join(distDir('retry'), 'index.js');
if (!existsSync(bundle)) {
  console.error('dist/retry/index.js is missing: run `pnpm build retry` first');
  process.exit(1);
}

const temp = mkdtempSync(path.join(tmpdir(), 'retry-profile-'));
// Removed however the benchmark ends (an error half-way included).
process.on('exit', () => rmSync(temp, { recursive: true, force: true }));
const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, RUNNER_TEMP: temp, GITHUB_WORKSPACE: temp };
for (const name of ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE']) {
  env[name] = path.join(temp, name.toLowerCase());
  writeFileSync(env[name]!, '');
}
Object.assign(env, { INPUT_RUN: 'true', 'INPUT_MAX-ATTEMPTS': '1', INPUT_DELAY: '0' });

const profileDir = path.join(temp, 'profile');
const run = spawnSync(
  node,
  ['--cpu-prof', '--cpu-prof-interval=100', `--cpu-prof-dir=${profileDir}`, bundle],
  {
    env,
    stdio: 'ignore',
  },
);
if (run.error) throw run.error;
const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
if (!file) throw new Error('no .cpuprofile written');
const profile = JSON.parse(readFileSync(path.join(profileDir, file), 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfMs = new Map<string, number>();
let totalMs = 0;
profile.samples.forEach((id, i) => {
  const frame = byId.get(id)?.callFrame;
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  totalMs += ms;
  if (!frame) return;
  const where = frame.url
    ? `${path.basename(frame.url)}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
    : '';
  const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
  selfMs.set(key, (selfMs.get(key) ?? 0) + ms);
});

console.log(
  `${path.basename(node)} ${spawnSync(node, ['-v'], { encoding: 'utf8' }).stdout.trim()}: ${totalMs.toFixed(1)} ms sampled`,
);
for (const [key, ms] of [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
  console.log(`${ms.toFixed(1).padStart(8)} ms  ${key}`);
}
