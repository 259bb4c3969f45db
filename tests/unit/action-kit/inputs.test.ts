import { describe, expect, test } from '@jest/globals';
import {
  ConfigurationError,
  defineInputs,
  envInputSource,
  type InputSchema,
  Redactor,
  readInputs,
} from '@qeml/action-kit';

const from =
  (values: Record<string, string>) =>
  (name: string): string | undefined =>
    values[name];

/** Reads one input and returns the thrown ConfigurationError message (or fails). */
async function problemFor(schema: InputSchema, values: Record<string, string>): Promise<string> {
  try {
    await readInputs(schema, from(values));
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('input source', () => {
  test('reads INPUT_<NAME> like @actions/core: spaces to underscores, upper-cased, hyphens kept', () => {
    const source = envInputSource({ 'INPUT_MAX-ATTEMPTS': '5', INPUT_MY_INPUT: 'x' });
    expect(source('max-attempts')).toBe('5');
    expect(source('my input')).toBe('x');
  });

  test('defaults to process.env', async () => {
    process.env['INPUT_KIT-TEST-VALUE'] = '  hello  ';
    try {
      expect(await readInputs({ 'kit-test-value': { kind: 'string' } })).toEqual({
        'kit-test-value': 'hello',
      });
    } finally {
      delete process.env['INPUT_KIT-TEST-VALUE'];
    }
  });
});

describe('string', () => {
  test('trims like core, keeps whitespace when asked', async () => {
    const values = await readInputs(
      { name: { kind: 'string' }, script: { kind: 'string', trimWhitespace: false } },
      from({ name: '  a  ', script: '  echo 1\n  echo 2\n' }),
    );
    expect(values).toEqual({ name: 'a', script: '  echo 1\n  echo 2\n' });
  });

  test('empty means not given: default, else undefined', async () => {
    const values = await readInputs(
      { a: { kind: 'string', default: 'x' }, b: { kind: 'string' } },
      from({ a: '   ', b: '' }),
    );
    expect(values).toEqual({ a: 'x', b: undefined });
  });

  test('a required input that is empty is an error', async () => {
    expect(
      await problemFor({ run: { kind: 'string', required: true, description: 'the command to run' } }, {}),
    ).toBe("Input 'run' is required: the command to run");
  });

  test('a required input supplied with only spaces is given, as empty (as in @actions/core)', async () => {
    const spaces = { run: ' \t ' };
    expect((await readInputs({ run: { kind: 'string', required: true } }, from(spaces))).run).toBe('');
    const kept = { kind: 'string', required: true, trimWhitespace: false } as const;
    expect((await readInputs({ run: kept }, from(spaces))).run).toBe(' \t ');
  });
});

describe('boolean', () => {
  test.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
  ])('%s', async (text, expected) => {
    expect((await readInputs({ flag: { kind: 'boolean' } }, from({ flag: text }))).flag).toBe(expected);
  });

  test.each(['yes', 'tRUE', '1', 'on'])('rejects %s naming the forms', async (text) => {
    expect(await problemFor({ flag: { kind: 'boolean', default: false } }, { flag: text })).toBe(
      `Input 'flag' got "${text}": expected true or false (true | True | TRUE | false | False | FALSE)`,
    );
  });

  test('an empty boolean is refused without a default (as in @actions/core), the default otherwise', async () => {
    expect(await problemFor({ flag: { kind: 'boolean' } }, { flag: '  ' })).toBe(
      `Input 'flag' got "": expected true or false (true | True | TRUE | false | False | FALSE)`,
    );
    expect((await readInputs({ flag: { kind: 'boolean', default: true } }, from({}))).flag).toBe(true);
  });
});

describe('integer and number', () => {
  test('valid values and defaults', async () => {
    const values = await readInputs(
      {
        'max-attempts': { kind: 'integer', default: 3, min: 1 },
        count: { kind: 'integer' },
        factor: { kind: 'number', min: 1, max: 10 },
      },
      from({ count: '-4', factor: '2.5' }),
    );
    expect(values).toEqual({ 'max-attempts': 3, count: -4, factor: 2.5 });
  });

  test.each(['1.5', '1e3', '0x10', 'three', '99999999999999999999'])('integer rejects %s', async (text) => {
    expect(await problemFor({ n: { kind: 'integer' } }, { n: text })).toBe(
      `Input 'n' got "${text}": expected an integer`,
    );
  });

  test('bounds are named in the message', async () => {
    expect(
      await problemFor({ 'max-attempts': { kind: 'integer', min: 1, max: 10 } }, { 'max-attempts': '0' }),
    ).toBe(`Input 'max-attempts' got "0": expected an integer from 1 to 10`);
    expect(await problemFor({ n: { kind: 'number', min: 0.5 } }, { n: '0.1' })).toBe(
      `Input 'n' got "0.1": expected a number of at least 0.5`,
    );
    expect(await problemFor({ n: { kind: 'number', max: 2 } }, { n: 'Infinity' })).toMatch(
      /expected a number of at most 2$/,
    );
  });
});

