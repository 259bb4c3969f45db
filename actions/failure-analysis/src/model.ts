/** The failure-analysis result model: what was analysed, each failed job's verdict, the decision and what was done. */
import type { LogAnalysis, Verdict } from '@qeml/diagnosis';
import type { LadderStep, Rung } from './ladder';

/** The run analysed (absent when local log files were analysed). */
export interface AnalysedRun {
  owner: string;
  repo: string;
  id: number;
  attempt: number;
  url: string;
  workflow: string;
  workflowPath: string;
  workflowId: number;
  branch: string;
  sha: string;
  event: string;
  status: string;
  conclusion: string | null;
  totalJobs: number;
}

/** An annotation of a failed job's check run that names a place in the code. */
export interface JobAnnotation {
  path: string;
  line: number;
  level: string;
  message: string;
}

export interface FailedJob {
  /** Job id (= check run id); null for a local log file. */
  id: number | null;
  name: string;
  /** Link to the job (and its reason line when known), or the file path. */
  url: string;
  conclusion: string;
  analysis: LogAnalysis;
  annotations: JobAnnotation[];
  /** Only a transient job may be healed by a rerun. */
  transient: boolean;
  /** Why the job does or does not allow a rerun, in words. */
  why: string;
  /** Cache keys the job's log says it restored (candidates for the clean-cache rung). */
  cacheKeys: string[];
}

/** A test that failed and then passed on the same commit. */
export interface FlakyTest {
  test: string;
  job: string;
  failedUrl: string;
  passedUrl: string;
}

/** The recovery chosen for the run (the `recovery` output). */
export type Recovery = Rung | 'escalate' | 'quarantine' | 'none';

export interface Decision {
  /**
   * `transient` when every failed job is; else the verdict of the job that blocks a rerun; `success`
   * when none failed; `skipped` when the run was not analysed (a newer attempt exists, or it runs again).
   */
  verdict: Verdict | 'success' | 'skipped';
  recovery: Recovery;
  because: string;
  /** Where the run stands on the ladder (runs only). */
  ladder?: { rungs: readonly Rung[]; attempt: number; maxAttempts: number; step: LadderStep };
}

export interface IssueOutcome {
  number: number;
  url: string;
  created: boolean;
  occurrences: number;
}

/** What the analysis did (or would do without `heal` / `escalate`). */
export interface ActionsTaken {
  delayMs: number;
  rerun: boolean;
  deletedCaches: string[];
  dispatched?: { workflow: string; ref: string };
  issue?: IssueOutcome;
  recovered?: { issue: number; closed: boolean }[];
  /** Notes for a person: what was skipped and why (e.g. "heal is off"). */
  notes: string[];
}

export interface FailureAnalysisResult {
  run?: AnalysedRun;
  files?: string[];
  jobs: FailedJob[];
  baseline?: { runId: number; url: string; job: string };
  flaky: FlakyTest[];
  decision: Decision;
  taken: ActionsTaken;
  /** The escalation fingerprint (pattern ids + normalised reasons + workflow), when something would escalate. */
  fingerprint?: string;
}

/** Nothing done (yet), with notes for a person. */
export function noActions(notes: string[] = []): ActionsTaken {
  return { delayMs: 0, rerun: false, deletedCaches: [], notes };
}
