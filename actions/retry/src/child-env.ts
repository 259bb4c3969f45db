/**
 * The environments the retry action gives what it runs. A runner gives a `run:` step neither the
 * step's inputs nor the runtime credentials it gives JavaScript actions, so a retried command gets
 * neither either: not `INPUT_*` (the `github-token` input among them), not `ACTIONS_RUNTIME_TOKEN`,
 * `ACTIONS_CACHE_URL`, `ACTIONS_RESULTS_URL`. A retried action is a JavaScript action: it keeps the
 * runtime variables, but sees only its own inputs (local-runner sets those).
 */
import { isRefusedEnvName } from '@qeml/runner-protocol';

/** Variables the runner sets for JavaScript actions only (actions/runner: NodeScriptActionHandler). */
const JS_ACTION_ONLY = new Set([
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_CACHE_SERVICE_V2',
]);

/** Marks every process of one attempt, so that a daemon that left its process group is found too. */
export const TRACKING_VARIABLE = 'QEML_RETRY_TRACKING_ID';

const ownVariable = (name: string) => {
  const upper = name.toUpperCase();
  return upper.startsWith('INPUT_') || upper.startsWith('STATE_');
};

/** What a retried command (`run`, `on-retry`) inherits from this step. */
export function commandEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (ownVariable(name) || JS_ACTION_ONLY.has(name.toUpperCase())) continue;
    result[name] = value;
  }
  return result;
}

/** What a retried JavaScript action inherits from this step (its inputs are added by local-runner). */
export function actionEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) if (!ownVariable(name)) result[name] = value;
  return result;
}

/**
 * Splits what a command wrote to $GITHUB_ENV into what may be kept and what the runner would
 * refuse (NODE_OPTIONS: it would reach into every later attempt and JavaScript action).
 */
export function acceptedEnv(values: Record<string, string>): {
  accepted: Record<string, string>;
  refused: string[];
} {
  const accepted: Record<string, string> = {};
  const refused: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (isRefusedEnvName(name)) refused.push(name);
    else accepted[name] = value;
  }
  return { accepted, refused };
}
