// `qeml gate [options]`: the quality-gate action's engine from a terminal, with the same inputs as flags.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createConsoleLogger, isConfigurationError, redact, redactDeep, systemClock } from '@qeml/action-kit';
import type { ChangeSource, GateConfig, GateDeps } from '@qeml/quality-gate';
import { type CliIO, type Command, UsageError } from '../command';

const usage = `Usage: qeml gate [options]

Evaluates coverage, diff coverage, security findings, benchmarks, test results and complexity
against the quality gate's conditions and prints the gate table. Exit code 0 when the gate
passes (under --fail-on), 1 when it fails, 2 for a usage mistake. Options mirror the
quality-gate action's inputs (globs relative to the current directory; repeat or comma-separate):

  --coverage GLOB          coverage reports (Cobertura, LCOV, JaCoCo, Clover, coverage.py, Istanbul, Go)
  --security GLOB          SARIF, Bandit, pip-audit, Safety, npm/pnpm audit, Trivy, Semgrep
  --benchmarks GLOB        pytest-benchmark, github-action-benchmark, go test -bench
  --tests GLOB             JUnit XML
  --complexity GLOB        radon cc --json, lizard CSV/XML, ESLint JSON
  --thresholds YAML        e.g. 'diff-coverage: 80, coverage: 75' (defaults: coverage 70,
                           coverage-recommended 85, coverage-drop 0.5, critical 0, high 0,
                           benchmark-regression 20, test-failures 0, complexity 10)
  --gates YAML             extra conditions, e.g. '["branch-coverage >= 60 recommended"]'
  --fail-on LEVEL          required (default) | recommended | never
  --source-roots DIRS      folders report paths may be relative to
  --name NAME              the gate's name (default quality-gate)
  --baseline cache|none    cache works inside a GitHub Actions step only (default none here)
  --diff FILE              the change as a unified diff (- for standard input), for diff coverage
  --base REF               or: the change is git diff REF...HEAD (--head to change HEAD)
  --head REF
  --format text|json       text (default) or the action's report output as JSON

Example: git diff origin/main...HEAD > pr.diff && qeml gate --coverage coverage.xml --diff pr.diff --thresholds 'diff-coverage: 80'`;

const INPUTS = ['coverage', 'security', 'benchmarks', 'tests', 'complexity', 'source-roots'] as const;
const SINGLE = ['thresholds', 'gates', 'fail-on', 'name', 'baseline'] as const;

async function readAll(stream: AsyncIterable<Buffer | string>): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text;
}

async function changeSource(values: Record<string, unknown>, io: CliIO): Promise<ChangeSource> {
  const diff = values.diff as string | undefined;
  const base = values.base as string | undefined;
  if (diff !== undefined && base !== undefined) throw new UsageError('give --diff or --base, not both');
  if (diff === '-')
    return { kind: 'diff-text', text: await readAll(io.stdin ?? process.stdin), label: 'standard input' };
  if (diff !== undefined) {
    try {
      return { kind: 'diff-text', text: await readFile(path.resolve(io.cwd, diff), 'utf8'), label: diff };
    } catch (error) {
      throw new UsageError(
        `--diff ${diff}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
      );
    }
  }
  if (base !== undefined) return { kind: 'git', base, head: (values.head as string | undefined) ?? 'HEAD' };
  return { kind: 'none', reason: 'no --diff or --base given' };
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...Object.fromEntries(INPUTS.map((name) => [name, { type: 'string' as const, multiple: true }])),
      ...Object.fromEntries(SINGLE.map((name) => [name, { type: 'string' as const }])),
      diff: { type: 'string' },
      base: { type: 'string' },
      head: { type: 'string' },
      format: { type: 'string', default: 'text' },
    },
    allowPositionals: false,
  });
  if (values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(`--format got ${JSON.stringify(values.format)}: expected text or json`);
  }
  const inputs: Record<string, string> = { baseline: 'none' };
  for (const [name, value] of Object.entries(values)) {
    if ((INPUTS as readonly string[]).includes(name))
      inputs[name] = (value as unknown as string[]).join('\n');
    else if ((SINGLE as readonly string[]).includes(name)) inputs[name] = value as string;
  }
  // Loaded here, so the gate and the parsers sit in their own chunk of the CLI bundle.
  const [{ buildReport, gateText, gitIn, readGateConfig, runGate }, { fileSource, parseReports }] =
    await Promise.all([import('@qeml/quality-gate'), import('@qeml/reports')]);
  let config: GateConfig;
  try {
    config = await readGateConfig((name) => inputs[name]);
  } catch (error) {
    if (isConfigurationError(error))
      throw new UsageError(error.message.replace(/Input '([a-z-]+)'/g, '--$1'));
    throw error;
  }
  const logger = createConsoleLogger({ write: (line, stream) => io[stream].write(`${line}\n`) });
  const deps: GateDeps = {
    logger,
    clock: systemClock,
    workspace: io.cwd,
    context: { changeSource: await changeSource(values, io), saveBaseline: false, runKey: 'local-1' },
    parse: (files) => parseReports(files, { source: fileSource(io.cwd), clock: systemClock, logger }),
    git: gitIn(io.cwd),
  };
  if (config.baseline === 'cache') {
    const { createJsonCache } = await import('@qeml/action-kit/cache');
    deps.baselineStore = createJsonCache({ name: 'quality-gate-baseline', env: io.env, logger });
  }
  const result = await runGate(config, deps);
  // A scanner's finding may quote the secret it found: redacted, as the action's outputs are.
  io.stdout.write(
    values.format === 'json'
      ? `${JSON.stringify(redactDeep(buildReport(result)), null, 2)}\n`
      : redact(gateText(result)),
  );
  return result.passed ? 0 : 1;
}

export const gateCommand: Command = {
  name: 'gate',
  summary: 'judge coverage, diff coverage, findings, benchmarks, tests and complexity: one verdict',
  usage,
  run,
};
