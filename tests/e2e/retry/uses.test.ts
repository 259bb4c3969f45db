/** Retrying a JavaScript action (`uses` + `with`): fetched as a tarball from github-sim, or from the workspace. */
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type GitHubSim, startGitHubSim } from '@qeml/github-sim';
import * as tar from 'tar';
import { bundleNodes } from '../../support/node';
import { makeTempDir, removeTempDir } from '../../support/temp';
import { errors, runRetryBundle } from './helpers';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
let sim: GitHubSim;
let work: string;

/** A GitHub-style archive: everything under one top directory named owner-repo-sha. */
async function tarball(fixture: string): Promise<Buffer> {
  const staging = path.join(work, `staging-${fixture}`);
  await mkdir(staging, { recursive: true });
  await cp(path.join(fixtures, fixture), path.join(staging, 'octo-actions-0a1b2c3', 'greeter'), {
    recursive: true,
  });
  await writeFile(path.join(staging, 'octo-actions-0a1b2c3', 'README.md'), '# octo/actions\n');
  const chunks: Buffer[] = [];
  const stream = tar.c({ gzip: true, cwd: staging, portable: true }, ['octo-actions-0a1b2c3']);
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  work = await makeTempDir('retry-uses-');
  sim = await startGitHubSim();
  sim.model.addRepo('octo', 'actions');
  sim.model.setTarball('octo', 'actions', 'v1', await tarball('flaky-action'));
  await cp(path.join(fixtures, 'flaky-action'), path.join(work, 'workspace', 'local-greeter'), {
    recursive: true,
  });
  await cp(path.join(fixtures, 'docker-action'), path.join(work, 'workspace', 'docker'), { recursive: true });
  await cp(path.join(fixtures, 'hanging-action'), path.join(work, 'workspace', 'hanging'), {
    recursive: true,
  });
});
afterAll(async () => {
  await sim.close();
  await removeTempDir(work);
});

describe.each(bundleNodes())('retrying an action under $label', ({ label, path: node }) => {
  test('owner/repo/path@ref is fetched through the API and succeeds on attempt 2 with its outputs', async () => {
    sim.clearRequests();
    const tempDir = path.join(work, `temp-remote-${label}`);
    await mkdir(tempDir, { recursive: true });
    const retryRemoteGreeter = () =>
      runRetryBundle(
        node,
        { uses: 'octo/actions/greeter@v1', with: `name: remote-${label}` },
        {
          apiUrl: sim.url,
          token: 'ghs_sim_token_0123456789',
          tempDir,
          workspace: path.join(work, 'workspace'),
        },
      );
    const step = await retryRemoteGreeter();
    expect(step.exitCode).toBe(0);
    expect(step.outputs).toMatchObject({
      attempts: '2',
      outcome: 'success',
      greeting: `hello remote-${label}`,
    });
    expect(step.env.GREETED).toBe(`remote-${label}`);
    expect(step.log).toContain('first run: failing on purpose');
    expect(step.log).toContain('healthy run, token passed: yes');
    // A downloaded action runs its pre in each attempt.
    expect(await readFile(path.join(tempDir, `flaky-greeter-pre-remote-${label}`), 'utf8')).toBe(
      'pre ran\npre ran\n',
    );
    const fetches = sim.requests.filter((r) => r.route === '/repos/{owner}/{repo}/tarball/{ref}');
    expect(fetches).toHaveLength(1);
    expect(fetches[0]?.hasAuthorization).toBe(true);
    // The API redirects to blob storage on another origin: the token must not follow it there.
    const blobs = sim.requests.filter((r) => r.route === '/_blobs/{token}');
    expect(blobs).toHaveLength(1);
    expect(blobs[0]?.hasAuthorization).toBe(false);

    // Within the same job (same RUNNER_TEMP) the extracted action is reused, not downloaded again.
    const again = await retryRemoteGreeter();
    expect(again.outputs).toMatchObject({ attempts: '1', greeting: `hello remote-${label}` });
    expect(sim.requests.filter((r) => r.route === '/repos/{owner}/{repo}/tarball/{ref}')).toHaveLength(1);
  });

  test('./path runs the workspace action; docker actions get a clear error', async () => {
    const tempDir = path.join(work, `temp-local-${label}`);
    await mkdir(tempDir, { recursive: true });
    const step = await runRetryBundle(
      node,
      { uses: './local-greeter', with: `name: local-${label}` },
      { tempDir, workspace: path.join(work, 'workspace') },
    );
    expect(step.outputs).toMatchObject({ attempts: '2', greeting: `hello local-${label}` });
    // pre/post run inside each attempt, around its main, with the state that attempt saved.
    expect(await readFile(path.join(tempDir, `flaky-greeter-post-local-${label}`), 'utf8')).toBe(
      'post after first main\npost after healthy main\n',
    );
    // ...but a `./` action has no pre, as on GitHub (the runner does not prepare it before the job).
    expect(existsSync(path.join(tempDir, `flaky-greeter-pre-local-${label}`))).toBe(false);

    const docker = await runRetryBundle(
      node,
      { uses: './docker' },
      { tempDir, workspace: path.join(work, 'workspace') },
    );
    expect(docker.exitCode).toBe(1);
    expect(errors(docker)).toHaveLength(1);
    expect(errors(docker)[0]?.message).toMatch(/'uses'.*docker/);
    // The message speaks of the user's action, not of one of our internal packages.
    expect(errors(docker)[0]?.message).toMatch(/only JavaScript actions/);
    expect(errors(docker)[0]?.message).not.toMatch(/local-runner|@qeml/);
  });

  test('timeout applies to the retried action: a hanging action is killed and reported', async () => {
    const tempDir = path.join(work, `temp-hang-${label}`);
    await mkdir(tempDir, { recursive: true });
    const step = await runRetryBundle(
      node,
      {
        uses: './hanging',
        timeout: '300ms',
        'kill-grace': '200ms',
        'max-attempts': '2',
        'retry-on': 'error',
      },
      { tempDir, workspace: path.join(work, 'workspace') },
    );
    expect(step.exitCode).toBe(1);
    expect(step.outputs).toMatchObject({
      outcome: 'timeout',
      attempts: '1',
      reason: 'timed out after 300ms',
    });
    expect(JSON.parse(step.outputs.report ?? '{}')['final-because']).toBe(
      'retry-on does not include timeout',
    );
  });
});
