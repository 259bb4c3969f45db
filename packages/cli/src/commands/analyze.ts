// `qeml analyze [--patterns F] [--baseline PASSING_LOG] [--format text|json] <file|->...`: the
// diagnosis engine from a terminal. Each log gets a verdict and its findings, best first.
// `qeml analyze --run OWNER/REPO#RUN_ID [--api-url URL]`: a workflow run's failed jobs (analyze-run.ts).
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { Redactor } from '@qeml/action-kit';
import {
  analyzeLog,
  type Baseline,
  compileForAnalysis,
  type LogAnalysis,
  readBaseline,
  renderJson,
  renderText,
  type Signature,
  UserPatternsError,
} from '@qeml/diagnosis';
import { loadCatalogue, PatternsFileError } from '../catalogue-files';
import { type CliIO, type Command, UsageError } from '../command';

/** Some file could not be read (the others were still analysed). */
const EXIT_UNREADABLE = 1;

const usage = `Usage: qeml analyze [--patterns FILE] [--baseline PASSING_LOG] [--format text|json] <file|->...
       qeml analyze --run OWNER/REPO#RUN_ID [--api-url URL] [--patterns FILE] [--format text|json]

Finds the lines that say why each CI log failed and whether the world (network, registry,
runner) or the code is to blame. "-" reads a log from standard input.

  --patterns FILE        a YAML patterns file that adds, overrides or disables signatures
  --baseline FILE        a log of the same job that passed: lines it also has rank lower
  --run OWNER/REPO#ID    analyse a workflow run's failed jobs through the GitHub API (token from
                         GITHUB_TOKEN or GH_TOKEN), read-only: the failure-analysis action's report
  --api-url URL          the REST API root (default GITHUB_API_URL, then https://api.github.com)
  --format text|json     text for a person (default), json for programs:
                         {"logs":[{"file","verdict","recovery","findings":[{"start","end",
                         "category","pattern","title","transient","excerpt"}]}]}

Exit codes: 0 every log analysed, 1 a log could not be read (the others are still analysed
and reported), 2 a usage mistake (unknown option, bad --format, invalid patterns file).

Example: qeml analyze --format json job-1.log job-2.log`;

async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      patterns: { type: 'string' },
      baseline: { type: 'string' },
      format: { type: 'string', default: 'text' },
      run: { type: 'string' },
      'api-url': { type: 'string' },
    },
    allowPositionals: true,
  });
  if (values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(`--format got ${JSON.stringify(values.format)}: expected text or json`);
  }
  if (values.run !== undefined) {
    if (positionals.length > 0 || values.baseline !== undefined)
      throw new UsageError('--run analyses a run: give no log files and no --baseline with it');
    const signatures = await catalogueFor(values.patterns, io);
    // Loaded only for --run: the GitHub client and the failure-analysis engine stay out of a log analysis.
    const { analyzeRun } = await import('./analyze-run');
    return analyzeRun(values.run, { apiUrl: values['api-url'], format: values.format, signatures }, io);
  }
  if (values['api-url'] !== undefined) throw new UsageError('--api-url goes with --run');
  if (positionals.length === 0) throw new UsageError('give at least one log file (or - for standard input)');

  const catalogue = compileForAnalysis(await catalogueFor(values.patterns, io));
  let baseline: Baseline | undefined;
  if (values.baseline !== undefined) {
    const log = await openLog(values.baseline, io);
    if (typeof log === 'string') throw new UsageError(`--baseline ${log}`);
    baseline = await readBaseline(log, catalogue);
  }

  const redactor = new Redactor();
  const analyses: LogAnalysis[] = [];
  let failed = false;
  for (const file of positionals) {
    const source = file === '-' ? (io.stdin ?? process.stdin) : await openLog(file, io);
    if (typeof source === 'string') {
      io.stderr.write(`qeml analyze: ${source}\n`);
      failed = true;
      continue;
    }
    try {
      // The renderers write only the contract's fields (the scan's stats stay out).
      analyses.push(await analyzeLog(file, source, { catalogue, baseline, deps: { redactor } }));
    } catch (error) {
      io.stderr.write(`qeml analyze: ${file}: could not be read (${(error as Error).message})\n`);
      failed = true;
    }
  }
  const color = values.format === 'text' && isTTY(io) && !io.env.NO_COLOR;
  io.stdout.write(values.format === 'json' ? renderJson(analyses) : renderText(analyses, { color }));
  return failed ? EXIT_UNREADABLE : 0;
}

async function catalogueFor(patterns: string | undefined, io: CliIO): Promise<readonly Signature[]> {
  try {
    return await loadCatalogue(patterns === undefined ? [] : [patterns], io.cwd);
  } catch (error) {
    if (error instanceof UserPatternsError || error instanceof PatternsFileError)
      throw new UsageError(error.message);
    throw error;
  }
}

function resolve(file: string, io: CliIO): string {
  return path.resolve(io.cwd, file);
}

/** The log opened once for reading, or why `file` cannot be read as a log, in one line. */
async function openLog(file: string, io: CliIO): Promise<Readable | string> {
  const isDirectory = `${file}: is a directory, expected a log file`;
  const full = resolve(file, io);
  try {
    const handle = await open(full, 'r');
    let streaming = false;
    try {
      if ((await handle.stat()).isDirectory()) return isDirectory;
      streaming = true;
      return handle.createReadStream();
    } finally {
      if (!streaming) await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return isDirectory;
    if (code === 'ENOENT') return `${file}: no such file`;
    if (code === 'EACCES' || code === 'EPERM') {
      // A directory reads as one even when its permissions would also refuse it.
      const directory = await stat(full).then(
        (info) => info.isDirectory(),
        () => false,
      );
      return directory ? isDirectory : `${file}: permission denied`;
    }
    return `${file}: cannot be read (${(error as Error).message})`;
  }
}

function isTTY(io: CliIO): boolean {
  return (io.stdout as { isTTY?: boolean }).isTTY === true;
}

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'find why CI logs failed, and whether a rerun would help (transient or not)',
  usage,
  run,
};
