/** @qeml/action-kit: our side of the runner protocol, inputs, summaries, redaction, the GitHub client. */
export { stripAnsi } from './ansi';
export { abortError, type Clock, isAbortError, systemClock, VirtualClock } from './clock';
export { formatDuration, parseDuration } from './duration';
export { ConfigurationError, isConfigurationError } from './errors';
export { createGitHubClient, type GitHubClient, type GitHubClientOptions } from './github';
export {
  defineInputs,
  envInputSource,
  type InputSchema,
  type InputSource,
  type InputSpec,
  type InputValues,
  type ReadInputsOptions,
  readInputs,
  readInputsCollecting,
} from './inputs';
export { type SummaryWriter, writeJobSummary } from './job-summary';
export {
  type AnnotationProperties,
  type ConsoleLoggerOptions,
  createConsoleLogger,
  type Logger,
  silentLogger,
} from './logger';
export {
  compileUserPattern,
  MAX_PROGRAM_SIZE,
  type UserPattern,
  type UserPatternOptions,
} from './patterns';
export {
  addSecret,
  defaultRedactor,
  MIN_SECRET_LENGTH,
  REDACTED,
  type RedactingStream,
  Redactor,
  redact,
  redactDeep,
  redactThenTruncate,
} from './redact';
export { type RunDeps, type RunnerStatus, runAction } from './run';
export { createRunner, type Runner, type RunnerOptions, runner } from './runner';
export { createRunnerLogger, type RunnerLogging } from './runner-logger';
export {
  DEFAULT_SUMMARY_LIMIT_BYTES,
  escapeCell,
  type Status,
  Summary,
  type SummaryOptions,
  statusMark,
} from './summary';
export { QEML_USER_AGENT, QEML_VERSION } from './version';
