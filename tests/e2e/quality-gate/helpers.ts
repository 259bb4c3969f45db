/** The quality-gate bundle against github-sim: a repository with a pull request, report files in a workspace. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { GitHubSim } from '@qeml/github-sim';
import type { StepResult } from '@qeml/local-runner';
import { type BundleRunOptions, runBundle } from '../../support/bundle';

export const REPO = 'octo/app';

/** 10 lines on main; the pull request inserts lines 3 and 4 (so the diff adds lines 3-4). */
const BASE = [
  'import subprocess',
  'def add(a, b):',
  '    return a + b',
  'def run(cmd):',
  '    return 1',
  '',
  '',
  '',
  '',
  '',
].join('\n');
const HEAD = [
  'import subprocess',
  'def add(a, b):',
  '    total = a + b',
  '    return total',
  '    return a + b',
  'def run(cmd):',
  '    return 1',
  '',
  '',
  '',
  '',
  '',
].join('\n');

/** Main with src/calc.py, a `feature` branch changing it, and the pull request between them. */
export function addPullRequest(sim: GitHubSim): { number: number; baseSha: string; headSha: string } {
  sim.model.addRepo('octo', 'app');
  const baseSha = sim.model.addCommit(REPO, { branch: 'main', files: { 'src/calc.py': `${BASE}\n` } });
  sim.model.addBranch(REPO, 'feature');
  const headSha = sim.model.addCommit(REPO, { branch: 'feature', files: { 'src/calc.py': `${HEAD}\n` } });
  const number = sim.model.addPullRequest(REPO, { head: 'feature', title: 'Refactor add' });
  return { number, baseSha, headSha };
}

/** LCOV for src/calc.py with `covered` of lines 1-5 hit (lines 3 and 4 are the changed ones, left for last). */
export function lcov(covered: number): string {
  const order = [1, 2, 5, 3, 4];
  const hit = new Set(order.slice(0, covered));
  return [
    'TN:',
    'SF:src/calc.py',
    ...[1, 2, 3, 4, 5].map((n) => `DA:${n},${hit.has(n) ? 1 : 0}`),
    'end_of_record',
    '',
  ].join('\n');
}

/** SARIF with one high finding (security-severity 8.1) in src/calc.py line 2. */
export const SARIF = JSON.stringify({
  version: '2.1.0',
  runs: [
    {
      tool: {
        driver: { name: 'Bandit', rules: [{ id: 'B602', properties: { 'security-severity': '8.1' } }] },
      },
      results: [
        {
          ruleId: 'B602',
          level: 'error',
          message: { text: 'subprocess call with shell=True' },
          locations: [
            { physicalLocation: { artifactLocation: { uri: 'src/calc.py' }, region: { startLine: 2 } } },
          ],
        },
      ],
    },
  ],
});

export async function writeWorkspace(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
}

/** The environment a step gets to reach the sim quickly (no write spacing, 1 ms backoff units). */
export function simEnv(cache: Record<string, string> = {}): Record<string, string> {
  return { QEML_GITHUB_RETRY_BASE_MS: '1', QEML_GITHUB_MIN_WRITE_INTERVAL_MS: '0', ...cache };
}

export function runGateBundle(
  node: string,
  inputs: Record<string, string>,
  options: BundleRunOptions,
): Promise<StepResult> {
  return runBundle('quality-gate', { node, inputs, ...options });
}

export function pullRequestEvent(pr: { number: number; baseSha: string; headSha: string }) {
  return {
    eventName: 'pull_request',
    event: {
      pull_request: {
        number: pr.number,
        base: { sha: pr.baseSha, ref: 'main' },
        head: { sha: pr.headSha, ref: 'feature' },
      },
      repository: { default_branch: 'main' },
    },
    ref: `refs/pull/${pr.number}/merge`,
    sha: pr.headSha,
  };
}

export function pushEvent(sha: string) {
  return {
    eventName: 'push',
    event: { repository: { default_branch: 'main' } },
    ref: 'refs/heads/main',
    sha,
  };
}
