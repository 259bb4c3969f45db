/** The rollback action's inputs: one schema, then the checks that involve several inputs. */
import {
  ConfigurationError,
  compileUserPattern,
  defineInputs,
  envInputSource,
  formatDuration,
  type InputSource,
  readInputsCollecting,
  type UserPattern,
} from '@qeml/action-kit';
import { parseStatusRanges } from './health-rules';
import { MODES, type RollbackConfig, STRATEGIES, type StatusRange } from './types';

export const Input = {
  Mode: 'mode',
  Environment: 'environment',
  Ref: 'ref',
  DeploymentId: 'deployment-id',
  DeployCommand: 'deploy-command',
  HealthUrls: 'health-urls',
  HealthCommand: 'health-command',
  ExpectedStatus: 'expected-status',
  BodyPattern: 'body-pattern',
  JsonPath: 'json-path',
  JsonValue: 'json-value',
  MaxLatency: 'max-latency',
  Interval: 'interval',
  InitialDelay: 'initial-delay',
  Successes: 'successes',
  FailureLimit: 'failure-limit',
  ErrorLimit: 'error-limit',
  VerifyTimeout: 'verify-timeout',
  ProbeTimeout: 'probe-timeout',
  AutoRollback: 'auto-rollback',
  Strategy: 'strategy',
  RollbackCommand: 'rollback-command',
  DeployWorkflow: 'deploy-workflow',
  DeployInputs: 'deploy-inputs',
  Branch: 'branch',
  CanarySteps: 'canary-steps',
  TrafficCommand: 'traffic-command',
  SwitchCommand: 'switch-command',
  PreviewUrls: 'preview-urls',
  RollbackDeadline: 'rollback-deadline',
  CommandTimeout: 'command-timeout',
  Force: 'force',
  ProductionEnvironment: 'production-environment',
  TransientEnvironment: 'transient-environment',
  RequiredContexts: 'required-contexts',
  EnvironmentUrl: 'environment-url',
  OpenIssue: 'open-issue',
  MaxWrites: 'max-writes',
  Repository: 'repository',
  GitHubToken: 'github-token',
} as const;

export const rollbackSchema = defineInputs({
  [Input.Mode]: { kind: 'enum', values: MODES, default: 'verify' },
  [Input.Environment]: { kind: 'string', default: 'production' },
  [Input.Ref]: { kind: 'string', default: '' },
  [Input.DeploymentId]: { kind: 'integer', min: 1 },
  [Input.DeployCommand]: { kind: 'string', trimWhitespace: false },
  [Input.HealthUrls]: { kind: 'list', default: [], newlineOnly: true },
  [Input.HealthCommand]: { kind: 'string', trimWhitespace: false },
  [Input.ExpectedStatus]: { kind: 'string', default: '200-299' },
  [Input.BodyPattern]: { kind: 'string', default: '' },
  [Input.JsonPath]: { kind: 'string', default: '' },
  [Input.JsonValue]: { kind: 'string' },
  [Input.MaxLatency]: { kind: 'duration', min: 1 },
  [Input.Interval]: { kind: 'duration', default: '10s' },
  [Input.InitialDelay]: { kind: 'duration', default: '0s' },
  [Input.Successes]: { kind: 'integer', default: 3, min: 1, max: 1000 },
  [Input.FailureLimit]: { kind: 'integer', default: 2, min: 1, max: 1000 },
  [Input.ErrorLimit]: { kind: 'integer', default: 3, min: 1, max: 1000 },
  [Input.VerifyTimeout]: { kind: 'duration', default: '5m', min: 1 },
  [Input.ProbeTimeout]: { kind: 'duration', default: '10s', min: 1 },
  [Input.AutoRollback]: { kind: 'boolean', default: true },
  [Input.Strategy]: { kind: 'enum', values: STRATEGIES, default: 'command' },
  [Input.RollbackCommand]: { kind: 'string', trimWhitespace: false },
  [Input.DeployWorkflow]: { kind: 'string', default: '' },
  [Input.DeployInputs]: { kind: 'object', default: {} },
  [Input.Branch]: { kind: 'string', default: '' },
  [Input.CanarySteps]: { kind: 'list', default: [] },
  [Input.TrafficCommand]: { kind: 'string', trimWhitespace: false },
  [Input.SwitchCommand]: { kind: 'string', trimWhitespace: false },
  [Input.PreviewUrls]: { kind: 'list', default: [], newlineOnly: true },
  [Input.RollbackDeadline]: { kind: 'duration', default: '5m', min: 1 },
  [Input.CommandTimeout]: { kind: 'duration', default: '10m', min: 1 },
  [Input.Force]: { kind: 'boolean', default: false },
  [Input.ProductionEnvironment]: {
    kind: 'enum',
    values: ['auto', 'true', 'false'] as const,
    default: 'auto',
  },
  [Input.TransientEnvironment]: { kind: 'boolean', default: false },
  [Input.RequiredContexts]: { kind: 'list', default: [] },
  [Input.EnvironmentUrl]: { kind: 'string', default: '' },
  [Input.OpenIssue]: { kind: 'boolean', default: false },
  [Input.MaxWrites]: { kind: 'integer', default: 30, min: 5, max: 500 },
  [Input.Repository]: { kind: 'string', default: '' },
  [Input.GitHubToken]: { kind: 'string', secret: true },
});

