/** The few GitHub API calls preflight makes, over the shared Octokit client. */
import type { GitHubClient } from '@qeml/action-kit';
import type { RateLimit } from './checks/environment';
import type { ChangedFile, ChangeStatus } from './git';

export interface PreflightApi {
  listPullFiles(pullNumber: number): Promise<ChangedFile[]>;
  rateLimit(): Promise<RateLimit>;
  /** A successful run of the workflow on the same tree (one request: the newest 100 successful runs). */
  successfulRunOnTree(
    workflow: string,
    tree: string,
    exceptRunId?: number,
  ): Promise<{ id: number; url: string } | undefined>;
}

const STATUSES = new Set<ChangeStatus>(['added', 'modified', 'removed', 'renamed', 'copied', 'changed']);

export function createPreflightApi(client: GitHubClient, owner: string, repo: string): PreflightApi {
  return {
    async listPullFiles(pullNumber) {
      const files = await client.paginate(client.rest.pulls.listFiles, {
        owner,
        repo,
        pull_number: pullNumber,
        per_page: 100,
      });
      return files.map((file) => ({
        path: file.filename,
        status: STATUSES.has(file.status as ChangeStatus) ? (file.status as ChangeStatus) : 'changed',
        ...(file.previous_filename ? { previous: file.previous_filename } : {}),
      }));
    },
    async rateLimit() {
      const { data } = await client.rest.rateLimit.get();
      return {
        remaining: data.resources.core.remaining,
        limit: data.resources.core.limit,
        reset: data.resources.core.reset,
      };
    },
    async successfulRunOnTree(workflow, tree, exceptRunId) {
      const { data } = await client.rest.actions.listWorkflowRuns({
        owner,
        repo,
        workflow_id: workflow,
        status: 'success',
        per_page: 100,
      });
      const run = data.workflow_runs.find((r) => r.id !== exceptRunId && r.head_commit?.tree_id === tree);
      return run ? { id: run.id, url: run.html_url } : undefined;
    },
  };
}
