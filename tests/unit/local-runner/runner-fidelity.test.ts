/**
 * local-runner behaves like GitHub's runner (actions/runner). Each test names the runner source
 * file whose behaviour it follows.
 */
import { mkdir, symlink } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { type RunOptions, runLocalAction } from '@qeml/local-runner';
import { LineSplitter } from '../../../packages/local-runner/src/line-splitter';
import { Masker } from '../../../packages/local-runner/src/masker';
import { findNode } from '../../../packages/local-runner/src/node-binary';
import { node24Path } from '../../support/node';
import { withTempDir, writeFiles } from '../../support/temp';

/** Runs an action made of `files` (action.yml and scripts) in a temp dir. */
function runAction(files: Record<string, string>, options: Partial<RunOptions> = {}) {
  return withTempDir(async (dir) => {
    await writeFiles(dir, files);
    return runLocalAction({ action: dir, workspace: dir, ...options });
  });
}
const yml = (runs: string) => `name: t\nruns:\n${runs}`;
const main = (code: string) => ({ 'action.yml': yml('  using: node20\n  main: main.js\n'), 'main.js': code });

describe('phases (src/Runner.Worker/ActionRunner.cs, JobExtension.cs)', () => {
  test('post runs after a failed pre: the runner registers post when pre runs', async () => {
    const result = await runAction({
      'action.yml': yml('  using: node20\n  pre: pre.js\n  main: main.js\n  post: post.js\n'),
      'pre.js': 'process.exit(2)',
      'main.js': 'console.log("main")',
      'post.js': 'console.log("post ran")',
    });
    expect(result.phases.map((phase) => [phase.name, phase.outcome])).toEqual([
      ['pre', 'failure'],
      ['post', 'success'],
    ]);
    expect(result.exitCode).toBe(2);
  });

  test('a local ./ action gets no pre', async () => {
    const result = await runAction(
      {
        'action.yml': yml('  using: node20\n  pre: pre.js\n  main: main.js\n'),
        'pre.js': 'console.log("pre ran")',
        'main.js': 'console.log("main ran")',
      },
      { localAction: true },
    );
    expect(result.phases.map((phase) => phase.name)).toEqual(['main']);
  });
});

describe('Node binary by runs.using (src/Runner.Worker/Handlers/HandlerFactory.cs)', () => {
  test('node20 (any case) runs on the Node 20 running us; node12/node16 run on node20 too', async () => {
    for (const using of ['Node20', 'node16']) {
      const result = await runAction({
        'action.yml': yml(`  using: ${using}\n  main: main.js\n`),
        'main.js': 'console.log("major", process.versions.node.split(".")[0])',
      });
      expect(result.log).toContain(`major ${process.versions.node.split('.')[0]}`);
    }
  });

  test('node24 is found through QEML_NODE24, then .tools/node24, then a node of that major on PATH', () =>
    withTempDir(async (dir) => {
      if (Number(process.versions.node.split('.')[0]) === 24) return; // this process would be picked
      const node24 = node24Path();
      if (!node24) return; // tests/global-setup.ts installs it on linux-x64 only
      expect(findNode('node24', { QEML_NODE24: node24, PATH: '' }, dir)).toBe(node24);
      await mkdir(join(dir, 'bin'));
      await symlink(process.execPath, join(dir, 'bin', 'node')); // a Node 20 first on PATH is skipped
      await mkdir(join(dir, 'other'));
      await symlink(node24, join(dir, 'other', 'node'));
      const path = [join(dir, 'bin'), join(dir, 'other')].join(delimiter);
      expect(findNode('NODE24', { QEML_NODE24: '', PATH: path }, dir)).toBe(join(dir, 'other', 'node'));
    }));

  test('a clear error when no Node of the major runs.using names is found', () =>
    withTempDir(async (dir) => {
      if (Number(process.versions.node.split('.')[0]) === 24) return;
      expect(() => findNode('node24', { PATH: dir, QEML_NODE24: join(dir, 'none') }, dir)).toThrow(
        /runs.using is 'node24' but no Node 24 was found: .*set QEML_NODE24/,
      );
    }));
});

