// `qeml demo` for retry: a flaky install healed on attempt 3 with its output kept, then a failure
// that stop-on-output makes final at once.
import type { DemoScenario } from '../../packages/cli/src/demo/types';

export const demo: DemoScenario = {
  action: 'retry',
  title: 'retry: heal a flaky command, stop at once on a real failure',
  steps: [
    {
      title: 'A flaky download: two connection resets, healed on attempt 3; its output survives',
      inputs: {
        run: [
          'if [ "$RETRY_ATTEMPT" -lt 3 ]; then',
          '  echo "curl: (56) Recv failure: Connection reset by peer" >&2',
          '  exit 56',
          'fi',
          'echo "Downloaded toolchain 1.4.2"',
          'echo "version=1.4.2" >> "$GITHUB_OUTPUT"',
        ].join('\n'),
        'retry-on-output': 'Connection reset',
        'on-retry': 'echo "cleaning partial download before attempt $RETRY_ATTEMPT"',
        'max-attempts': '5',
        delay: '200ms',
        jitter: 'equal',
      },
    },
    {
      title: 'A real failure: stop-on-output makes it final, no retries spent',
      inputs: {
        run: 'echo "npm ERR! 404 Not Found - GET https://registry.npmjs.org/left-padd"\nexit 1',
        'stop-on-output': '404 Not Found',
        'max-attempts': '5',
        delay: '200ms',
      },
      expect: 'failure',
    },
  ],
};
