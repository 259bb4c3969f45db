// `qeml report <file>...`: parses coverage, security, benchmark, test and complexity reports.
import { parseArgs } from 'node:util';
import { type CliIO, type Command, UsageError } from '../command';

const usage = `Usage: qeml report <file>... [--format text|json] [--custom-benchmarks bigger|smaller]

Reads each report, detects its format from the content, and prints its totals recounted from the
detail: coverage (Cobertura, LCOV, JaCoCo, Clover, coverage.py JSON, Istanbul, Go cover), findings
(SARIF, Bandit, pip-audit, Safety, npm/pnpm audit, Trivy, Semgrep), benchmarks (pytest-benchmark,
github-action-benchmark custom JSON, go test -bench, cargo bench, benchmark.js, JMH), tests (JUnit
XML) and complexity (radon, lizard, ESLint). A file that cannot be read or parsed gets one error
line; the others are still printed.

Options:
  --format text               a table (default)
  --format json               the stable JSON contract: {"reports":[{file, format, coverage, findings,
                              benchmarks, tests, warnings, error?}]}
  --custom-benchmarks DIR     direction of github-action-benchmark custom JSON: bigger or smaller
                              (default: guessed from each unit)

Exit code: 0, 1 when any file could not be read or parsed, 2 for a usage mistake.`;

export const reportCommand: Command = {
  name: 'report',
  summary: 'Parse coverage, security, benchmark, test and complexity reports',
  usage,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'text' }, 'custom-benchmarks': { type: 'string' } },
    });
    if (values.format !== 'text' && values.format !== 'json') {
      throw new UsageError(`--format must be text or json, not ${JSON.stringify(values.format)}`);
    }
    const direction = values['custom-benchmarks'];
    if (direction !== undefined && direction !== 'bigger' && direction !== 'smaller') {
      throw new UsageError(`--custom-benchmarks must be bigger or smaller, not ${JSON.stringify(direction)}`);
    }
    if (positionals.length === 0) throw new UsageError('name at least one report file');
    // Loaded here, so the parsers (and saxes) sit in their own chunk of the CLI bundle.
    const { fileSource, isReportError, parseReports, reportsTable, toContract } = await import(
      '@qeml/reports'
    );
    const results = await parseReports(positionals, {
      source: fileSource(io.cwd),
      ...(direction
        ? { customBenchmarks: direction === 'bigger' ? 'biggerIsBetter' : 'smallerIsBetter' }
        : {}),
    });
    if (values.format === 'json') io.stdout.write(`${JSON.stringify(toContract(results), null, 2)}\n`);
    else io.stdout.write(reportsTable(results));
    const failed = results.filter(isReportError);
    for (const failure of failed) io.stderr.write(`qeml report: ${failure.error}\n`);
    return failed.length > 0 ? 1 : 0;
  },
};
