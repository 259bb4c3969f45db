/**
 * The quality gate's engine: find the report files, parse them, read the change and the baseline,
 * evaluate the conditions, plan the annotations. Pure apart from the I/O its deps give it.
 */
import type { Clock, GitHubClient, Logger } from '@qeml/action-kit';
import {
  type BaselineMetrics,
  createPathMapper,
  evaluateGate,
  type GateEvaluation,
  type Report,
  type ReportError,
} from '@qeml/reports';
import { glob } from 'tinyglobby';
import { type PlannedAnnotation, planAnnotations } from './annotations';
import { type BaselineOutcome, type BaselineStore, restoreBaseline, saveBaseline } from './baseline';
import { type ChangeSource, type Changes, type GitRunner, readChanges } from './changes';
import { type GateConfig, REPORT_KINDS, type ReportKind } from './inputs';

/** Where the run happens, read from the event by main.ts or the CLI. */
export interface GateContext {
  changeSource: ChangeSource;
  /** Save this run's metrics as the new baseline (a push to the default branch). */
  saveBaseline: boolean;
  /** Unique per run and attempt (`<run id>-<attempt>`). */
  runKey: string;
  sha?: string;
}

export interface GateDeps {
  logger: Logger;
  clock: Clock;
  /** The checkout; globs and report paths are relative to it. */
  workspace: string;
  context: GateContext;
  /** Reads and parses report files (@qeml/reports' parsers): one result per file, in order. */
  parse(files: string[]): Promise<Array<Report | ReportError>>;
  github?: GitHubClient;
  git?: GitRunner;
  /** The Actions cache; undefined with `baseline: none`. */
  baselineStore?: BaselineStore;
}

export interface ReadReport {
  file: string;
  kinds: ReportKind[];
  format?: string;
  error?: string;
  warnings: string[];
}

export interface GateResult {
  name: string;
  failOn: GateConfig['failOn'];
  verdict: 'pass' | 'warn' | 'fail';
  passed: boolean;
  evaluation: GateEvaluation;
  reports: ReadReport[];
  /** Globs that matched no file, by input. */
  unmatched: Array<{ kind: ReportKind; glob: string }>;
  /** Inputs none of whose globs found a file: each fails the gate like an unreadable report. */
  missing?: ReportKind[];
  changes: Omit<Changes, 'files'> & { count: number | null };
  baseline: BaselineOutcome;
  annotations: PlannedAnnotation[];
  annotationsLeftOut: number;
}

function isError(report: Report | ReportError): report is ReportError {
  return 'error' in report;
}

async function findReports(config: GateConfig, workspace: string) {
  const byFile = new Map<string, ReportKind[]>();
  const unmatched: GateResult['unmatched'] = [];
  for (const kind of REPORT_KINDS) {
    for (const pattern of config.globs[kind]) {
      const files = await glob(pattern, {
        cwd: workspace,
        onlyFiles: true,
        dot: true,
        expandDirectories: false,
      });
      if (files.length === 0) unmatched.push({ kind, glob: pattern });
      for (const file of files.sort()) byFile.set(file, [...new Set([...(byFile.get(file) ?? []), kind])]);
    }
  }
  return { byFile, unmatched };
}

export async function runGate(config: GateConfig, deps: GateDeps): Promise<GateResult> {
  const { logger } = deps;
  const { byFile, unmatched } = await findReports(config, deps.workspace);
  for (const { kind, glob: pattern } of unmatched) {
    logger.warning(`Input '${kind}': ${JSON.stringify(pattern)} matched no file in the workspace`);
  }
  const files = [...byFile.keys()];
  const parsed = files.length === 0 ? [] : await deps.parse(files);
  const reports: Report[] = [];
  const read: ReadReport[] = parsed.map((report, i) => {
    const file = files[i] ?? report.file;
    const kinds = byFile.get(file) ?? [];
    if (isError(report)) return { file, kinds, error: report.error, warnings: [] };
    reports.push(report);
    return { file, kinds, format: report.format, warnings: report.warnings };
  });
  for (const report of read) {
    if (report.error) logger.error(`Report ${report.file} could not be read: ${report.error}`);
    for (const warning of report.warnings) logger.warning(`${report.file}: ${warning}`);
  }

  const changes = await readChanges(deps.context.changeSource, {
    github: deps.github,
    git: deps.git,
    logger,
  });
  const needsBaseline = reports.some((r) => r.coverage !== null || r.benchmarks !== null);
  const baseline: BaselineOutcome =
    config.baseline === 'none'
      ? { status: 'disabled', reason: 'not used (baseline: none)' }
      : needsBaseline
        ? await restoreBaseline(deps.baselineStore, config.name)
        : { status: 'disabled', reason: 'no coverage or benchmark report to compare' };
  if (baseline.status === 'unavailable') logger.warning(`${baseline.reason}; the gate decides without it`);

  const mapper = createPathMapper({ workspace: deps.workspace, sourceRoots: config.sourceRoots });
  const evaluation = evaluateGate({
    reports,
    changes: changes.files,
    noDiffReason: changes.note,
    baseline: baseline.metrics,
    noBaselineReason: baseline.reason,
    thresholds: config.thresholds,
    conditions: config.conditions,
    mapper,
    failOn: config.failOn,
  });

  if (deps.context.saveBaseline && config.baseline === 'cache' && deps.baselineStore && needsBaseline) {
    const metrics: BaselineMetrics = {
      ...evaluation.nextBaseline,
      ...(deps.context.sha ? { sha: deps.context.sha } : {}),
      savedAt: new Date(deps.clock.now()).toISOString(),
    };
    baseline.saved = await saveBaseline(deps.baselineStore, config.name, deps.context.runKey, metrics);
    if (!baseline.saved?.ok)
      logger.warning(
        `The baseline was not saved: ${baseline.saved?.ok === false ? baseline.saved.reason : ''}`,
      );
  }

  // A report that cannot be read, or an input none of whose globs found a file (a path typo, a
  // step that wrote no report), must not let the gate pass on the others alone.
  const missing = REPORT_KINDS.filter(
    (kind) =>
      config.globs[kind].length > 0 &&
      config.globs[kind].every((g) => unmatched.some((u) => u.kind === kind && u.glob === g)),
  );
  const unreadable = read.some((r) => r.error !== undefined) || missing.length > 0;
  const verdict = unreadable ? 'fail' : evaluation.verdict;
  const passed = config.failOn === 'never' || (evaluation.passed && !unreadable);
  const { annotations, leftOut } = planAnnotations(evaluation, mapper);
  return {
    name: config.name,
    failOn: config.failOn,
    verdict,
    passed,
    evaluation,
    reports: read,
    unmatched,
    missing,
    changes: { count: changes.files?.length ?? null, from: changes.from, note: changes.note },
    baseline,
    annotations,
    annotationsLeftOut: leftOut,
  };
}
