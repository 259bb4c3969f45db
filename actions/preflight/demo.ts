// `qeml demo` for preflight, on a small Python project made in a temporary git repository with the
// seed's 36-job matrix: a source change prunes the matrix to 12 jobs, a docs-only change runs
// nothing, and a typo in a workflow is caught before any job starts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DemoScenario, DemoStep } from '../../packages/cli/src/demo/types';

const MATRIX = `os: [ubuntu-latest, macos-latest, windows-latest]
python: ['3.9', '3.10', '3.11', '3.12']
deps: [minimal, latest, dev]
`;

const RULES = `docs: { paths: ['docs/**', '**/*.md'], run: false }
dependencies: { paths: ['pyproject.toml', 'requirements*.txt', '*.lock'], full: true }
workflows: { paths: ['.github/**'], full: true }
source: { paths: ['src/**'], suites: [unit], matrix: { deps: [latest] } }
tests: { paths: ['tests/**'], suites: [unit, integration], matrix: { deps: [latest] } }
`;

const WORKFLOW = `name: ci
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    timeout-minutes: 30
    steps:
      - uses: actions/checkout@v4
      - run: pytest
`;

const PROJECT = {
  '.github/workflows/ci.yml': WORKFLOW,
  'pyproject.toml': '[project]\nname = "seed"\nrequires-python = ">=3.9"\n',
  'src/seed/core.py': 'def answer():\n    return 42\n',
  'tests/test_core.py': 'from seed.core import answer\n\ndef test_answer():\n    assert answer() == 42\n',
  'docs/index.md': '# seed\n',
};

let root: string | undefined;
let repo: string | undefined;

function git(args: string[]): string {
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'demo',
      GIT_AUTHOR_EMAIL: 'demo@example.test',
      GIT_COMMITTER_NAME: 'demo',
      GIT_COMMITTER_EMAIL: 'demo@example.test',
    },
  }).trim();
}

function commit(files: Record<string, string>, message: string): string {
  for (const [path, text] of Object.entries(files)) {
    const target = join(repo ?? '', path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  git(['add', '-A']);
  git(['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message]);
  return git(['rev-parse', 'HEAD']);
}

const inputs = { matrix: MATRIX, rules: RULES };
const steps: [DemoStep, DemoStep, DemoStep] = [
  { title: 'A change to src/ only: the 36-job matrix pruned to the 12 jobs it needs', inputs },
  { title: 'A docs-only change: should-run is false, the matrix does not start', inputs },
  { title: 'A typo in a workflow: caught in seconds instead of after 36 jobs', inputs, expect: 'failure' },
];

/** Each step gets its own checkout (a git worktree) of a branch with its change, and a push event of it. */
function pushOf(step: DemoStep, base: string, branch: string, files: Record<string, string>): void {
  git(['checkout', '-q', '-b', branch, base]);
  const after = commit(files, branch);
  git(['checkout', '-q', 'main']);
  const workspace = join(dirname(repo ?? ''), branch);
  git(['worktree', 'add', '-q', workspace, branch]);
  step.eventName = 'push';
  step.event = { before: base, after, repository: { default_branch: 'main' } };
  step.workspace = workspace;
}

export const demo: DemoScenario = {
  action: 'preflight',
  title: 'preflight: prune the matrix to what a change needs, catch a broken workflow before the matrix',
  steps,
  setup() {
    root = mkdtempSync(join(tmpdir(), 'qeml-demo-preflight-'));
    repo = join(root, 'main');
    mkdirSync(repo);
    git(['init', '-q', '-b', 'main']);
    const base = commit(PROJECT, 'seed project');
    const [source, docs, broken] = steps;
    pushOf(source, base, 'source', { 'src/seed/core.py': 'def answer():\n    return 6 * 7\n' });
    pushOf(docs, base, 'docs', { 'docs/index.md': '# seed\n\nMore words.\n' });
    pushOf(broken, base, 'broken', {
      '.github/workflows/ci.yml': WORKFLOW.replace('timeout-minutes: 30', 'timeout-minutes: soon'),
    });
  },
  async teardown() {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
    repo = undefined;
  },
};
