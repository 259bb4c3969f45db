/** The preflight engine: checks, changed files, the pruned matrix, shards. Pure over its deps. */
import type { Clock, Logger } from '@qeml/action-kit';
import picomatch from 'picomatch';
import { type ChangeSet, changesOfEvent, type RunEvent, rangeChanges } from './changes';
import {
  NODE_DIMENSIONS,
  nodeFindings,
  PYTHON_DIMENSIONS,
  pythonFindings,
  requiresPython,
} from './checks/constraints';
import {
  budgetFindings,
  diskFindings,
  fileFindings,
  secretFindings,
  toolFindings,
} from './checks/environment';
import { lockfileFindings } from './checks/lockfile';
import { manifestFindings, readManifests } from './checks/manifests';
import { type CheckId, type CheckOutcome, type CheckRun, runChecks, type Severity } from './checks/model';
import { actionlintFindings, localActionFindings, workflowSources } from './checks/workflows';
import type { WorkspaceFiles } from './checks/workspace-files';
import { GitHistory, type GitRunner } from './git';
import type { PreflightApi } from './github-api';
import { type Combination, dimensionValues, expandMatrix, type MatrixSpec, pruneMatrix } from './matrix';
import { type RuleGroup, type Selection, selectByRules } from './rules';
import {
  EMPTY_HISTORY,
  mergeHistory,
  type Shard,
  splitShards,
  type TimingHistory,
  timingsFromJUnit,
} from './shards';

export interface CheckSettings {
  severities: Record<CheckId, Severity>;
  /** api-budget: requests the run needs left. @default 100 */
  minApiRequests: number;
  /** disk-space: bytes free in the workspace. @default 1 GiB */
  minFreeBytes: number;
  /** tools: commands that must be on PATH. @default ['git'] */
  tools: string[];
}

export interface PreflightConfig {
  matrix?: MatrixSpec;
  rules: RuleGroup[];
  checks: CheckSettings;
  requiredSecrets: string[];
  requiredFiles: string[];
  skipDuplicate: boolean;
  fullOn: string[];
  /** 0: no sharding. */
  shards: number;
  testFiles: string[];
  timingReports: string[];
}

/** What is compared: a run's event (the action) or two refs (the CLI). */
export type PreflightTarget =
  | { kind: 'event'; event: RunEvent; workflow?: string; runId?: number }
  | { kind: 'range'; base: string; head: string };

/** Timing history kept between runs (`createJsonCache` in main.ts). */
export interface TimingStore {
  restore(): Promise<TimingHistory | undefined>;
  save(history: TimingHistory): Promise<void>;
}

export interface PreflightDeps {
  clock: Clock;
  logger: Logger;
  git: GitRunner;
  files: WorkspaceFiles;
  /** The step's environment, read only for required secrets by name. */
  env: Record<string, string | undefined>;
  api?: PreflightApi;
  timings?: TimingStore;
  freeBytes(): Promise<number | undefined>;
  which(tool: string): Promise<boolean>;
  /** Commits fetched per `git fetch --deepen` in a shallow clone. @default 50 */
  deepenBy?: number;
}

export interface PreflightResult {
  shouldRun: boolean;
  reason: string;
  changes: ChangeSet;
  selection: Selection;
  duplicate?: { id: number; url: string };
  /** The jobs to run (never empty: when nothing runs, the full matrix, with shouldRun false). */
  matrix: Combination[];
  fullMatrixSize: number;
  suites: string[];
  shards: Shard[];
  checks: CheckOutcome[];
  failed: boolean;
  durationMs: number;
}

