/** The rollback engine, for the action's main.ts and `qeml verify|rollback|promote`. */
export { createShellCommandRunner, type ShellRunnerOptions } from './commands';
export { DeploymentsApi, MARKER_KEY, type Marker, markerOf } from './deployments';
export { verifyHealth } from './health';
export { judgeAnswer, parseJsonPath, parseStatusRanges, valueAt } from './health-rules';
export { classifyNetworkError, createHttpProbe } from './http-probe';
export { Input, readRollbackConfig, rollbackSchema } from './inputs';
export { reportIssue } from './issue';
export { acquireEnvironment, findKnownGood, wasVerifiedGood } from './known-good';
export { Output, setRollbackOutputs } from './outputs';
export { buildReport, buildSummary, headline, type RollbackReport, resultText } from './report';
export { runRollback } from './rollback';
export { SkippingClock } from './skipping-clock';
export * from './types';
