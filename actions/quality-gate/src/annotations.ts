/**
 * Annotations on uncovered changed lines, findings and failed tests. The runner shows at most 10
 * error and 10 warning annotations per step and drops the rest silently, so the gate picks the 10
 * of each that matter most (most severe first) and counts the ones it left out for the summary.
 */
import type { AnnotationProperties } from '@qeml/action-kit';
import { type GateEvaluation, lineRanges, type PathMapper, type Severity } from '@qeml/reports';

export const ANNOTATION_CAP = 10;

export interface PlannedAnnotation {
  level: 'error' | 'warning';
  message: string;
  properties: AnnotationProperties;
}

const RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, unknown: 4 };

export function planAnnotations(
  evaluation: GateEvaluation,
  mapper: PathMapper,
): { annotations: PlannedAnnotation[]; leftOut: number } {
  const all: Array<PlannedAnnotation & { rank: number }> = [];
  for (const item of evaluation.findings?.items ?? []) {
    if (!item.path) continue;
    const file = mapper.candidates(item.path)[0] ?? item.path;
    all.push({
      level: item.severity === 'critical' || item.severity === 'high' ? 'error' : 'warning',
      message: `${item.message} (${item.severity})`,
      properties: {
        file,
        ...(item.line ? { startLine: item.line } : {}),
        title: `${item.tool}: ${item.ruleId}`,
      },
      rank: RANK[item.severity],
    });
  }
  for (const failure of evaluation.tests?.failures ?? []) {
    if (!failure.file) continue;
    all.push({
      level: 'error',
      message: failure.message ?? `${failure.kind} in ${failure.name}`,
      properties: {
        file: mapper.candidates(failure.file)[0] ?? failure.file,
        ...(failure.line ? { startLine: failure.line } : {}),
        title: `Test ${failure.kind}: ${failure.name}`,
      },
      rank: 1,
    });
  }
  for (const file of evaluation.diff?.files ?? []) {
    for (const [from, to] of lineRanges(file.uncoveredLines)) {
      all.push({
        level: 'warning',
        message:
          from === to
            ? `Changed line ${from} is not covered by tests`
            : `Changed lines ${from}-${to} are not covered by tests`,
        properties: {
          file: file.path,
          startLine: from,
          ...(to !== from ? { endLine: to } : {}),
          title: 'Not covered',
        },
        rank: 5,
      });
    }
  }
  const kept: PlannedAnnotation[] = [];
  for (const level of ['error', 'warning'] as const) {
    const ofLevel = all.filter((a) => a.level === level).sort((a, b) => a.rank - b.rank);
    kept.push(...ofLevel.slice(0, ANNOTATION_CAP).map(({ rank: _rank, ...annotation }) => annotation));
  }
  return { annotations: kept, leftOut: all.length - kept.length };
}
