import { notFound, SimHttpError, validationFailed } from '../errors';
import type { RepoState, RunRecord, WorkflowRecord } from '../model';
import { checkSuiteId, renderCheckRun } from '../model/checks-render';
import type { RouteContext, Router } from '../router';
import { bodyObject, intParam, repoOf } from './common';

const STATUSES = new Set(['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending']);

function workflowOf(ctx: RouteContext, repo: RepoState) {
  const workflow = ctx.model.actions.findWorkflow(repo, ctx.params.workflow_id ?? '');
  if (!workflow) throw notFound();
  return workflow;
}

function renderRun(ctx: RouteContext, repo: RepoState, run: RunRecord, attemptNumber?: number) {
  const { actions, actionsView } = ctx.model;
  const attempt =
    attemptNumber === undefined ? actions.latestAttempt(run) : actions.attempt(run, attemptNumber);
  const workflow = actions.workflows.find((w) => w.id === run.workflowId);
  return actionsView.run(repo, run, attempt, workflow?.path ?? '');
}

/**
 * The `created` filter in GitHub's date syntax (docs "Understanding the search syntax":
 * `>=2024-01-01`, `<2024-02-01`, `2024-01-01..2024-01-31`, or a day) as an inclusive ISO range.
 */
function createdRange(value: string): [string, string] {
  const day = (date: string, end: boolean) =>
    date.length === 10 ? `${date}T${end ? '23:59:59' : '00:00:00'}Z` : date;
  const range = /^(.+)\.\.(.+)$/.exec(value);
  if (range)
    return [
      range[1] === '*' ? '' : day(range[1] ?? '', false),
      range[2] === '*' ? '~' : day(range[2] ?? '', true),
    ];
  const compare = /^(>=|<=|>|<)(.+)$/.exec(value);
  if (compare) {
    const [, op, date = ''] = compare;
    if (op === '>=') return [day(date, false), '~'];
    if (op === '>') return [`${day(date, true)}\u0000`, '~'];
    if (op === '<=') return ['', day(date, true)];
    return ['', `${day(date, false).slice(0, -1)}`];
  }
  return [day(value, false), day(value, true)];
}

/** Runs newest first, filtered the way the API filters (`status` accepts a status or a conclusion). */
function listRuns(ctx: RouteContext, repo: RepoState, runs: RunRecord[]) {
  const { status, branch, event, head_sha: headSha, actor, check_suite_id: suiteId } = ctx.query;
  const created = ctx.query.created ? createdRange(ctx.query.created) : undefined;
  const selected = runs
    .filter((run) => {
      const attempt = ctx.model.actions.latestAttempt(run);
      if (status && (STATUSES.has(status) ? attempt.status !== status : attempt.conclusion !== status))
        return false;
      if (branch && run.headBranch !== branch) return false;
      if (event && run.event !== event) return false;
      if (headSha && run.headSha !== headSha) return false;
      if (suiteId && checkSuiteId(run) !== Number(suiteId)) return false;
      if (created && !(run.createdAt >= created[0] && run.createdAt <= created[1])) return false;
      return !actor || run.actor === actor;
    })
    .reverse();
  const rendered = selected.map((run) => renderRun(ctx, repo, run));
  // exclude_pull_requests=true empties each run's pull_requests.
  const shown =
    ctx.query.exclude_pull_requests === 'true'
      ? rendered.map((run) => ({ ...run, pull_requests: [] }))
      : rendered;
  // REST docs: a list filtered by actor, branch, check_suite_id, created, event, head_sha or status
  // returns at most 1,000 runs (total_count still counts them all).
  const filtered = FILTERS.some((name) => ctx.query[name] !== undefined);
  const response = ctx.paginate(filtered ? shown.slice(0, MAX_FILTERED_RUNS) : shown, 'workflow_runs');
  return { ...response, body: { ...(response.body as object), total_count: shown.length } };
}

const FILTERS = ['actor', 'branch', 'check_suite_id', 'created', 'event', 'head_sha', 'status'] as const;
const MAX_FILTERED_RUNS = 1000;

/**
 * What GitHub checks before accepting a dispatch (REST docs "Create a workflow dispatch event";
 * docs "Workflow syntax: on.workflow_dispatch.inputs"): at most 25 inputs, a workflow_dispatch
 * trigger, no unknown inputs, every required input without a default given.
 */
