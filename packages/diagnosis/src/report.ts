/**
 * The result model's two renderers: the stable JSON contract (`qeml analyze --format json`, read by
 * the failure-analysis action and others) and text for a person at a terminal. Both show only what
 * the analysis already redacted.
 */
import { Summary } from '@qeml/action-kit';
import type { AnalysisReport, Finding, LogAnalysis } from './types';

/** Exactly the contract's fields, in the contract's order (extra fields such as `score` or stats stay out). */
export function toReport(logs: readonly LogAnalysis[]): AnalysisReport {
  return {
    logs: logs.map((log) => ({
      file: log.file,
      verdict: log.verdict,
      recovery: log.recovery,
      findings: log.findings.map((f) => ({
        start: f.start,
        end: f.end,
        category: f.category,
        pattern: f.pattern,
        title: f.title,
        transient: f.transient,
        excerpt: f.excerpt,
        ...(f.file !== undefined ? { file: f.file } : {}),
        ...(f.line !== undefined ? { line: f.line } : {}),
        ...(f.column !== undefined ? { column: f.column } : {}),
        ...(f.test !== undefined ? { test: f.test } : {}),
      })),
    })),
  };
}

export function renderJson(logs: readonly LogAnalysis[]): string {
  return `${JSON.stringify(toReport(logs), null, 2)}\n`;
}

export interface TextOptions {
  /** ANSI colours (only on a TTY). */
  color?: boolean;
  /** Findings shown per log (default 3). */
  findings?: number;
}

const VERDICT_WORDS: Record<LogAnalysis['verdict'], string> = {
  transient: "transient: the world's fault, a rerun should pass",
  deterministic: 'deterministic: the code or its tests, a rerun will not help',
  flaky: 'flaky: a test that fails sometimes',
  resource: 'resource: the job ran out of memory, disk or time',
  config: 'config: the workflow or a tool is set up wrongly',
  unknown: 'unknown: no known failure matched',
};

export function renderText(logs: readonly LogAnalysis[], options: TextOptions = {}): string {
  const paint = (code: string, text: string) => (options.color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const out: string[] = [];
  for (const log of logs) {
    const verdictColour = log.verdict === 'transient' ? '33' : log.verdict === 'unknown' ? '2' : '31';
    out.push(
      `${paint('1', log.file)}: ${paint(verdictColour, VERDICT_WORDS[log.verdict])} (recovery: ${log.recovery})`,
    );
    if (log.findings.length === 0) out.push('  no failure reason found');
    for (const [index, finding] of log.findings.slice(0, options.findings ?? 3).entries()) {
      out.push('', `  ${index === 0 ? paint('1', 'Reason') : 'Also'} ${describe(finding)}`);
      const width = String(finding.end).length;
      for (const [offset, line] of finding.excerpt.split('\n').entries()) {
        const number = String(finding.start + offset).padStart(width);
        out.push(`  ${paint('2', `${number} |`)} ${line}`);
      }
    }
    out.push('');
  }
  return `${out.join('\n')}`;
}

function describe(finding: Finding): string {
  const where =
    finding.start === finding.end ? `line ${finding.start}` : `lines ${finding.start}-${finding.end}`;
  const kind = finding.pattern ? `${finding.pattern}, ${finding.category}` : 'generic';
  const transient = finding.transient ? ', transient' : '';
  return `(${where}, ${kind}${transient}): ${finding.title}`;
}

/** Markdown for a job summary: a table of verdicts, then each log's reason as a code block. */
export function renderMarkdown(logs: readonly LogAnalysis[], options: { findings?: number } = {}): string {
  const summary = new Summary().heading('Failure analysis', 2);
  summary.table(
    ['Log', 'Verdict', 'Recovery', 'Reason'],
    logs.map((log) => [
      log.file,
      log.verdict,
      log.recovery,
      log.findings[0]?.title ?? 'no failure reason found',
    ]),
  );
  for (const log of logs) {
    for (const [index, finding] of log.findings.slice(0, options.findings ?? 1).entries()) {
      summary.details(
        `${log.file}: ${index === 0 ? 'reason' : 'also'} ${describe(finding)}`,
        new Summary().code(finding.excerpt),
      );
    }
  }
  return summary.render();
}
