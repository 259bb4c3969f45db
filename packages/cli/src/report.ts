import type { StepResult } from '@qeml/local-runner';
import type { CliIO } from './command';

/** After the live log: outputs, annotations and the job summary (markdown as written). */
export function printStepReport(result: StepResult, io: CliIO): void {
  const out = (text = '') => io.stdout.write(`${text}\n`);
  const outputs = Object.entries(result.outputs);
  if (outputs.length > 0) {
    out();
    out('Outputs:');
    for (const [name, value] of outputs) {
      const lines = value.split('\n');
      out(lines.length > 1 ? `  ${name}:\n${lines.map((l) => `    ${l}`).join('\n')}` : `  ${name}=${value}`);
    }
  }
  if (result.annotations.length > 0) {
    out();
    out('Annotations:');
    for (const a of result.annotations) {
      const where = a.file ? ` ${a.file}${a.line ? `:${a.line}` : ''}${a.col ? `:${a.col}` : ''}` : '';
      const title = a.title ? ` ${a.title}:` : '';
      out(`  ${a.level}${where}:${title} ${a.message}`);
    }
  }
  if (result.summary.trim()) {
    out();
    out('Job summary:');
    out(result.summary.trimEnd());
  }
  out();
  out(`Step ${result.outcome} (exit code ${result.exitCode}).`);
}
