import type { components } from '@octokit/openapi-types';
import type { AnnotationSpec, AttemptRecord, JobRecord, RunRecord, WorkflowRecord } from './actions';
import { checkSuiteId } from './checks-render';
import type { ModelContext } from './core';
import type { RepoState, Repos } from './repos';

export type Workflow = components['schemas']['workflow'];
export type WorkflowRun = components['schemas']['workflow-run'];
export type Job = components['schemas']['job'];
export type CheckAnnotation = components['schemas']['check-annotation'];

/** Turns actions records into GitHub's response shapes (URLs on the sim's base). */
export class ActionsRenderer {
  constructor(
    private readonly ctx: ModelContext,
    private readonly repos: Repos,
  ) {}

  private api(repo: RepoState): string {
    return `${this.ctx.apiUrl}/repos/${repo.fullName}`;
  }

  workflow(repo: RepoState, workflow: WorkflowRecord): Workflow {
    return {
      id: workflow.id,
      node_id: this.ctx.nodeId('Workflow', workflow.id),
      name: workflow.name,
      path: workflow.path,
      state: workflow.state,
      created_at: workflow.createdAt,
      updated_at: workflow.createdAt,
      url: `${this.api(repo)}/actions/workflows/${workflow.id}`,
      html_url: `${this.ctx.webUrl}/${repo.fullName}/blob/${repo.defaultBranch}/${workflow.path}`,
      badge_url: `${this.ctx.webUrl}/${repo.fullName}/workflows/${encodeURIComponent(workflow.name)}/badge.svg`,
    };
  }

  run(repo: RepoState, run: RunRecord, attempt: AttemptRecord, workflowPath: string): WorkflowRun {
    const api = `${this.api(repo)}/actions/runs/${run.id}`;
    const minimal = this.repos.renderMinimal(repo);
    return {
      id: run.id,
      name: run.name,
      node_id: this.ctx.nodeId('WorkflowRun', run.id),
      check_suite_id: checkSuiteId(run),
      check_suite_node_id: this.ctx.nodeId('CheckSuite', checkSuiteId(run)),
      head_branch: run.headBranch,
      head_sha: run.headSha,
      path: workflowPath,
      run_number: run.runNumber,
      run_attempt: attempt.number,
      event: run.event,
      status: attempt.status,
      conclusion: attempt.conclusion,
      workflow_id: run.workflowId,
      url: api,
      html_url: `${this.ctx.webUrl}/${repo.fullName}/actions/runs/${run.id}`,
      pull_requests: [],
      created_at: run.createdAt,
      updated_at: attempt.updatedAt,
      actor: this.ctx.user(run.actor),
      triggering_actor: this.ctx.user(run.actor),
      run_started_at: attempt.startedAt,
      jobs_url: `${api}/jobs`,
      logs_url: `${api}/logs`,
      check_suite_url: `${this.api(repo)}/check-suites/${checkSuiteId(run)}`,
      artifacts_url: `${api}/artifacts`,
      cancel_url: `${api}/cancel`,
      rerun_url: `${api}/rerun`,
      previous_attempt_url: attempt.number > 1 ? `${api}/attempts/${attempt.number - 1}` : null,
      workflow_url: `${this.api(repo)}/actions/workflows/${run.workflowId}`,
      head_commit: {
        id: run.headSha,
        tree_id: run.treeId ?? run.headSha,
        message: run.displayTitle,
        timestamp: run.createdAt,
        author: { name: run.actor, email: `${run.actor}@example.test` },
        committer: { name: run.actor, email: `${run.actor}@example.test` },
      },
      repository: minimal,
      head_repository: minimal,
      display_title: run.displayTitle,
    };
  }

  job(repo: RepoState, run: RunRecord, job: JobRecord): Job {
    const api = this.api(repo);
    const steps = job.steps ?? [
      { name: 'Set up job', status: 'completed' as const, conclusion: 'success' as const },
      { name: job.name, status: job.status, conclusion: job.conclusion },
      ...(job.status === 'completed'
        ? [{ name: 'Complete job', status: 'completed' as const, conclusion: 'success' as const }]
        : []),
    ];
    return {
      id: job.id,
      run_id: run.id,
      run_url: `${api}/actions/runs/${run.id}`,
      run_attempt: job.attempt,
      node_id: this.ctx.nodeId('CheckRun', job.id),
      head_sha: run.headSha,
      url: `${api}/actions/jobs/${job.id}`,
      html_url: `${this.ctx.webUrl}/${repo.fullName}/actions/runs/${run.id}/job/${job.id}`,
      status: job.status as Job['status'],
      conclusion: job.conclusion as Job['conclusion'],
      created_at: job.createdAt,
      started_at: job.startedAt,
      completed_at: job.completedAt,
      name: job.name,
      steps: steps.map((step, index) => ({
        name: step.name,
        status: (step.status ?? 'completed') as 'queued' | 'in_progress' | 'completed',
        conclusion: step.conclusion === undefined ? 'success' : step.conclusion,
        number: index + 1,
        started_at: job.startedAt,
        completed_at: job.completedAt,
      })),
      check_run_url: `${api}/check-runs/${job.id}`,
      labels: job.labels,
      runner_id: job.status === 'queued' ? null : 1,
      runner_name: job.status === 'queued' ? null : 'GitHub Actions 1',
      runner_group_id: job.status === 'queued' ? null : 1,
      runner_group_name: job.status === 'queued' ? null : 'GitHub Actions',
      workflow_name: run.name,
      head_branch: run.headBranch,
    };
  }

  annotation(repo: RepoState, run: RunRecord, annotation: AnnotationSpec): CheckAnnotation {
    return {
      path: annotation.path,
      start_line: annotation.start_line,
      end_line: annotation.end_line ?? annotation.start_line,
      start_column: null,
      end_column: null,
      annotation_level: annotation.annotation_level ?? 'failure',
      title: annotation.title ?? '',
      message: annotation.message,
      raw_details: annotation.raw_details ?? '',
      blob_href: `${this.ctx.webUrl}/${repo.fullName}/blob/${run.headSha}/${annotation.path}`,
    };
  }
}
