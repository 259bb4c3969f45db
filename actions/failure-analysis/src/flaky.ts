/**
 * Flaky tests: a job that failed and then passed on the same commit — in the run's previous attempt,
 * or (for a green first attempt) in the newest failed run of the same workflow on that commit. Its
 * failed log names the tests (a test signature's `test` group). Bounded: one runs list at most, one
 * jobs list, and at most MAX_FLAKY_LOGS logs.
 */
import type { Redactor } from '@qeml/action-kit';
import type { GitHubClient } from '@qeml/action-kit/github';
import type { CompiledCatalogue, Finding } from '@qeml/diagnosis';
import { analyseLogs } from './analyse-jobs';
import type { AnalysedRun, FlakyTest } from './model';
import { FAILED_CONCLUSIONS, listAttemptJobs, listLatestJobs, type RunJob, streamJobLog } from './run-source';

const MAX_FLAKY_LOGS = 8;

export async function findFlakyTests(
  github: GitHubClient,
  run: AnalysedRun,
  latestJobs: readonly RunJob[],
  options: { catalogue: CompiledCatalogue; redactor: Redactor },
): Promise<FlakyTest[]> {
  const before = await earlierJobs(github, run, latestJobs);
  if (!before) return [];
  const passedNow = latestJobs.filter(
    (job) => job.conclusion === 'success' && (run.attempt === 1 || job.attempt === run.attempt),
  );
  const pairs = passedNow
    .map((passed) => ({
      passed,
      failed: before.find((job) => job.name === passed.name && FAILED_CONCLUSIONS.has(job.conclusion ?? '')),
    }))
    .filter((pair): pair is { passed: RunJob; failed: RunJob } => pair.failed !== undefined)
    .slice(0, MAX_FLAKY_LOGS);
  const analysed = await analyseLogs(
    pairs.map((pair) => ({
      item: pair,
      name: pair.failed.name,
      // An expired or deleted log (404/410) names no test: that pair is left out, not an error.
      open: () =>
        streamJobLog(github, run.owner, run.repo, pair.failed.id).catch((error: { status?: number }) => {
          if (error.status !== 404 && error.status !== 410) throw error;
          return [];
        }),
    })),
    options,
  );
  const flaky: FlakyTest[] = [];
  for (const { item, analysis } of analysed) {
    for (const test of testsNamed(analysis.findings, options.catalogue))
      flaky.push({ test, job: item.passed.name, failedUrl: item.failed.url, passedUrl: item.passed.url });
  }
  return flaky;
}

/** The jobs of the previous attempt, or of the newest failed run on the same commit after a green first attempt. */
async function earlierJobs(
  github: GitHubClient,
  run: AnalysedRun,
  latestJobs: readonly RunJob[],
): Promise<RunJob[] | undefined> {
  if (run.attempt > 1) {
    const rerunAndPassed = latestJobs.some(
      (job) => job.attempt === run.attempt && job.conclusion === 'success',
    );
    return rerunAndPassed ? listAttemptJobs(github, run.owner, run.repo, run.id, run.attempt - 1) : undefined;
  }
  if (run.conclusion !== 'success') return undefined;
  const { data } = await github.rest.actions.listWorkflowRuns({
    owner: run.owner,
    repo: run.repo,
    workflow_id: run.workflowId,
    head_sha: run.sha,
    status: 'failure',
    per_page: 1,
  });
  const failed = data.workflow_runs[0];
  return failed ? listLatestJobs(github, run.owner, run.repo, failed.id) : undefined;
}

/** The tests a log's findings name: a test signature's `test` group, on any line of their excerpts. */
function testsNamed(findings: readonly Finding[], catalogue: CompiledCatalogue): Set<string> {
  const tests = new Set<string>();
  for (const finding of findings) {
    if (finding.test) tests.add(finding.test);
    if (finding.category !== 'test') continue;
    for (const line of finding.excerpt.split('\n')) {
      for (const candidate of catalogue.candidates(line)) {
        const test = candidate.signature.category === 'test' ? candidate.match(line)?.test : undefined;
        if (test) tests.add(test);
      }
    }
  }
  return tests;
}
