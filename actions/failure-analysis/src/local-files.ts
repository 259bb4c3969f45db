/** `log-files`: local logs analysed with the same model as a run's jobs, without any API call. */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { ConfigurationError, type Redactor } from '@qeml/action-kit';
import type { CompiledCatalogue } from '@qeml/diagnosis';
import { glob } from 'tinyglobby';
import { analyseLogs } from './analyse-jobs';
import { decide, judgeJob } from './decision';
import { type FailedJob, type FailureAnalysisResult, noActions } from './model';

export async function analyseFiles(
  globs: readonly string[],
  catalogue: CompiledCatalogue,
  deps: { redactor: Redactor; workspace: string },
): Promise<FailureAnalysisResult> {
  const files = (await glob([...globs], { cwd: deps.workspace, onlyFiles: true, absolute: false })).sort();
  if (files.length === 0)
    throw new ConfigurationError(
      `Input 'log-files' matched no file (${globs.join(', ')}) in ${deps.workspace}`,
    );
  const analysed = await analyseLogs(
    files.map((file) => ({
      item: file,
      name: file,
      open: async () => createReadStream(path.resolve(deps.workspace, file)),
    })),
    { catalogue, redactor: deps.redactor },
  );
  const jobs: FailedJob[] = analysed.map(({ item, analysis, cacheKeys }) => ({
    id: null,
    name: item,
    url: item,
    conclusion: 'failure',
    analysis,
    annotations: [],
    cacheKeys,
    ...judgeJob(analysis),
  }));
  const decision = decide(jobs, { ladder: [], maxAttempts: 1 });
  return {
    files,
    jobs,
    flaky: [],
    decision,
    taken: noActions(['local log files: nothing to heal or escalate']),
  };
}
