// `qeml patterns`: the failure catalogue the diagnosis engine matches logs against.
import { parseArgs } from 'node:util';
import { ripgrepPatternFile, type Signature, UserPatternsError } from '@qeml/diagnosis';
import { loadCatalogue, PatternsFileError } from '../catalogue-files';
import { type CliIO, type Command, UsageError } from '../command';

const usage = `Usage: qeml patterns [--export rg|json] [--patterns FILE]...

Lists the failure signatures \`qeml analyze\` recognises: id, category, whether a rerun can be
expected to pass (transient), the recovery, and the title.

Options:
  --export rg      one ripgrep regex per line (for rg -f); multi-line signatures give their first line
  --export json    the compiled catalogue as a JSON array of signatures
  --patterns FILE  a user patterns file (add / override / disable); repeatable, applied in order

Exit code: 0, 1 when a patterns file cannot be read or is invalid, 2 for a usage mistake.`;

const EXPORTS = ['rg', 'json'] as const;

export const patternsCommand: Command = {
  name: 'patterns',
  summary: 'List the failure catalogue, or export it for ripgrep or as JSON',
  usage,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values } = parseArgs({
      args: argv,
      options: { export: { type: 'string' }, patterns: { type: 'string', multiple: true, default: [] } },
    });
    const format = values.export;
    if (format !== undefined && !(EXPORTS as readonly string[]).includes(format)) {
      throw new UsageError(`--export must be rg or json, not ${JSON.stringify(format)}`);
    }
    let catalogue: Signature[];
    try {
      catalogue = await loadCatalogue(values.patterns ?? [], io.cwd);
    } catch (error) {
      if (!(error instanceof PatternsFileError || error instanceof UserPatternsError)) throw error;
      io.stderr.write(`qeml patterns: ${error.message}\n`);
      return 1;
    }
    if (format === 'rg') io.stdout.write(ripgrepPatternFile(catalogue));
    else if (format === 'json') io.stdout.write(`${JSON.stringify(catalogue, null, 2)}\n`);
    else io.stdout.write(catalogueTable(catalogue));
    return 0;
  },
};

/** What a person reads: one signature per line, then a count. */
function catalogueTable(catalogue: readonly Signature[]): string {
  const rows = [['ID', 'CATEGORY', 'TRANSIENT', 'RECOVERY', 'TITLE']];
  for (const s of catalogue) {
    rows.push([
      s.id,
      s.category,
      s.transient ? 'yes' : 'no',
      s.recovery,
      s.origin ? `${s.title} (${s.origin})` : s.title,
    ]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) =>
    row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  '),
  );
  const transient = catalogue.filter((s) => s.transient).length;
  return `${lines.join('\n')}\n\n${catalogue.length} signatures, ${transient} transient\n`;
}
