/**
 * The result model rendered for machines and terminals: the `report` output / `qeml health --format
 * json` (every figure, per workflow and overall; the model's names in kebab-case) and the CLI text.
 * The job summary is summary.ts.
 */
import { redact, redactDeep } from '@qeml/action-kit';
import { formatMinutes, formatPercent } from './format';
import type { Figures } from './health';
import type { HealthResult } from './pipeline-health';

/** Maps whose keys are data (conclusions, classes), kept as they are. */
const DATA_KEYS = new Set(['apart', 'failureClasses', 'classes', 'byKind']);

function kebab(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(kebab);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
      DATA_KEYS.has(key) ? inner : kebab(inner),
    ]),
  );
}

/** The `report` output: JSON with every figure. */
export function buildReport(result: HealthResult): Record<string, unknown> {
  const { failed: _failed, ...rest } = result;
  return redactDeep(kebab(rest)) as Record<string, unknown>;
}

export const headline = (f: Figures) =>
  `success ${formatPercent(f.successRate)}, first attempt ${formatPercent(f.firstAttemptSuccessRate)}, auto-recovery ${formatPercent(f.autoRecoveryRate)}, MTTR ${formatMinutes(f.mttr.meanMinutes)}`;

/** One line: what the step says when it ends. */
export function verdict(result: HealthResult): string {
  const breached = result.workflows.filter((w) => w.sloMet === false).map((w) => w.name);
  return breached.length === 0
    ? `Pipeline health: the ${result.slo} % success SLO holds (${headline(result.overall)}).`
    : `Pipeline health: ${breached.join(', ')} under the ${result.slo} % success SLO (${headline(result.overall)}).`;
}

function figureLines(f: Figures, indent: string): string[] {
  const apart = Object.entries(f.apart)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  return [
    `${indent}runs: ${f.runs} (${f.counted} counted${apart ? `; apart: ${apart}` : ''})`,
    `${indent}success rate: ${formatPercent(f.successRate)} (${f.succeeded}/${f.counted})`,
    `${indent}first-attempt success rate: ${formatPercent(f.firstAttemptSuccessRate)} (${f.firstAttemptSucceeded}/${f.counted})`,
    `${indent}auto-recovery rate: ${formatPercent(f.autoRecoveryRate)} (${f.autoRecovered}/${f.firstAttemptFailed})`,
    `${indent}MTTR: mean ${formatMinutes(f.mttr.meanMinutes)}, median ${formatMinutes(f.mttr.medianMinutes)} over ${f.mttr.recoveries} recoveries`,
    ...f.openRedPeriods.map(
      (p) =>
        `${indent}still red: ${p.workflow} on ${p.branch} since ${p.since} (${formatMinutes(p.minutesSoFar)})`,
    ),
    `${indent}time lost to failed attempts: ${formatMinutes(f.timeLostMinutes)}`,
    `${indent}queue time: mean ${formatMinutes(f.queue.meanMinutes)}, median ${formatMinutes(f.queue.medianMinutes)}`,
  ];
}

/** `qeml health` text. */
export function renderText(result: HealthResult): string {
  const lines = [
    `${result.repo} on ${result.branch}, ${result.window.label} (${result.window.start} to ${result.window.end}), SLO ${result.slo} %: ${result.sloMet ? 'met' : 'BREACHED'}`,
    '',
    'Overall',
    ...figureLines(result.overall, '  '),
  ];
  for (const workflow of result.workflows) {
    const mark = workflow.sloMet === null ? 'no runs' : workflow.sloMet ? 'SLO met' : 'SLO BREACHED';
    lines.push('', `${workflow.name} (${workflow.path}): ${mark}`, ...figureLines(workflow.figures, '  '));
  }
  if (result.flaky.length > 0) {
    lines.push('', 'Flaky jobs (failed, then passed on the same commit)');
    for (const job of result.flaky)
      lines.push(
        `  ${job.count}x ${job.workflow} / ${job.job} (${Object.entries(job.classes)
          .map(([c, n]) => `${c} ${n}`)
          .join(', ')})`,
      );
  }
  lines.push('', result.warnings.length > 0 ? 'Warnings (rising failure rates)' : 'No rising failure rate.');
  for (const warning of result.warnings) lines.push(`  ${warning.text}`);
  for (const escalation of result.escalations)
    lines.push(`Issue #${escalation.issue} ${escalation.action} for ${escalation.workflow}`);
  lines.push(
    '',
    `API calls: ${result.api.calls} (${Object.entries(result.api.byKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}; ${result.api.notModified} answered 304 Not Modified)`,
  );
  return `${redact(lines.join('\n'))}\n`;
}
