/** Bad inputs through the bundle: exit 1 and exactly one error annotation naming the input. */
import { describe, expect, test } from '@jest/globals';
import { bundleNodes } from '../../support/node';
import { errors, runRetryBundle } from './helpers';

const cases: [string, Record<string, string>][] = [
  ['max-attempts', { run: 'true', 'max-attempts': '-1' }],
  ['timeout', { run: 'true', timeout: '5 minutes' }],
  ['shell', { run: 'true', shell: 'fish' }],
  ['run', { run: '  ' }],
  ['retry-on-output', { run: 'true', 'retry-on-output': 'ok\n(unclosed' }],
];

describe.each(bundleNodes())('retry bundle input errors under $label', ({ path: node }) => {
  test.each(cases)('a bad %s gives one error naming it', async (name, inputs) => {
    const step = await runRetryBundle(node, inputs);
    expect(step.exitCode).toBe(1);
    const found = errors(step);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain(`'${name}'`);
    expect(step.log).not.toContain('Attempt 1');
  });
});
