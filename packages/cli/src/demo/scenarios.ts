// The demo of each action, in the order `qeml demo` runs them. Each action folder exports its
// scenario as `demo` from actions/<name>/demo.ts; add one import and one entry per action.
import { demo as failureAnalysis } from '../../../../actions/failure-analysis/demo';
import { demo as pipelineHealth } from '../../../../actions/pipeline-health/demo';
import { demo as preflight } from '../../../../actions/preflight/demo';
import { demo as qualityGate } from '../../../../actions/quality-gate/demo';
import { demo as retry } from '../../../../actions/retry/demo';
import { demo as rollback } from '../../../../actions/rollback/demo';
import type { DemoScenario } from './types';

export const scenarios: DemoScenario[] = [
  retry,
  preflight,
  failureAnalysis,
  qualityGate,
  rollback,
  pipelineHealth,
];
