/**
 * Escalation: one issue per fingerprint (pattern ids + normalised reasons + workflow), kept by the
 * shared marked-issue helpers (found again by a hidden marker among the issues with our label; safe
 * under two runs at once). A repeat updates its count, last-seen time and links; a later green run
 * of the workflow on a branch it failed on comments "recovered" (and closes it when asked).
 */
import { createHash } from 'node:crypto';
import type { Redactor } from '@qeml/action-kit';
import { Summary } from '@qeml/action-kit';
import {
  findMarkedComment,
  formatMarker,
  type GitHubClient,
  parseMarker,
  upsertMarkedIssue,
} from '@qeml/action-kit/github';
import { type Finding, normalizeLine } from '@qeml/diagnosis';
import type { AnalysedRun, FailedJob, IssueOutcome } from './model';
import { excerptLines, reasonOf } from './reason';

export const MARKER_KIND = 'failure-analysis';
/** The marker of a "recovered" comment (one per failure seen, not per green run). */
const RECOVERED_KIND = 'failure-analysis-recovered';
/** The label every escalated issue carries: candidates are listed by it. */
export const ISSUE_LABEL = 'failure-analysis';
/** Runs remembered per issue (links in its body). */
const RUNS_KEPT = 10;
const BRANCHES_KEPT = 10;
/** GitHub refuses an issue body over 65,536 characters; the hidden marker and its state take the rest. */
const ISSUE_BODY_BYTES = 60_000;

/** What an issue keeps in its marker between runs (small: counts, times, links). */
export interface IssueState {
  occurrences: number;
  firstSeen: string;
  lastSeen: string;
  workflow: string;
  branches: string[];
  /** `url#attempt` of the runs counted, newest last. */
  runs: string[];
}

/** The line a finding is about, normalised (numbers, times, hashes, temp paths made uniform). */
function normalisedReason(finding: Finding | undefined): string {
  if (!finding) return 'no-reason';
  const focus = finding.focus ?? finding.start;
  const line = finding.excerpt.split('\n')[focus - finding.start] ?? finding.title;
  return normalizeLine(line);
}

/** The fingerprint of a failure: sha256 of the workflow and each job's pattern id + normalised reason. */
export function fingerprint(workflow: string, jobs: readonly FailedJob[]): string {
  const reasons = [
    ...new Set(
      jobs.map((job) => {
        const top = job.analysis.findings[0];
        return `${top?.pattern ?? 'generic'}:${normalisedReason(top)}`;
      }),
    ),
  ].sort();
  return createHash('sha256')
    .update([workflow, ...reasons].join('\n'))
    .digest('hex')
    .slice(0, 16);
}

export interface EscalationRequest {
  run: AnalysedRun;
  jobs: readonly FailedJob[];
  fingerprint: string;
  labels: readonly string[];
  verdict: string;
  because: string;
  now: string;
  redactor: Redactor;
}

export async function escalate(github: GitHubClient, request: EscalationRequest): Promise<IssueOutcome> {
  const { run } = request;
  const top = reasonOf(request.jobs);
  const title = request.redactor.redact(
    `CI failure in ${run.workflow || run.workflowPath}: ${top?.finding?.title ?? 'failed jobs'}`.slice(
      0,
      200,
    ),
  );
  const result = await upsertMarkedIssue<IssueState>(github, {
    owner: run.owner,
    repo: run.repo,
    marker: { kind: MARKER_KIND, id: request.fingerprint },
    label: ISSUE_LABEL,
    labels: [...request.labels],
    title,
    render: (previous) => {
      const state = nextState(previous, request);
      return { body: issueBody(request, state), state };
    },
  });
  return {
    number: result.number,
    url: result.url,
    created: result.created,
    occurrences: result.state.occurrences,
  };
}

