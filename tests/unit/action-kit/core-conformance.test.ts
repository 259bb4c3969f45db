/**
 * @actions/core is the oracle: the same calls go through it and through action-kit's runner, and
 * the bytes written to stdout and to every file command, the environment, the exit code and the
 * errors must be the same. The scenarios follow the behaviours @actions/core's own tests cover
 * (packages/core/__tests__/core.test.ts, command.test.ts, summary.test.ts in actions/toolkit);
 * inputs are compared in core-conformance-inputs.test.ts.
 * Both write to process.stdout and process.env, so each scenario swaps them for the call only.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import { describe, expect, test } from '@jest/globals';
import { createRunner, type Runner } from '@qeml/action-kit';
import { withTempDir } from '../../support/temp';

const FILES = ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'] as const;

/** The calls both sides offer under the same names. */
type Api = Pick<
  Runner,
  | 'debug'
  | 'info'
  | 'notice'
  | 'warning'
  | 'error'
  | 'startGroup'
  | 'endGroup'
  | 'setFailed'
  | 'isDebug'
  | 'setCommandEcho'
  | 'setOutput'
  | 'exportVariable'
  | 'addPath'
  | 'setSecret'
  | 'saveState'
  | 'getState'
  | 'summary'
>;

interface Setup {
  /** Without the file variables (an old runner): the legacy stdout commands. */
  legacy?: boolean;
  env?: Record<string, string>;
  /** File variables that point at no file. */
  missing?: (typeof FILES)[number][];
}

interface Observation {
  stdout: string;
  files: Record<string, string | null>;
  env: Record<string, string | undefined>;
  exitCode: number | string | undefined;
  result: unknown;
  error?: string;
}

const normalize = (text: string, dir: string) =>
  text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_<uuid>').replaceAll(dir, '<dir>');

/** Runs `call` against `api` with process.env and process.stdout swapped for the step's. */
async function observe(
  dir: string,
  setup: Setup,
  api: Api,
  call: (api: Api) => unknown,
): Promise<Observation> {
  const env: NodeJS.ProcessEnv = { PATH: '/usr/bin', ...setup.env };
  for (const name of setup.legacy ? [] : FILES) {
    env[name] = join(dir, name.toLowerCase());
    await rm(env[name], { force: true });
    if (!setup.missing?.includes(name)) await writeFile(env[name], '');
  }
  const before = { ...env };
  const savedEnv = process.env;
  const savedWrite = process.stdout.write;
  const savedExitCode = process.exitCode;
  let stdout = '';
  process.env = env;
  process.exitCode = undefined;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  const observation: Partial<Observation> = {};
  try {
    observation.result = await call(api);
  } catch (error) {
    observation.error = normalize((error as Error).message, dir);
  } finally {
    process.stdout.write = savedWrite;
    observation.exitCode = process.exitCode;
    process.exitCode = savedExitCode;
    process.env = savedEnv;
  }
  const files: Record<string, string | null> = {};
  for (const name of setup.legacy ? [] : FILES) {
    files[name] = existsSync(env[name]!) ? normalize(await readFile(env[name]!, 'utf8'), dir) : null;
  }
  const changed: Record<string, string | undefined> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(env)])) {
    if (before[key] !== env[key]) changed[key] = env[key];
  }
  return { ...observation, stdout: normalize(stdout, dir), files, env: changed } as Observation;
}

/** Asserts that @actions/core and action-kit do the same for `call`. */
function same(title: string, call: (api: Api) => unknown, setup: Setup = {}) {
  test(title, () =>
    withTempDir(async (dir) => {
      // core's `summary` remembers its file once found: each scenario gets a new one of its class.
      const SummaryClass = core.summary.constructor as new () => Api['summary'];
      const coreApi = { ...core, summary: new SummaryClass() } as unknown as Api;
      const expected = await observe(dir, setup, coreApi, call);
      // A fresh runner per scenario: its summary buffer must start empty, like core's after write.
      const actual = await observe(dir, setup, createRunner(), call);
      expect(actual).toEqual(expected);
    }),
  );
}

const ANNOTATION = {
  title: 'A title',
  file: 'root/test.txt',
  startColumn: 1,
  endColumn: 2,
  startLine: 5,
  endLine: 5,
};
const DELIMITER_IN_VALUE = 'ghadelimiter_9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d';

