/**
 * JaCoCo XML: `<report>` → optional `<group>`s → `<package name="com/example">` → `<sourcefile
 * name="A.java">` → `<line nr mi ci mb cb>`. A line is executable when it has instructions, covered
 * when one ran; branches are mb + cb of which cb covered. A file's path is its source file name with
 * the package directory as its root. Stated totals: the report's own LINE and BRANCH counters.
 */
import { applyStated, CoverageBuilder } from '../coverage';
import type { Counts } from '../model';
import type { XmlHandler } from '../xml';
import { num, type ParseContext, type Parsed, type XmlFormat } from './context';

export function jacocoHandler(context: ParseContext): XmlHandler & XmlFormat {
  const builder = new CoverageBuilder(context.keepLines);
  const stack: string[] = [];
  let pkg = '';
  let file: ReturnType<CoverageBuilder['file']> | undefined;
  const stated: { lines?: Counts; branches?: Counts } = {};
  return {
    open(name, attrs) {
      const parent = stack[stack.length - 1];
      stack.push(name);
      if (name === 'package') pkg = attrs.name ?? '';
      else if (name === 'sourcefile' && attrs.name) {
        file = builder.file(attrs.name, pkg ? [pkg] : [], `${pkg}/${attrs.name}`);
      } else if (name === 'line' && file) {
        const line = num(attrs.nr);
        const missed = num(attrs.mi) ?? 0;
        const covered = num(attrs.ci) ?? 0;
        if (line === undefined || missed + covered === 0) return;
        builder.line(file, line, covered);
        const branchesMissed = num(attrs.mb) ?? 0;
        const branchesCovered = num(attrs.cb) ?? 0;
        builder.branch(file, line, branchesCovered, branchesMissed + branchesCovered);
      } else if (name === 'counter' && parent === 'report') {
        const counts = {
          covered: num(attrs.covered) ?? 0,
          total: (num(attrs.covered) ?? 0) + (num(attrs.missed) ?? 0),
        };
        if (attrs.type === 'LINE') stated.lines = counts;
        else if (attrs.type === 'BRANCH') stated.branches = counts;
      }
    },
    close(name) {
      stack.pop();
      if (name === 'sourcefile') file = undefined;
      else if (name === 'package') pkg = '';
    },
    result(): Parsed {
      const coverage = builder.finish();
      applyStated(coverage, stated, context.warnings);
      return { format: 'jacoco', coverage };
    },
  };
}
