// Wall time of preflight on a generated repository (10 000 files, 2 000 changed) next to `git diff --name-only`.
// Run: pnpm bench preflight   (RUNS=5 by default; `pnpm build preflight` first to include the bundle)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createConsoleLogger, systemClock } from '@qeml/action-kit';
import {
  createGitRunner,
  diskWorkspace,
  freeBytes,
  onPath,
  type PreflightConfig,
  parseChecks,
  parseMatrix,
  parseRulesText,
  runPreflight,
} from '@qeml/preflight';
import { TestRepo } from '../tests/support/git-repo';
import { distDir } from '../tests/support/paths';

const RUNS = Number(process.env.RUNS ?? 5);
const FILES = 10_000;
const CHANGED = 2_000;

const temp = mkdtempSync(path.join(tmpdir(), 'preflight-bench-'));
process.on('exit', () => rmSync(temp, { recursive: true, force: true }));

const MATRIX =
  "os: [ubuntu-latest, macos-latest, windows-latest]\npython: ['3.9', '3.10', '3.11', '3.12']\ndeps: [minimal, latest, dev]\n";
const RULES = `docs: { paths: ['docs/**', '**/*.md'], run: false }
deps: { paths: ['*.lock', 'pyproject.toml'], full: true }
source: { paths: ['src/**'], suites: [unit], matrix: { deps: [latest] } }
tests: { paths: ['tests/**'], suites: [unit, integration], matrix: { deps: [latest] } }
`;

/** 10 000 files over src/, tests/ and docs/ (100 per folder), a workflow and a pyproject. */
function generate(dir: string): { base: string; head: string } {
  const repo = TestRepo.init(dir);
  // No background `git gc --auto` after the big commits: it would run during the measurements.
  repo.git('config', 'gc.auto', '0');
  const file = (i: number) => {
    const area = i % 10 < 6 ? 'src' : i % 10 < 9 ? 'tests' : 'docs';
    const ext = area === 'docs' ? 'md' : 'py';
    const name = area === 'tests' ? `test_m${i}` : `m${i}`;
    return `${area}/pkg${Math.floor(i / 100)}/${name}.${ext}`;
  };
  for (let i = 0; i < FILES; i += 1) {
    const target = path.join(dir, file(i));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, `# file ${i}\nvalue = ${i}\n`);
  }
  mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
  writeFileSync(
    path.join(dir, '.github/workflows/ci.yml'),
    'name: ci\non: [push]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n',
  );
  writeFileSync(path.join(dir, 'pyproject.toml'), '[project]\nname = "bench"\nrequires-python = ">=3.9"\n');
  const base = repo.commit({}, 'base');
  // 2 000 changes: 1 600 edits, 200 deletions, 200 renames, spread over the tree.
  const changes: Record<string, string | null> = {};
  for (let k = 0; k < 1600; k += 1) changes[file(k * 5)] = `# edited ${k}\n`;
  for (let k = 0; k < 200; k += 1) changes[file(k * 5 + 1)] = null;
  repo.commit(changes, 'edits and deletions');
  for (let k = 0; k < 200; k += 1) {
    const from = file(k * 5 + 2);
    repo.git('mv', from, from.replace(/\.(py|md)$/, '_moved.$1'));
  }
  const head = repo.commit({}, 'renames');
  return { base, head };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function time(label: string, run: () => Promise<unknown> | unknown): Promise<number> {
  const samples: number[] = [];
  await run(); // warm-up (JIT, file cache), not counted
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  const ms = median(samples);
  console.log(`${label.padEnd(58)} ${ms.toFixed(0).padStart(6)} ms (median of ${RUNS})`);
  return ms;
}

const dir = path.join(temp, 'repo');
const started = performance.now();
const { base, head } = generate(dir);
console.log(
  `Generated ${FILES} files, ${CHANGED} changed (edits, deletions, renames) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
);

const diffed = spawnSync('git', ['diff', '--name-only', base, head], { cwd: dir, encoding: 'utf8' })
  .stdout.split('\n')
  .filter(Boolean).length;
const floor = await time(`git diff --name-only (${diffed} paths)`, () =>
  spawnSync('git', ['diff', '--name-only', base, head], { cwd: dir }),
);
await time('git diff --name-status -M (what preflight runs)', () =>
  spawnSync('git', ['diff', '--name-status', '-z', '-M', base, head], { cwd: dir }),
);

const config = (checks: string): PreflightConfig => ({
  matrix: parseMatrix(MATRIX),
  rules: parseRulesText(RULES),
  checks: parseChecks(checks),
  requiredSecrets: [],
  requiredFiles: [],
  skipDuplicate: false,
  fullOn: [],
  shards: 0,
  testFiles: [],
  timingReports: [],
});
const deps = {
  clock: systemClock,
  logger: createConsoleLogger({ write: () => {} }),
  git: createGitRunner(dir),
  files: diskWorkspace(dir),
  env: {},
  freeBytes: () => freeBytes(dir),
  which: onPath(process.env.PATH),
};
const allOff =
  'workflows: off\nlocal-actions: off\nmanifests: off\nlockfile: off\npython-version: off\nnode-version: off\nsecrets: off\nfiles: off\napi-budget: off\ndisk-space: off\ntools: off';
let jobs = 0;
const engineOnly = await time('preflight engine: changed files + rules + matrix', async () => {
  jobs = (await runPreflight(config(allOff), { kind: 'range', base, head }, deps)).matrix.length;
});
const engineAll = await time('preflight engine: the above + every check (actionlint warm)', () =>
  runPreflight(config(''), { kind: 'range', base, head }, deps),
);

let bundleMs: number | undefined;
const bundle = path.join(distDir('preflight'), 'index.js');
if (existsSync(bundle)) {
  const event = path.join(temp, 'event.json');
  writeFileSync(event, JSON.stringify({ before: base, after: head, repository: { default_branch: 'main' } }));
  const output = path.join(temp, 'output');
  const runBundle = (checks: string) => {
    writeFileSync(output, '');
    spawnSync(process.execPath, [bundle], {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        GITHUB_WORKSPACE: dir,
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: event,
        GITHUB_SHA: head,
        GITHUB_OUTPUT: output,
        RUNNER_TEMP: temp,
        INPUT_MATRIX: MATRIX,
        INPUT_RULES: RULES,
        INPUT_CHECKS: checks,
      },
    });
  };
  bundleMs = await time('preflight bundle (node dist/preflight/index.js, cold)', () => runBundle(''));
  await time('preflight bundle without the workflows check (actionlint)', () => runBundle('workflows: off'));
  await time('node -e "" (the floor of any bundle)', () => spawnSync(process.execPath, ['-e', '']));
} else {
  console.log('preflight bundle: dist/preflight/index.js missing (pnpm build preflight)');
}
console.log(`\nMatrix: ${jobs} of 36 jobs for this change.`);
console.log(
  `preflight (changes + rules + matrix) is ${(engineOnly / floor).toFixed(1)}x git diff --name-only; with every check ${(engineAll / floor).toFixed(1)}x${bundleMs ? `; the whole bundle ${(bundleMs / floor).toFixed(1)}x` : ''}.`,
);