describe('duration', () => {
  test('parses forms and string or number defaults to milliseconds', async () => {
    const values = await readInputs(
      {
        timeout: { kind: 'duration' },
        delay: { kind: 'duration', default: '10s' },
        grace: { kind: 'duration', default: 500 },
        bare: { kind: 'duration' },
      },
      from({ timeout: '1h30m', bare: '45' }),
    );
    expect(values).toEqual({ timeout: 5_400_000, delay: 10_000, grace: 500, bare: 45_000 });
  });

  test('an invalid duration says the expected form', async () => {
    expect(await problemFor({ timeout: { kind: 'duration' } }, { timeout: '5 minutes' })).toBe(
      `Input 'timeout' got "5 minutes": expected a duration like 250ms, 30s, 5m or 1h30m (a bare number means seconds)`,
    );
  });

  test('bounds are shown as durations', async () => {
    expect(await problemFor({ timeout: { kind: 'duration', min: 1000 } }, { timeout: '0' })).toMatch(
      /of at least 1s$/,
    );
  });
});

describe('enum', () => {
  test('accepts a declared value, rejects others listing them', async () => {
    const schema = defineInputs({
      backoff: { kind: 'enum', values: ['exponential', 'linear'], default: 'linear' },
    });
    const value: 'exponential' | 'linear' = (await readInputs(schema, from({ backoff: 'exponential' })))
      .backoff;
    expect(value).toBe('exponential');
    expect(await problemFor(schema, { backoff: 'fast' })).toBe(
      `Input 'backoff' got "fast": expected one of: exponential, linear`,
    );
  });
});

describe('list', () => {
  test('newline- or comma-separated, trimmed, blanks dropped', async () => {
    const { items } = await readInputs({ items: { kind: 'list' } }, from({ items: ' a, b ,,\n c\n\n d , ' }));
    expect(items).toEqual(['a', 'b', 'c', 'd']);
  });

  test('newline-only lists keep commas', async () => {
    const { items } = await readInputs(
      { items: { kind: 'list', newlineOnly: true } },
      from({ items: 'a,b\n c ' }),
    );
    expect(items).toEqual(['a,b', 'c']);
  });

  test('default is copied', async () => {
    const schema = { items: { kind: 'list', default: ['x'] } } as const;
    const first = (await readInputs(schema, from({}))).items;
    first.push('y');
    expect((await readInputs(schema, from({}))).items).toEqual(['x']);
  });
});

describe('globs', () => {
  test('valid globs; commas inside braces stay in the glob', async () => {
    const { paths } = await readInputs(
      { paths: { kind: 'globs' } },
      from({ paths: 'src/**/*.{js,ts}, docs/**\n!dist/**' }),
    );
    expect(paths).toEqual(['src/**/*.{js,ts}', 'docs/**', '!dist/**']);
  });

  test('an unbalanced glob is named and quoted', async () => {
    expect(await problemFor({ paths: { kind: 'globs' } }, { paths: 'ok/**\nsrc/[ab' })).toMatch(
      /^Input 'paths' has an invalid glob "src\/\[ab" \(.*\): expected glob patterns/,
    );
  });
});

