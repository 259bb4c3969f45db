/**
 * Complexity as JSON: radon `cc --json` (functions, methods and closures per file) and ESLint's JSON
 * formatter with the `complexity` rule ("... has a complexity of 12. Maximum allowed is 10.").
 */
import type { ComplexityItem } from '../model';
import { CappedList, isRecord, num, type ParseContext, type Parsed, str } from './context';

type Json = Record<string, unknown>;

export function parseRadon(doc: Json, context: ParseContext): Parsed {
  const items = new CappedList<ComplexityItem>(context.limits.maxItems);
  let errors = 0;
  for (const [path, blocks] of Object.entries(doc)) {
    if (!Array.isArray(blocks)) {
      if (isRecord(blocks) && blocks.error) errors++;
      continue;
    }
    const seen = new Set<string>();
    const visit = (block: Json, owner?: string) => {
      const name = str(block.name) ?? '?';
      const line = num(block.lineno);
      const type = str(block.type);
      const qualified =
        owner && type === 'method'
          ? `${owner}.${name}`
          : str(block.classname)
            ? `${block.classname}.${name}`
            : name;
      const key = `${qualified}@${line}`;
      const complexity = num(block.complexity);
      if (type !== 'class' && complexity !== undefined && !seen.has(key)) {
        seen.add(key);
        const item: ComplexityItem = { path: path.replace(/\\/g, '/'), name: qualified, complexity };
        if (line !== undefined) item.line = line;
        const end = num(block.endline);
        if (end !== undefined) item.endLine = end;
        items.push(item);
      }
      for (const child of [block.methods, block.closures]) {
        if (Array.isArray(child))
          for (const inner of child.filter(isRecord)) visit(inner, type === 'class' ? name : owner);
      }
    };
    for (const block of blocks.filter(isRecord)) visit(block);
  }
  if (errors > 0) context.warnings.push(`radon could not analyse ${errors} files`);
  items.warn(context.warnings, 'functions');
  return { format: 'radon', complexity: items.items };
}

const COMPLEXITY = /^(.*?) has a complexity of (\d+)/;

export function parseEslint(doc: unknown[], context: ParseContext): Parsed {
  const items = new CappedList<ComplexityItem>(context.limits.maxItems);
  for (const result of doc.filter(isRecord)) {
    const path = (str(result.filePath) ?? '').replace(/\\/g, '/');
    for (const message of Array.isArray(result.messages) ? result.messages.filter(isRecord) : []) {
      if (message.ruleId !== 'complexity') continue;
      const match = COMPLEXITY.exec(str(message.message) ?? '');
      if (!match) continue;
      const item: ComplexityItem = {
        path,
        name:
          match[1]!.replace(/^(Async )?(Function|Method|Arrow function)\s*/i, '').replace(/^'(.*)'$/, '$1') ||
          match[1]!,
        complexity: Number(match[2]),
      };
      const line = num(message.line);
      const end = num(message.endLine);
      if (line !== undefined) item.line = line;
      if (end !== undefined) item.endLine = end;
      items.push(item);
    }
  }
  items.warn(context.warnings, 'functions');
  return { format: 'eslint', complexity: items.items };
}
