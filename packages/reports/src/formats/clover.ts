/**
 * Clover XML (PHPUnit and Istanbul): `<file>` elements with or without a `<package>`, `<line
 * type="stmt|cond|method">`. Lines are the stmt and cond lines; a cond line's branches are
 * truecount + falsecount, of which truecount covered (the writers' meaning); methods from
 * method lines. Stated totals: the project's `<metrics>`.
 */
import { applyStated, CoverageBuilder, statedCounts as pair } from '../coverage';
import type { Counts } from '../model';
import type { Attributes, XmlHandler } from '../xml';
import { num, type ParseContext, type Parsed, type XmlFormat } from './context';

export function cloverHandler(context: ParseContext): XmlHandler & XmlFormat {
  const builder = new CoverageBuilder(context.keepLines);
  const stack: string[] = [];
  let projectMetrics: Attributes | undefined;
  let file: ReturnType<CoverageBuilder['file']> | undefined;
  const methods: Counts = { covered: 0, total: 0 };
  const statements: Counts = { covered: 0, total: 0 };
  return {
    open(name, attrs) {
      const parent = stack[stack.length - 1];
      stack.push(name);
      if (name === 'metrics' && parent === 'project') projectMetrics = attrs;
      else if (name === 'file') {
        const path = attrs.path ?? attrs.name;
        file = path ? builder.file(path) : undefined;
      } else if (name === 'line' && file) {
        const line = num(attrs.num);
        const count = num(attrs.count) ?? 0;
        if (line === undefined) return;
        if (attrs.type === 'method') {
          methods.total++;
          if (count > 0) methods.covered++;
          return;
        }
        builder.line(file, line, count);
        statements.total++;
        if (count > 0) statements.covered++;
        if (attrs.type === 'cond') {
          const covered = num(attrs.truecount) ?? 0;
          const missed = num(attrs.falsecount) ?? 0;
          builder.branch(file, line, covered, covered + missed);
        }
      }
    },
    close(name) {
      stack.pop();
      if (name === 'file') file = undefined;
    },
    result(): Parsed {
      builder.addStatements(statements);
      if (methods.total > 0) builder.addFunctions(methods);
      const coverage = builder.finish();
      if (projectMetrics) {
        // Clover states statements (stmt + cond lines, which are our lines) and conditionals.
        const stated = {
          lines: pair(projectMetrics.coveredstatements, projectMetrics.statements),
          branches: pair(projectMetrics.coveredconditionals, projectMetrics.conditionals),
        };
        applyStated(coverage, stated, context.warnings, { lines: 'statements', branches: 'conditionals' });
      }
      return { format: 'clover', coverage };
    },
  };
}
