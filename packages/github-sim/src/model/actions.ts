import { notFound, SimHttpError } from '../errors';
import {
  type AddedRun,
  type AddRunOptions,
  type AttemptRecord,
  buildJob,
  type Conclusion,
  type DispatchListener,
  deriveConclusion,
  FAILED,
  type JobRecord,
  type JobSpec,
  pastAttempt,
  type RerunListener,
  type RunRecord,
  type WorkflowRecord,
  type WorkflowTriggers,
} from './actions-records';
import { ACTIONS_BOT, findOr404, inRepo, type ModelContext } from './core';
import type { RepoState, Repos } from './repos';

export type {
  AddedRun,
  AddRunOptions,
  AnnotationSpec,
  AttemptRecord,
  Conclusion,
  DispatchListener,
  JobRecord,
  JobSpec,
  PastAttemptSpec,
  RerunListener,
  RunRecord,
  RunStatus,
  StepSpec,
  WorkflowRecord,
  WorkflowTriggers,
} from './actions-records';

const RERUN_WINDOW_MS = 30 * 24 * 3600 * 1000;
const MAX_RERUNS = 50;

/** Workflows, runs with attempts, and jobs with logs and annotations. */
export class Actions {
  readonly workflows: WorkflowRecord[] = [];
  readonly runs: RunRecord[] = [];
  private readonly rerunListeners: RerunListener[] = [];
  private readonly dispatchListeners: DispatchListener[] = [];

  constructor(
    private readonly ctx: ModelContext,
    private readonly repos: Repos,
  ) {}

  addWorkflow(
    repo: RepoState,
    options: { name: string; path?: string; triggers?: WorkflowTriggers },
  ): WorkflowRecord {
    const file = options.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const workflow: WorkflowRecord = {
      id: this.ctx.nextId(),
      repoKey: repo.fullName.toLowerCase(),
      name: options.name,
      path: options.path ?? `.github/workflows/${file}.yml`,
      state: 'active',
      createdAt: this.ctx.timestamp(),
      ...(options.triggers ? { triggers: options.triggers } : {}),
    };
    this.workflows.push(workflow);
    return workflow;
  }

  /** By numeric id or by file name (`ci.yml`), as the API accepts both. */
  findWorkflow(repo: RepoState, idOrFile: string | number): WorkflowRecord | undefined {
    const key = repo.fullName.toLowerCase();
    return this.workflows.find(
      (w) =>
        w.repoKey === key &&
        (String(w.id) === String(idOrFile) || w.path.split('/').pop() === String(idOrFile)),
    );
  }

  workflowsOf(repo: RepoState): WorkflowRecord[] {
    return inRepo(this.workflows, repo);
  }

  addRun(repo: RepoState, options: AddRunOptions = {}): AddedRun {
    const name = options.name ?? 'CI';
    const workflow =
      (options.workflow !== undefined ? this.findWorkflow(repo, options.workflow) : undefined) ??
      this.workflowsOf(repo).find((w) => w.name === name) ??
      this.addWorkflow(repo, {
        name,
        ...(typeof options.workflow === 'string' ? { path: `.github/workflows/${options.workflow}` } : {}),
      });
    const branch = options.branch ?? repo.defaultBranch;
    const created = this.ctx.timestamp(options.createdAt);
    const run: RunRecord = {
      id: options.id ?? this.ctx.nextId(),
      repoKey: repo.fullName.toLowerCase(),
      workflowId: workflow.id,
      name: workflow.name,
      runNumber: this.runs.filter((r) => r.workflowId === workflow.id).length + 1,
      event: options.event ?? 'push',
      headBranch: branch,
      headSha: options.headSha ?? this.repos.resolveRef(repo, branch) ?? '0'.repeat(40),
      ...(options.treeId ? { treeId: options.treeId } : {}),
      displayTitle: options.displayTitle ?? workflow.name,
      actor: options.actor ?? 'octocat',
      createdAt: created,
      attempts: [],
    };
    const started = options.startedAt === undefined ? created : this.ctx.timestamp(options.startedAt);
    const jobs = (options.jobs ?? []).map((spec) => buildJob(this.ctx, run, 1, spec, started));
    const allDone = jobs.every((job) => job.status === 'completed');
    const status = options.status ?? (allDone ? 'completed' : 'in_progress');
    const conclusion =
      status === 'completed'
        ? options.conclusion === undefined
          ? deriveConclusion(jobs)
          : options.conclusion
        : null;
    const updated =
      status === 'completed' && options.completedAt !== undefined
        ? this.ctx.timestamp(options.completedAt)
        : started;
    for (const job of jobs) if (job.completedAt !== null) job.completedAt = updated;
    run.attempts.push({ number: 1, status, conclusion, startedAt: started, updatedAt: updated, jobs });
    for (const spec of options.reruns ?? [])
      run.attempts.push(pastAttempt(this.ctx, run, run.attempts.length + 1, spec));
    this.runs.push(run);
    return { id: run.id, workflowId: workflow.id, jobIds: jobs.map((job) => job.id) };
  }

  getRun(repo: RepoState | null, runId: number): RunRecord {
    return findOr404(repo ? this.runsOf(repo) : this.runs, (r) => r.id === runId);
  }

  runsOf(repo: RepoState): RunRecord[] {
    return inRepo(this.runs, repo);
  }

  latestAttempt(run: RunRecord): AttemptRecord {
    return run.attempts[run.attempts.length - 1] as AttemptRecord;
  }

  attempt(run: RunRecord, number: number): AttemptRecord {
    return findOr404(run.attempts, (a) => a.number === number);
  }

  /** Every job of every attempt, oldest first. */
  allJobs(run: RunRecord): JobRecord[] {
    return run.attempts.flatMap((attempt) => attempt.jobs);
  }

