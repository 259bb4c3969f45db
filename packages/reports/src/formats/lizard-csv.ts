/**
 * lizard's CSV (`lizard --csv`): NLOC, CCN, token, PARAM, length, location, file, function,
 * long_name, start, end, with or without a header line; CCN is the cyclomatic complexity.
 */
import type { ComplexityItem } from '../model';
import { CappedList, type ParseContext, type Parsed } from './context';

export const LIZARD_CSV_LINE = /^(NLOC,CCN,|\d+,\d+,\d+,\d+,\d+,)/;

export async function parseLizardCsv(lines: AsyncIterable<string>, context: ParseContext): Promise<Parsed> {
  const items = new CappedList<ComplexityItem>(context.limits.maxItems);
  let skipped = 0;
  for await (const line of lines) {
    if (line.trim() === '' || line.startsWith('NLOC,')) continue;
    const cells = csvCells(line);
    const complexity = Number(cells[1]);
    if (cells.length < 10 || !Number.isFinite(complexity)) {
      skipped++;
      continue;
    }
    const item: ComplexityItem = { path: cells[6]!.replace(/\\/g, '/'), name: cells[7]!, complexity };
    const start = Number(cells[9]);
    const end = Number(cells[10]);
    if (Number.isInteger(start)) item.line = start;
    if (Number.isInteger(end)) item.endLine = end;
    items.push(item);
  }
  if (skipped > 0) context.warnings.push(`skipped ${skipped} lines that are not lizard CSV rows`);
  items.warn(context.warnings, 'functions');
  return { format: 'lizard-csv', complexity: items.items };
}

/** One CSV line's cells (RFC 4180 quoting: "a ""b""" is a "b"). */
export function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}
