/** The checks' shared model: ids, severities, results, and running them all even when one fails. */

export const CHECK_IDS = [
  'workflows',
  'local-actions',
  'manifests',
  'lockfile',
  'python-version',
  'node-version',
  'secrets',
  'files',
  'api-budget',
  'disk-space',
  'tools',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** error: a problem fails the step; warning: it is reported only; off: the check does not run. */
export const SEVERITIES = ['error', 'warning', 'off'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type CheckResultKind = 'pass' | 'warn' | 'fail';

/** What a check found; `level: 'warning'` findings never fail it (e.g. an unknown input). */
export interface Problem {
  level: 'error' | 'warning';
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface CheckFindings {
  problems: Problem[];
  /** One line for the table when all is well (e.g. "3 workflows"). */
  note: string;
}

export interface CheckOutcome {
  id: CheckId;
  title: string;
  severity: Exclude<Severity, 'off'>;
  result: CheckResultKind;
  /** The table's "details": the note, or the problems' count. */
  detail: string;
  problems: Problem[];
  durationMs: number;
}

export const CHECK_TITLES: Record<CheckId, string> = {
  workflows: 'Workflows valid (actionlint)',
  'local-actions': 'Local action references',
  manifests: 'Manifests parse',
  lockfile: 'Lockfile in sync',
  'python-version': 'requires-python vs matrix',
  'node-version': 'engines.node vs matrix',
  secrets: 'Required secrets',
  files: 'Required files',
  'api-budget': 'GitHub API budget',
  'disk-space': 'Disk space',
  tools: 'Tools on PATH',
};

/** Defaults: what breaks the matrix fails; what is about the machine warns. */
export const DEFAULT_SEVERITY: Record<CheckId, Exclude<Severity, 'off'>> = {
  workflows: 'error',
  'local-actions': 'error',
  manifests: 'error',
  lockfile: 'error',
  'python-version': 'error',
  'node-version': 'error',
  secrets: 'error',
  files: 'error',
  'api-budget': 'warning',
  'disk-space': 'warning',
  tools: 'error',
};

/** The result of one check from its findings and severity. */
export function judge(severity: Exclude<Severity, 'off'>, problems: Problem[]): CheckResultKind {
  if (problems.length === 0) return 'pass';
  return severity === 'error' && problems.some((p) => p.level === 'error') ? 'fail' : 'warn';
}

export type CheckRun = () => Promise<CheckFindings>;

/** Runs every enabled check (in order, each timed); a check that throws is a failed check, not a crash. */
export async function runChecks(
  checks: Partial<Record<CheckId, CheckRun>>,
  severities: Record<CheckId, Severity>,
  now: () => number,
): Promise<CheckOutcome[]> {
  const outcomes: CheckOutcome[] = [];
  for (const id of CHECK_IDS) {
    const run = checks[id];
    const severity = severities[id];
    if (!run || severity === 'off') continue;
    const started = now();
    let findings: CheckFindings;
    try {
      findings = await run();
    } catch (error) {
      findings = {
        problems: [{ level: 'error', message: `the check could not run: ${(error as Error).message}` }],
        note: '',
      };
    }
    const { problems } = findings;
    const errors = problems.filter((p) => p.level === 'error').length;
    const warnings = problems.length - errors;
    const counted = [errors && `${errors} error(s)`, warnings && `${warnings} warning(s)`]
      .filter(Boolean)
      .join(', ');
    outcomes.push({
      id,
      title: CHECK_TITLES[id],
      severity,
      result: judge(severity, problems),
      detail:
        problems.length === 0
          ? findings.note
          : `${counted}: ${problems[0]?.message ?? ''}${problems.length > 1 ? ' …' : ''}`,
      problems,
      durationMs: now() - started,
    });
  }
  return outcomes;
}
