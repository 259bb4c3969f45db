/**
 * Go cover profiles (`go test -coverprofile`, modes set/count/atomic): `file.go:l1.c1,l2.c2 stmts
 * count`. A block repeated (several test binaries) is merged: counts summed, or "ran" for set mode.
 * Statements are Go's own measure; each line of a block with statements gets the block's count,
 * the largest when blocks share a line.
 */
import { CoverageBuilder } from '../coverage';
import { ReportInputError } from '../deps';
import type { ParseContext, Parsed } from './context';

const BLOCK = /^(.+):(\d+)\.(\d+),(\d+)\.(\d+) (\d+) (\d+)$/;

export async function parseGoCover(lines: AsyncIterable<string>, context: ParseContext): Promise<Parsed> {
  const blocks = new Map<
    string,
    { file: string; start: number; end: number; statements: number; count: number }
  >();
  let mode: string | undefined;
  let skipped = 0;
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('mode:')) {
      mode ??= line.slice(5).trim();
      continue;
    }
    const match = BLOCK.exec(line);
    if (!match) {
      skipped++;
      continue;
    }
    const [, file, start, , end, , statements, count] = match;
    const key = `${file}:${start}.${match[3]},${end}.${match[5]}`;
    const previous = blocks.get(key);
    const hits = Number(count);
    if (previous) previous.count = mode === 'set' ? Math.max(previous.count, hits) : previous.count + hits;
    else
      blocks.set(key, {
        file: file!,
        start: Number(start),
        end: Number(end),
        statements: Number(statements),
        count: hits,
      });
  }
  if (mode === undefined) throw new ReportInputError('is not a Go cover profile: no "mode:" line');
  if (skipped > 0) context.warnings.push(`skipped ${skipped} lines that are not cover blocks`);
  const builder = new CoverageBuilder(context.keepLines);
  const lineHits = new Map<string, Map<number, number>>();
  const statements = { covered: 0, total: 0 };
  // Every line a block spans becomes an entry: counted against the entry cap before any is made.
  let spanned = 0;
  for (const block of blocks.values()) {
    statements.total += block.statements;
    if (block.count > 0) statements.covered += block.statements;
    if (block.statements === 0) continue;
    spanned += Math.max(0, block.end - block.start + 1);
    if (spanned > context.limits.maxEntries) {
      throw new ReportInputError(
        `has cover blocks spanning over ${context.limits.maxEntries} lines: stopped`,
      );
    }
    const perFile = lineHits.get(block.file) ?? new Map<number, number>();
    lineHits.set(block.file, perFile);
    for (let line = block.start; line <= block.end; line++) {
      perFile.set(line, Math.max(perFile.get(line) ?? 0, block.count));
    }
  }
  for (const [path, perFile] of lineHits) {
    const file = builder.file(path);
    for (const [line, hits] of perFile) builder.line(file, line, hits);
  }
  builder.addStatements(statements);
  return { format: 'go-cover', coverage: builder.finish() };
}
