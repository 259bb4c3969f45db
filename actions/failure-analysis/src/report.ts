/**
 * The result model rendered: the `report` output / report-path JSON (the `qeml analyze` contract's
 * `logs` plus the run, the decision and what was done), the job summary, the CLI's text, and the
 * annotations at file:line. Everything shown is redacted (excerpts by the analyzer, the rest here).
 */
import { type AnnotationProperties, type Redactor, Summary } from '@qeml/action-kit';
import { toReport } from '@qeml/diagnosis';
import type { FailureAnalysisResult } from './model';
import { excerptLines, focusLine } from './reason';

export function buildReport(result: FailureAnalysisResult) {
  const logs = toReport(result.jobs.map((job) => job.analysis)).logs;
  return {
    ...(result.run ? { run: result.run } : {}),
    ...(result.files ? { files: result.files } : {}),
    verdict: result.decision.verdict,
    recovery: result.decision.recovery,
    because: result.decision.because,
    ...(result.decision.ladder
      ? {
          ladder: {
            rungs: result.decision.ladder.rungs,
            attempt: result.decision.ladder.attempt,
            'max-attempts': result.decision.ladder.maxAttempts,
            step: result.decision.ladder.step.rung,
          },
        }
      : {}),
    logs,
    jobs: result.jobs.map((job, index) => ({
      id: job.id,
      name: job.name,
      url: job.url,
      verdict: job.analysis.verdict,
      transient: job.transient,
      why: job.why,
      annotations: job.annotations,
      log: index,
    })),
    flaky: result.flaky,
    ...(result.baseline ? { baseline: result.baseline } : {}),
    ...(result.fingerprint ? { fingerprint: result.fingerprint } : {}),
    taken: {
      rerun: result.taken.rerun,
      'delay-ms': result.taken.delayMs,
      'deleted-caches': result.taken.deletedCaches,
      ...(result.taken.dispatched ? { dispatched: result.taken.dispatched } : {}),
      ...(result.taken.issue ? { issue: result.taken.issue } : {}),
      ...(result.taken.recovered ? { recovered: result.taken.recovered } : {}),
      notes: result.taken.notes,
    },
  };
}

export type FailureAnalysisReport = ReturnType<typeof buildReport>;

/** The failed jobs output: name, verdict, reason title and link per job. */
export function failedJobsSummary(result: FailureAnalysisResult) {
  return result.jobs.map((job) => ({
    name: job.name,
    id: job.id,
    verdict: job.analysis.verdict,
    transient: job.transient,
    reason: job.analysis.findings[0]?.title ?? null,
    url: job.url,
  }));
}

const MARK: Record<string, string> = {
  success: '✅',
  skipped: '⏭️',
  transient: '🔁',
  flaky: '🎲',
  deterministic: '❌',
  resource: '💥',
  config: '⚙️',
  unknown: '❓',
};

/** One line a person reads first. */
export function headline(result: FailureAnalysisResult): string {
  const { decision, taken } = result;
  const what = result.run
    ? `${result.run.workflow} run ${result.run.id} (attempt ${result.run.attempt})`
    : 'The logs';
  const failed = result.jobs.length;
  const done: string[] = [];
  if (taken.deletedCaches.length > 0) done.push(`deleted ${taken.deletedCaches.length} cache(s)`);
  if (taken.rerun) done.push('reran the failed jobs');
  if (taken.dispatched) done.push(`dispatched ${taken.dispatched.workflow}`);
  if (taken.issue) done.push(`${taken.issue.created ? 'opened' : 'updated'} issue #${taken.issue.number}`);
  for (const recovered of taken.recovered ?? [])
    done.push(`commented on #${recovered.issue}${recovered.closed ? ' and closed it' : ''}`);
  const verdict =
    decision.verdict === 'skipped'
      ? `skipped, ${decision.because}`
      : decision.verdict === 'success'
        ? result.run?.conclusion === 'success'
          ? 'passed'
          : 'no failed job'
        : `${failed} failed job${failed === 1 ? '' : 's'}, ${decision.verdict}`;
  return `${MARK[decision.verdict] ?? ''} ${what}: ${verdict}; recovery: ${decision.recovery}${done.length > 0 ? ` (${done.join(', ')})` : ''}.`;
}

