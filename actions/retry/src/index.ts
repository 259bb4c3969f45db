/** The retry engine, for the action's main.ts and the `qeml retry` CLI. */
export { type ActionAttempt, contextFromEnv, runActionAttempt } from './action-attempt';
export { type AttemptOutcome, type AttemptResult, type CommandAttempt, runCommandAttempt } from './attempt';
export {
  BACKOFF_STRATEGIES,
  type BackoffPolicy,
  type BackoffStrategy,
  baseDelay,
  delayBounds,
  JITTER_MODES,
  type JitterMode,
  nextDelay,
  type RandomSource,
} from './backoff';
export {
  fetchRemoteAction,
  parseRemoteUses,
  type RemoteAction,
  resolveAction,
  type TarballDownload,
} from './fetch-action';
export { type CapturedFiles, commitFileCommands } from './file-commands';
export { Input, type RetryConfig, type RetryTask, readRetryConfig, retrySchema } from './inputs';
export { LineScanner, MAX_MATCHED_LINE_CHARS, type OutputPattern, type OutputVerdict } from './output-match';
export { commitFinalAttempt, Output, setRetryOutputs } from './outputs';
export { killProcessTree, processStartTime, type SignalDeps, sendSignal, snapshotTree } from './process-tree';
export {
  buildReport,
  buildSummary,
  type RetryReport,
  TIMELINE_HEADERS,
  timelineRows,
  timelineText,
  verdict,
} from './report';
export { type RetryDeps, runRetry } from './retry';
export {
  type AttemptRecord,
  type AttemptRequest,
  type RetryEvents,
  type RetryOutcome,
  type RetryPlan,
  type RetryResult,
  runRetryLoop,
} from './retry-loop';
export {
  decideRetry,
  failureReason,
  RETRY_ON_KINDS,
  type RetryOnKind,
  type RetryRules,
  rulesFromRetryOn,
} from './retry-rules';
export { extractInside } from './safe-extract';
export { KNOWN_SHELLS, resolveShell, type ShellSpec } from './shell';
export { withStepTempDir } from './step-temp';
export { type AttemptDiagnosis, type OutputWatch, transientClassifier } from './transient';
