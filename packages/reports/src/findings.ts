/** Counting findings: every one counted, suppressed ones apart, detail kept up to the item cap. */

import { CappedList } from './formats/context';
import type { Finding, FindingsResult, Level, Severity } from './model';

export class FindingsBuilder {
  private readonly list: CappedList<Finding>;
  private total = 0;
  private suppressed = 0;
  private readonly bySeverity: Record<Severity, number> = {
    critical: 0,
    high: 0,
    medium: 0,
    low: 0,
    unknown: 0,
  };
  private readonly byLevel: Record<Level, number> = { error: 0, warning: 0, note: 0, none: 0 };

  constructor(maxItems: number) {
    this.list = new CappedList(maxItems);
  }

  add(finding: Finding): void {
    this.total++;
    if (finding.suppressed) this.suppressed++;
    else {
      this.bySeverity[finding.severity]++;
      this.byLevel[finding.level]++;
    }
    this.list.push(finding);
  }

  finish(warnings: string[]): FindingsResult {
    this.list.warn(warnings, 'findings');
    return {
      total: this.total,
      suppressed: this.suppressed,
      bySeverity: this.bySeverity,
      byLevel: this.byLevel,
      items: this.list.items,
    };
  }
}

/** A tool's severity word (CRITICAL, High, moderate, ERROR, ...) as ours. */
export function severityFrom(word: unknown): Severity {
  switch (String(word ?? '').toLowerCase()) {
    case 'critical':
      return 'critical';
    case 'high':
    case 'error':
      return 'high';
    case 'medium':
    case 'moderate':
    case 'warning':
      return 'medium';
    case 'low':
    case 'info':
    case 'note':
      return 'low';
    default:
      return 'unknown';
  }
}

/** The level a format without levels gets: critical/high error, medium warning, low note. */
export function levelFor(severity: Severity): Level {
  if (severity === 'critical' || severity === 'high') return 'error';
  if (severity === 'low') return 'note';
  return 'warning';
}

/** GitHub's bands for a `security-severity` score: ≥9 critical, ≥7 high, ≥4 medium, >0 low. */
export function securitySeverityBand(score: number | undefined): Severity {
  if (score === undefined || !Number.isFinite(score) || score <= 0) return 'unknown';
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  return 'low';
}
