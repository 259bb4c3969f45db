// Builders for preflight tests: real git repositories in temp dirs, the engine's deps, a config.
import { VirtualClock } from '@qeml/action-kit';
import {
  createGitRunner,
  DEFAULT_CHECK_SETTINGS,
  diskWorkspace,
  type PreflightConfig,
  type PreflightDeps,
} from '@qeml/preflight';
import { RecordingLogger } from '../../support/recording-logger';

export { TestRepo } from '../../support/git-repo';

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
