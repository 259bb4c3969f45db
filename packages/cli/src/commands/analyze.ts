// `qeml analyze [--patterns F] [--baseline PASSING_LOG] [--format text|json] <file|->...`: the
// diagnosis engine from a terminal. Each log gets a verdict and its findings, best first.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
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

Finds the lines that say why each CI log failed and whether the world (network, registry,
runner) or the code is to blame. "-" reads a log from standard input.

  --patterns FILE        a YAML patterns file that adds, overrides or disables signatures
  --baseline FILE        a log of the same job that passed: lines it also has rank lower
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
    },
    allowPositionals: true,
  });
  if (values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(`--format got ${JSON.stringify(values.format)}: expected text or json`);
  }
  if (positionals.length === 0) throw new UsageError('give at least one log file (or - for standard input)');

  const catalogue = compileForAnalysis(await catalogueFor(values.patterns, io));
  let baseline: Baseline | undefined;
  if (values.baseline !== undefined) {
    const problem = await unreadable(values.baseline, io);
    if (problem) throw new UsageError(`--baseline ${problem}`);
    baseline = await readBaseline(createReadStream(resolve(values.baseline, io)), catalogue);
  }

  const redactor = new Redactor();
  const analyses: LogAnalysis[] = [];
  let failed = false;
  for (const file of positionals) {
    const problem = file === '-' ? undefined : await unreadable(file, io);
    if (problem) {
      io.stderr.write(`qeml analyze: ${problem}\n`);
      failed = true;
      continue;
    }
    const source = file === '-' ? (io.stdin ?? process.stdin) : createReadStream(resolve(file, io));
    try {
      const { stats: _stats, ...analysis } = await analyzeLog(file, source, {
        catalogue,
        baseline,
        deps: { redactor },
      });
      analyses.push(analysis);
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

/** Why `file` cannot be read as a log, in one line; undefined when it can. */
async function unreadable(file: string, io: CliIO): Promise<string | undefined> {
  try {
    const info = await stat(resolve(file, io));
    if (info.isDirectory()) return `${file}: is a directory, expected a log file`;
    await (await open(resolve(file, io), 'r')).close();
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `${file}: no such file`;
    if (code === 'EACCES' || code === 'EPERM') return `${file}: permission denied`;
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
