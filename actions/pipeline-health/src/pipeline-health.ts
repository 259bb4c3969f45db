/** The engine: fetch the window's runs, compute the figures, escalate SLO breaches; a result model out. */
import type { Clock, Logger } from '@qeml/action-kit';
import type { GitHubClient } from '@qeml/action-kit/github';
import type { ResponseStore } from './conditional';
import { type Escalation, escalate } from './escalation';
import { type ReportFiles, readFailureReports } from './failure-reports';
import { type ApiUse, fetchHistory, type HistoryQuery } from './fetch-history';
import { computeHealth, type HealthModel } from './health';

export interface HealthConfig {
  owner: string;
  repo: string;
  /** Empty: the default branch. */
  branch: string;
  workflows: string[];
  span: HistoryQuery['span'];
  /** Success-rate objective in percent (default 99.5). */
  slo: number;
  failOnSlo: boolean;
  escalate: 'issue' | 'none';
  /** failure-analysis report files or folders. */
  reportPaths: string[];
}

export interface HealthDeps {
  clock: Clock;
  logger: Logger;
  client: GitHubClient;
  files: ReportFiles;
  /** ETags seen by earlier runs; absent: no conditional requests. */
  responses?: ResponseStore;
}

export interface HealthResult extends HealthModel {
  api: ApiUse;
  escalations: Escalation[];
  /** The step fails: `fail-on-slo` and the SLO is breached. */
  failed: boolean;
}

export async function runPipelineHealth(config: HealthConfig, deps: HealthDeps): Promise<HealthResult> {
  const reports = await readFailureReports(config.reportPaths, deps.files);
  const history = await fetchHistory(
    {
      owner: config.owner,
      repo: config.repo,
      branch: config.branch,
      workflows: config.workflows,
      span: config.span,
    },
    {
      client: deps.client,
      clock: deps.clock,
      logger: deps.logger,
      ...(deps.responses ? { responses: deps.responses } : {}),
    },
  );
  const model = computeHealth({
    repo: `${config.owner}/${config.repo}`,
    branch: history.branch,
    window: history.window,
    workflows: history.workflows,
    runs: history.runs,
    reports,
    slo: config.slo,
  });
  const escalations =
    config.escalate === 'issue'
      ? await escalate(model, { owner: config.owner, repo: config.repo }, deps.client, deps.logger)
      : [];
  return { ...model, api: history.api, escalations, failed: config.failOnSlo && !model.sloMet };
}
