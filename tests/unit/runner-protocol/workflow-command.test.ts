import { describe, expect, test } from '@jest/globals';
import {
  annotationCommandProperties,
  escapeData,
  escapeProperty,
  formatCommand,
  parseWorkflowCommand,
  toCommandValue,
} from '@qeml/runner-protocol';

describe('formatCommand (as @actions/core writes)', () => {
  test('name, escaped properties and escaped message', () => {
    expect(formatCommand('error', 'broke\nat 100%', { file: 'a,b.ts', line: 3 })).toBe(
      '::error file=a%2Cb.ts,line=3::broke%0Aat 100%25',
    );
  });

  test('falsy properties are left out; a non-empty properties object still puts a space after the name', () => {
    expect(formatCommand('notice', 'x', { title: '', line: 0, col: undefined })).toBe('::notice ::x');
    expect(formatCommand('notice', 'x', {})).toBe('::notice::x');
  });

  test('non-string messages and properties are JSON', () => {
    expect(formatCommand('set-output', { a: 1 }, { name: 'n' })).toBe('::set-output name=n::{"a":1}');
    expect(toCommandValue(null)).toBe('');
    expect(toCommandValue(true)).toBe('true');
  });

  test('annotation properties under the runner names; {} stays {}', () => {
    expect(annotationCommandProperties({ startLine: 1, startColumn: 2 })).toEqual({
      title: undefined,
      file: undefined,
      line: 1,
      endLine: undefined,
      col: 2,
      endColumn: undefined,
    });
    expect(annotationCommandProperties({})).toEqual({});
  });
});

describe('parseWorkflowCommand (as the runner reads: ActionCommand.cs TryParseV2)', () => {
  test('parses name, properties (case-insensitive names) and message with the runner escaping', () => {
    expect(parseWorkflowCommand('::error File=a.ts,line=3,title=x%3Ay%2Cz::msg %25 %0Anext')).toEqual({
      name: 'error',
      properties: { file: 'a.ts', line: '3', title: 'x:y,z' },
      message: 'msg % \nnext',
    });
  });

  test('escaping round-trips', () => {
    const text = 'a%b\r\nc:d,e%0A';
    const parsed = parseWorkflowCommand(`::notice title=${escapeProperty(text)}::${escapeData(text)}`);
    expect(parsed?.properties.title).toBe(text);
    expect(parsed?.message).toBe(text);
  });

  test('leading whitespace is allowed; pairs without a name or value carry nothing', () => {
    expect(parseWorkflowCommand(' \t::warning a=,=b,c,d=1::m')).toEqual({
      name: 'warning',
      properties: { d: '1' },
      message: 'm',
    });
  });

  test('ordinary lines are not commands', () => {
    expect(parseWorkflowCommand('plain text')).toBeUndefined();
    expect(parseWorkflowCommand('::no closing')).toBeUndefined();
    expect(parseWorkflowCommand('x ::error::late')).toBeUndefined();
  });
});