/** Link to the reason's line in the job's log (GitHub's #step:…:line anchors need the step; the job is enough). */
function jobLink(job: FailureAnalysisResult['jobs'][number]): string {
  const finding = job.analysis.findings[0];
  const line = finding ? ` (line ${focusLine(finding)})` : '';
  return job.id === null ? `\`${job.name}\`${line}` : `[${job.name}](${job.url})${line}`;
}

export function buildSummary(result: FailureAnalysisResult, redactor?: Redactor): Summary {
  const summary = new Summary(redactor ? { redactor } : {})
    .heading('Failure analysis', 3)
    .paragraph(headline(result));
  summary.paragraph(`**Decision**: ${result.decision.recovery}, because ${result.decision.because}.`);
  const ladder = result.decision.ladder;
  if (ladder) {
    const rows = [...ladder.rungs, 'escalate'].map((rung, index) => [
      String(index + 1),
      rung,
      index + 1 === ladder.attempt
        ? `◀ attempt ${ladder.attempt}${ladder.step.rung !== rung ? ` (${ladder.step.rung})` : ''}`
        : '',
    ]);
    summary.table(['Attempt', 'Rung', 'This run'], rows);
  }
  if (result.jobs.length > 0) {
    summary.table(
      ['Job', 'Verdict', 'Reason', 'Rerun?'],
      result.jobs.map((job) => [
        jobLink(job),
        `${MARK[job.analysis.verdict] ?? ''} ${job.analysis.verdict}`,
        job.analysis.findings[0]?.title ?? 'no reason found',
        job.transient ? 'allows' : 'blocks',
      ]),
    );
    for (const job of result.jobs) {
      const finding = job.analysis.findings[0];
      if (!finding) continue;
      const body = new Summary(redactor ? { redactor } : {}).paragraph(job.why).code(excerptLines(finding));
      for (const a of job.annotations) body.paragraph(`\`${a.path}:${a.line}\` ${a.message}`);
      summary.details(`${job.name}: lines ${finding.start}-${finding.end}, ${finding.title}`, body);
    }
  }
  if (result.flaky.length > 0) {
    summary.heading('Flaky tests', 4).table(
      ['Test', 'Job', 'Failed', 'Passed'],
      result.flaky.map((f) => [f.test, f.job, `[run](${f.failedUrl})`, `[run](${f.passedUrl})`]),
    );
  }
  if (result.baseline)
    summary.paragraph(
      `Baseline: job ${result.baseline.job} of [run ${result.baseline.runId}](${result.baseline.url}).`,
    );
  if (result.taken.notes.length > 0) summary.list(result.taken.notes);
  return summary;
}

/** The CLI's text: the headline, then per failed job its verdict, reason and excerpt. */
export function renderResultText(result: FailureAnalysisResult, redactor: Redactor): string {
  const out = [
    headline(result),
    `Decision: ${result.decision.recovery}, because ${result.decision.because}.`,
    '',
  ];
  for (const job of result.jobs) {
    const finding = job.analysis.findings[0];
    out.push(`${job.name}: ${job.why}`);
    if (job.id !== null) out.push(`  ${job.url}`);
    if (finding) {
      out.push(`  Reason (lines ${finding.start}-${finding.end}): ${finding.title}`);
      for (const [offset, line] of excerptLines(finding).split('\n').entries())
        out.push(`  ${String(finding.start + offset).padStart(String(finding.end).length)} | ${line}`);
    }
    out.push('');
  }
  for (const f of result.flaky)
    out.push(`Flaky: ${f.test} (${f.job}) failed ${f.failedUrl}, passed ${f.passedUrl}`);
  for (const note of result.taken.notes) out.push(`Note: ${note}`);
  return `${redactor.redact(out.join('\n'))}\n`;
}

/** Annotations at file:line where a log or a check run names the place. */
export function annotationsOf(
  result: FailureAnalysisResult,
): { message: string; properties: AnnotationProperties }[] {
  const annotations: { message: string; properties: AnnotationProperties }[] = [];
  for (const job of result.jobs) {
    const finding = job.analysis.findings[0];
    if (finding?.file) {
      annotations.push({
        message: `${job.name}: ${finding.title}`,
        properties: {
          file: finding.file,
          ...(finding.line ? { startLine: finding.line } : {}),
          title: 'failure-analysis',
        },
      });
    }
    for (const a of job.annotations.slice(0, 5)) {
      annotations.push({
        message: `${job.name}: ${a.message}`,
        properties: { file: a.path, startLine: a.line, title: 'failure-analysis' },
      });
    }
  }
  return annotations;
}
