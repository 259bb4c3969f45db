/**
 * Escalation (`escalate: issue`): one issue per workflow whose success rate is under the SLO, found
 * again by its hidden marker (never duplicated), updated on each later breach; when the workflow
 * meets the SLO again, a "recovered" comment and the issue is closed (a new breach reopens it).
 */
import { type Logger, redact } from '@qeml/action-kit';
import { commentOnMarkedIssue, type GitHubClient, upsertMarkedIssue } from '@qeml/action-kit/github';
import { formatMinutes, formatPercent } from './format';
import type { HealthModel, WorkflowHealth } from './health';

export const ESCALATION_LABEL = 'pipeline-health';

export interface Escalation {
  workflow: string;
  action: 'opened' | 'updated' | 'reopened' | 'recovered';
  issue: number;
  url?: string;
}

/** What the marker keeps between runs. */
interface BreachState {
  breaches: number;
  firstBreach: string;
  lastSuccessRate: number | null;
}

function breachBody(model: HealthModel, workflow: WorkflowHealth, state: BreachState): string {
  const f = workflow.figures;
  const lines = [
    `The success rate of **${workflow.name}** (\`${workflow.path}\`) on \`${model.branch}\` is ${formatPercent(f.successRate)}, under its SLO of ${model.slo} %, over the ${model.window.label} (${model.window.start} to ${model.window.end}).`,
    '',
    '| Figure | Value |',
    '| --- | --- |',
    `| Success rate | ${formatPercent(f.successRate)} (${f.succeeded}/${f.counted} runs) |`,
    `| First-attempt success rate | ${formatPercent(f.firstAttemptSuccessRate)} |`,
    `| Auto-recovery rate | ${formatPercent(f.autoRecoveryRate)} (${f.autoRecovered}/${f.firstAttemptFailed}) |`,
    `| MTTR (mean / median) | ${formatMinutes(f.mttr.meanMinutes)} / ${formatMinutes(f.mttr.medianMinutes)} over ${f.mttr.recoveries} recoveries |`,
    `| Still red | ${f.openRedPeriods.map((p) => `since ${p.since}`).join(', ') || 'no'} |`,
    `| Time lost to failed attempts | ${formatMinutes(f.timeLostMinutes)} |`,
    '',
    `Breached in ${state.breaches} report(s) since ${state.firstBreach}. This issue is updated by pipeline-health while the SLO is breached and closed when it is met again.`,
  ];
  return redact(lines.join('\n'));
}

export async function escalate(
  model: HealthModel,
  target: { owner: string; repo: string },
  client: GitHubClient,
  logger: Logger,
): Promise<Escalation[]> {
  const done: Escalation[] = [];
  for (const workflow of model.workflows) {
    const marker = { kind: 'pipeline-health', id: `${workflow.path}@${model.branch}` };
    if (workflow.sloMet === false) {
      const result = await upsertMarkedIssue<BreachState>(client, {
        ...target,
        marker,
        label: ESCALATION_LABEL,
        title: redact(`Pipeline health: ${workflow.name} is under its ${model.slo} % success SLO`),
        render: (previous) => {
          const state: BreachState = {
            breaches: (previous?.breaches ?? 0) + 1,
            firstBreach: previous?.firstBreach ?? model.window.end,
            lastSuccessRate: workflow.figures.successRate,
          };
          return { body: breachBody(model, workflow, state), state };
        },
      });
      const action = result.created ? 'opened' : result.reopened ? 'reopened' : 'updated';
      logger.info(`SLO breached by ${workflow.name}: issue #${result.number} ${action}.`);
      done.push({ workflow: workflow.name, action, issue: result.number, url: result.url });
    } else if (workflow.sloMet === true) {
      const comment = await commentOnMarkedIssue(client, {
        ...target,
        marker,
        label: ESCALATION_LABEL,
        close: true,
        body: redact(
          `Recovered: **${workflow.name}** meets its ${model.slo} % success SLO again (${formatPercent(workflow.figures.successRate)} over the ${model.window.label}, to ${model.window.end}).`,
        ),
      });
      if (comment) {
        logger.info(`${workflow.name} meets the SLO again: issue #${comment.number} commented and closed.`);
        done.push({ workflow: workflow.name, action: 'recovered', issue: comment.number });
      }
    }
  }
  return done;
}
