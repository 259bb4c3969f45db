/**
 * Inputs against @actions/core, the oracle: getInput / getBooleanInput / getMultilineInput as
 * core's own tests use them (packages/core/__tests__/core.test.ts in actions/toolkit) next to
 * action-kit's readInputs over the same INPUT_* variables. Where ours differs on purpose, the
 * test says so and why.
 */

import * as core from '@actions/core';
import { describe, expect, test } from '@jest/globals';
import { envInputSource, type InputSpec, readInputs } from '@qeml/action-kit';

describe('inputs (core.test.ts getInput / getBooleanInput / getMultilineInput)', () => {
  const env = {
    INPUT_MY_INPUT: 'val',
    INPUT_MISSING: '',
    INPUT_SPACES: '   ',
    INPUT_MULTIPLE_SPACES_VARIABLE: 'I have multiple spaces',
    'INPUT_SPECIAL_CHARS_\'\t"\\': '\'\t"\\ response ',
    INPUT_WITH_TRAILING_WHITESPACE: '  some val  ',
    INPUT_BOOLEAN_INPUT_TRUE: 'True',
    INPUT_BOOLEAN_INPUT_FALSE: 'FALSE',
    INPUT_WRONG_BOOLEAN_INPUT: 'wrong',
    INPUT_MY_INPUT_LIST: 'val1\nval2\nval3',
    INPUT_LIST_WITH_BLANK_LINES: '  val1  \n\n  val2  \n  ',
  };
  const source = envInputSource(env);
  /** What core returns, or 'error' when it throws. */
  const withCore = <T>(read: () => T): T | 'error' => {
    const saved = process.env;
    process.env = { ...env };
    try {
      return read();
    } catch {
      return 'error';
    } finally {
      process.env = saved;
    }
  };
  const ours = async (spec: InputSpec, name: string): Promise<unknown> => {
    try {
      return (await readInputs({ [name]: spec }, source))[name];
    } catch {
      return 'error';
    }
  };

  test.each([
    ['my input', { required: true }],
    ['My InPuT', {}],
    ['missing', { required: true }],
    ['missing', {}],
    ['spaces', { required: true }],
    ['spaces', { required: true, trimWhitespace: false }],
    ['multiple spaces variable', {}],
    ['special chars_\'\t"\\', {}],
    ['with trailing whitespace', {}],
    ['with trailing whitespace', { trimWhitespace: false }],
  ])('string %s %j', async (name, options) => {
    const expected = withCore(() => core.getInput(name, options));
    const actual = await ours({ kind: 'string', ...options }, name);
    expect(actual ?? '').toBe(expected); // ours gives undefined for an absent optional input, core ''
  });

  test.each(['boolean input true', 'boolean input false', 'wrong boolean input', 'missing', 'spaces'])(
    'boolean %s',
    async (name) => {
      expect(await ours({ kind: 'boolean' }, name)).toBe(withCore(() => core.getBooleanInput(name)));
    },
  );

  test('multi-line inputs: one item per line, trimmed, empty lines dropped', async () => {
    const spec = { kind: 'list', newlineOnly: true } as const;
    expect(await ours(spec, 'my input list')).toEqual(
      withCore(() => core.getMultilineInput('my input list')),
    );
    expect(await ours(spec, 'list with blank lines')).toEqual(
      withCore(() => core.getMultilineInput('list with blank lines')),
    );
  });

  test('deliberate difference: a line of only spaces inside a list is dropped, core keeps it as ""', async () => {
    // An empty item is never a usable list item (an empty glob, pattern or command), so ours drops it.
    const spaced = { INPUT_LIST: 'a\n   \nb' };
    const saved = process.env;
    process.env = spaced;
    const fromCore = core.getMultilineInput('list');
    process.env = saved;
    expect(fromCore).toEqual(['a', '', 'b']);
    const values = await readInputs({ list: { kind: 'list', newlineOnly: true } }, envInputSource(spaced));
    expect(values.list).toEqual(['a', 'b']);
    // Also deliberate: our default `list` kind splits on commas too; core's getMultilineInput does not.
  });
});
