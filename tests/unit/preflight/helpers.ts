// Builders for preflight tests: real git repositories in temp dirs, the engine's deps, a config.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { VirtualClock } from '@qeml/action-kit';
import {
  createGitRunner,
  DEFAULT_CHECK_SETTINGS,
  diskWorkspace,
  type PreflightConfig,
  type PreflightDeps,
} from '@qeml/preflight';
import { RecordingLogger } from '../../support/recording-logger';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.test',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.test',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** A git repository in `dir` driven synchronously: commit files (null deletes), branches, clones. */
export class TestRepo {
  constructor(readonly dir: string) {}

  static init(dir: string, branch = 'main'): TestRepo {
    mkdirSync(dir, { recursive: true });
    const repo = new TestRepo(dir);
    repo.git('init', '-q', '-b', branch);
    repo.git('config', 'commit.gpgsign', 'false');
    return repo;
  }

  git(...args: string[]): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      env: GIT_ENV,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }).trim();
  }

  /** Writes (or with null, deletes) files and commits them; returns the new commit's SHA. */
  commit(files: Record<string, string | null>, message = 'change'): string {
    for (const [path, content] of Object.entries(files)) {
      const target = join(this.dir, path);
      if (content === null) rmSync(target, { force: true });
      else {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, content);
      }
    }
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.head();
  }

  head(ref = 'HEAD'): string {
    return this.git('rev-parse', ref);
  }
}

export const ZERO = '0'.repeat(40);

export function testConfig(overrides: Partial<PreflightConfig> = {}): PreflightConfig {
  return {
    rules: [],
    checks: { ...DEFAULT_CHECK_SETTINGS, severities: { ...DEFAULT_CHECK_SETTINGS.severities } },
    requiredSecrets: [],
    requiredFiles: [],
    skipDuplicate: false,
    fullOn: ['workflow_dispatch', 'schedule'],
    shards: 0,
    testFiles: [],
    timingReports: [],
    ...overrides,
  };
}

export interface TestDeps extends PreflightDeps {
  logger: RecordingLogger;
  clock: VirtualClock;
}

/** Deps over a real directory and git; the machine checks answer "plenty" unless told. */
export function testDeps(dir: string, overrides: Partial<PreflightDeps> = {}): TestDeps {
  return {
    clock: new VirtualClock(),
    logger: new RecordingLogger(),
    git: createGitRunner(dir),
    files: diskWorkspace(dir),
    env: {},
    freeBytes: async () => 50 * 1024 ** 3,
    which: async () => true,
    deepenBy: 2,
    ...overrides,
  } as TestDeps;
}

/** A config with every check off: for tests about changed files and the matrix. */
export function changesOnly(overrides: Partial<PreflightConfig> = {}): PreflightConfig {
  const config = testConfig(overrides);
  for (const id of Object.keys(config.checks.severities))
    config.checks.severities[id as keyof typeof config.checks.severities] = 'off';
  return config;
}
