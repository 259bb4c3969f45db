import { describe, expect, test } from '@jest/globals';
import { parseFileCommands } from '@qeml/local-runner';

describe('parseFileCommands', () => {
  test('reads name=value lines; the value keeps later = signs and later keys win', () => {
    expect(parseFileCommands('a=1\nb=x=y\n\na=2\n', 'output')).toEqual({ a: '2', b: 'x=y' });
  });

  test('reads heredocs with inner newlines, without the newline before the delimiter', () => {
    const text = 'notes<<EOF\nline one\nline=two\nEOF\nafter=yes\n';
    expect(parseFileCommands(text, 'output')).toEqual({ notes: 'line one\nline=two', after: 'yes' });
  });

  test('accepts CRLF line endings and an empty heredoc value', () => {
    expect(parseFileCommands('a=1\r\nempty<<X\r\nX\r\n', 'env')).toEqual({ a: '1', empty: '' });
  });

  test('a heredoc delimiter must match a whole line', () => {
    expect(parseFileCommands('v<<EOF\nnot EOF\nEOF\n', 'output')).toEqual({ v: 'not EOF' });
  });

  test('a missing delimiter throws like the runner, naming the delimiter', () => {
    expect(() => parseFileCommands('ok=1\nbroken<<DELIM\nvalue\n', 'output')).toThrow(
      "Unable to process file command 'output' successfully: Invalid value. Matching delimiter not found 'DELIM'",
    );
  });

  test('a line that is neither form throws', () => {
    expect(() => parseFileCommands('just text\n', 'env')).toThrow("Invalid format 'just text'");
    expect(() => parseFileCommands('=value\n', 'env')).toThrow('Name must not be empty');
  });

  test('empty text gives no values', () => {
    expect(parseFileCommands('', 'state')).toEqual({});
  });
});
