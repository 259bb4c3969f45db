// `qeml demo` for quality-gate: the same project's reports twice. The first set (95 % coverage, a
// low finding, green tests) passes; the second (50 % coverage, a high finding, a failing test)
// fails the step with the gate table in the summary. Reports: actions/quality-gate/demo/<set>/.
import type { DemoScenario } from '../../packages/cli/src/demo/types';

const reports = (set: 'passing' | 'failing') => ({
  coverage: `actions/quality-gate/demo/${set}/lcov.info`,
  security: `actions/quality-gate/demo/${set}/*.sarif`,
  tests: `actions/quality-gate/demo/${set}/junit.xml`,
  baseline: 'none',
  name: `demo-${set}`,
});

export const demo: DemoScenario = {
  action: 'quality-gate',
  title: 'quality-gate: one report set passes, one fails the required conditions',
  steps: [
    { title: 'Coverage 95 %, one low finding, all tests green: the gate passes', inputs: reports('passing') },
    {
      title: 'Coverage 50 %, a high finding, a failing test: the gate fails the step',
      inputs: reports('failing'),
      expect: 'failure',
    },
  ],
};