describe('workflow commands (command.test.ts, core.test.ts)', () => {
  same('debug, escaped', (api) => api.debug('Debug\r\n\n50%'));
  same('info', (api) => api.info('plain: text, 50%'));
  same('groups', (api) => {
    api.startGroup('my-group');
    api.endGroup();
  });
  same('setSecret', (api) => api.setSecret('secret val'));
  for (const level of ['error', 'warning', 'notice'] as const) {
    same(`${level} escapes the message`, (api) => api[level]('message\r\n\n%'));
    same(`${level} handles an Error`, (api) => api[level](new Error('this is my error message')));
    same(`${level} maps annotation properties`, (api) => api[level](new Error('m'), ANNOTATION));
    same(`${level} escapes properties`, (api) =>
      api[level]('m', { title: 'a: b, c % d\r\ne', file: 'x,y.ts' }),
    );
    same(`${level} drops falsy properties (0, '')`, (api) =>
      api[level]('m', { title: '', startLine: 0, startColumn: 0, file: 'a.ts' }),
    );
    same(`${level} with properties that are all empty`, (api) => api[level]('m', { title: undefined }));
  }
  same('setFailed sets exit code 1 and escapes', (api) => api.setFailed('Failure \r\n\nmessage\r'));
  same('setFailed handles an Error', (api) => api.setFailed(new Error('this is my error message')));
  same('setCommandEcho on and off', (api) => {
    api.setCommandEcho(true);
    api.setCommandEcho(false);
  });
  same('isDebug follows RUNNER_DEBUG', (api) => api.isDebug(), { env: { RUNNER_DEBUG: '1' } });
  same('isDebug is false otherwise', (api) => api.isDebug(), { env: { RUNNER_DEBUG: 'true' } });
  same('getState reads STATE_<name>', (api) => [api.getState('TEST_1'), api.getState('none')], {
    env: { STATE_TEST_1: 'state_val' },
  });
});

describe('file commands (core.test.ts)', () => {
  const values: [string, unknown][] = [
    ['a string on lines', 'line 1\nline 2'],
    ['a boolean', true],
    ['a number', 5],
    ['an object', { a: [1, 'x'] }],
    ['null', null],
  ];
  for (const [label, value] of values) {
    same(`setOutput with ${label}`, (api) => api.setOutput('my out', value));
    same(`exportVariable with ${label}`, (api) => api.exportVariable('my var', value));
    same(`saveState with ${label}`, (api) => api.saveState('my state', value));
    same(`legacy setOutput with ${label}`, (api) => api.setOutput('my out', value), { legacy: true });
    same(`legacy exportVariable with ${label}`, (api) => api.exportVariable('my var', value), {
      legacy: true,
    });
    same(`legacy saveState with ${label}`, (api) => api.saveState('my state', value), { legacy: true });
  }
  same(
    'legacy exportVariable escapes the name',
    (api) => api.exportVariable('special char var \r\n,:', 'v'),
    {
      legacy: true,
    },
  );
  same('addPath writes GITHUB_PATH and prepends PATH', (api) => api.addPath('/path/to/tool'));
  same('legacy addPath', (api) => api.addPath('/path/to/tool'), { legacy: true });
  same('a value holding a delimiter-like text is written under a fresh delimiter', (api) =>
    api.setOutput('x', DELIMITER_IN_VALUE),
  );
  same('a file variable pointing at no file fails', (api) => api.setOutput('a', 'b'), {
    missing: ['GITHUB_OUTPUT'],
  });

  // core's refusal of a name or value holding its delimiter needs a fixed UUID, which core only takes
  // through a module mock; runner.test.ts checks ours with an injected id and core's message.
  // Deliberate difference: core sets process.env before it refuses a value holding its delimiter,
  // so a failed exportVariable still changes the environment; ours checks first and changes nothing.
  // (A random UUID delimiter is never in a value, so only the order differs, not the output.)
});

describe('job summary (summary.test.ts)', () => {
  same('appends, with and without EOL', async (api) => {
    await api.summary.addRaw('# Title', true).write();
    await api.summary.addRaw('more').write();
  });
  same('overwrites', async (api) => {
    await api.summary.addRaw('old').write();
    await api.summary.addRaw('new').write({ overwrite: true });
  });
  same('refuses a missing summary file instead of creating one', (api) => api.summary.addRaw('x').write(), {
    missing: ['GITHUB_STEP_SUMMARY'],
  });
  same('refuses when GITHUB_STEP_SUMMARY is unset', (api) => api.summary.addRaw('x').write(), {
    legacy: true,
  });
  // Deliberate difference: core's summary also builds markdown (addHeading, addTable, ...); ours
  // builds it in `Summary` (summary.ts: redaction, a size cap) and only appends text here.
});