  /** The newest execution of each job name, in the order the jobs first appeared (`filter=latest`). */
  latestJobs(run: RunRecord, upToAttempt = Number.POSITIVE_INFINITY): JobRecord[] {
    const latest = new Map<string, JobRecord>();
    for (const attempt of run.attempts) {
      if (attempt.number > upToAttempt) break;
      for (const job of attempt.jobs) {
        if (latest.has(job.name)) latest.delete(job.name);
        latest.set(job.name, job);
      }
    }
    const order = [...new Set(this.allJobs(run).map((job) => job.name))];
    return order.flatMap((name) => latest.get(name) ?? []);
  }

  findJob(repo: RepoState | null, jobId: number): JobRecord {
    for (const run of repo ? this.runsOf(repo) : this.runs) {
      const job = this.allJobs(run).find((j) => j.id === jobId);
      if (job) return job;
    }
    throw notFound();
  }

  /** POST .../rerun and .../rerun-failed-jobs: a new attempt re-running all or only the failed jobs. */
  rerun(run: RunRecord, options: { failedOnly: boolean; jobName?: string }): void {
    const previous = this.latestAttempt(run);
    if (previous.status !== 'completed') {
      throw new SimHttpError(403, 'This workflow is already running');
    }
    // docs.github.com "Re-running workflows and jobs": up to 30 days after the run, at most 50 re-runs.
    if (this.ctx.clock.now() - Date.parse(run.createdAt) > RERUN_WINDOW_MS) {
      throw new SimHttpError(
        403,
        'Unable to re-run this workflow run because it was created over a month ago',
      );
    }
    if (run.attempts.length > MAX_RERUNS) {
      throw new SimHttpError(403, `This workflow run has already been re-run ${MAX_RERUNS} times`);
    }
    const latest = this.latestJobs(run);
    const toRerun =
      options.jobName !== undefined
        ? latest.filter((job) => job.name === options.jobName)
        : options.failedOnly
          ? latest.filter((job) => FAILED.has(job.conclusion))
          : latest;
    if (toRerun.length === 0 && options.failedOnly) {
      throw new SimHttpError(403, 'This workflow run has no failed jobs to re-run');
    }
    const now = this.ctx.timestamp();
    const number = previous.number + 1;
    const attempt: AttemptRecord = {
      number,
      status: 'queued',
      conclusion: null,
      startedAt: now,
      updatedAt: now,
      jobs: toRerun.map((job) =>
        buildJob(
          this.ctx,
          run,
          number,
          { name: job.name, status: 'queued', labels: job.labels, steps: job.steps },
          now,
        ),
      ),
    };
    this.ctx.defer(() => {
      run.attempts.push(attempt);
      for (const listener of this.rerunListeners) listener(run, attempt);
    });
  }

  /** Completes the newest attempt: unfinished jobs get their given outcome (default `conclusion`, else success). */
  finishAttempt(
    run: RunRecord,
    options: { conclusion?: Conclusion; jobs?: Record<string, Partial<Omit<JobSpec, 'name'>>> } = {},
  ): void {
    const attempt = this.latestAttempt(run);
    const now = this.ctx.timestamp();
    for (const job of attempt.jobs) {
      if (job.status === 'completed') continue;
      const spec = options.jobs?.[job.name] ?? {};
      const done = buildJob(
        this.ctx,
        run,
        attempt.number,
        {
          name: job.name,
          conclusion: spec.conclusion ?? options.conclusion ?? 'success',
          ...(spec.log !== undefined ? { log: spec.log } : {}),
          ...(spec.annotations !== undefined ? { annotations: spec.annotations } : {}),
          ...(spec.steps !== undefined ? { steps: spec.steps } : {}),
        },
        now,
      );
      Object.assign(job, { ...done, id: job.id, createdAt: job.createdAt, startedAt: job.startedAt });
    }
    attempt.status = 'completed';
    attempt.conclusion = options.conclusion ?? deriveConclusion(this.latestJobs(run, attempt.number));
    attempt.updatedAt = now;
  }

  /** Accepted now, done after the effect delay. */
  cancel(run: RunRecord): void {
    const attempt = this.latestAttempt(run);
    if (attempt.status === 'completed') {
      throw new SimHttpError(409, 'Cannot cancel a workflow run that is completed.');
    }
    this.ctx.defer(() => this.markCancelled(attempt));
  }

  private markCancelled(attempt: AttemptRecord): void {
    if (attempt.status === 'completed') return;
    const now = this.ctx.timestamp();
    for (const job of attempt.jobs) {
      if (job.status === 'completed') continue;
      Object.assign(job, { status: 'completed', conclusion: 'cancelled', completedAt: now });
    }
    Object.assign(attempt, { status: 'completed', conclusion: 'cancelled', updatedAt: now });
  }

  /** Accepts a dispatch and returns the id its run will have; the run appears after the effect delay. */
  dispatch(repo: RepoState, workflow: WorkflowRecord, ref: string, inputs: Record<string, unknown>): number {
    const headSha = this.repos.requireRef(repo, ref);
    const branch = ref.replace(/^refs\/heads\//, '');
    const id = this.ctx.nextId();
    this.ctx.defer(() => {
      this.addRun(repo, {
        id,
        workflow: workflow.id,
        name: workflow.name,
        event: 'workflow_dispatch',
        branch,
        headSha,
        status: 'queued',
        actor: ACTIONS_BOT,
      });
      const run = this.getRun(repo, id);
      run.inputs = inputs;
      for (const listener of this.dispatchListeners) listener(run);
    });
    return id;
  }

  onRerun(listener: RerunListener): void {
    this.rerunListeners.push(listener);
  }

  onDispatch(listener: DispatchListener): void {
    this.dispatchListeners.push(listener);
  }
}
