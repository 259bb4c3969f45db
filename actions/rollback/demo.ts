// `qeml demo` for rollback: a service on 127.0.0.1 runs release-1, which is deployed and verified
// (so it becomes the known-good release); then main, whose /health answers 503, is deployed: the
// action detects it, rolls back to release-1 with the rollback command, verifies it healthy and
// reports the deadline. Waits are skipped (QEML_ROLLBACK_SKIP_WAITS) so minutes of checks take a second.
import type { GitHubSim } from '@qeml/github-sim';
import type { DemoScenario, DemoStep } from '../../packages/cli/src/demo/types';
import { type DemoService, startDemoService } from './demo-service';

const REPOSITORY = 'octo/shop';
let service: DemoService | undefined;

async function setup(sim: GitHubSim): Promise<void> {
  sim.model.addRepo('octo', 'shop');
  const good = sim.model.addCommit(REPOSITORY, { files: { 'app.txt': 'release 1' }, message: 'Release 1' });
  sim.model.addBranch(REPOSITORY, 'release-1', good);
  const bad = sim.model.addCommit(REPOSITORY, {
    files: { 'app.txt': 'release 2' },
    message: 'Release 2: new cache',
  });
  service = await startDemoService('');
  service.releases.set(bad, { kind: 'broken' });
  // The demo has no teardown: the service must not keep `qeml demo` alive once the steps are done.
  service.detach();
}

function inputs(extra: Record<string, string>): Record<string, string> {
  const live = service as DemoService;
  return {
    mode: 'deploy',
    repository: REPOSITORY,
    'deploy-command': live.deployCommand('DEPLOY_SHA'),
    'rollback-command': live.deployCommand('KNOWN_GOOD_SHA'),
    'health-urls': live.healthUrl,
    'json-path': 'status',
    'json-value': 'ok',
    interval: '20s',
    successes: '3',
    'failure-limit': '2',
    ...extra,
  };
}

const ENV = {
  QEML_ROLLBACK_SKIP_WAITS: '1',
  QEML_GITHUB_RETRY_BASE_MS: '1',
  QEML_GITHUB_MIN_WRITE_INTERVAL_MS: '0',
};

export const demo: DemoScenario = {
  action: 'rollback',
  title: 'rollback: a bad deploy detected by its health check and rolled back to the known-good release',
  setup,
  // Read after setup: the inputs name the service's port.
  get steps(): DemoStep[] {
    return [
      {
        title: 'Deploy release-1 and verify it: 3 healthy checks make it the known-good release',
        inputs: inputs({ ref: 'release-1' }),
        env: ENV,
      },
      {
        title:
          'Deploy main, whose /health answers 503: rolled back to release-1 and verified, inside 5 minutes',
        inputs: inputs({ ref: 'main' }),
        env: ENV,
        expect: 'failure',
      },
    ];
  },
};
