/**
 * Cobertura XML (coverage.py, coverlet, gcovr, simplecov-cobertura, Istanbul, MATLAB): class-level
 * `<line>` elements counted once per file:line (the copies under `<method>` are skipped), branches
 * from `condition-coverage="50% (1/2)"`, every `<source>` kept as a root, classes found with or
 * without a `<classes>` wrapper.
 */
import { applyStated, CoverageBuilder, rateWarning, statedCounts } from '../coverage';
import type { Attributes, XmlHandler } from '../xml';
import { num, type ParseContext, type Parsed, type XmlFormat } from './context';

export function coberturaHandler(context: ParseContext): XmlHandler & XmlFormat {
  const builder = new CoverageBuilder(context.keepLines);
  const roots: string[] = [];
  let rootAttrs: Attributes = {};
  let sourceText: string | undefined;
  let methodDepth = 0;
  let file: ReturnType<CoverageBuilder['file']> | undefined;
  return {
    open(name, attrs) {
      if (name === 'coverage') rootAttrs = attrs;
      else if (name === 'source') sourceText = '';
      else if (name === 'method') methodDepth++;
      else if (name === 'class') {
        const filename = attrs.filename ?? attrs.name;
        file = filename ? builder.file(filename, roots) : undefined;
      } else if (name === 'line' && file && methodDepth === 0) {
        const line = num(attrs.number);
        if (line === undefined) return;
        builder.line(file, line, num(attrs.hits) ?? 0);
        const condition = /\((\d+)\s*\/\s*(\d+)\)/.exec(attrs['condition-coverage'] ?? '');
        if (attrs.branch?.toLowerCase() === 'true' && condition)
          builder.branch(file, line, Number(condition[1]), Number(condition[2]));
      }
    },
    close(name) {
      if (name === 'source' && sourceText !== undefined) {
        const root = sourceText.trim().replace(/\\/g, '/');
        if (root) roots.push(root);
        sourceText = undefined;
      } else if (name === 'method') methodDepth--;
      else if (name === 'class') file = undefined;
    },
    text(text) {
      if (sourceText !== undefined) sourceText += text;
    },
    result(): Parsed {
      const lineRate = num(rootAttrs['line-rate']);
      const branchRate = num(rootAttrs['branch-rate']);
      if (lineRate !== undefined) builder.stated.lineRate = lineRate;
      if (branchRate !== undefined) builder.stated.branchRate = branchRate;
      const coverage = builder.finish();
      const lines = statedCounts(rootAttrs['lines-covered'], rootAttrs['lines-valid']);
      const branches = statedCounts(rootAttrs['branches-covered'], rootAttrs['branches-valid']);
      applyStated(coverage, { lines, branches }, context.warnings);
      const warnings = [
        rateWarning('line-rate', rootAttrs['line-rate'], coverage.lines),
        // A branch-rate is only checked when the file has branch data (coverage.py writes 0 without it).
        coverage.branches.total > 0
          ? rateWarning('branch-rate', rootAttrs['branch-rate'], coverage.branches)
          : undefined,
      ];
      for (const warning of warnings) if (warning) context.warnings.push(warning);
      return { format: 'cobertura', coverage };
    },
  };
}
