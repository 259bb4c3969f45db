/** The preflight engine, for the action's main.ts and `qeml preflight`. */
export {
  type ChangeSet,
  changesOfEvent,
  PR_FILES_CAP,
  type PullFilesSource,
  type RunEvent,
  rangeChanges,
} from './changes';
export { CHECK_IDS, type CheckId, type CheckOutcome, type Problem, type Severity } from './checks/model';
export type { WorkspaceFiles } from './checks/workspace-files';
export { DEFAULT_CHECK_SETTINGS, parseChecks, parseMatrix, parseRulesText } from './config';
export { type ChangedFile, GitHistory, type GitRunner, parseNameStatus } from './git';
export { createGitRunner } from './git-process';
export { createPreflightApi, type PreflightApi } from './github-api';
export { Input, preflightSchema, readPreflightInputs } from './inputs';
export {
  type Combination,
  expandMatrix,
  type MatrixSpec,
  matrixOutput,
  matrixSpec as matrixSpecOf,
  pruneMatrix,
} from './matrix';
export { Output, setPreflightOutputs } from './outputs';
export {
  type PreflightConfig,
  type PreflightDeps,
  type PreflightResult,
  type PreflightTarget,
  runPreflight,
  type TimingStore,
} from './preflight';
export { buildReport, buildSummary, type PreflightReport, resultText, verdict } from './report';
export { type RuleGroup, selectByRules } from './rules';
export { mergeHistory, type Shard, splitShards, type TimingHistory, timingsFromJUnit } from './shards';
export { cachedTimings, TIMINGS_KEY_PREFIX } from './timing-store';
export { diskWorkspace, freeBytes, onPath } from './workspace-disk';
