/** The failure-analysis action's inputs: one schema, the target run, then the checks across inputs. */
import {
  ConfigurationError,
  defineInputs,
  envInputSource,
  type InputSource,
  readInputsCollecting,
} from '@qeml/action-kit';
import type { AnalysisTarget } from './failure-analysis';
import { DEFAULT_LADDER, RUNGS, type Rung } from './ladder';

export const Input = {
  RunId: 'run-id',
  Repository: 'repository',
  GitHubToken: 'github-token',
  LogFiles: 'log-files',
  PatternsFile: 'patterns-file',
  Heal: 'heal',
  MaxAttempts: 'max-attempts',
  RerunDelay: 'rerun-delay',
  Ladder: 'ladder',
  Escalate: 'escalate',
  IssueLabels: 'issue-labels',
  CloseOnRecovery: 'close-on-recovery',
  FallbackWorkflow: 'fallback-workflow',
  FallbackInputs: 'fallback-inputs',
  ReportPath: 'report-path',
} as const;

export const failureAnalysisSchema = defineInputs({
  [Input.RunId]: { kind: 'integer', min: 1 },
  [Input.Repository]: { kind: 'string', default: '' },
  [Input.GitHubToken]: { kind: 'string', secret: true, default: '' },
  [Input.LogFiles]: { kind: 'globs', default: [] },
  [Input.PatternsFile]: { kind: 'string', default: '' },
  [Input.Heal]: { kind: 'boolean', default: false },
  [Input.MaxAttempts]: { kind: 'integer', default: 3, min: 1, max: 50 },
  [Input.RerunDelay]: { kind: 'duration', default: '30s', max: 15 * 60_000 },
  [Input.Ladder]: { kind: 'list', default: DEFAULT_LADDER },
  [Input.Escalate]: { kind: 'enum', values: ['issue', 'none'] as const, default: 'none' },
  [Input.IssueLabels]: { kind: 'list', default: [] },
  [Input.CloseOnRecovery]: { kind: 'boolean', default: false },
  [Input.FallbackWorkflow]: { kind: 'string', default: '' },
  [Input.FallbackInputs]: { kind: 'object', default: {} },
  [Input.ReportPath]: { kind: 'string', default: '' },
});

/** What the step knows about where it runs (from GITHUB_* and the event payload). */
export interface RunContext {
  repository?: string;
  runId?: string;
  eventName?: string;
  /** The parsed GITHUB_EVENT_PATH payload. */
  event?: unknown;
}

export interface ActionConfig {
  target: AnalysisTarget;
  githubToken: string;
  patternsFile?: string;
  heal: boolean;
  maxAttempts: number;
  rerunDelayMs: number;
  ladder: Rung[];
  escalate: 'issue' | 'none';
  issueLabels: string[];
  closeOnRecovery: boolean;
  fallbackWorkflow?: string;
  fallbackInputs: Record<string, string>;
  reportPath?: string;
}