function checkDispatch(workflow: WorkflowRecord, inputs: Record<string, unknown>): void {
  const names = Object.keys(inputs);
  if (names.length > 25)
    throw new SimHttpError(422, `you may only define up to 25 \`inputs\` for a \`workflow_dispatch\` event`);
  const triggers = workflow.triggers;
  if (!triggers) return;
  if (!triggers.events.includes('workflow_dispatch')) {
    throw new SimHttpError(422, "Workflow does not have 'workflow_dispatch' trigger");
  }
  const declared = triggers.dispatchInputs ?? {};
  const unexpected = names.filter((name) => !(name in declared));
  if (unexpected.length > 0)
    throw new SimHttpError(422, `Unexpected inputs provided: ${JSON.stringify(unexpected)}`);
  const missing = Object.entries(declared)
    .filter(([name, spec]) => spec.required && spec.default === undefined && inputs[name] === undefined)
    .map(([name]) => name);
  if (missing.length > 0) throw new SimHttpError(422, `Required input '${missing[0]}' not provided`);
}

/** Workflows, runs, attempts, re-runs, dispatches, jobs, job logs and check-run annotations. */
export function registerActionsRoutes(router: Router): void {
  router.add('GET', '/repos/{owner}/{repo}/actions/workflows', (ctx) => {
    const repo = repoOf(ctx);
    const workflows = ctx.model.actions.workflowsOf(repo).map((w) => ctx.model.actionsView.workflow(repo, w));
    return ctx.paginate(workflows, 'workflows');
  });

  router.add('GET', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}', (ctx) => {
    const repo = repoOf(ctx);
    return { body: ctx.model.actionsView.workflow(repo, workflowOf(ctx, repo)) };
  });

  router.add('GET', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', (ctx) => {
    const repo = repoOf(ctx);
    const workflow = workflowOf(ctx, repo);
    return listRuns(
      ctx,
      repo,
      ctx.model.actions.runsOf(repo).filter((run) => run.workflowId === workflow.id),
    );
  });

  router.add('POST', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', (ctx) => {
    const repo = repoOf(ctx);
    const workflow = workflowOf(ctx, repo);
    const body = bodyObject(ctx);
    if (typeof body.ref !== 'string' || body.ref === '') throw validationFailed('Workflow', 'ref');
    const inputs = body.inputs ?? {};
    if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs))
      throw validationFailed('Workflow', 'inputs', 'invalid');
    checkDispatch(workflow, inputs as Record<string, unknown>);
    const runId = ctx.model.actions.dispatch(repo, workflow, body.ref, inputs as Record<string, unknown>);
    if (body.return_run_details !== true) return { status: 204 };
    // REST docs "Create a workflow dispatch event": 200 with the run's id and URLs when asked.
    return {
      status: 200,
      body: {
        workflow_run_id: runId,
        run_url: `${ctx.model.ctx.apiUrl}/repos/${repo.fullName}/actions/runs/${runId}`,
        html_url: `${ctx.model.ctx.webUrl}/${repo.fullName}/actions/runs/${runId}`,
      },
    };
  });

  router.add('GET', '/repos/{owner}/{repo}/actions/runs', (ctx) => {
    const repo = repoOf(ctx);
    return listRuns(ctx, repo, ctx.model.actions.runsOf(repo));
  });

  router.add('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}', (ctx) => {
    const repo = repoOf(ctx);
    return { body: renderRun(ctx, repo, ctx.model.actions.getRun(repo, intParam(ctx, 'run_id'))) };
  });

  router.add('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}', (ctx) => {
    const repo = repoOf(ctx);
    const run = ctx.model.actions.getRun(repo, intParam(ctx, 'run_id'));
    return { body: renderRun(ctx, repo, run, intParam(ctx, 'attempt_number')) };
  });

  for (const [suffix, failedOnly] of [
    ['rerun', false],
    ['rerun-failed-jobs', true],
  ] as const) {
    router.add('POST', `/repos/{owner}/{repo}/actions/runs/{run_id}/${suffix}`, (ctx) => {
      const repo = repoOf(ctx);
      ctx.model.actions.rerun(ctx.model.actions.getRun(repo, intParam(ctx, 'run_id')), { failedOnly });
      return { status: 201, body: {} };
    });
  }

  // force-cancel also stops steps that run under always(); the sim has no steps running, so both cancel.
  for (const suffix of ['cancel', 'force-cancel']) {
    router.add('POST', `/repos/{owner}/{repo}/actions/runs/{run_id}/${suffix}`, (ctx) => {
      const repo = repoOf(ctx);
      ctx.model.actions.cancel(ctx.model.actions.getRun(repo, intParam(ctx, 'run_id')));
      return { status: 202, body: {} };
    });
  }

  router.add('POST', '/repos/{owner}/{repo}/actions/jobs/{job_id}/rerun', (ctx) => {
    const repo = repoOf(ctx);
    const job = ctx.model.actions.findJob(repo, intParam(ctx, 'job_id'));
    const run = ctx.model.actions.getRun(repo, job.runId);
    ctx.model.actions.rerun(run, { failedOnly: false, jobName: job.name });
    return { status: 201, body: {} };
  });

  router.add('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs', (ctx) => {
    const repo = repoOf(ctx);
    const run = ctx.model.actions.getRun(repo, intParam(ctx, 'run_id'));
    const filter = ctx.query.filter ?? 'latest';
    if (filter !== 'latest' && filter !== 'all') throw validationFailed('Job', 'filter', 'invalid');
    const jobs = filter === 'all' ? ctx.model.actions.allJobs(run) : ctx.model.actions.latestJobs(run);
    return ctx.paginate(
      jobs.map((job) => ctx.model.actionsView.job(repo, run, job)),
      'jobs',
    );
  });

  router.add('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs', (ctx) => {
    const repo = repoOf(ctx);
    const run = ctx.model.actions.getRun(repo, intParam(ctx, 'run_id'));
    const attempt = ctx.model.actions.attempt(run, intParam(ctx, 'attempt_number'));
    return ctx.paginate(
      attempt.jobs.map((job) => ctx.model.actionsView.job(repo, run, job)),
      'jobs',
    );
  });

  router.add('GET', '/repos/{owner}/{repo}/actions/jobs/{job_id}', (ctx) => {
    const repo = repoOf(ctx);
    const job = ctx.model.actions.findJob(repo, intParam(ctx, 'job_id'));
    return { body: ctx.model.actionsView.job(repo, ctx.model.actions.getRun(repo, job.runId), job) };
  });

  // GitHub answers with a redirect to short-lived storage; the log itself is never served by the API host.
  router.add('GET', '/repos/{owner}/{repo}/actions/jobs/{job_id}/logs', (ctx) => {
    const repo = repoOf(ctx);
    const job = ctx.model.actions.findJob(repo, intParam(ctx, 'job_id'));
    if (job.status !== 'completed') throw notFound();
    const location = ctx.signBlob(job.log, 'text/plain; charset=utf-8', `job-${job.id}.log`);
    return { status: 302, headers: { location } };
  });

  // REST docs "Download workflow run (attempt) logs": 302 to a short-lived zip, one file per job.
  const runLogs = (ctx: RouteContext, attemptNumber?: number) => {
    const repo = repoOf(ctx);
    const run = ctx.model.actions.getRun(repo, intParam(ctx, 'run_id'));
    const attempt =
      attemptNumber === undefined
        ? ctx.model.actions.latestAttempt(run)
        : ctx.model.actions.attempt(run, attemptNumber);
    if (attempt.status !== 'completed') throw notFound();
    const jobs = ctx.model.actions.latestJobs(run, attempt.number);
    const { zipSync, strToU8 } = ctx.model.ctx.libraries;
    const files = Object.fromEntries(
      jobs.map((job, index) => [`${index}_${job.name}.txt`, strToU8(job.log)]),
    );
    const zip = Buffer.from(zipSync(files));
    const location = ctx.signBlob(zip, 'application/zip', `logs_${run.id}.zip`);
    return { status: 302, headers: { location } };
  };
  router.add('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}/logs', (ctx) => runLogs(ctx));
  router.add('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/logs', (ctx) =>
    runLogs(ctx, intParam(ctx, 'attempt_number')),
  );

  router.add('GET', '/repos/{owner}/{repo}/check-runs/{check_run_id}', (ctx) => {
    const repo = repoOf(ctx);
    const job = ctx.model.actions.findJob(repo, intParam(ctx, 'check_run_id'));
    const run = ctx.model.actions.getRun(repo, job.runId);
    return { body: renderCheckRun(ctx.model.ctx, repo, run, job) };
  });

  // REST docs "List check runs for a Git reference": filter=latest (default) or all, check_name, status.
  router.add('GET', '/repos/{owner}/{repo}/commits/{ref}/check-runs', (ctx) => {
    const repo = repoOf(ctx);
    const sha = ctx.model.repos.requireRef(repo, ctx.params.ref ?? '');
    const { check_name: name, status, filter = 'latest' } = ctx.query;
    const checkRuns = ctx.model.actions
      .runsOf(repo)
      .filter((run) => run.headSha === sha)
      .flatMap((run) =>
        (filter === 'all' ? ctx.model.actions.allJobs(run) : ctx.model.actions.latestJobs(run)).map((job) =>
          renderCheckRun(ctx.model.ctx, repo, run, job),
        ),
      )
      .filter((check) => (!name || check.name === name) && (!status || check.status === status))
      .reverse();
    const page = ctx.paginate(checkRuns, 'check_runs');
    return page;
  });

  router.add('GET', '/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations', (ctx) => {
    const repo = repoOf(ctx);
    const job = ctx.model.actions.findJob(repo, intParam(ctx, 'check_run_id'));
    const run = ctx.model.actions.getRun(repo, job.runId);
    return ctx.paginate(job.annotations.map((a) => ctx.model.actionsView.annotation(repo, run, a)));
  });
}
