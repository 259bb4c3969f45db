import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { type DemoScenario, runCli } from '@qeml/cli';
import { createDemoCommand, findCheckout } from '../../../packages/cli/src/commands/demo';
import { runCommand } from '../../../packages/cli/src/commands/run';
import { captureIO } from '../../support/cli';
import { withTempDir, writeFiles } from '../../support/temp';

/** A checkout with one action, `ping`, whose "bundle" asks the API for /ping and reports the answer. */
async function writeCheckout(root: string): Promise<void> {
  await writeFiles(root, {
    'package.json': '{}',
    'actions/ping/action.yml': [
      'name: Ping',
      'description: Asks the API',
      'inputs:',
      '  fail: { description: Fail?, default: "no" }',
      'runs:',
      '  using: node24',
      '  main: ../../dist/ping/index.js',
    ].join('\n'),
    'dist/ping/package.json': '{ "type": "module" }',
    'dist/ping/index.js': [
      "import { appendFileSync } from 'node:fs';",
      "const answer = await (await fetch(process.env.GITHUB_API_URL + '/ping')).json();",
      "console.log('api says ' + answer.say);",
      "appendFileSync(process.env.GITHUB_STEP_SUMMARY, '**' + answer.say + '**\\n');",
      "if (process.env.INPUT_FAIL === 'yes') process.exit(1);",
    ].join('\n'),
  });
}

const scenario: DemoScenario = {
  action: 'ping',
  title: 'Ping the simulator',
  setup(sim) {
    sim.route('GET', '/ping', () => ({ body: { say: 'pong' } }));
  },
  steps: [
    { title: 'it answers', inputs: {} },
    { title: 'a failing step the demo expects', inputs: { fail: 'yes' }, expect: 'failure' },
  ],
};

describe('qeml demo', () => {
  test('runs each scenario step against the simulator and prints its log and job summary', async () => {
    await withTempDir(async (root) => {
      await writeCheckout(root);
      const io = captureIO(root);
      const code = await runCli(['demo'], io, [createDemoCommand([scenario])]);
      expect(io.err()).toBe('');
      expect(code).toBe(0);
      expect(io.out()).toContain('=== Ping the simulator (actions/ping)');
      expect(io.out()).toContain('--- it answers');
      expect(io.out()).toContain('api says pong');
      expect(io.out()).toContain('Job summary:\n**pong**');
      expect(io.out()).toContain('2 demo step(s), 2 as expected.');
    });
  });

  test('exits 1 when a step ends otherwise than its scenario expects', async () => {
    await withTempDir(async (root) => {
      await writeCheckout(root);
      const wrong: DemoScenario = {
        ...scenario,
        steps: [{ title: 'expected to fail', inputs: {}, expect: 'failure' }],
      };
      const io = captureIO(root);
      expect(await runCli(['demo'], io, [createDemoCommand([wrong])])).toBe(1);
      expect(io.err()).toContain('demo step "ping: expected to fail" ended success, expected failure');
    });
  });

  test('--action picks scenarios by action name and rejects unknown ones', async () => {
    await withTempDir(async (root) => {
      await writeCheckout(root);
      const io = captureIO(root);
      expect(await runCli(['demo', '--action', 'nope'], io, [createDemoCommand([scenario])])).toBe(2);
      expect(io.err()).toContain('no demo for nope (demos: ping)');
    });
  });

  test('finds the checkout above the working directory', async () => {
    await withTempDir(async (root) => {
      await writeCheckout(root);
      expect(findCheckout(join(root, 'actions', 'ping'), undefined)).toBe(root);
    });
  });
});

describe('qeml run without --api-url', () => {
  test('starts a simulator for the run and points GITHUB_API_URL at it', async () => {
    await withTempDir(async (root) => {
      await writeFiles(root, {
        'a/action.yml': 'name: a\ndescription: d\nruns:\n  using: node24\n  main: index.mjs\n',
        'a/index.mjs': "console.log('api=' + process.env.GITHUB_API_URL);",
      });
      const io = captureIO(root);
      expect(await runCommand.run(['a'], io)).toBe(0);
      expect(io.out()).toMatch(/^api=http:\/\/127\.0\.0\.1:\d+/m);
    });
  });
});
