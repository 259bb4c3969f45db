/**
 * Failure-analysis reports (`report-path`: JSON files, or folders of them) as failure classes per
 * run. What is read of a report: the run (`run-id`, `runId`, `run_id` or the action's `run.id`),
 * optionally its attempt (`run-attempt`, `attempt`, `run.attempt`), and per failed job its class: `jobs: [{ name, category | class | verdict }]`,
 * or `logs: [{ file (the job), findings: [{ category }], verdict }]` as `qeml analyze` writes them
 * (the first finding's category, else the verdict). Anything else in the file is ignored.
 */
import { ConfigurationError } from '@qeml/action-kit';
import type { FailureReport } from './records';

export interface ReportFiles {
  readFile(path: string): Promise<string>;
  /** Names in a folder; throws for a file. */
  readdir(path: string): Promise<string[]>;
  isDirectory(path: string): Promise<boolean>;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const number = (...values: unknown[]) => values.map(Number).find((n) => Number.isInteger(n) && n > 0);

function jobClasses(report: Json): Record<string, string> {
  // A log's first finding names the class more precisely than a job's verdict (network, not transient).
  const fromLogs: Record<string, string> = {};
  for (const log of Array.isArray(report.logs) ? report.logs : []) {
    if (!isObject(log)) continue;
    const name = text(log.job) ?? text(log.file);
    const first = Array.isArray(log.findings) ? log.findings.find(isObject) : undefined;
    const cls = text(first?.category) ?? text(log.verdict);
    if (name && cls) fromLogs[name] ??= cls;
  }
  const classes: Record<string, string> = {};
  for (const job of Array.isArray(report.jobs) ? report.jobs : []) {
    if (!isObject(job)) continue;
    const name = text(job.name);
    const cls = name && (text(job.category) ?? text(job.class) ?? fromLogs[name] ?? text(job.verdict));
    if (name && cls) classes[name] = cls;
  }
  return { ...fromLogs, ...classes };
}

/** The reports in one file's text (an object, or an array of them); `file` names it in errors. */
export function parseFailureReports(content: string, file: string): FailureReport[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    throw new ConfigurationError(`Input 'report-path': ${file} is not JSON (${(error as Error).message})`);
  }
  const reports: FailureReport[] = [];
  for (const report of Array.isArray(parsed) ? parsed : [parsed]) {
    if (!isObject(report)) continue;
    // The failure-analysis action's report keeps them in `run: { id, attempt }`.
    const run = isObject(report.run) ? report.run : {};
    const runId = number(report['run-id'], report.runId, report.run_id, run.id);
    if (runId === undefined) continue;
    const attempt = number(report['run-attempt'], report.attempt, report.run_attempt, run.attempt);
    reports.push({ runId, ...(attempt ? { attempt } : {}), classesByJob: jobClasses(report) });
  }
  return reports;
}

/** Every report in the given files and folders (a folder: its `*.json` files). */
export async function readFailureReports(
  paths: readonly string[],
  files: ReportFiles,
): Promise<FailureReport[]> {
  const reports: FailureReport[] = [];
  for (const path of paths) {
    let targets: string[];
    try {
      targets = (await files.isDirectory(path))
        ? (await files.readdir(path))
            .filter((name) => name.endsWith('.json'))
            .sort()
            .map((name) => `${path}/${name}`)
        : [path];
    } catch {
      throw new ConfigurationError(
        `Input 'report-path': ${path} cannot be read (expected a JSON file or a folder of them)`,
      );
    }
    for (const target of targets) {
      let content: string;
      try {
        content = await files.readFile(target);
      } catch {
        throw new ConfigurationError(`Input 'report-path': ${target} cannot be read`);
      }
      reports.push(...parseFailureReports(content, target));
    }
  }
  return reports;
}
