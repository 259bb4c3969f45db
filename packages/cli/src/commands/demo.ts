import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type CliIO, type Command, UsageError } from '../command';
import { runDemo } from '../demo/run-demo';
import { scenarios as allScenarios } from '../demo/scenarios';
import type { DemoScenario } from '../demo/types';

const usage = `Usage: qeml demo [options]

Starts a local GitHub API simulator and runs each action's demo scenario through the committed
bundles (dist/), printing every step's log and job summary. Exits 1 when a step does not end
as its scenario expects.

Options:
  --action NAME   only this action's scenario (repeatable)
  --root DIR      the qeml-actions checkout (default: found from the current directory or qeml itself)
  --node PATH     Node binary to run the actions with; default: the Node that runs.using names
                  (this one if it matches, else $QEML_NODE24, .tools/node24/bin/node or PATH)`;

function isCheckout(dir: string): boolean {
  return existsSync(join(dir, 'actions')) && existsSync(join(dir, 'package.json'));
}

/** The checkout: the nearest one above the working directory, else above the running script (dist/cli/). */
export function findCheckout(cwd: string, script: string | undefined): string | undefined {
  for (const start of [cwd, script ? dirname(script) : undefined]) {
    for (let dir = start && resolve(start); dir; ) {
      if (isCheckout(dir)) return dir;
      const parent = dirname(dir);
      dir = parent === dir ? undefined : parent;
    }
  }
  return undefined;
}

export function selectScenarios(all: DemoScenario[], names: string[]): DemoScenario[] {
  const unknown = names.filter((n) => !all.some((s) => s.action === n));
  if (unknown.length > 0) {
    const known = all.map((s) => s.action).join(', ') || 'none yet';
    throw new UsageError(`no demo for ${unknown.join(', ')} (demos: ${known})`);
  }
  return names.length === 0 ? all : all.filter((s) => names.includes(s.action));
}

/** The demo command over a given list of scenarios (tests pass their own). */
export function createDemoCommand(scenarios: DemoScenario[]): Command {
  return {
    name: 'demo',
    summary: 'Run every action against a local GitHub simulator and show what it does',
    usage,
    async run(argv: string[], io: CliIO): Promise<number> {
      const { values } = parseArgs({
        args: argv,
        options: {
          action: { type: 'string', multiple: true, default: [] },
          root: { type: 'string' },
          node: { type: 'string' },
        },
      });
      const chosen = selectScenarios(scenarios, values.action ?? []);
      const root = values.root ? resolve(io.cwd, values.root) : findCheckout(io.cwd, process.argv[1]);
      if (!root || !isCheckout(root))
        throw new UsageError('cannot find the qeml-actions checkout; pass --root');
      if (chosen.length === 0) {
        io.stdout.write('No action has a demo scenario yet.\n');
        return 0;
      }
      const results = await runDemo({ root, scenarios: chosen, io, node: values.node });
      const unexpected = results.filter((r) => r.outcome !== r.expected);
      io.stdout.write(
        `\n${results.length} demo step(s), ${results.length - unexpected.length} as expected.\n`,
      );
      for (const r of unexpected) {
        io.stderr.write(`demo step "${r.action}: ${r.step}" ended ${r.outcome}, expected ${r.expected}\n`);
      }
      return unexpected.length === 0 ? 0 : 1;
    },
  };
}

export const demoCommand = createDemoCommand(allScenarios);
