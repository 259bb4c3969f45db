// The ripgrep export keeps each signature's meaning in a form `rg -f` runs fast: byte-mode scoped
// groups, no group names, linear-engine bounds, non-ASCII as UTF-8 bytes.
import { expect, test } from '@jest/globals';
import { ripgrepPattern } from '../../../packages/diagnosis/src/catalogue';
import type { Signature } from '../../../packages/diagnosis/src/types';

const signature = (pattern: string, extra: Partial<Signature> = {}): Signature => ({
  id: 'x',
  category: 'test',
  title: 'x',
  pattern,
  keywords: ['x'],
  examples: [],
  transient: false,
  recovery: 'escalate',
  severity: 'error',
  source: 'x',
  ...extra,
});

test.each([
  [
    'named groups become plain groups',
    '^(?<file>[^\\s:]{1,9}):(?P<line>\\d{1,7})',
    '(?-u:^(?:[^\\s:]{1,9}):(?:\\d{1,7}))',
  ],
  ['bounds of 20 or more become open', 'ERR.{0,200}x\\S{1,400}\\d{1,19}', '(?-u:ERR.{0,}x\\S{1,}\\d{1,19})'],
  [
    'non-ASCII literals become UTF-8 bytes',
    '^✖ \\d{1,3} problems',
    '(?-u:^\\xE2\\x9C\\x96 \\d{1,3} problems)',
  ],
  ['a class over non-ASCII characters becomes any character', '● [^›]{1,9}', '(?-u:\\xE2\\x97\\x8F .{1,9})'],
  ['escaped parentheses stay literal', '\\(?<x>\\)', '(?-u:\\(?<x>\\))'],
])('%s', (_, pattern, exported) => {
  expect(ripgrepPattern(signature(pattern))).toBe(exported);
});

test('ignoreCase is a scoped flag, so it cannot leak into the next pattern of the file', () => {
  expect(ripgrepPattern(signature('network is unreachable', { ignoreCase: true }))).toBe(
    '(?i-u:network is unreachable)',
  );
});

test('a multi-line signature exports its first line', () => {
  expect(
    ripgrepPattern(
      signature('^error\\[E\\d{4}\\]: [^\\n]{0,500}\\n\\s{0,20}--> (?<file>\\S{1,9})', { window: 2 }),
    ),
  ).toBe('(?-u:^error\\[E\\d{4}\\]: .{0,})');
});
