/**
 * LCOV tracefiles: `SF` records (repeated ones merged), `DA` lines, `BRDA` branches (`-` or 0 is not
 * taken), `FN`/`FNDA` (or lcov 2's `FNL`/`FNA`) functions; `LF/LH/BRF/BRH` summed as the stated totals.
 */
import { applyStated, CoverageBuilder } from '../coverage';
import type { Counts } from '../model';
import type { ParseContext, Parsed } from './context';

export async function parseLcov(lines: AsyncIterable<string>, context: ParseContext): Promise<Parsed> {
  const builder = new CoverageBuilder(context.keepLines);
  const stated = { LF: 0, LH: 0, BRF: 0, BRH: 0, seenLines: false, seenBranches: false };
  const functions = new Map<string, number>();
  let file: ReturnType<CoverageBuilder['file']> | undefined;
  let sourceFile = '';
  for await (const raw of lines) {
    const line = raw.trim();
    const colon = line.indexOf(':');
    const tag = colon < 0 ? line : line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (tag === 'SF') {
      sourceFile = value;
      file = builder.file(value);
    } else if (tag === 'end_of_record') file = undefined;
    else if (!file) continue;
    else if (tag === 'DA') {
      const [lineNo, hits] = value.split(',');
      builder.line(file, Number(lineNo), Number(hits));
    } else if (tag === 'BRDA') {
      const [lineNo, block, branch, taken] = value.split(',');
      const hit = taken !== undefined && taken !== '-' && Number(taken) > 0 ? 1 : 0;
      builder.branch(file, `${lineNo},${block},${branch}`, hit, 1);
    } else if (tag === 'FNDA') {
      const comma = value.indexOf(',');
      const key = `${sourceFile}\0${value.slice(comma + 1)}`;
      functions.set(key, Math.max(functions.get(key) ?? 0, Number(value.slice(0, comma)) || 0));
    } else if (tag === 'FNA') {
      // lcov 2: FNL:<index>,<start>[,<end>] declares, FNA:<index>,<hits>,<name> counts.
      const [index, hits] = value.split(',');
      const key = `${sourceFile}\0#${index}`;
      functions.set(key, Math.max(functions.get(key) ?? 0, Number(hits) || 0));
    } else if (tag === 'FNL') {
      const key = `${sourceFile}\0#${value.slice(0, value.indexOf(','))}`;
      if (!functions.has(key)) functions.set(key, 0);
    } else if (tag === 'FN') {
      const key = `${sourceFile}\0${value.slice(value.indexOf(',') + 1)}`;
      if (!functions.has(key)) functions.set(key, 0);
    } else if (tag === 'LF' || tag === 'LH' || tag === 'BRF' || tag === 'BRH') {
      stated[tag] += Number(value) || 0;
      if (tag === 'LF') stated.seenLines = true;
      if (tag === 'BRF') stated.seenBranches = true;
    }
  }
  if (functions.size > 0) {
    const covered = [...functions.values()].filter((hits) => hits > 0).length;
    builder.addFunctions({ covered, total: functions.size });
  }
  const coverage = builder.finish();
  const statedLines: Counts | undefined = stated.seenLines
    ? { covered: stated.LH, total: stated.LF }
    : undefined;
  const statedBranches: Counts | undefined = stated.seenBranches
    ? { covered: stated.BRH, total: stated.BRF }
    : undefined;
  applyStated(coverage, { lines: statedLines, branches: statedBranches }, context.warnings, {
    lines: 'lines (LH/LF)',
    branches: 'branches (BRH/BRF)',
  });
  return { format: 'lcov', coverage };
}
