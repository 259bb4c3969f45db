/** The failure-analysis engine, for the action's main.ts and `qeml analyze --run`. */
export { decide, judgeJob } from './decision';
export { fingerprint, ISSUE_LABEL, type IssueState, MARKER_KIND, nextState } from './escalation';
export {
  type AnalysisTarget,
  type FailureAnalysisConfig,
  type FailureAnalysisDeps,
  runFailureAnalysis,
} from './failure-analysis';
export { type ActionConfig, Input, type RunContext, readFailureAnalysisConfig } from './inputs';
export { DEFAULT_LADDER, type LadderPlan, RUNGS, type Rung, rerunDelay, rungFor } from './ladder';
export type { Decision, FailedJob, FailureAnalysisResult, FlakyTest } from './model';
export { Output } from './outputs';
export { buildReport, buildSummary, type FailureAnalysisReport, headline, renderResultText } from './report';
