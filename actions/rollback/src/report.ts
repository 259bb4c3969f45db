/** One result model, rendered as the `report` output (JSON), the job summary and the CLI's text. */
import { formatDuration, type Redactor, Summary } from '@qeml/action-kit';
import type { DeploymentRef, HealthResult, RollbackResult } from './types';

const MARK: Record<RollbackResult['outcome'], string> = {
  success: '✅',
  failure: '❌',
  refused: '⛔',
  error: '🛑',
};

/** The headline: outcome mark and the one-line message. */
export function headline(result: RollbackResult): string {
  return `${MARK[result.outcome]} ${result.message || result.outcome}`;
}

const dep = (d: DeploymentRef | undefined) => (d ? { id: d.id, ref: d.ref, sha: d.sha } : null);

function healthReport(health: HealthResult | undefined) {
  if (!health) return null;
  return {
    verdict: health.verdict,
    reason: health.reason,
    checks: health.checks.length,
    successes: health.successes,
    failures: health.failures,
    errors: health.errors,
  };
}

/** The `report` output. Times are offsets from the start (ms), so a virtual clock gives stable numbers. */
export function buildReport(result: RollbackResult) {
  return {
    mode: result.mode,
    environment: result.environment,
    outcome: result.outcome,
    verdict: result.verdict,
    message: result.message,
    'rolled-back': result.rolledBack,
    deployment: dep(result.deployment),
    'known-good': dep(result.knownGood),
    'rollback-deployment': dep(result.rollbackDeployment),
    health: healthReport(result.health),
    'rollback-health': healthReport(result.rollbackHealth),
    deadline: result.deadline
      ? {
          'limit-ms': result.deadline.limitMs,
          'elapsed-ms': result.deadline.elapsedMs ?? null,
          met: result.deadline.met,
          'margin-ms':
            result.deadline.elapsedMs === undefined
              ? null
              : result.deadline.limitMs - result.deadline.elapsedMs,
        }
      : null,
    canary: result.canary ?? null,
    'blue-green': result.blueGreen ?? null,
    'revert-pull-request': result.revertPullRequest ?? null,
    dispatched: result.dispatched ?? null,
    issue: result.issue ?? null,
    'api-writes': result.apiWrites,
    'duration-ms': Math.round(result.durationMs),
    timeline: result.timeline.map((e) => ({ 'at-ms': e.at - result.startedAt, text: e.text })),
  };
}

export type RollbackReport = ReturnType<typeof buildReport>;

/** `+1m30s` from the start of the run. */
function offset(result: RollbackResult, at: number): string {
  return `+${formatDuration(Math.max(0, at - result.startedAt))}`;
}

function deadlineLine(result: RollbackResult): string | undefined {
  const d = result.deadline;
  if (!d) return undefined;
  const limit = formatDuration(d.limitMs);
  if (d.elapsedMs === undefined) return `Deadline ${limit}: missed (no verified rollback).`;
  return d.met
    ? `Deadline ${limit}: met, verified rollback after ${formatDuration(d.elapsedMs)} (${formatDuration(d.limitMs - d.elapsedMs)} to spare).`
    : `Deadline ${limit}: missed by ${formatDuration(d.elapsedMs - d.limitMs)} (verified rollback after ${formatDuration(d.elapsedMs)}).`;
}

function factRows(result: RollbackResult): string[][] {
  const rows: string[][] = [
    ['Environment', result.environment],
    ['Verdict', result.verdict],
  ];
  const show = (label: string, d: DeploymentRef | undefined) => {
    if (d) rows.push([label, `#${d.id} ${d.ref} (${d.sha.slice(0, 7)})`]);
  };
  show('Deployment', result.deployment);
  show('Known-good', result.knownGood);
  show('Rollback deployment', result.rollbackDeployment);
  rows.push(['Rolled back', result.rolledBack ? 'yes' : 'no']);
  const deadline = deadlineLine(result);
  if (deadline) rows.push(['Deadline', deadline]);
  if (result.canary) {
    rows.push([
      'Canary',
      result.canary.steps.map((s) => `${s.weight}%: ${s.verdict}`).join(', ') +
        (result.canary.abortedAtStep ? ` — aborted at step ${result.canary.abortedAtStep}` : ''),
    ]);
  }
  if (result.blueGreen) {
    const bg = result.blueGreen;
    rows.push([
      'Blue-green',
      `preview ${bg.preview ?? 'not checked'}, switched ${bg.switched ? 'yes' : 'no'}, switched back ${bg.switchedBack ? 'yes' : 'no'}`,
    ]);
  }
  if (result.revertPullRequest)
    rows.push(['Revert pull request', `#${result.revertPullRequest.number} ${result.revertPullRequest.url}`]);
  if (result.dispatched)
    rows.push(['Dispatched', `${result.dispatched.workflow} on ${result.dispatched.ref}`]);
  if (result.issue) rows.push(['Issue', `#${result.issue.number} ${result.issue.url}`]);
  rows.push(['API writes', String(result.apiWrites)]);
  return rows;
}

export function timelineRows(result: RollbackResult): string[][] {
  return result.timeline.map((e) => [offset(result, e.at), e.text]);
}

function checkRows(result: RollbackResult, health: HealthResult): string[][] {
  return health.checks.map((c) => [String(c.number), offset(result, c.at), c.outcome, c.details.join('; ')]);
}

/** The job summary: headline, facts, timeline, and each verification's checks in a details block. */
export function buildSummary(result: RollbackResult, redactor?: Redactor): Summary {
  const summary = new Summary(redactor ? { redactor } : {})
    .heading(`Rollback (${result.mode}): ${result.environment}`, 3)
    .paragraph(headline(result))
    .table(['', ''], factRows(result))
    .heading('Timeline', 4)
    .table(['When', 'What'], timelineRows(result));
  for (const [title, health] of [
    ['Checks of the deployment', result.health],
    ['Checks after the rollback', result.rollbackHealth],
  ] as const) {
    if (!health) continue;
    const rows = checkRows(result, health);
    summary.details(
      `${title}: ${health.verdict} (${health.reason})`,
      new Summary().table(['Check', 'When', 'Outcome', 'Details'], rows),
    );
  }
  return summary;
}

/** Plain text for a terminal. */
export function resultText(result: RollbackResult): string {
  const lines = [headline(result), ''];
  for (const [label, value] of factRows(result)) lines.push(`${`${label}:`.padEnd(22)}${value}`);
  lines.push('', 'Timeline:');
  for (const event of result.timeline) lines.push(`  ${offset(result, event.at).padEnd(10)}${event.text}`);
  return lines.join('\n');
}
