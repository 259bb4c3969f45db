/** The failure-analysis action: resolve the run (input, workflow_run event or this run), run the engine, report. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ConfigurationError,
  createGitHubClient,
  createRunnerLogger,
  defaultRedactor,
  runAction,
  runner,
  systemClock,
  writeJobSummary,
} from '@qeml/action-kit';
import {
  builtinCatalogue,
  mergeCatalogue,
  parseUserPatterns,
  type Signature,
  UserPatternsError,
} from '@qeml/diagnosis';
import { runFailureAnalysis } from './failure-analysis';
import { Input, readFailureAnalysisConfig } from './inputs';
import { annotateFailures, setFailureAnalysisOutputs, writeReportFile } from './outputs';
import { buildSummary, headline } from './report';

/** GitHub retries per call: analyses must reach the same decisions when one call in five fails. */
const API_RETRIES = 5;

async function readEvent(file: string | undefined): Promise<unknown> {
  if (!file) return undefined;
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
}

async function signatures(file: string | undefined, workspace: string): Promise<readonly Signature[]> {
  if (!file) return builtinCatalogue();
  try {
    return mergeCatalogue(builtinCatalogue(), [
      parseUserPatterns(await readFile(path.resolve(workspace, file), 'utf8'), file),
    ]);
  } catch (error) {
    if (error instanceof UserPatternsError)
      throw new ConfigurationError(`Input '${Input.PatternsFile}': ${error.message}`);
    throw new ConfigurationError(
      `Input '${Input.PatternsFile}' got ${JSON.stringify(file)}: ${(error as Error).message}`,
    );
  }
}

async function main(): Promise<void> {
  const env = process.env;
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const config = await readFailureAnalysisConfig({
    repository: env.GITHUB_REPOSITORY,
    runId: env.GITHUB_RUN_ID,
    eventName: env.GITHUB_EVENT_NAME,
    event: await readEvent(env.GITHUB_EVENT_PATH),
  });
  const logger = createRunnerLogger(runner);
  // Octokit reports every failed request as an error; a retried one is not, and a final refusal
  // reaches the user once, explained, through the engine.
  const clientLog = { ...logger, error: (message: string) => logger.debug(message) };
  const github =
    config.target.kind === 'run'
      ? createGitHubClient({ token: config.githubToken, log: clientLog, retries: API_RETRIES })
      : undefined;
  const result = await runFailureAnalysis(
    { ...config, signatures: await signatures(config.patternsFile, workspace) },
    { clock: systemClock, logger, redactor: defaultRedactor, github, workspace },
  );

  annotateFailures(result, logger, defaultRedactor);
  setFailureAnalysisOutputs(runner, result, defaultRedactor);
  if (config.reportPath) await writeReportFile(config.reportPath, workspace, result, defaultRedactor);
  if (env.GITHUB_STEP_SUMMARY) await writeJobSummary(buildSummary(result, defaultRedactor), runner.summary);
  else runner.debug('No job summary written: this runner does not set GITHUB_STEP_SUMMARY.');
  runner.info(defaultRedactor.redact(headline(result)));
}

void runAction(main);
