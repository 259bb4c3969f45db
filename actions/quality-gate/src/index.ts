/** @qeml/quality-gate: the engine and renderers, for `qeml gate` and the tests. */
export { type BaselineOutcome, type BaselineStore, baselinePrefix } from './baseline';
export { type ChangeSource, type GitRunner, gitIn, readChanges } from './changes';
export { runnerContext } from './context';
export { type GateContext, type GateDeps, type GateResult, runGate } from './gate';
export { type GateConfig, Input, REPORT_KINDS, readGateConfig } from './inputs';
export { Output, setGateOutputs, writeAnnotations } from './outputs';
export { buildComment, buildReport, buildSummary, gateText } from './report';
export { verdictLine } from './sections';