/** Reads and checks every input; all problems come back together in one ConfigurationError. */
export async function readFailureAnalysisConfig(
  context: RunContext,
  source: InputSource = envInputSource(),
): Promise<ActionConfig> {
  const { values, problems } = await readInputsCollecting(failureAnalysisSchema, source);
  if (!values) throw new ConfigurationError(problems);

  const ladder = values[Input.Ladder];
  const unknownRungs = ladder.filter((rung) => !RUNGS.includes(rung as Rung));
  if (unknownRungs.length > 0 || ladder.length === 0) {
    problems.push(
      `Input '${Input.Ladder}' got ${JSON.stringify(ladder.join(', '))}: expected rungs from ${RUNGS.join(', ')}, one per attempt in order (e.g. rerun, rerun-clean-cache, fallback)`,
    );
  }
  const files = values[Input.LogFiles];
  if (files.length > 0) {
    for (const name of [Input.Heal, Input.CloseOnRecovery] as const) {
      if (values[name])
        problems.push(`Input '${name}' needs a run: it cannot be used with '${Input.LogFiles}'`);
    }
    if (values[Input.Escalate] === 'issue')
      problems.push(
        `Input '${Input.Escalate}: issue' needs a run: it cannot be used with '${Input.LogFiles}'`,
      );
    if (values[Input.RunId] !== undefined)
      problems.push(
        `Input '${Input.RunId}' and input '${Input.LogFiles}' were both given: expected one of them`,
      );
  }
  const inputs = values[Input.FallbackInputs];
  const nested = Object.entries(inputs).filter(([, v]) => v !== null && typeof v === 'object');
  if (nested.length > 0)
    problems.push(
      `Input '${Input.FallbackInputs}' has a non-scalar value for ${nested.map(([k]) => `'${k}'`).join(', ')}: expected a YAML map of the fallback workflow's input names to plain values`,
    );
  const target =
    files.length > 0 ? ({ kind: 'files', globs: files } as const) : runTarget(values, context, problems);
  if (target && target.kind === 'run' && values[Input.GitHubToken] === '')
    problems.push(
      `Input '${Input.GitHubToken}' is empty: expected a token that can read the run's actions (default \${{ github.token }})`,
    );
  if (problems.length > 0 || !target) throw new ConfigurationError(problems);

  const text = (name: string) => (values[name as keyof typeof values] as string).trim() || undefined;
  return {
    target,
    githubToken: values[Input.GitHubToken],
    patternsFile: text(Input.PatternsFile),
    heal: values[Input.Heal],
    maxAttempts: values[Input.MaxAttempts],
    rerunDelayMs: values[Input.RerunDelay],
    ladder: ladder as Rung[],
    escalate: values[Input.Escalate],
    issueLabels: [...values[Input.IssueLabels]],
    closeOnRecovery: values[Input.CloseOnRecovery],
    fallbackWorkflow: text(Input.FallbackWorkflow),
    fallbackInputs: Object.fromEntries(
      Object.entries(inputs).map(([k, v]) => [k, v === null ? '' : String(v)]),
    ),
    reportPath: text(Input.ReportPath),
  };
}

interface WorkflowRunPayload {
  workflow_run?: { id?: number; run_attempt?: number; repository?: { full_name?: string } };
  repository?: { full_name?: string };
}

/** `run-id`, else the `workflow_run` event's run (the one that triggered this workflow), else this run. */
function runTarget(
  values: { [Input.RunId]: number | undefined; [Input.Repository]: string },
  context: RunContext,
  problems: string[],
): AnalysisTarget | undefined {
  const payload = (context.event ?? {}) as WorkflowRunPayload;
  const triggering = context.eventName === 'workflow_run' ? payload.workflow_run : undefined;
  const repository =
    values[Input.Repository].trim() || triggering?.repository?.full_name || context.repository || '';
  const [owner, repo, extra] = repository.split('/');
  if (!owner || !repo || extra !== undefined) {
    problems.push(
      `Input '${Input.Repository}' got ${JSON.stringify(repository)}: expected owner/name (default: the workflow's repository)`,
    );
    return undefined;
  }
  const runId = values[Input.RunId];
  if (runId !== undefined) return { kind: 'run', owner, repo, runId, self: false };
  if (context.eventName === 'workflow_run' && !(Number.isSafeInteger(triggering?.id) && triggering?.id)) {
    // Never this run instead: it is still in progress and would read as "no job failed".
    problems.push(
      `The workflow_run event names no run (GITHUB_EVENT_PATH missing, unreadable or without workflow_run.id) and input '${Input.RunId}' is empty: expected the id of the run to analyse`,
    );
    return undefined;
  }
  if (triggering?.id) {
    return {
      kind: 'run',
      owner,
      repo,
      runId: triggering.id,
      ...(triggering.run_attempt ? { attempt: triggering.run_attempt } : {}),
      self: false,
    };
  }
  const current = Number(context.runId);
  if (!Number.isSafeInteger(current) || current < 1) {
    problems.push(
      `Input '${Input.RunId}' is empty and there is no workflow_run event or GITHUB_RUN_ID: expected the id of the run to analyse`,
    );
    return undefined;
  }
  return { kind: 'run', owner, repo, runId: current, self: true };
}
