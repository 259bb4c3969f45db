// `qeml demo` for retry: a flaky install healed on attempt 3 with its output kept, a failure that
// stop-on-output makes final at once, and a flaky JavaScript action fetched from the simulated
// GitHub (whose first tarball request fails with a 502) healed on attempt 2 with its outputs.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GitHubSim } from '@qeml/github-sim';
import type { DemoScenario } from '../../packages/cli/src/demo/types';

/** A JavaScript action whose first run fails like a flaky mirror; later runs install and set an output. */
const FLAKY_SETUP_ACTION = {
  'action.yml': [
    'name: setup-tool',
    'description: Installs a tool from a mirror that is sometimes down',
    'inputs:',
    '  version:',
    '    description: Version to install',
    '    default: "1.0.0"',
    'outputs:',
    '  path:',
    '    description: Where the tool was installed',
    'runs:',
    '  using: node24',
    '  main: index.mjs',
    '',
  ].join('\n'),
  'index.mjs': [
    "import { appendFileSync, existsSync, writeFileSync } from 'node:fs';",
    'const version = process.env.INPUT_VERSION;',
    'const seen = process.env.RUNNER_TEMP + "/setup-tool-tried";',
    'if (!existsSync(seen)) {',
    "  writeFileSync(seen, '');",
    '  console.log("GET https://mirror.example/setup-tool/" + version + ".tgz: 503 Service Unavailable");',
    '  process.exit(1);',
    '}',
    'console.log("Installed setup-tool " + version);',
    'appendFileSync(process.env.GITHUB_OUTPUT, "path=/opt/setup-tool/" + version + "\\n");',
    '',
  ].join('\n'),
};

/** Serves the action as GitHub does: a gzipped tarball with one top folder, behind the tarball API. */
async function publishFlakySetupAction(sim: GitHubSim): Promise<void> {
  const tar = await import('tar');
  const staging = await mkdtemp(join(tmpdir(), 'qeml-demo-'));
  try {
    const top = 'octo-setup-tool-5e7a1c9';
    await mkdir(join(staging, top));
    for (const [name, text] of Object.entries(FLAKY_SETUP_ACTION))
      await writeFile(join(staging, top, name), text);
    const chunks: Buffer[] = [];
    for await (const chunk of tar.c({ gzip: true, cwd: staging, portable: true }, [top]))
      chunks.push(chunk as Buffer);
    sim.model.addRepo('octo', 'setup-tool');
    sim.model.setTarball('octo', 'setup-tool', 'v1', Buffer.concat(chunks));
    // GitHub has bad moments too: the first download answers 502 and the client retries it.
    sim.faults.add({ route: '/repos/{owner}/{repo}/tarball/{ref}', status: 502, times: 1 });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

export const demo: DemoScenario = {
  action: 'retry',
  title: 'retry: heal a flaky command, stop at once on a real failure, heal a flaky action',
  setup: publishFlakySetupAction,
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
        run: 'echo "npm ERR! 404 Not Found - GET https://registry.example.test/left-padd"\nexit 1',
        'stop-on-output': '404 Not Found',
        'max-attempts': '5',
        delay: '200ms',
      },
      expect: 'failure',
    },
    {
      title: 'A flaky JavaScript action from another repository (uses + with), healed on attempt 2',
      inputs: {
        uses: 'octo/setup-tool@v1',
        with: 'version: 2.1.0',
        'max-attempts': '3',
        delay: '200ms',
      },
    },
  ],
};