describe('patterns', () => {
  test('each line is compiled with RE2; commas are legal', async () => {
    const { patterns } = await readInputs(
      { patterns: { kind: 'patterns' } },
      from({ patterns: 'ECONN(RESET|REFUSED)\na{1,3}b' }),
    );
    expect(patterns?.map((p) => p.source)).toEqual(['ECONN(RESET|REFUSED)', 'a{1,3}b']);
    expect(patterns?.[0]?.test('read ECONNRESET')).toBe(true);
    expect(patterns?.[1]?.find('xxaab')).toEqual({ index: 2, match: 'aab', groups: [] });
  });

  test('an invalid regex names the input and quotes the pattern', async () => {
    const message = await problemFor(
      { 'retry-on-output': { kind: 'patterns' } },
      { 'retry-on-output': 'fine\n(unclosed' },
    );
    expect(message).toMatch(
      /^Input 'retry-on-output' has an invalid regular expression "\(unclosed": missing closing \)/,
    );
    expect(message).toMatch(/expected regular expressions in RE2 syntax, one per line$/);
  });

  test('backtracking-only features are rejected (linear time only)', async () => {
    expect(await problemFor({ p: { kind: 'patterns' } }, { p: '(a)\\1' })).toMatch(
      /^Input 'p' has an invalid regular expression/,
    );
  });

  test('case-insensitive option and defaults compile', async () => {
    const { p, q } = await readInputs(
      { p: { kind: 'patterns', caseInsensitive: true }, q: { kind: 'patterns', default: ['timeout'] } },
      from({ p: 'error' }),
    );
    expect(p?.[0]?.test('ERROR')).toBe(true);
    expect(q[0]?.test('a timeout')).toBe(true);
  });
});

describe('object', () => {
  test('YAML or JSON mapping', async () => {
    const values = await readInputs(
      { a: { kind: 'object' }, b: { kind: 'object' }, c: { kind: 'object', default: {} } },
      from({ a: 'name: x\nretries: 2\n', b: '{"k": [1, 2]}' }),
    );
    expect(values).toEqual({ a: { name: 'x', retries: 2 }, b: { k: [1, 2] }, c: {} });
  });

  test.each(['- a\n- b', '42', 'just text'])('rejects a non-mapping %j', async (text) => {
    expect(await problemFor({ with: { kind: 'object' } }, { with: text })).toMatch(
      /^Input 'with' got ".*": expected a YAML or JSON mapping \(key: value\)$/,
    );
  });

  test('a YAML syntax error is one line naming the input', async () => {
    const message = await problemFor({ with: { kind: 'object' } }, { with: 'a: [1, 2' });
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/^Input 'with' got "a: \[1, 2": .*expected a YAML or JSON mapping/);
  });
});

describe('all problems at once', () => {
  test('every bad input is reported in one ConfigurationError, one line each', async () => {
    let caught: unknown;
    try {
      await readInputs(
        {
          run: { kind: 'string', required: true },
          'max-attempts': { kind: 'integer', min: 1 },
          timeout: { kind: 'duration' },
          fine: { kind: 'boolean' },
        },
        from({ 'max-attempts': 'lots', timeout: '5 minutes', fine: 'true' }),
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigurationError);
    const error = caught as ConfigurationError;
    expect(error.problems).toHaveLength(3);
    expect(error.message.split('\n')).toEqual([
      `Input 'run' is required: a non-empty value`,
      `Input 'max-attempts' got "lots": expected an integer of at least 1`,
      `Input 'timeout' got "5 minutes": expected a duration like 250ms, 30s, 5m or 1h30m (a bare number means seconds)`,
    ]);
  });

  test('long values are truncated and kept on one line', async () => {
    const message = await problemFor({ n: { kind: 'integer' } }, { n: `x\n${'9'.repeat(500)}` });
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain('(502 characters)');
    expect(message.length).toBeLessThan(200);
  });
});

describe('secret inputs', () => {
  test('are registered for redaction and never quoted', async () => {
    const redactor = new Redactor();
    const { token } = await readInputs(
      { token: { kind: 'string', secret: true } },
      from({ token: 's3cr3t-value' }),
      {
        redactor,
      },
    );
    expect(redactor.redact(`token=${token}`)).toBe('token=***');
    const message = await problemFor({ n: { kind: 'integer', secret: true } }, { n: 'hunter22' });
    expect(message).toBe(`Input 'n' has an invalid value: expected an integer`);
  });
});

describe('types', () => {
  test('result type follows the schema', async () => {
    const values = await readInputs(
      {
        'max-attempts': { kind: 'integer', default: 3, min: 1 },
        name: { kind: 'string' },
        run: { kind: 'string', required: true },
      },
      from({ run: 'x' }),
    );
    const attempts: number = values['max-attempts'];
    const name: string | undefined = values.name;
    const run: string = values.run;
    // @ts-expect-error optional input without default may be undefined
    const notNarrowed: string = values.name;
    expect([attempts, name, run, notNarrowed]).toEqual([3, undefined, 'x', undefined]);
  });
});
