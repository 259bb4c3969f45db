/** escalate: issue: one issue per workflow under the SLO, updated on the next breach, commented and closed on recovery. */
import { describe, expect, test } from '@jest/globals';
import { startGitHubSim } from '@qeml/github-sim';
import { seedMonth } from '../../../actions/pipeline-health/month';
import { bundleNodes } from '../../support/node';
import { reportOf, runHealthBundle } from './helpers';

describe.each(bundleNodes())('pipeline-health escalation under $label', ({ path: node }) => {
  test('a breach opens one issue per workflow, the next updates it, recovery comments and closes it', async () => {
    const sim = await startGitHubSim();
    try {
      seedMonth(sim, Math.floor(Date.now() / 1000) * 1000);
      const issues = () =>
        sim.model.issues.issues.map((i) => ({
          number: i.number,
          title: i.title,
          state: i.state,
          labels: i.labels,
        }));
      const bodyOf = (n: number) => sim.model.issues.issues.find((i) => i.number === n)?.body ?? '';

      // 1. CI (75 %) and Nightly (71.43 %) are under 99.5 %: one issue each; Docs has no runs.
      const first = await runHealthBundle(node, sim, { escalate: 'issue' });
      expect(first.exitCode).toBe(0);
      expect(
        reportOf(first).escalations.map((e: { workflow: string; action: string }) => [e.workflow, e.action]),
      ).toEqual([
        ['CI', 'opened'],
        ['Nightly', 'opened'],
      ]);
      const opened = issues();
      expect(opened).toEqual([
        expect.objectContaining({
          title: 'Pipeline health: CI is under its 99.5 % success SLO',
          state: 'open',
          labels: ['pipeline-health'],
        }),
        expect.objectContaining({
          title: 'Pipeline health: Nightly is under its 99.5 % success SLO',
          state: 'open',
        }),
      ]);
      const [ci, nightly] = opened.map((i) => i.number) as [number, number];
      expect(bodyOf(ci)).toContain('is 75 %, under its SLO of 99.5 %');
      expect(bodyOf(ci)).toContain('Breached in 1 report(s)');

      // 2. Still breached: the same issues, updated (never a second one).
      const second = await runHealthBundle(node, sim, { escalate: 'issue' });
      expect(
        reportOf(second).escalations.map((e: { action: string; issue: number }) => [e.issue, e.action]),
      ).toEqual([
        [ci, 'updated'],
        [nightly, 'updated'],
      ]);
      expect(issues()).toHaveLength(2);
      expect(bodyOf(ci)).toContain('Breached in 2 report(s)');

      // 3. With an SLO of 74 %, CI (75 %) meets it: a recovery comment, the issue closed; Nightly still breached.
      const third = await runHealthBundle(node, sim, { escalate: 'issue', slo: '74', 'fail-on-slo': 'true' });
      expect(third.exitCode).toBe(1);
      expect(third.outputs['slo-met']).toBe('false');
      expect(
        reportOf(third).escalations.map((e: { action: string; issue: number }) => [e.issue, e.action]),
      ).toEqual([
        [ci, 'recovered'],
        [nightly, 'updated'],
      ]);
      const comments = sim.model.issues.comments.filter((c) => c.issueNumber === ci).map((c) => c.body);
      expect(comments).toEqual([
        expect.stringContaining('Recovered: **CI** meets its 74 % success SLO again (75 %'),
      ]);
      expect(issues().map((i) => [i.number, i.state])).toEqual([
        [ci, 'closed'],
        [nightly, 'open'],
      ]);
      expect(third.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
        expect.stringContaining('Nightly under the 74 % success SLO'),
      ]);
    } finally {
      await sim.close();
    }
  });
});
