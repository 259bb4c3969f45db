/**
 * The same figures when a fifth of the API calls fail (502s and secondary rate limits, seeded so
 * the run repeats), and conditional requests: a second report with the ETags kept in the Actions
 * cache gets 304s (free of the rate limit) for everything that cannot have changed.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type GitHubSim, startGitHubSim } from '@qeml/github-sim';
import { seedMonth } from '../../../actions/pipeline-health/month';
import { bundleNodes } from '../../support/node';
import { tempDirForFile } from '../../support/temp';
import { allFigures, REPO, reportOf, runHealthBundle } from './helpers';

const SECONDARY_LIMIT =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';

const workspace = tempDirForFile('pipeline-health-workspace-');
let sim: GitHubSim;
let expected: { figures: unknown; flaky: unknown; warnings: unknown };

beforeAll(async () => {
  sim = await startGitHubSim({ seed: 4 });
  seedMonth(sim, Math.floor(Date.now() / 1000) * 1000);
});
afterAll(() => sim.close());

describe.each(bundleNodes())('pipeline-health under failing API calls, $label', ({ label, path: node }) => {
  test('with 20 % of the API calls failing (502, secondary rate limit) the figures are the same', async () => {
    const clean = reportOf(await runHealthBundle(node, sim));
    expected = { figures: allFigures(clean), flaky: clean.flaky, warnings: clean.warnings };

    const faults = [
      sim.faults.add({ method: 'GET', route: /^\/repos\//, status: 502, probability: 0.1 }),
      sim.faults.add({
        method: 'GET',
        route: /^\/repos\//,
        status: 403,
        body: { message: SECONDARY_LIMIT, documentation_url: 'https://docs.github.com/rest' },
        headers: { 'retry-after': '1' },
        probability: 0.11,
      }),
    ];
    try {
      sim.clearRequests();
      const step = await runHealthBundle(node, sim);
      expect(step.exitCode).toBe(0);
      const report = reportOf(step);
      expect({ figures: allFigures(report), flaky: report.flaky, warnings: report.warnings }).toEqual(
        expected,
      );
      const api = sim.requests.filter((r) => r.origin === 'api');
      const failed = api.filter((r) => r.fault !== undefined).length;
      // About a fifth of the requests failed (both kinds; seed 4 gives 6/28 and 5/27), each retried until it succeeded.
      expect(failed / api.length).toBeGreaterThan(0.15);
      expect(new Set(api.filter((r) => r.fault).map((r) => r.status))).toEqual(new Set([502, 403]));
      expect(api.length).toBe(report.api.calls + failed);
    } finally {
      for (const id of faults) sim.faults.remove(id);
    }
  });

  test('kept ETags: the second report asks conditionally and gets 304s, free of the rate limit', async () => {
    // A ref per Node version: each test starts with no kept ETags.
    const cacheEnv = sim.cacheEnv(REPO, { ref: `refs/heads/etags-${label}` });
    const run = (runId: number) =>
      runHealthBundle(node, sim, {}, { env: cacheEnv, runId, runAttempt: 1, workspace });
    const first = await run(label === 'node20' ? 101 : 201);
    expect(reportOf(first).api['not-modified']).toBe(0);
    sim.clearRequests();
    const second = await run(label === 'node20' ? 102 : 202);
    const report = reportOf(second);
    expect({ figures: allFigures(report), flaky: report.flaky, warnings: report.warnings }).toEqual(expected);
    const api = sim.requests.filter((r) => r.origin === 'api');
    const notModified = api.filter((r) => r.status === 304);
    // The repository, the workflow list, 5 attempts and 12 job lists did not change; the run lists
    // (whose `created` filter moves with the clock) are read again.
    expect(notModified).toHaveLength(19);
    expect(api.filter((r) => r.status === 200).map((r) => r.route)).toEqual([
      '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
      '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
      '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
    ]);
    expect(report.api).toMatchObject({ calls: 22, 'not-modified': 19 });
    expect(second.summary).toContain('19 answered 304 Not Modified');
  });
});
