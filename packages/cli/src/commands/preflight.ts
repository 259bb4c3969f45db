// `qeml preflight --base REF --head REF`: the preflight action's engine in a local git repository.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createConsoleLogger, systemClock } from '@qeml/action-kit';
import type { PreflightConfig } from '@qeml/preflight';
import { type CliIO, type Command, UsageError } from '../command';

const usage = `Usage: qeml preflight --base REF --head REF [options]

Runs the preflight checks on the repository in the current directory and shows what the change
from the merge-base of REF and REF to --head needs: the matrix pruned by the rules, the suites.
Exit code 1 when a check fails.

  --base REF            what the change is compared with (e.g. origin/main)
  --head REF            the change (default HEAD)
  --matrix FILE         the full matrix (YAML/JSON, as in a workflow, with include/exclude)
  --rules FILE          rule groups: name -> { paths, run, suites, matrix, full }
  --checks FILE         check ids -> severity (error, warning, off) or { severity, ... }
  --required-secret NAME  an environment variable that must be set (repeatable)
  --required-file PATH  a file that must exist (repeatable)
  --format text|json    text (default) or the action's report JSON plus the matrix

Example: qeml preflight --base origin/main --head HEAD --matrix ci/matrix.yml --rules ci/rules.yml`;

async function readOption(cwd: string, path: string | undefined, name: string): Promise<string> {
  if (path === undefined) return '';
  try {
    return await readFile(resolve(cwd, path), 'utf8');
  } catch {
    throw new UsageError(`--${name} ${path}: no such file`);
  }
}

// The engine (TOML, YAML, PEP 440, semver parsers) loads only when this command runs, not at every `qeml` start.
const engine = () => import('@qeml/preflight');

function parsed<T>(name: string, parse: (text: string) => T, text: string): T {
  try {
    return parse(text);
  } catch (error) {
    throw new UsageError(`--${name}: ${(error as Error).message}`);
  }
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      base: { type: 'string' },
      head: { type: 'string', default: 'HEAD' },
      matrix: { type: 'string' },
      rules: { type: 'string' },
      checks: { type: 'string' },
      'required-secret': { type: 'string', multiple: true, default: [] },
      'required-file': { type: 'string', multiple: true, default: [] },
      format: { type: 'string', default: 'text' },
    },
    allowPositionals: false,
  });
  const {
    buildReport,
    createGitRunner,
    DEFAULT_CHECK_SETTINGS,
    diskWorkspace,
    freeBytes,
    matrixOutput,
    onPath,
    parseChecks,
    parseMatrix,
    parseRulesText,
    resultText,
    runPreflight,
  } = await engine();
  if (!values.base) throw new UsageError('--base REF is required (e.g. --base origin/main)');
  if (values.format !== 'text' && values.format !== 'json')
    throw new UsageError(`--format ${values.format}: expected text or json`);
  const matrix = parsed('matrix', parseMatrix, await readOption(io.cwd, values.matrix, 'matrix'));
  const config: PreflightConfig = {
    ...(matrix ? { matrix } : {}),
    rules: parsed('rules', parseRulesText, await readOption(io.cwd, values.rules, 'rules')),
    checks: values.checks
      ? parsed('checks', parseChecks, await readOption(io.cwd, values.checks, 'checks'))
      : DEFAULT_CHECK_SETTINGS,
    requiredSecrets: values['required-secret'],
    requiredFiles: values['required-file'],
    skipDuplicate: false,
    fullOn: [],
    shards: 0,
    testFiles: [],
    timingReports: [],
  };
  const logger = createConsoleLogger({ write: (line, stream) => io[stream].write(`${line}\n`) });
  const result = await runPreflight(
    config,
    { kind: 'range', base: values.base, head: values.head },
    {
      clock: systemClock,
      logger,
      git: createGitRunner(io.cwd),
      files: diskWorkspace(io.cwd),
      env: io.env,
      freeBytes: () => freeBytes(io.cwd),
      which: onPath(io.env.PATH),
    },
  );
  if (values.format === 'json') {
    io.stdout.write(
      `${JSON.stringify({ ...buildReport(result), matrix: matrixOutput(result.matrix) }, null, 2)}\n`,
    );
  } else {
    io.stdout.write(`${resultText(result)}\n`);
  }
  return result.failed ? 1 : 0;
}

export const preflightCommand: Command = {
  name: 'preflight',
  summary: 'check workflows, manifests and constraints; prune the matrix to what a change needs',
  usage,
  run,
};
