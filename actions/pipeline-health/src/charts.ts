/** Mermaid charts GitHub renders in a job summary: `xychart-beta` for weekly trends, `pie` for classes. */
import type { HealthModel } from './health';

const quote = (text: string) => `"${text.replace(/"/g, "'")}"`;

/** Weekly success rate, one line per workflow (in the table's order); a week without runs repeats the last value. */
export function successRateChart(model: HealthModel): string | undefined {
  const withRuns = model.workflows.filter((w) => w.weeks.some((week) => week.counted > 0));
  const first = withRuns[0];
  if (!first) return undefined;
  const lines = withRuns.map((workflow) => {
    let last = 100;
    return workflow.weeks.map((week) => {
      last = week.successRate ?? last;
      return last;
    });
  });
  return [
    'xychart-beta',
    `  title ${quote('Success rate by week (%)')}`,
    `  x-axis [${first.weeks.map((week) => quote(week.start.slice(5))).join(', ')}]`,
    `  y-axis ${quote('success %')} 0 --> 100`,
    ...lines.map((values) => `  line [${values.join(', ')}]`),
  ].join('\n');
}

/** First-attempt failures per week, all workflows together. */
export function failuresChart(model: HealthModel): string | undefined {
  const first = model.workflows[0];
  if (!first || first.weeks.length === 0) return undefined;
  const totals = first.weeks.map((_, index) =>
    model.workflows.reduce((sum, w) => sum + (w.weeks[index]?.firstAttemptFailed ?? 0), 0),
  );
  if (totals.every((n) => n === 0)) return undefined;
  return [
    'xychart-beta',
    `  title ${quote('First-attempt failures by week')}`,
    `  x-axis [${first.weeks.map((week) => quote(week.start.slice(5))).join(', ')}]`,
    `  y-axis ${quote('runs')} 0 --> ${Math.max(...totals) + 1}`,
    `  bar [${totals.join(', ')}]`,
  ].join('\n');
}

export function failureClassChart(model: HealthModel): string | undefined {
  const entries = Object.entries(model.overall.failureClasses).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return undefined;
  return [
    `pie title ${quote('Failure classes')}`,
    ...entries.map(([cls, n]) => `  ${quote(cls)} : ${n}`),
  ].join('\n');
}
