/** The rollback action's configuration, dependencies and result model (shared by the action and the CLI). */
import type { Clock, GitHubClient, Logger, UserPattern } from '@qeml/action-kit';

export const MODES = ['deploy', 'verify', 'rollback', 'promote'] as const;
export type Mode = (typeof MODES)[number];
export const STRATEGIES = ['command', 'dispatch', 'revert'] as const;
export type Strategy = (typeof STRATEGIES)[number];
export type Verdict = 'pass' | 'fail' | 'inconclusive';

/** An inclusive HTTP status range: `200-299` or `204`. */
export interface StatusRange {
  from: number;
  to: number;
}

/** How a deployment is judged healthy. */
export interface HealthSpec {
  urls: string[];
  /** A shell command instead of (or besides) URLs: exit 0 = healthy. */
  command?: string;
  expectedStatus: StatusRange[];
  bodyPattern?: UserPattern;
  jsonPath?: string;
  jsonValue?: string;
  maxLatencyMs?: number;
  intervalMs: number;
  initialDelayMs: number;
  /** Consecutive healthy checks needed to pass. */
  successes: number;
  /** Unhealthy checks (wrong status, body or latency) that fail the verification. */
  failureLimit: number;
  /** Checks that got no answer (timeout, refused, DNS) that fail the verification. */
  errorLimit: number;
  /** No decision within this time: inconclusive. */
  timeoutMs: number;
  /** Time limit of one probe. */
  probeTimeoutMs: number;
  /** Retries of a probe that got no answer, before the check counts as an error. */
  probeRetries: number;
}

export interface RollbackConfig {
  mode: Mode;
  owner: string;
  repo: string;
  environment: string;
  /** deploy/promote: what to deploy; verify/rollback: ignored. */
  ref?: string;
  deploymentId?: number;
  deployCommand?: string;
  health: HealthSpec;
  /** Blue-green: the idle colour's URLs, checked before the switch. */
  previewUrls: string[];
  autoRollback: boolean;
  strategy: Strategy;
  rollbackCommand?: string;
  deployWorkflow?: string;
  /** Inputs of the dispatched workflow; `{ref}`, `{sha}`, `{deployment-id}` are replaced. */
  deployInputs: Record<string, string>;
  /** The branch the deploy workflow is dispatched on (a SHA cannot be a dispatch ref) and a revert PR targets; default: the default branch. */
  branch?: string;
  canarySteps: number[];
  trafficCommand?: string;
  switchCommand?: string;
  deadlineMs: number;
  force: boolean;
  production: boolean;
  transient: boolean;
  requiredContexts: string[];
  openIssue: boolean;
  environmentUrl?: string;
  /** Time limit of each user command. */
  commandTimeoutMs: number;
  /** Most API writes one run may make. */
  maxWrites: number;
}

/** One HTTP answer, as a probe saw it. */
export interface ProbeResponse {
  status: number;
  body: string;
  latencyMs: number;
}

/** A probe that got no answer: these are errors, counted apart from failures. */
export class ProbeError extends Error {
  constructor(
    readonly kind: 'timeout' | 'refused' | 'dns' | 'reset' | 'other',
    message: string,
  ) {
    super(message);
    this.name = 'ProbeError';
  }
}

/** Sends one GET; throws ProbeError when no answer came. */
export type HttpProbe = (
  url: string,
  options: { timeoutMs: number; signal?: AbortSignal },
) => Promise<ProbeResponse>;

export interface CommandRequest {
  /** For logs: "rollback-command", "traffic-command" ... */
  label: string;
  script: string;
  env: Record<string, string>;
  timeoutMs: number;
}

export interface CommandOutcome {
  ok: boolean;
  /** Timed out (a health command's timeout is an error, not a failure). */
  timedOut: boolean;
  exitCode: number | null;
  /** Why it failed, for people; empty on success. */
  reason: string;
}

export type CommandRunner = (request: CommandRequest) => Promise<CommandOutcome>;

export interface RollbackDeps {
  clock: Clock;
  logger: Logger;
  github: GitHubClient;
  probe: HttpProbe;
  commands: CommandRunner;
  /** This run's page (log_url of the statuses we write). */
  runUrl?: string;
  signal?: AbortSignal;
}

export type CheckOutcome = 'success' | 'failure' | 'error' | 'inconclusive';

export interface CheckRecord {
  number: number;
  at: number;
  outcome: CheckOutcome;
  /** One line per target ("https://x/health: 503 (expected 200-299)"). */
  details: string[];
}

export interface HealthResult {
  verdict: Verdict;
  reason: string;
  checks: CheckRecord[];
  successes: number;
  failures: number;
  errors: number;
  /** When the first unhealthy check happened (the deadline starts there). */
  firstFailureAt?: number;
  /** When the verdict was reached. */
  decidedAt: number;
}

export interface DeploymentRef {
  id: number;
  ref: string;
  sha: string;
}

export interface TimelineEvent {
  at: number;
  text: string;
}

export interface DeadlineReport {
  limitMs: number;
  startedAt: number;
  /** Undefined while no verified rollback ended it. */
  elapsedMs?: number;
  met: boolean;
}

export type Outcome = 'success' | 'failure' | 'refused' | 'error';

export interface RollbackResult {
  mode: Mode;
  environment: string;
  outcome: Outcome;
  verdict: Verdict;
  /** One line for people: what happened and what to do. */
  message: string;
  deployment?: DeploymentRef;
  rolledBack: boolean;
  knownGood?: DeploymentRef;
  rollbackDeployment?: DeploymentRef;
  health?: HealthResult;
  rollbackHealth?: HealthResult;
  deadline?: DeadlineReport;
  canary?: { steps: { weight: number; verdict: Verdict }[]; abortedAtStep?: number };
  blueGreen?: { preview?: Verdict; switched: boolean; switchedBack: boolean };
  revertPullRequest?: { number: number; url: string };
  dispatched?: { workflow: string; ref: string; inputs: Record<string, string> };
  issue?: { number: number; url: string };
  timeline: TimelineEvent[];
  apiWrites: number;
  startedAt: number;
  durationMs: number;
}
