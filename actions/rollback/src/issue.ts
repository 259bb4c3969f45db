/**
 * The optional issue (`open-issue: true`): one per environment, updated in place, when a rollback
 * happened or a bad deployment could not be rolled back. Written through action-kit's marked issues.
 */
import { redact } from '@qeml/action-kit';
import { upsertMarkedIssue } from '@qeml/action-kit/github';
import { buildSummary, headline } from './report';
import type { RollbackConfig, RollbackDeps, RollbackResult } from './types';

interface IssueState {
  /** How many rollbacks (or failed ones) this issue has recorded. */
  events: number;
}

/** A rollback happened, or a bad deployment is still in place. */
export function needsIssue(result: RollbackResult): boolean {
  if (result.rolledBack || result.outcome === 'error') return true;
  return result.verdict === 'fail' && result.outcome !== 'success';
}

export async function reportIssue(
  config: RollbackConfig,
  deps: RollbackDeps,
  result: RollbackResult,
): Promise<void> {
  if (!config.openIssue || !needsIssue(result)) return;
  try {
    const issue = await upsertMarkedIssue<IssueState>(deps.github, {
      owner: config.owner,
      repo: config.repo,
      marker: { kind: 'rollback', id: config.environment },
      label: 'qeml-rollback',
      title: `Rollback of ${config.environment}: ${result.rolledBack ? 'rolled back' : 'needs attention'}`,
      render: (previous) => {
        const events = (previous?.events ?? 0) + 1;
        // Summary redacts what it renders; the run link says where the full log is.
        const body = [
          redact(headline(result)),
          '',
          deps.runUrl ? `Run: ${deps.runUrl}` : '',
          `Rollback events recorded here: ${events}.`,
          '',
          buildSummary(result).render(),
        ].join('\n');
        return { body, state: { events } };
      },
    });
    result.issue = { number: issue.number, url: issue.url };
    result.timeline.push({
      at: deps.clock.now(),
      text: `Issue #${issue.number} ${issue.created ? 'opened' : 'updated'}.`,
    });
  } catch (error) {
    deps.logger.warning(`Could not open or update the rollback issue: ${(error as Error).message}`);
  }
}
