// `qeml analyze --run OWNER/REPO#RUN_ID [--api-url URL]`: the failure-analysis engine on a workflow
// run, read-only (no rerun, no issue): each failed job's verdict, the decision a heal would take.
import {
  createConsoleLogger,
  createGitHubClient,
  isConfigurationError,
  Redactor,
  systemClock,
} from '@qeml/action-kit';
import type { Signature } from '@qeml/diagnosis';
import { buildReport, DEFAULT_LADDER, renderResultText, runFailureAnalysis } from '@qeml/failure-analysis';
import { type CliIO, UsageError } from '../command';

/** Could not analyse the run (token refused, run not found, API down). */
const EXIT_FAILED = 1;

export function parseRunReference(reference: string): { owner: string; repo: string; runId: number } {
  const match = /^([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)#(\d+)$/.exec(reference.trim());
  if (!match)
    throw new UsageError(
      `--run got ${JSON.stringify(reference)}: expected OWNER/REPO#RUN_ID, e.g. octo/app#123456`,
    );
  return { owner: match[1] as string, repo: match[2] as string, runId: Number(match[3]) };
}

export async function analyzeRun(
  reference: string,
  options: { apiUrl?: string; format: 'text' | 'json'; signatures: readonly Signature[] },
  io: CliIO,
): Promise<number> {
  const target = parseRunReference(reference);
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN || '';
  const logger = createConsoleLogger({
    write: (line, stream) => io[stream === 'stdout' ? 'stderr' : stream].write(`${line}\n`),
  });
  const redactor = new Redactor();
  if (token) redactor.add(token);
  try {
    const github = createGitHubClient({
      token,
      apiUrl: options.apiUrl ?? io.env.GITHUB_API_URL,
      env: io.env,
    });
    const result = await runFailureAnalysis(
      {
        target: { kind: 'run', ...target, self: false },
        signatures: options.signatures,
        heal: false,
        maxAttempts: 3,
        rerunDelayMs: 0,
        ladder: DEFAULT_LADDER,
        escalate: 'none',
        issueLabels: [],
        closeOnRecovery: false,
        fallbackInputs: {},
      },
      { clock: systemClock, logger, redactor, github, workspace: io.cwd },
    );
    io.stdout.write(
      options.format === 'json'
        ? `${JSON.stringify(redactor.redactDeep(buildReport(result)), null, 2)}\n`
        : renderResultText(result, redactor),
    );
    return 0;
  } catch (error) {
    if (!isConfigurationError(error)) throw error;
    io.stderr.write(`qeml analyze: ${error.message}\n`);
    return EXIT_FAILED;
  }
}
