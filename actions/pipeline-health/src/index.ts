/** The pipeline-health engine, for the action's main.ts, the `qeml health` CLI, tests and the demo. */
export { type ConditionalEntry, MemoryResponseStore, type ResponseStore } from './conditional';
export { ESCALATION_LABEL, type Escalation, escalate } from './escalation';
export { parseFailureReports, type ReportFiles, readFailureReports } from './failure-reports';
export { type ApiUse, fetchHistory, type History, type HistoryQuery, selectWorkflows } from './fetch-history';
export { localFiles } from './files';
export { type FlakyJob, flakyJobs } from './flaky';
export {
  computeHealth,
  type Figures,
  type HealthInput,
  type HealthModel,
  type WorkflowHealth,
} from './health';
export { DEFAULT_WINDOW_MS, healthSchema, Input, readHealthConfig } from './inputs';
export { Output, setHealthOutputs } from './outputs';
export { type HealthConfig, type HealthDeps, type HealthResult, runPipelineHealth } from './pipeline-health';
export type { AttemptRecord, FailureReport, JobRecord, RunRecord, WorkflowRef } from './records';
export { recoveries } from './recovery';
export { buildReport, renderText, verdict } from './report';
export { buildSummary, TARGETS } from './summary';
export { fisherRisingPValue, isRising } from './trends';
