/**
 * A simulated month of CI history in github-sim, with known answers: the e2e tests check every
 * figure against the hand computation written next to them (tests/e2e/pipeline-health/month.test.ts),
 * and the demo reports on it. Times are given as (day of the window, HH:MM), the window being the
 * 30 days before `now`, so the month always ends "now" and every run stays inside it.
 *
 * CI (ci.yml: build, test, lint), on main:
 *   first-attempt failures healed by re-runs (runs 2, 9, 11), a red streak fixed by later commits
 *   (4, 5 -> 6), a time-out fixed by a new run on the same commit (12 -> 13), a cancellation (7) and
 *   a red period still open at the end (17, a startup failure).
 * Nightly (nightly.yml: e2e), on main: green for two weeks, then failing more and more (rising).
 * Docs (docs.yml): no run in the window (one older run, outside it).
 * Also outside what is reported: a failing CI run on a feature branch, a CI run older than the window.
 */
import type { Conclusion, GitHubSim, JobSpec } from '@qeml/github-sim';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
export const MONTH_WINDOW_MS = 30 * DAY;

/** One attempt: started and ended (HH:MM of the run's day), the jobs that failed, the conclusion when not plain failure/success. */
interface AttemptPlan {
  start: string;
  end: string;
  failed?: string[];
  conclusion?: Conclusion;
}

interface RunPlan {
  label: string;
  workflow: 'CI' | 'Nightly' | 'Docs';
  day: number;
  created: string;
  sha: string;
  attempts: AttemptPlan[];
  branch?: string;
  event?: string;
}

export const WORKFLOW_JOBS = { CI: ['build', 'test', 'lint'], Nightly: ['e2e'], Docs: ['docs'] } as const;

const ok = (start: string, end: string): AttemptPlan => ({ start, end });
const fail = (start: string, end: string, ...failed: string[]): AttemptPlan => ({ start, end, failed });

/** The month, oldest first. Labels name runs in the tests' hand computation. */
export const MONTH: readonly RunPlan[] = [
  {
    label: 'CI-old',
    workflow: 'CI',
    day: -3,
    created: '09:00',
    sha: 'c00',
    attempts: [fail('09:01', '09:11', 'test')],
  },
  {
    label: 'Docs-old',
    workflow: 'Docs',
    day: -2,
    created: '09:00',
    sha: 'c00',
    attempts: [ok('09:01', '09:05')],
  },
  { label: 'CI-1', workflow: 'CI', day: 1, created: '09:00', sha: 'c01', attempts: [ok('09:01', '09:11')] },
  {
    label: 'CI-2',
    workflow: 'CI',
    day: 2,
    created: '09:00',
    sha: 'c02',
    attempts: [fail('09:01', '09:11', 'test'), ok('09:20', '09:30')],
  },
  { label: 'CI-3', workflow: 'CI', day: 3, created: '09:00', sha: 'c03', attempts: [ok('09:02', '09:12')] },
  {
    label: 'CI-4',
    workflow: 'CI',
    day: 5,
    created: '10:00',
    sha: 'c04',
    attempts: [fail('10:01', '10:11', 'test')],
  },
  {
    label: 'CI-5',
    workflow: 'CI',
    day: 5,
    created: '11:00',
    sha: 'c05',
    attempts: [fail('11:01', '11:11', 'test')],
  },
  { label: 'CI-6', workflow: 'CI', day: 5, created: '12:00', sha: 'c06', attempts: [ok('12:01', '12:11')] },
  {
    label: 'CI-7',
    workflow: 'CI',
    day: 8,
    created: '09:00',
    sha: 'c07',
    attempts: [{ start: '09:01', end: '09:04', conclusion: 'cancelled' }],
  },
  {
    label: 'CI-feature',
    workflow: 'CI',
    day: 9,
    created: '09:00',
    sha: 'f01',
    branch: 'feature/x',
    attempts: [fail('09:01', '09:11', 'test')],
  },
  { label: 'CI-8', workflow: 'CI', day: 10, created: '09:00', sha: 'c08', attempts: [ok('09:01', '09:11')] },
  {
    label: 'CI-9',
    workflow: 'CI',
    day: 12,
    created: '09:00',
    sha: 'c09',
    attempts: [fail('09:01', '09:06', 'lint'), fail('09:10', '09:15', 'lint'), ok('09:20', '09:25')],
  },
  { label: 'CI-10', workflow: 'CI', day: 15, created: '09:00', sha: 'c10', attempts: [ok('09:03', '09:13')] },
  {
    label: 'CI-11',
    workflow: 'CI',
    day: 17,
    created: '09:00',
    sha: 'c11',
    attempts: [fail('09:01', '09:11', 'test'), ok('09:15', '09:25')],
  },
  {
    label: 'CI-12',
    workflow: 'CI',
    day: 20,
    created: '09:00',
    sha: 'c12',
    attempts: [{ start: '09:01', end: '09:31', failed: ['build'], conclusion: 'timed_out' }],
  },
  {
    label: 'CI-13',
    workflow: 'CI',
    day: 20,
    created: '10:00',
    sha: 'c12',
    event: 'workflow_dispatch',
    attempts: [ok('10:01', '10:11')],
  },
  { label: 'CI-14', workflow: 'CI', day: 22, created: '09:00', sha: 'c13', attempts: [ok('09:01', '09:11')] },
  { label: 'CI-15', workflow: 'CI', day: 25, created: '09:00', sha: 'c14', attempts: [ok('09:01', '09:11')] },
  { label: 'CI-16', workflow: 'CI', day: 27, created: '09:00', sha: 'c15', attempts: [ok('09:01', '09:11')] },
  {
    label: 'CI-17',
    workflow: 'CI',
    day: 28,
    created: '09:00',
    sha: 'c16',
    attempts: [{ start: '09:00', end: '09:00', conclusion: 'startup_failure' }],
  },
  ...[1, 3, 5, 7, 9, 11, 13, 16].map(
    (day, i): RunPlan => ({
      label: `N-${i + 1}`,
      workflow: 'Nightly',
      day,
      created: '02:00',
      sha: `n${day}`,
      attempts: [ok('02:02', '02:32')],
    }),
  ),
  {
    label: 'N-9',
    workflow: 'Nightly',
    day: 18,
    created: '02:00',
    sha: 'n18',
    attempts: [fail('02:02', '02:32', 'e2e')],
  },
  {
    label: 'N-10',
    workflow: 'Nightly',
    day: 20,
    created: '02:00',
    sha: 'n20',
    attempts: [fail('02:02', '02:32', 'e2e')],
  },
  {
    label: 'N-11',
    workflow: 'Nightly',
    day: 22,
    created: '02:00',
    sha: 'n22',
    attempts: [ok('02:02', '02:32')],
  },
  {
    label: 'N-12',
    workflow: 'Nightly',
    day: 24,
    created: '02:00',
    sha: 'n24',
    attempts: [fail('02:02', '02:32', 'e2e'), ok('03:00', '03:30')],
  },
  {
    label: 'N-13',
    workflow: 'Nightly',
    day: 26,
    created: '02:00',
    sha: 'n26',
    attempts: [fail('02:02', '02:32', 'e2e')],
  },
  {
    label: 'N-14',
    workflow: 'Nightly',
    day: 28,
    created: '02:00',
    sha: 'n28',
    attempts: [fail('02:02', '02:32', 'e2e')],
  },
];

