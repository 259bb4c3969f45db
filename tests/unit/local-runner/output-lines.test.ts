import { describe, expect, test } from '@jest/globals';
import { LineSplitter } from '../../../packages/local-runner/src/line-splitter';
import { Masker } from '../../../packages/local-runner/src/masker';

describe('Masker', () => {
  test('masks longest values first and each line of a multi-line value', () => {
    const masker = new Masker();
    masker.add('abc');
    masker.add('abcdef');
    masker.add('one\ntwo\n\n');
    expect(masker.mask('abcdef abc one two three')).toBe('*** *** *** *** three');
    expect(masker.list()).toEqual(['abc', 'abcdef', 'one\ntwo\n\n', 'one', 'two']);
  });

  test('regex characters in values are literal', () => {
    const masker = new Masker();
    masker.add('a.b*c');
    expect(masker.mask('a.b*c axbbc')).toBe('*** axbbc');
  });
});

describe('LineSplitter', () => {
  test('joins lines split across chunks, strips CR, and flushes the last line', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((bytes) => lines.push(bytes.toString()));
    for (const chunk of ['ab', 'c\r\nde', 'f\n\ng']) splitter.push(Buffer.from(chunk));
    splitter.end();
    expect(lines).toEqual(['abc', 'def', '', 'g']);
  });

  test('an overlong line is handed over in pieces marked as continuations', () => {
    const pieces: [number, boolean][] = [];
    const splitter = new LineSplitter((bytes, continuation) => pieces.push([bytes.length, continuation]), 10);
    splitter.push(Buffer.from('x'.repeat(25)));
    splitter.push(Buffer.from('yy\nz\n'));
    expect(pieces).toEqual([
      [25, false],
      [2, true],
      [1, false],
    ]);
  });
});
