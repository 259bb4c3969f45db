// `qeml demo` for failure-analysis: a CI run in the simulated GitHub fails in 3 of 12 jobs (two
// registry resets, one lost runner), is explained and healed by a rerun that passes; a later run
// fails a real test, is not rerun and escalates to one issue; the next green run closes it.
import type { GitHubSim } from '@qeml/github-sim';
import type { DemoScenario, DemoStep } from '../../packages/cli/src/demo/types';

const REPO = 'octo/shop';
const T = '2026-12-07T10:00:00.0000000Z';
const log = (step: string, lines: string[], exit = true) =>
  `${[
    `##[group]Run ${step}`,
    '##[endgroup]',
    ...lines,
    ...(exit ? ['##[error]Process completed with exit code 1.'] : []),
  ]
    .map((line) => `${T} ${line}`)
    .join('\n')}\n`;

const registryReset = log('npm ci', [
  'npm ERR! code ECONNRESET',
  'npm ERR! network request to https://registry.npmjs.org/react failed, reason: read ECONNRESET',
]);
const runnerLost = log(
  'pytest',
  ['##[error]The runner has received a shutdown signal. This can happen when the runner service is stopped.'],
  false,
);
const testFailure = log('pytest', [
  'E       assert cart.total == 30',
  'E       assert 27 == 30',
  'FAILED tests/test_cart.py::test_discount - assert 27 == 30',
  '=========== 1 failed, 211 passed in 9.02s ===========',
]);
const passing = log('npm test', ['Tests: 212 passed, 212 total'], false);

const jobs = (failures: Record<string, string>) => [
  ...Array.from({ length: 12 - Object.keys(failures).length }, (_, i) => ({
    name: `test (${i + 1})`,
    conclusion: 'success' as const,
    log: passing,
  })),
  ...Object.entries(failures).map(([name, text]) => ({ name, conclusion: 'failure' as const, log: text })),
];

const COMMON = {
  repository: REPO,
  heal: 'true',
  escalate: 'issue',
  'close-on-recovery': 'true',
  'rerun-delay': '0',
};
/** The simulated GitHub answers at once: no real backoff units or write spacing in a demo. */
const env = { QEML_GITHUB_RETRY_BASE_MS: '1', QEML_GITHUB_MIN_WRITE_INTERVAL_MS: '0' };

const heal: DemoStep = {
  title: 'Run 1 failed in 3 of 12 jobs (2 registry resets, 1 lost runner): all transient, so it is rerun',
  inputs: COMMON,
  env,
};
const healed: DemoStep = {
  title: 'The rerun passed: nothing left to do',
  inputs: COMMON,
  env,
  eventName: 'workflow_run',
};
const escalate: DemoStep = {
  title: 'Run 2 fails a real test next to a registry reset: no rerun, one issue',
  inputs: COMMON,
  env,
};
const recovered: DemoStep = {
  title: 'Run 3 is green again: the issue gets a "recovered" comment and is closed',
  inputs: COMMON,
  env,
};

/** Runs and their ids are known only once the simulator has them: the steps get them here. */
function setup(sim: GitHubSim): void {
  sim.model.addRepo('octo', 'shop');
  const first = sim.model.addRun(REPO, {
    name: 'CI',
    workflow: 'ci.yml',
    jobs: jobs({
      'install (node 20)': registryReset,
      'install (node 22)': registryReset,
      'e2e (chrome)': runnerLost,
    }),
  });
  // The rerun of the failed jobs passes.
  sim.model.onRerun((run) => sim.model.finishAttempt(run.id, { conclusion: 'success' }));
  heal.inputs = { ...COMMON, 'run-id': String(first.id) };
  healed.event = {
    workflow_run: { id: first.id, run_attempt: 2, conclusion: 'success', repository: { full_name: REPO } },
  };
  const second = sim.model.addRun(REPO, {
    name: 'CI',
    workflow: 'ci.yml',
    jobs: jobs({ 'unit (py3.12)': testFailure, 'install (node 20)': registryReset }),
  });
  escalate.inputs = { ...COMMON, 'run-id': String(second.id) };
  const third = sim.model.addRun(REPO, { name: 'CI', workflow: 'ci.yml', jobs: jobs({}) });
  recovered.inputs = { ...COMMON, 'run-id': String(third.id) };
}

export const demo: DemoScenario = {
  action: 'failure-analysis',
  title: 'failure-analysis: explain a failed run, heal what is transient, escalate what is real once',
  setup,
  steps: [heal, healed, escalate, recovered],
};
