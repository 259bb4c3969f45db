/** The job summary: headline figures against the seed's targets, per-workflow table, charts, flaky ranking, warnings. */
import { Summary, statusMark } from '@qeml/action-kit';
import { failureClassChart, failuresChart, successRateChart } from './charts';
import { formatMinutes, formatPercent } from './format';
import type { HealthResult } from './pipeline-health';
import { verdict } from './report';

/** The seed's targets besides the SLO (which is an input). */
export const TARGETS = { mttrMinutes: 15, autoRecoveryPercent: 80 } as const;

const mark = (met: boolean | null) => (met === null ? '–' : statusMark(met ? 'pass' : 'fail'));

export function buildSummary(result: HealthResult): Summary {
  const o = result.overall;
  const summary = new Summary()
    .heading(`Pipeline health: ${result.repo} on ${result.branch}`)
    .paragraph(
      `${verdict(result)} Window: ${result.window.label}, ${result.window.start} to ${result.window.end}.`,
    )
    .table(
      ['Figure', 'Value', 'Target', 'Met'],
      [
        [
          'Success rate',
          `${formatPercent(o.successRate)} (${o.succeeded}/${o.counted})`,
          `≥ ${result.slo} % per workflow (SLO)`,
          mark(result.sloMet),
        ],
        [
          'MTTR (mean / median)',
          `${formatMinutes(o.mttr.meanMinutes)} / ${formatMinutes(o.mttr.medianMinutes)}`,
          `< ${TARGETS.mttrMinutes} min`,
          mark(o.mttr.meanMinutes === null ? null : o.mttr.meanMinutes < TARGETS.mttrMinutes),
        ],
        [
          'Auto-recovery rate',
          `${formatPercent(o.autoRecoveryRate)} (${o.autoRecovered}/${o.firstAttemptFailed})`,
          `≥ ${TARGETS.autoRecoveryPercent} %`,
          mark(o.autoRecoveryRate === null ? null : o.autoRecoveryRate >= TARGETS.autoRecoveryPercent),
        ],
        [
          'First-attempt success rate',
          `${formatPercent(o.firstAttemptSuccessRate)} (${o.firstAttemptSucceeded}/${o.counted})`,
          '–',
          '–',
        ],
        ['False positives', 'not measured here (what failure-analysis healed that was real)', '0', '–'],
      ],
    );

  summary.heading('Workflows', 3).table(
    [
      'Workflow',
      'Runs (counted)',
      'Success',
      'First attempt',
      'Auto-recovery',
      'MTTR mean / median',
      'Still red since',
      'Time lost',
      'Queue (mean)',
      'SLO',
    ],
    result.workflows.map((w) => {
      const f = w.figures;
      return [
        `${w.name} (\`${w.path.split('/').pop()}\`)`,
        `${f.runs} (${f.counted})`,
        formatPercent(f.successRate),
        formatPercent(f.firstAttemptSuccessRate),
        formatPercent(f.autoRecoveryRate),
        `${formatMinutes(f.mttr.meanMinutes)} / ${formatMinutes(f.mttr.medianMinutes)}`,
        f.openRedPeriods.map((p) => p.since).join(', ') || '–',
        formatMinutes(f.timeLostMinutes),
        formatMinutes(f.queue.meanMinutes),
        mark(w.sloMet),
      ];
    }),
  );

  const charts = [successRateChart(result), failuresChart(result), failureClassChart(result)].filter(
    (chart): chart is string => chart !== undefined,
  );
  if (charts.length > 0) {
    summary.heading('Trends', 3);
    summary.paragraph(
      `Lines, in order: ${result.workflows
        .filter((w) => w.weeks.some((x) => x.counted > 0))
        .map((w) => w.name)
        .join(', ')}.`,
    );
    for (const chart of charts) summary.code(chart, 'mermaid');
  }

  summary.heading('Flaky jobs', 3);
  if (result.flaky.length === 0) summary.paragraph('No job failed and then passed on the same commit.');
  else
    summary.table(
      ['Job', 'Times (commits)', 'Failure classes'],
      result.flaky.map((j) => [
        `${j.workflow} / ${j.job}`,
        j.count,
        Object.entries(j.classes)
          .map(([c, n]) => `${c} ×${n}`)
          .join(', '),
      ]),
    );

  summary.heading('Warnings', 3);
  if (result.warnings.length === 0) summary.paragraph('No failure rate is rising.');
  else summary.list(result.warnings.map((w) => `${statusMark('warn')} ${w.text}`));

  if (result.escalations.length > 0)
    summary.list(result.escalations.map((e) => `Issue #${e.issue} ${e.action} for ${e.workflow}`));
  summary.paragraph(
    `API calls: ${result.api.calls} (${Object.entries(result.api.byKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}); ${result.api.notModified} answered 304 Not Modified.`,
  );
  return summary;
}
