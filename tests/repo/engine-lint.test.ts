// The engine contract, enforced: `pnpm lint` runs scripts/lint-engines.ts, which fails when a file in an
// engine folder imports the runner or reads process.env (and the repository itself passes).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from '@jest/globals';
import { engineFiles, engineFolders, formatEngineFinding, lintEngines } from '../../scripts/lint-engines';
import { repoRoot } from '../support/paths';
import { withTempDir, writeFiles } from '../support/temp';

const run = promisify(execFile);

/** An engine file that touches the runner in every way the rule knows, and in ways that are fine. */
const LEAKY_ENGINE = [
  "import { formatDuration, type Logger, runner } from '@qeml/action-kit';", // 1: runner
  "import { writeJobSummary as publish } from '@qeml/action-kit';", // 2: renamed runner export
  "import * as kit from '@qeml/action-kit';", // 3: everything, runner included
  "import { getInput } from '@actions/core';", // 4: @actions/*
  "import { createRunner } from '../../../packages/action-kit/src/runner';", // 5: deep import
  "import { env as stepEnv } from 'node:process';", // 6
  "export * from '@qeml/action-kit';", // 7
  'export function decide(logger: Logger): string {',
  '  // process.env in a comment and "process.env" in a string are fine; so is process.platform',
  "  const platform = process.platform + 'process.env';",
  '  const token = process.env.GITHUB_TOKEN;', // 11
  '  const { env } = process;', // 12
  "  process.stdout.write('::warning::x\\n');", // 13
  "  const legacy = process['env'];", // 14
  '  logger.info(formatDuration(1));',
  '  return [platform, token, env, legacy, kit, publish, getInput, createRunner, runner, stepEnv].join();',
  '}',
  '',
].join('\n');

const EDGE_MAIN = [
  "import { createRunnerLogger, runAction, runner } from '@qeml/action-kit';",
  'void runAction(async () => createRunnerLogger(runner).info(String(process.env.RUNNER_TEMP)));',
  '',
].join('\n');

describe('the engine lint rule', () => {
  test('the repository passes, and covers each action src/ (minus its edge files) and the engine packages', () => {
    expect(lintEngines(repoRoot).map(formatEngineFinding)).toEqual([]);
    expect(engineFolders(repoRoot)).toEqual(
      expect.arrayContaining(['actions/retry/src', 'packages/diagnosis/src']),
    );
    const files = engineFiles(repoRoot);
    expect(files).toEqual(
      expect.arrayContaining(['actions/retry/src/retry.ts', 'actions/retry/src/report.ts']),
    );
    for (const edge of ['main.ts', 'inputs.ts', 'outputs.ts'])
      expect(files).not.toContain(`actions/retry/src/${edge}`);
  });

  test('reports each runner import and process.env read in an engine file, by line', () =>
    withTempDir(async (root) => {
      await writeFiles(root, {
        'actions/probe/src/main.ts': EDGE_MAIN,
        'actions/probe/src/decide.ts': LEAKY_ENGINE,
        'packages/diagnosis/src/scan.ts': 'export const ci = process.env.CI;\n',
      });
      const findings = lintEngines(root);
      expect(findings.map((f) => `${f.file}:${f.line}`)).toEqual([
        ...[1, 2, 3, 4, 5, 6, 7, 11, 12, 13, 14].map((line) => `actions/probe/src/decide.ts:${line}`),
        'packages/diagnosis/src/scan.ts:1',
      ]);
      expect(findings.map((f) => f.message)).toEqual(
        expect.arrayContaining([
          "uses 'runner' from @qeml/action-kit, which talks to the runner",
          "uses 'writeJobSummary' from @qeml/action-kit, which talks to the runner",
          expect.stringMatching(/^imports @actions\/core: engines get what they need through deps/),
          expect.stringMatching(/^imports action-kit's runner module/),
          'reads process.env: pass it in through deps',
          'reads process.stdout: pass it in through deps',
        ]),
      );
    }));

  test('`tsx scripts/lint-engines.ts` (part of `pnpm lint`) exits 1 and names the file and line', () =>
    withTempDir(async (root) => {
      await writeFiles(root, {
        'actions/probe/src/engine.ts': "import { runner } from '@qeml/action-kit';\n",
      });
      const tsx = join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
      const failure = await run(process.execPath, [tsx, 'scripts/lint-engines.ts', '--root', root], {
        cwd: repoRoot,
        env: { ...process.env, TMPDIR: root }, // tsx keeps a cache in the temp dir: this one is removed
      }).then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toContain(
        "actions/probe/src/engine.ts:1:10: uses 'runner' from @qeml/action-kit, which talks to the runner",
      );
    }));
});
