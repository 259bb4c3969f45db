import { describe, expect, test } from '@jest/globals';
import {
  formatFileCommand,
  formatFileCommands,
  formatPathFile,
  parseFileCommands,
  parsePathFile,
} from '@qeml/runner-protocol';

describe('formatFileCommand (as @actions/core writes)', () => {
  test('a heredoc entry; non-string values are JSON', () => {
    expect(formatFileCommand('n', 'a\nb', 'ghadelimiter_1')).toBe(
      'n<<ghadelimiter_1\na\nb\nghadelimiter_1\n',
    );
    expect(formatFileCommand('n', 42, 'D', '\r\n')).toBe('n<<D\r\n42\r\nD\r\n');
  });

  test('a name or value holding the delimiter is refused', () => {
    expect(() => formatFileCommand('n', 'xDx', 'D')).toThrow('value should not contain the delimiter "D"');
    expect(() => formatFileCommand('nD', 'x', 'D')).toThrow('name should not contain the delimiter "D"');
  });

  test('several entries pick a new delimiter when a value holds one', () => {
    const ids = ['1', '2'];
    const text = formatFileCommands({ v: 'ghadelimiter_1' }, () => ids.shift() ?? '3');
    expect(parseFileCommands(text, 'output')).toEqual({ v: 'ghadelimiter_1' });
    expect(text).toContain('ghadelimiter_2');
  });

  test('path file lists directories in the order added', () => {
    expect(formatPathFile(['/a', '/b'])).toBe('/a\n/b\n');
    expect(formatPathFile([])).toBe('');
  });
});

describe('parseFileCommands (as the runner reads: FileCommandManager.cs EnvFileKeyValuePairs)', () => {
  test('reads name=value lines; the value keeps later = signs and later keys win', () => {
    expect(parseFileCommands('a=1\nb=x=y\n\na=2\n', 'output')).toEqual({ a: '2', b: 'x=y' });
  });

  test('reads heredocs with inner newlines, without the newline before the delimiter', () => {
    const text = 'notes<<EOF\nline one\nline=two\nEOF\nafter=yes\n';
    expect(parseFileCommands(text, 'output')).toEqual({ notes: 'line one\nline=two', after: 'yes' });
  });

  test('lines end at LF only: a CR stays in the value (the runner on Linux)', () => {
    expect(parseFileCommands('a=1\r\nv<<X\nin\r\nX\n', 'env')).toEqual({ a: '1\r', v: 'in\r' });
  });

  test('a heredoc delimiter must match a whole line; an empty value is empty', () => {
    expect(parseFileCommands('v<<EOF\nnot EOF\nEOF\ne<<X\nX', 'output')).toEqual({ v: 'not EOF', e: '' });
  });

  test('a missing delimiter throws like the runner, naming the delimiter', () => {
    expect(() => parseFileCommands('ok=1\nbroken<<DELIM\nvalue\n', 'output')).toThrow(
      "Unable to process file command 'output' successfully: Invalid value. Matching delimiter not found 'DELIM'",
    );
    expect(() => parseFileCommands('v<<D\nvalue', 'output')).toThrow('EOF marker missing new line');
  });

  test('a line that is neither form throws', () => {
    expect(() => parseFileCommands('just text\n', 'env')).toThrow("Invalid format 'just text'");
    expect(() => parseFileCommands('=value\n', 'env')).toThrow('Name must not be empty');
  });

  test('empty text gives no values', () => {
    expect(parseFileCommands('', 'state')).toEqual({});
  });
});

describe('parsePathFile (the runner reads it with File.ReadAllLines)', () => {
  test('lines are not trimmed; empty lines are skipped; CRLF, CR and LF end lines', () => {
    expect(parsePathFile(' /a b \n\n/c\r\n/d\r/e')).toEqual([' /a b ', '/c', '/d', '/e']);
  });
});
