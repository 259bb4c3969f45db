/** The records behind workflows, runs, attempts and jobs, and how a job record is built from its spec. */
import type { ModelContext } from './core';

export type RunStatus = 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
export type Conclusion =
  | 'success'
  | 'failure'
  | 'cancelled'
  | 'skipped'
  | 'timed_out'
  | 'neutral'
  | 'action_required'
  | 'stale'
  | 'startup_failure';

export interface StepSpec {
  name: string;
  status?: RunStatus;
  conclusion?: Conclusion | null;
}

export interface AnnotationSpec {
  path: string;
  start_line: number;
  end_line?: number;
  annotation_level?: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface JobSpec {
  name: string;
  status?: RunStatus;
  conclusion?: Conclusion | null;
  log?: string;
  steps?: StepSpec[];
  /** Omitted on a failed job: GitHub's own "Process completed with exit code 1." annotation. */
  annotations?: AnnotationSpec[];
  labels?: string[];
}

export interface JobRecord {
  id: number;
  runId: number;
  attempt: number;
  name: string;
  status: RunStatus;
  conclusion: Conclusion | null;
  log: string;
  steps: StepSpec[] | undefined;
  annotations: AnnotationSpec[];
  labels: string[];
  createdAt: string;
  startedAt: string;
  completedAt: string | null;
}

export interface AttemptRecord {
  number: number;
  status: RunStatus;
  conclusion: Conclusion | null;
  startedAt: string;
  updatedAt: string;
  /** Jobs executed in this attempt (a failed-jobs re-run only re-executes the failed ones). */
  jobs: JobRecord[];
}

export interface DispatchInputSpec {
  required?: boolean;
  default?: string;
}

/**
 * The workflow file's `on:` as far as the API checks it. Absent: the sim accepts any dispatch.
 * Present: a dispatch needs `workflow_dispatch`, and its inputs are checked against `inputs`.
 */
export interface WorkflowTriggers {
  events: string[];
  dispatchInputs?: Record<string, DispatchInputSpec>;
}

export interface WorkflowRecord {
  id: number;
  repoKey: string;
  name: string;
  path: string;
  state: 'active' | 'disabled_manually';
  createdAt: string;
  triggers?: WorkflowTriggers;
}

export interface RunRecord {
  id: number;
  repoKey: string;
  workflowId: number;
  name: string;
  runNumber: number;
  event: string;
  headBranch: string;
  headSha: string;
  /** The head commit's tree (default: the head SHA; skip-duplicate logic compares trees). */
  treeId?: string;
  displayTitle: string;
  actor: string;
  createdAt: string;
  attempts: AttemptRecord[];
  inputs?: Record<string, unknown>;
}

export interface AddRunOptions {
  /** A run id reserved beforehand (dispatch with return_run_details). */
  id?: number;
  name?: string;
  /** Workflow id or file name (`ci.yml`); created from `name` when absent. */
  workflow?: number | string;
  event?: string;
  branch?: string;
  headSha?: string;
  /** The head commit's tree id as `head_commit.tree_id` shows it (default: the head SHA). */
  treeId?: string;
  status?: RunStatus;
  conclusion?: Conclusion | null;
  displayTitle?: string;
  actor?: string;
  /** Creation time (ms since epoch); default: the sim clock. */
  createdAt?: number;
  /** When attempt 1 started (`run_started_at`; default: created) and, when completed, ended (`updated_at`). */
  startedAt?: number;
  completedAt?: number;
  jobs?: JobSpec[];
  /** Attempts 2, 3, ... already done (a run's re-run history, for reports over past runs), oldest first. */
  reruns?: PastAttemptSpec[];
}

/** A completed re-run attempt with its own times (ms since epoch); its conclusion defaults to its jobs'. */
export interface PastAttemptSpec {
  startedAt: number;
  completedAt: number;
  conclusion?: Conclusion;
  jobs?: JobSpec[];
}

export interface AddedRun {
  id: number;
  workflowId: number;
  jobIds: number[];
}

export type RerunListener = (run: RunRecord, attempt: AttemptRecord) => void;
export type DispatchListener = (run: RunRecord) => void;

export const FAILED: ReadonlySet<Conclusion | null> = new Set(['failure', 'cancelled', 'timed_out']);

export function deriveConclusion(jobs: JobRecord[]): Conclusion {
  if (jobs.some((job) => job.conclusion === 'failure' || job.conclusion === 'timed_out')) return 'failure';
  if (jobs.some((job) => job.conclusion === 'cancelled')) return 'cancelled';
  return 'success';
}

/** A job record from its spec; a failed job without annotations gets GitHub's exit-code annotation. */
export function buildJob(
  ctx: ModelContext,
  run: RunRecord,
  attempt: number,
  spec: JobSpec,
  at: string,
): JobRecord {
  const status = spec.status ?? 'completed';
  const conclusion =
    status === 'completed' ? (spec.conclusion === undefined ? 'success' : spec.conclusion) : null;
  const annotations =
    spec.annotations ??
    (conclusion === 'failure'
      ? [
          {
            path: '.github',
            start_line: 1,
            annotation_level: 'failure' as const,
            message: 'Process completed with exit code 1.',
          },
        ]
      : []);
  return {
    id: ctx.nextId(),
    runId: run.id,
    attempt,
    name: spec.name,
    status,
    conclusion,
    log:
      spec.log ?? `${at} ##[group]Run ${spec.name}\n${at} ##[endgroup]\n${at} Job ${conclusion ?? status}\n`,
    steps: spec.steps,
    annotations,
    labels: spec.labels ?? ['ubuntu-latest'],
    createdAt: at,
    startedAt: at,
    completedAt: status === 'completed' ? at : null,
  };
}

/** A completed attempt with explicit times: its jobs start when it starts and complete when it ends. */
export function pastAttempt(
  ctx: ModelContext,
  run: RunRecord,
  number: number,
  spec: PastAttemptSpec,
): AttemptRecord {
  const startedAt = ctx.timestamp(spec.startedAt);
  const updatedAt = ctx.timestamp(spec.completedAt);
  const jobs = (spec.jobs ?? []).map((job) => ({
    ...buildJob(ctx, run, number, { ...job, status: 'completed' }, startedAt),
    completedAt: updatedAt,
  }));
  const conclusion = spec.conclusion ?? deriveConclusion(jobs);
  return { number, status: 'completed', conclusion, startedAt, updatedAt, jobs };
}