describe('commands (src/Runner.Worker/ActionCommandManager.cs, src/Runner.Common/ActionCommand.cs)', () => {
  test('command names are case-insensitive', async () => {
    const result = await runAction(
      main('console.log("::ADD-MASK::s3cret-value"); console.log("x s3cret-value")'),
    );
    expect(result.log).toContain('x ***');
  });

  test.each([
    ['::echo::bogus', 'Invalid echo command value'],
    ['::add-matcher::missing.json', "Could not find file 'missing.json'"],
    ['::stop-commands::', 'You cannot use a endToken'],
    ['::stop-commands::pause-logging', 'You cannot use a endToken'],
    ['::stop-commands::warning', 'You cannot use a endToken'],
  ])('%s fails the step', async (line, message) => {
    const result = await runAction(main(`console.log(${JSON.stringify(line)})`));
    expect(result.outcome).toBe('failure');
    expect(result.annotations.map((a) => a.message).join('\n')).toContain(message);
  });

  test('a stop-commands token longer than 6 characters is masked; the resume token matches case-insensitively', async () => {
    const result = await runAction(
      main(
        'console.log("::stop-commands::Resume-Token"); console.log("::warning::ignored"); ' +
          'console.log("::resume-token::"); console.log("::warning::seen"); console.log("Resume-Token")',
      ),
    );
    expect(result.annotations).toEqual([{ level: 'warning', message: 'seen' }]);
    expect(result.log).toContain('::warning::ignored');
    expect(result.log.split('\n')).toContain('***');
  });

  test('a blank add-mask is warned about', async () => {
    const result = await runAction(main('console.log("::add-mask::   ")'));
    expect(result.annotations).toContainEqual({
      level: 'warning',
      message: "Can't add secret mask for empty string in ##[add-mask] command.",
    });
  });
});

describe('output lines (src/Runner.Sdk/ProcessInvoker.cs: StreamReader.ReadLine)', () => {
  test('a lone CR ends a line, CRLF is one break, also across chunks', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((bytes) => lines.push(bytes.toString()));
    for (const chunk of ['a\rb\r', '\nc\r\n::warning::x\rd']) splitter.push(Buffer.from(chunk));
    splitter.end();
    expect(lines).toEqual(['a', 'b', 'c', '::warning::x', 'd']);
  });
});

describe('file commands (src/Runner.Worker/FileCommandManager.cs)', () => {
  test('values split on LF only (a CRLF value keeps its CR); GITHUB_PATH lines are not trimmed', async () => {
    const result = await runAction(
      main(
        'const fs = require("fs"); fs.appendFileSync(process.env.GITHUB_OUTPUT, "crlf=a\\r\\n"); ' +
          'fs.appendFileSync(process.env.GITHUB_PATH, " /opt/spaced bin \\n")',
      ),
    );
    expect(result.outputs).toEqual({ crlf: 'a\r' });
    expect(result.path).toEqual([' /opt/spaced bin ']);
  });

  test('output and state names are case-insensitive: a later Name updates name', async () => {
    const result = await runAction(
      main(
        'const fs = require("fs"); fs.appendFileSync(process.env.GITHUB_OUTPUT, "out=1\\nOUT=2\\n"); ' +
          'fs.appendFileSync(process.env.GITHUB_STATE, "st=1\\nSt=2\\n"); console.log("::set-output name=Out::3")',
      ),
    );
    expect(result.outputs).toEqual({ Out: '2' }); // ::set-output is read first, then GITHUB_OUTPUT
    expect(result.state).toEqual({ st: '2' });
  });

  test('NODE_OPTIONS in GITHUB_ENV is an error annotation and is not set; the step still succeeds', async () => {
    const result = await runAction(
      main('require("fs").appendFileSync(process.env.GITHUB_ENV, "NODE_OPTIONS=--x\\n")'),
    );
    expect(result.outcome).toBe('success');
    expect(result.env).toEqual({});
    expect(result.annotations).toContainEqual({
      level: 'error',
      message: "Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command.",
    });
  });
});

describe('masking (src/Sdk/DTLogging/Logging/SecretMasker.cs, ValueEncoders.cs)', () => {
  test('the whole value and each trimmed line are masked', () => {
    const masker = new Masker();
    masker.add('  first\n second  ');
    expect(masker.mask('  first\n second  | first | second')).toBe('***| *** | ***');
  });

  test('the runner encodings are masked: base64 at three offsets, URI-escaped, JSON-escaped', () => {
    const masker = new Masker();
    const secret = 'p@ss w"rd/1';
    masker.add(secret);
    const bytes = Buffer.from(secret);
    for (const form of [
      bytes.toString('base64'),
      bytes.subarray(1).toString('base64'),
      bytes.subarray(2).toString('base64'),
      'p%40ss%20w%22rd%2F1',
      'p@ss w\\"rd/1',
    ]) {
      expect(masker.mask(`<${form}>`)).toBe('<***>');
    }
  });

  test('overlapping matches are merged into one ***', () => {
    const masker = new Masker();
    masker.add('abcd');
    masker.add('cdef');
    expect(masker.mask('xabcdefx')).toBe('x***x');
  });
});

