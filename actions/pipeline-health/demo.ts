// `qeml demo` for pipeline-health: a simulated month of runs (actions/pipeline-health/month.ts) in
// github-sim, reported on: the figures against the targets, the flaky ranking, the Nightly workflow
// warned as rising; then the same with escalation, which opens one issue per workflow under the SLO.
import type { DemoScenario } from '../../packages/cli/src/demo/types';
import { seedMonth } from './month';

const REPOSITORY = 'octo/health-demo';
// Issue writes are spaced for GitHub's secondary limits; the simulator needs no spacing.
const ENV = { QEML_GITHUB_MIN_WRITE_INTERVAL_MS: '0' };

export const demo: DemoScenario = {
  action: 'pipeline-health',
  title: 'pipeline-health: a month of CI history against a 99.5 % SLO',
  setup(sim) {
    seedMonth(sim, Math.floor(Date.now() / 1000) * 1000, REPOSITORY);
  },
  steps: [
    {
      title: 'Report on the last 30 days of every workflow on main',
      inputs: { window: '30d' },
      env: ENV,
      repository: REPOSITORY,
    },
    {
      title: 'escalate: issue and fail-on-slo: one issue per workflow under the SLO, and the step fails',
      inputs: { escalate: 'issue', 'fail-on-slo': 'true' },
      env: ENV,
      repository: REPOSITORY,
      expect: 'failure',
    },
  ],
};
