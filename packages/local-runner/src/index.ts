/** @qeml/local-runner: runs a JavaScript action the way the GitHub Actions runner does. */
export { evaluateCondition } from './conditions';
export { inputEnvName } from './inputs';
export { readActionMetadata } from './metadata';
export { findNode } from './node-binary';
export { runLocalAction } from './run';
export type {
  ActionInput,
  ActionMetadata,
  ActionRuns,
  Annotation,
  PhaseName,
  PhaseResult,
  RunOptions,
  StepOutcome,
  StepResult,
} from './types';
export { resolveUses } from './uses';
