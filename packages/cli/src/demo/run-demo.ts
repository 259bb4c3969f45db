import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startGitHubSim } from '@qeml/github-sim';
import { runLocalAction } from '@qeml/local-runner';
import type { CliIO } from '../command';
import { nodeForTerminal } from '../node-choice';
import type { DemoScenario } from './types';

export interface DemoOptions {
  /** The repository checkout holding actions/ and dist/. */
  root: string;
  scenarios: DemoScenario[];
  io: CliIO;
  /** Node binary for the actions; default: the one running qeml. */
  node?: string;
}

export interface DemoStepResult {
  action: string;
  step: string;
  expected: 'success' | 'failure';
  outcome: string;
}

const SIMULATOR_TOKEN = 'qeml-demo-simulator-token';

/** Runs every scenario against one simulator; returns each step's expected and actual outcome. */
export async function runDemo(options: DemoOptions): Promise<DemoStepResult[]> {
  const { io, root } = options;
  const out = (text = '') => io.stdout.write(`${text}\n`);
  const results: DemoStepResult[] = [];
  const sim = await startGitHubSim({});
  try {
    for (const scenario of options.scenarios) {
      const action = join(root, 'actions', scenario.action);
      if (!existsSync(join(root, 'dist', scenario.action, 'index.js'))) {
        throw new Error(`dist/${scenario.action}/index.js is missing: run \`pnpm build\` first`);
      }
      out(`\n=== ${scenario.title} (actions/${scenario.action})`);
      await scenario.setup?.(sim);
      try {
        // Chosen once per action: the search for a Node spawns binaries, and its note needs saying once.
        const node = options.node ?? nodeForTerminal(action, io.env, (text) => out(`  ${text}`), root);
        for (const step of scenario.steps) {
          const expected = step.expect ?? 'success';
          out(`\n--- ${step.title}`);
          const result = await runLocalAction({
            action,
            inputs: step.inputs,
            env: step.env,
            event: step.event,
            eventName: step.eventName,
            repository: step.repository,
            apiUrl: sim.url,
            token: SIMULATOR_TOKEN,
            node,
            workspace: step.workspace ?? root,
            echo: (line) => out(`  ${line}`),
          });
          const outputs = Object.entries(result.outputs);
          if (outputs.length > 0) {
            out('\n  Outputs:');
            for (const [name, value] of outputs)
              out(`    ${name}=${value.length > 200 ? `${value.slice(0, 200)}…` : value}`);
          }
          if (result.summary.trim()) {
            out('\n  Job summary:');
            out(result.summary.trimEnd());
          }
          const verdict = result.outcome === expected ? 'as expected' : `EXPECTED ${expected}`;
          out(`\n  -> ${result.outcome} (exit code ${result.exitCode}), ${verdict}`);
          results.push({ action: scenario.action, step: step.title, expected, outcome: result.outcome });
        }
      } finally {
        await scenario.teardown?.();
      }
    }
  } finally {
    await sim.close();
  }
  return results;
}