const sha = (label: string) =>
  label
    .padEnd(40, '0')
    .replace(/[^0-9a-f]/g, 'f')
    .slice(0, 40);

function conclusionOf(attempt: AttemptPlan): Conclusion {
  return attempt.conclusion ?? ((attempt.failed ?? []).length > 0 ? 'failure' : 'success');
}

/** The jobs an attempt ran: all of the workflow's at first, then only those the previous attempt failed (a re-run of failed jobs). */
function jobsOf(jobs: readonly string[], attempt: AttemptPlan): JobSpec[] {
  const conclusion = conclusionOf(attempt);
  if (conclusion === 'startup_failure') return [];
  return jobs.map((name) => ({
    name,
    conclusion:
      conclusion === 'cancelled'
        ? 'cancelled'
        : (attempt.failed ?? []).includes(name)
          ? conclusion === 'timed_out'
            ? 'timed_out'
            : 'failure'
          : 'success',
  }));
}

export interface SeededMonth {
  repo: string;
  /** Run ids by label. */
  runs: Record<string, number>;
  windowStart: number;
}

/** Adds the repository `repo` (owner/name) with the month's workflows and runs, the window ending at `now`. */
export function seedMonth(sim: GitHubSim, now: number, repo = 'octo/ml-lib'): SeededMonth {
  const [owner = 'octo', name = 'ml-lib'] = repo.split('/');
  sim.model.addRepo(owner, name);
  sim.model.addBranch(repo, 'feature/x');
  for (const workflow of ['CI', 'Nightly', 'Docs'] as const) sim.model.addWorkflow(repo, { name: workflow });
  const windowStart = now - MONTH_WINDOW_MS;
  const runs: Record<string, number> = {};
  for (const plan of MONTH) {
    const day = windowStart + plan.day * DAY;
    const at = (hhmm: string) => {
      const [hh = 0, mm = 0] = hhmm.split(':').map(Number);
      return day + hh * 60 * MINUTE + mm * MINUTE;
    };
    const [first, ...reruns] = plan.attempts as [AttemptPlan, ...AttemptPlan[]];
    let previousFailed = first.failed ?? [];
    const added = sim.model.addRun(repo, {
      workflow: `${plan.workflow.toLowerCase()}.yml`,
      name: plan.workflow,
      branch: plan.branch ?? 'main',
      headSha: sha(plan.sha),
      event: plan.event ?? 'push',
      createdAt: at(plan.created),
      startedAt: at(first.start),
      completedAt: at(first.end),
      conclusion: conclusionOf(first),
      jobs: jobsOf(WORKFLOW_JOBS[plan.workflow], first),
      reruns: reruns.map((attempt) => {
        const jobs = jobsOf(previousFailed, attempt);
        previousFailed = attempt.failed ?? [];
        return {
          startedAt: at(attempt.start),
          completedAt: at(attempt.end),
          conclusion: conclusionOf(attempt),
          jobs,
        };
      }),
    });
    runs[plan.label] = added.id;
  }
  return { repo, runs, windowStart };
}