export async function runPreflight(
  config: PreflightConfig,
  target: PreflightTarget,
  deps: PreflightDeps,
): Promise<PreflightResult> {
  const started = deps.clock.now();
  const history = new GitHistory(deps.git, deps.deepenBy);
  const changes =
    target.kind === 'range'
      ? await rangeChanges(history, target.base, target.head)
      : await changesOfEvent(
          target.event,
          { history, logger: deps.logger, ...(deps.api ? { pulls: deps.api } : {}) },
          config.fullOn,
        );
  const selection: Selection = changes.full
    ? {
        shouldRun: true,
        full: true,
        suites: [...new Set(config.rules.flatMap((g) => g.suites))],
        matrix: {},
        groups: [],
        reason: changes.how,
      }
    : selectByRules(changes.files, config.rules);

  const full = config.matrix ? expandMatrix(config.matrix) : [];
  const pruned = selection.full ? full : pruneMatrix(full, selection.matrix);
  let shouldRun = selection.shouldRun;
  let reason = selection.reason;
  if (shouldRun && config.matrix && pruned.length === 0) {
    shouldRun = false;
    reason = `${selection.reason}: no matrix job is left`;
  }

  let duplicate: PreflightResult['duplicate'];
  if (shouldRun && config.skipDuplicate && target.kind === 'event' && deps.api && target.workflow) {
    const tree = await history.tree(target.event.sha);
    duplicate = tree ? await deps.api.successfulRunOnTree(target.workflow, tree, target.runId) : undefined;
    if (duplicate) {
      shouldRun = false;
      reason = `run ${duplicate.id} already succeeded on the same tree`;
    }
  }
  const matrix = shouldRun ? pruned : full;

  const checks = await runChecks(checkRuns(config, target, deps, matrix), config.checks.severities, () =>
    deps.clock.now(),
  );
  const shards = config.shards > 0 ? await shardTests(config, history, deps) : [];
  return {
    shouldRun,
    reason,
    changes,
    selection,
    ...(duplicate ? { duplicate } : {}),
    matrix,
    fullMatrixSize: full.length,
    suites: shouldRun ? selection.suites : [],
    shards,
    checks,
    failed: checks.some((check) => check.result === 'fail'),
    durationMs: deps.clock.now() - started,
  };
}

function checkRuns(
  config: PreflightConfig,
  target: PreflightTarget,
  deps: PreflightDeps,
  matrix: Combination[],
): Partial<Record<CheckId, CheckRun>> {
  const { files } = deps;
  let workflows: ReturnType<typeof workflowSources> | undefined;
  let manifests: ReturnType<typeof readManifests> | undefined;
  const sources = () => (workflows ??= workflowSources(files));
  const project = () => (manifests ??= readManifests(files));
  return {
    workflows: async () => actionlintFindings(await sources()),
    'local-actions': async () => localActionFindings(await sources(), files),
    manifests: async () => manifestFindings(await project()),
    lockfile: async () => lockfileFindings(files, (await project()).packageJson),
    'python-version': async () =>
      pythonFindings(requiresPython((await project()).pyproject), dimensionValues(matrix, PYTHON_DIMENSIONS)),
    'node-version': async () =>
      nodeFindings((await project()).packageJson, dimensionValues(matrix, NODE_DIMENSIONS)),
    secrets: async () =>
      secretFindings(config.requiredSecrets, deps.env, target.kind === 'event' ? target.event.name : ''),
    files: () => fileFindings(config.requiredFiles, files),
    'api-budget': async () =>
      budgetFindings(deps.api ? await deps.api.rateLimit() : undefined, config.checks.minApiRequests),
    'disk-space': async () => diskFindings(await deps.freeBytes(), config.checks.minFreeBytes),
    tools: () => toolFindings(config.checks.tools, deps.which),
  };
}

/** Test files (tracked, matching `testFiles`) split by expected time; fresh JUnit reports update the history. */
async function shardTests(
  config: PreflightConfig,
  history: GitHistory,
  deps: PreflightDeps,
): Promise<Shard[]> {
  const tracked = await history.trackedFiles();
  const isTest = picomatch(config.testFiles, { dot: true });
  const tests = tracked.filter((file) => isTest(file));
  let timings = (await deps.timings?.restore()) ?? EMPTY_HISTORY;
  if (config.timingReports.length > 0) {
    const fresh = new Map<string, number>();
    for (const report of await junitReports(deps.files, config.timingReports)) {
      const xml = await deps.files.read(report);
      if (xml) for (const [file, seconds] of timingsFromJUnit(xml, tests)) fresh.set(file, seconds);
    }
    if (fresh.size > 0) {
      timings = mergeHistory(timings, fresh);
      await deps.timings?.save(timings);
      deps.logger.info(`Timing history updated from ${fresh.size} test file(s) in JUnit reports.`);
    }
  }
  return splitShards(tests, timings, config.shards);
}

/** JUnit reports (usually downloaded artifacts, untracked): each path a report or a directory of *.xml. */
async function junitReports(files: WorkspaceFiles, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    if (path.endsWith('.xml')) {
      if (await files.exists(path)) found.push(path);
    } else {
      for (const name of await files.list(path))
        if (name.endsWith('.xml')) found.push(`${path.replace(/\/$/, '')}/${name}`);
    }
  }
  return found;
}
