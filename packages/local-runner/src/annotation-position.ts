/**
 * Where an annotation points, checked as the runner checks it before it records the annotation
 * (ActionCommandManager.cs, IssueCommandExtension.ValidateLinesAndColumns and IOUtil.MakeRelative).
 */
import { isAbsolute, relative, sep } from 'node:path';

export interface Position {
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
}

/** .NET int.TryParse: optional blanks and sign around decimal digits, within 32 bits. */
function parseInt32(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*[+-]?\d+\s*$/.test(text)) return undefined;
  const value = Number(text.trim());
  return value >= -2147483648 && value <= 2147483647 ? value : undefined;
}

/**
 * An end without a start becomes the start; columns need a line and a single line; an end before
 * its start drops the pair. Properties that are not numbers are left out.
 */
export function checkedPosition(properties: Record<string, string>): Position {
  let line = parseInt32(properties.line);
  const endLine = parseInt32(properties.endline);
  let col = parseInt32(properties.col);
  const endColumn = parseInt32(properties.endcolumn);
  const position: Position = { line, endLine, col, endColumn };
  const hasColumn = col !== undefined || endColumn !== undefined;
  if (endLine !== undefined && line === undefined) position.line = line = endLine;
  if (endColumn !== undefined && col === undefined) position.col = col = endColumn;
  const dropColumns = () => {
    position.col = undefined;
    position.endColumn = undefined;
  };
  if (line === undefined && hasColumn) dropColumns();
  // The runner compares the texts here, so `line=3,endLine=03` counts as two lines.
  const lineText = parseInt32(properties.line) === undefined ? properties.endline : properties.line;
  if (endLine !== undefined && lineText !== properties.endline && hasColumn) dropColumns();
  if (line !== undefined && endLine !== undefined && endLine < line) {
    position.line = undefined;
    position.endLine = undefined;
  }
  if (position.col !== undefined && position.endColumn !== undefined && position.endColumn < position.col) {
    dropColumns();
  }
  return Object.fromEntries(Object.entries(position).filter(([, value]) => value !== undefined)) as Position;
}

/** A file inside the workspace is named relative to it, with `/`; any other path stays as given. */
export function relativeToWorkspace(file: string, workspace: string): string {
  if (!isAbsolute(file)) return file;
  const path = relative(workspace, file);
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return file;
  return path.split(sep).join('/');
}
