import type { components } from '@octokit/openapi-types';
import type { JobRecord, RunRecord } from './actions';
import type { ModelContext } from './core';
import type { RepoState } from './repos';

export type CheckRun = components['schemas']['check-run'];

/** Each run has one check suite; its id is derived from the run's. */
export function checkSuiteId(run: RunRecord): number {
  return run.id + 1;
}

/** Every Actions job is a check run of the GitHub Actions app; its suite is the run's. */
export function renderCheckRun(ctx: ModelContext, repo: RepoState, run: RunRecord, job: JobRecord): CheckRun {
  const api = `${ctx.apiUrl}/repos/${repo.fullName}`;
  const html = `${ctx.webUrl}/${repo.fullName}/actions/runs/${run.id}/job/${job.id}`;
  return {
    id: job.id,
    node_id: ctx.nodeId('CheckRun', job.id),
    head_sha: run.headSha,
    name: job.name,
    url: `${api}/check-runs/${job.id}`,
    html_url: html,
    details_url: html,
    external_id: String(job.id),
    status: job.status === 'completed' || job.status === 'in_progress' ? job.status : 'queued',
    conclusion: job.conclusion as CheckRun['conclusion'],
    started_at: job.startedAt,
    completed_at: job.completedAt,
    output: {
      title: null,
      summary: null,
      text: null,
      annotations_count: job.annotations.length,
      annotations_url: `${api}/check-runs/${job.id}/annotations`,
    },
    check_suite: { id: checkSuiteId(run) },
    app: actionsApp(ctx),
    pull_requests: [],
  };
}

function actionsApp(ctx: ModelContext): NonNullable<CheckRun['app']> {
  return {
    id: 15368,
    slug: 'github-actions',
    node_id: ctx.nodeId('App', 15368),
    owner: ctx.user('github'),
    name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production',
    external_url: 'https://help.github.com/en/actions',
    html_url: `${ctx.webUrl}/apps/github-actions`,
    created_at: '2018-07-30T09:30:17Z',
    updated_at: '2019-12-10T19:04:12Z',
    permissions: { actions: 'write', checks: 'write', contents: 'write', metadata: 'read' },
    events: ['check_run', 'check_suite', 'workflow_dispatch', 'workflow_run'],
  };
}