describe('annotations (src/Runner.Worker/ExecutionContext.cs AddIssue, ActionCommandManager.cs)', () => {
  test('at most 10 per level and phase are kept (all logged); messages are cut at 4096 characters', async () => {
    const result = await runAction({
      'action.yml': yml('  using: node20\n  main: main.js\n  post: post.js\n'),
      'main.js':
        'for (let i = 0; i < 12; i++) console.log("::warning::w" + i); console.log("::error::" + "x".repeat(5000))',
      'post.js': 'console.log("::warning::from post")',
    });
    const warnings = result.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    expect(warnings).toEqual([...Array.from({ length: 10 }, (_, i) => `w${i}`), 'from post']);
    expect(result.annotations.find((a) => a.level === 'error')?.message).toHaveLength(4096);
    expect(result.log).toContain('##[warning]w11');
  });

  test('line/column adjusted as the runner does; a file in the workspace made relative', () =>
    withTempDir(async (dir) => {
      await writeFiles(
        dir,
        main(
          `console.log("::error file=${dir}/src/a.ts,endLine=4,endColumn=2::m"); ` +
            'console.log("::error file=/elsewhere/b.ts,line=5,endLine=3,col=1::n")',
        ),
      );
      const result = await runLocalAction({ action: dir, workspace: dir });
      expect(result.annotations).toEqual([
        { level: 'error', message: 'm', file: 'src/a.ts', line: 4, endLine: 4, col: 2, endColumn: 2 },
        { level: 'error', message: 'n', file: '/elsewhere/b.ts' }, // end before start: all dropped
      ]);
    }));
});

describe('cancellation (src/Runner.Sdk/ProcessInvoker.cs: kill(pid, SIGINT) before the tree kill)', () => {
  test('SIGINT reaches the node process, not the rest of its process group', async () => {
    const controller = new AbortController();
    const grandchild =
      'process.on("SIGINT", () => console.log("grandchild got SIGINT")); console.log("ready"); setInterval(() => {}, 1000)';
    const code =
      `const child = require("child_process").spawn(process.execPath, ["-e", ${JSON.stringify(grandchild)}], { stdio: "inherit" });` +
      'process.on("SIGINT", () => { console.log("main got SIGINT"); setTimeout(() => { child.kill("SIGKILL"); process.exit(0); }, 300); });' +
      'setInterval(() => {}, 1000);';
    const running = runAction(main(code), {
      signal: controller.signal,
      echo: (line) => {
        if (line === 'ready') controller.abort();
      },
    });
    const result = await running;
    expect(result.log).toContain('main got SIGINT');
    expect(result.log).not.toContain('grandchild got SIGINT');
    expect(result.outcome).toBe('cancelled');
  });
});

describe('echo and stop-commands lines (src/Runner.Worker/ActionCommandManager.cs)', () => {
  test('::echo::on writes processed commands to the log, except those that omit echo; masks show as ***', async () => {
    const result = await runAction(
      main(
        'console.log("::group::hidden"); console.log("::echo::on"); console.log("::group::shown"); ' +
          'console.log("::warning::w"); console.log("::add-mask::abcdefgh"); console.log("::echo::off"); ' +
          'console.log("::group::hidden again")',
      ),
    );
    const lines = result.log.split('\n');
    expect(lines).toEqual([
      '##[group]hidden',
      '::group::shown',
      '##[group]shown',
      '##[warning]w',
      '::add-mask::***',
      '::echo::off',
      '##[group]hidden again',
    ]);
  });

  test('the stop-commands and resume lines are logged, the token masked; nothing carries to the next phase', async () => {
    const result = await runAction({
      'action.yml': yml('  using: node20\n  main: main.js\n  post: post.js\n'),
      'main.js': 'console.log("::stop-commands::long-token"); console.log("::warning::text only")',
      'post.js': 'console.log("::warning::post annotation")',
    });
    expect(result.log.split('\n').slice(0, 2)).toEqual(['::stop-commands::***', '::warning::text only']);
    expect(result.annotations).toEqual([{ level: 'warning', message: 'post annotation' }]);
  });
});