export interface ConfigDefaults {
  /** `owner/name` when the input is empty (GITHUB_REPOSITORY). */
  repository?: string;
}

const given = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value;

function parseWeights(items: string[]): number[] | string {
  const weights = items.map((item) => Number(item.replace(/%$/, '')));
  if (weights.some((w) => !Number.isInteger(w) || w < 1 || w > 100)) {
    return `expected whole percentages from 1 to 100 like 10,25,50,100`;
  }
  if (weights.some((w, i) => i > 0 && w <= (weights[i - 1] ?? 0)))
    return 'expected increasing weights like 10,25,50,100';
  return weights;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Reads and checks every input; all problems come back together in one ConfigurationError. */
export async function readRollbackConfig(
  source: InputSource = envInputSource(),
  defaults: ConfigDefaults = {},
): Promise<RollbackConfig & { githubToken?: string }> {
  const { values, problems } = await readInputsCollecting(rollbackSchema, source);
  if (!values) throw new ConfigurationError(problems);
  const v = values;
  const mode = v[Input.Mode];
  const repository = v[Input.Repository].trim() || defaults.repository || '';
  const [owner, repo, ...extra] = repository.split('/');
  if (!owner || !repo || extra.length > 0) {
    problems.push(
      `Input '${Input.Repository}' got ${JSON.stringify(repository)}: expected owner/name (default: the workflow's repository)`,
    );
  }
  let expectedStatus: StatusRange[] = [];
  try {
    expectedStatus = parseStatusRanges(v[Input.ExpectedStatus]);
  } catch (error) {
    problems.push(
      `Input '${Input.ExpectedStatus}' got ${JSON.stringify(v[Input.ExpectedStatus])}: ${(error as Error).message}; expected e.g. 200-299 or 200,204`,
    );
  }
  let bodyPattern: UserPattern | undefined;
  if (v[Input.BodyPattern] !== '') {
    try {
      bodyPattern = compileUserPattern(v[Input.BodyPattern]);
    } catch (error) {
      problems.push(
        `Input '${Input.BodyPattern}' got ${JSON.stringify(v[Input.BodyPattern])}: ${(error as Error).message}`,
      );
    }
  }
  const urls = v[Input.HealthUrls];
  for (const url of [...urls, ...v[Input.PreviewUrls]]) {
    if (!isHttpUrl(url))
      problems.push(
        `Input '${urls.includes(url) ? Input.HealthUrls : Input.PreviewUrls}' got ${JSON.stringify(url)}: expected http(s) URLs, one per line`,
      );
  }
  const environmentUrl = v[Input.EnvironmentUrl].trim();
  if (environmentUrl && !isHttpUrl(environmentUrl))
    problems.push(
      `Input '${Input.EnvironmentUrl}' got ${JSON.stringify(environmentUrl)}: expected an http(s) URL (the link of every deployment status)`,
    );
  const healthCommand = given(v[Input.HealthCommand]);
  if (mode !== 'promote' && mode !== 'rollback' && urls.length === 0 && !healthCommand) {
    problems.push(
      `Input '${Input.HealthUrls}' or input '${Input.HealthCommand}' is required for mode ${mode}: a deployment is only known-good once verified`,
    );
  }
  if (mode === 'rollback' && urls.length === 0 && !healthCommand) {
    problems.push(
      `Input '${Input.HealthUrls}' or input '${Input.HealthCommand}' is required for mode rollback: the rollback is verified before it counts`,
    );
  }
  // Checks run at initial-delay + k × interval while that stays within verify-timeout.
  const needMs = v[Input.InitialDelay] + (v[Input.Successes] - 1) * v[Input.Interval];
  if (needMs > v[Input.VerifyTimeout]) {
    problems.push(
      `Input '${Input.VerifyTimeout}' is ${formatDuration(v[Input.VerifyTimeout])}, but ${v[Input.Successes]} consecutive successes ('${Input.Successes}') every ${formatDuration(v[Input.Interval])} ('${Input.Interval}')${v[Input.InitialDelay] > 0 ? ` after ${formatDuration(v[Input.InitialDelay])} ('${Input.InitialDelay}')` : ''} need ${formatDuration(needMs)}: verification could never pass`,
    );
  }
  const ref = v[Input.Ref].trim();
  if (mode === 'deploy' && ref === '')
    problems.push(
      `Input '${Input.Ref}' is required for mode deploy: expected the branch, tag or SHA to deploy`,
    );
  const jsonPath = v[Input.JsonPath].trim();
  if (v[Input.JsonValue] !== undefined && jsonPath === '')
    problems.push(
      `Input '${Input.JsonValue}' needs input '${Input.JsonPath}': expected the path whose value is compared`,
    );
  const strategy = v[Input.Strategy];
  const rollbackCommand = given(v[Input.RollbackCommand]);
  const deployWorkflow = v[Input.DeployWorkflow].trim() || undefined;
  const canRollBack = (mode === 'rollback' || v[Input.AutoRollback]) && mode !== 'promote';
  const progressive = v[Input.CanarySteps].length > 0 || given(v[Input.SwitchCommand]) !== undefined;
  if (canRollBack && !progressive && strategy === 'command' && !rollbackCommand) {
    problems.push(
      `Input '${Input.RollbackCommand}' is required with strategy command (or set ${Input.AutoRollback}: false): expected the command that deploys KNOWN_GOOD_REF / KNOWN_GOOD_SHA`,
    );
  }
  if (canRollBack && strategy === 'dispatch' && !deployWorkflow) {
    problems.push(
      `Input '${Input.DeployWorkflow}' is required with strategy dispatch: expected the workflow file name (deploy.yml) or id to re-dispatch`,
    );
  }
  let canarySteps: number[] = [];
  if (v[Input.CanarySteps].length > 0) {
    const weights = parseWeights(v[Input.CanarySteps]);
    if (typeof weights === 'string')
      problems.push(
        `Input '${Input.CanarySteps}' got ${JSON.stringify(v[Input.CanarySteps].join(','))}: ${weights}`,
      );
    else canarySteps = weights;
    if (!given(v[Input.TrafficCommand]))
      problems.push(
        `Input '${Input.TrafficCommand}' is required with '${Input.CanarySteps}': expected a command that sets the canary's share to {weight} percent`,
      );
    if (given(v[Input.SwitchCommand]))
      problems.push(
        `Input '${Input.CanarySteps}' and input '${Input.SwitchCommand}' were both given: expected canary or blue-green, not both`,
      );
  }
  if ((progressive || v[Input.PreviewUrls].length > 0) && mode !== 'deploy') {
    problems.push(
      `Inputs '${Input.CanarySteps}', '${Input.SwitchCommand}' and '${Input.PreviewUrls}' work with mode deploy only`,
    );
  }
  const deployInputs: Record<string, string> = {};
  for (const [name, value] of Object.entries(v[Input.DeployInputs])) {
    if (value !== null && typeof value === 'object')
      problems.push(
        `Input '${Input.DeployInputs}' has a nested value under ${name}: workflow inputs are strings, numbers or booleans`,
      );
    else deployInputs[name] = String(value);
  }
  if (problems.length > 0) throw new ConfigurationError(problems);

  const environment = v[Input.Environment].trim();
  const production = v[Input.ProductionEnvironment];
  const jsonValue = v[Input.JsonValue];
  return {
    mode,
    owner: owner as string,
    repo: repo as string,
    environment,
    ...(ref ? { ref } : {}),
    ...(v[Input.DeploymentId] !== undefined ? { deploymentId: v[Input.DeploymentId] } : {}),
    ...(given(v[Input.DeployCommand]) ? { deployCommand: v[Input.DeployCommand] } : {}),
    health: {
      urls,
      ...(healthCommand ? { command: healthCommand } : {}),
      expectedStatus,
      ...(bodyPattern ? { bodyPattern } : {}),
      ...(jsonPath ? { jsonPath } : {}),
      ...(jsonValue !== undefined ? { jsonValue } : {}),
      ...(v[Input.MaxLatency] !== undefined ? { maxLatencyMs: v[Input.MaxLatency] } : {}),
      intervalMs: v[Input.Interval],
      initialDelayMs: v[Input.InitialDelay],
      successes: v[Input.Successes],
      failureLimit: v[Input.FailureLimit],
      errorLimit: v[Input.ErrorLimit],
      timeoutMs: v[Input.VerifyTimeout],
      probeTimeoutMs: v[Input.ProbeTimeout],
      probeRetries: 2,
    },
    previewUrls: v[Input.PreviewUrls],
    autoRollback: v[Input.AutoRollback],
    strategy,
    ...(rollbackCommand ? { rollbackCommand } : {}),
    ...(deployWorkflow ? { deployWorkflow } : {}),
    deployInputs,
    ...(v[Input.Branch].trim() ? { branch: v[Input.Branch].trim() } : {}),
    canarySteps,
    ...(given(v[Input.TrafficCommand]) ? { trafficCommand: v[Input.TrafficCommand] } : {}),
    ...(given(v[Input.SwitchCommand]) ? { switchCommand: v[Input.SwitchCommand] } : {}),
    deadlineMs: v[Input.RollbackDeadline],
    force: v[Input.Force],
    // GitHub's own default: production when the environment is called production.
    production: production === 'auto' ? /^prod(uction)?$/i.test(environment) : production === 'true',
    transient: v[Input.TransientEnvironment],
    requiredContexts: v[Input.RequiredContexts],
    openIssue: v[Input.OpenIssue],
    ...(environmentUrl ? { environmentUrl } : {}),
    commandTimeoutMs: v[Input.CommandTimeout],
    maxWrites: v[Input.MaxWrites],
    ...(v[Input.GitHubToken] ? { githubToken: v[Input.GitHubToken] } : {}),
  };
}