/** The state after this run: counted once per run attempt, however many analyses see it. */
export function nextState(
  previous: IssueState | undefined,
  request: Pick<EscalationRequest, 'run' | 'now'>,
): IssueState {
  const { run } = request;
  const key = `${run.url}#${run.attempt}`;
  const seen = previous?.runs.includes(key) ?? false;
  return {
    occurrences: (previous?.occurrences ?? 0) + (seen ? 0 : 1),
    firstSeen: previous?.firstSeen ?? request.now,
    lastSeen: seen ? (previous?.lastSeen ?? request.now) : request.now,
    workflow: run.workflowPath,
    branches: [...new Set([...(previous?.branches ?? []), run.branch])].slice(-BRANCHES_KEPT),
    runs: seen ? (previous?.runs ?? []) : [...(previous?.runs ?? []), key].slice(-RUNS_KEPT),
  };
}

function issueBody(request: EscalationRequest, state: IssueState): string {
  const { run } = request;
  const summary = new Summary({ redactor: request.redactor, limitBytes: ISSUE_BODY_BYTES })
    .paragraph(
      `**${run.workflow}** (\`${run.workflowPath}\`) failed: ${request.verdict}. ${request.because}.`,
    )
    .paragraph(
      `Seen **${state.occurrences}** time${state.occurrences === 1 ? '' : 's'}: first ${state.firstSeen}, last ${state.lastSeen}, on ${state.branches.map((b) => `\`${b}\``).join(', ')}.`,
    )
    .table(
      ['Job', 'Verdict', 'Reason'],
      request.jobs.map((job) => [
        `[${job.name}](${job.url})`,
        job.analysis.verdict,
        job.analysis.findings[0]?.title ?? 'no reason found',
      ]),
    );
  for (const job of request.jobs) {
    const finding = job.analysis.findings[0];
    if (finding)
      summary.details(
        `${job.name}: lines ${finding.start}-${finding.end}`,
        new Summary({ redactor: request.redactor }).code(excerptLines(finding)),
      );
  }
  summary.paragraph('Runs:').list(
    state.runs.map((key) => {
      const [url, attempt] = key.split('#');
      return `[${url?.split('/').pop()} attempt ${attempt}](${url}/attempts/${attempt})`;
    }),
  );
  summary.paragraph(
    '_Opened and kept up to date by qeml failure-analysis; it comments here when the workflow passes again._',
  );
  return summary.render();
}

/**
 * After a green run: every open issue of this workflow that failed on this branch gets one
 * "recovered" comment (closed when `close` is set). One list of the label's open issues, and one
 * of each such issue's comments: the comment carries a marker naming the failure it answers (the
 * issue's last-seen time), so later green runs add nothing until the failure is seen again.
 */
export async function commentRecovered(
  github: GitHubClient,
  run: AnalysedRun,
  close: boolean,
): Promise<{ issue: number; closed: boolean }[]> {
  const repo = { owner: run.owner, repo: run.repo };
  const issues = await github.paginate(github.rest.issues.listForRepo, {
    ...repo,
    labels: ISSUE_LABEL,
    state: 'open',
    per_page: 100,
  });
  const recovered: { issue: number; closed: boolean }[] = [];
  for (const issue of issues) {
    const parsed = parseMarker(issue.body);
    const state = parsed?.state as Partial<IssueState> | undefined;
    if (issue.pull_request || parsed?.marker.kind !== MARKER_KIND || state?.workflow !== run.workflowPath)
      continue;
    if (!state.branches?.includes(run.branch)) continue;
    const marker = { kind: RECOVERED_KIND, id: `${parsed.marker.id}@${state.lastSeen ?? ''}` };
    const said =
      (await findMarkedComment(github, { ...repo, issueNumber: issue.number, marker })) !== undefined;
    if (!said) {
      await github.rest.issues.createComment({
        ...repo,
        issue_number: issue.number,
        body: `${formatMarker(marker)}\n✅ Recovered: [${run.workflow} run ${run.id}](${run.url}) passed on \`${run.branch}\` (${run.sha.slice(0, 7)}).`,
      });
    }
    if (close) {
      await github.rest.issues.update({
        ...repo,
        issue_number: issue.number,
        state: 'closed',
        state_reason: 'completed',
      });
    }
    if (!said || close) recovered.push({ issue: issue.number, closed: close });
  }
  return recovered;
}
