/** The quality gate's step outputs and annotations, through action-kit's runner over real file commands. */
import { describe, expect, test } from '@jest/globals';
import { VirtualClock } from '@qeml/action-kit';
import { readGateConfig, runGate, setGateOutputs, writeAnnotations } from '@qeml/quality-gate';
import { RecordingLogger } from '../../support/recording-logger';
import { fakeStep } from '../../support/runner-fake';
import { withTempDir, writeFiles } from '../../support/temp';
import { finding, findingsReport } from '../reports/gate-builders';

describe('setGateOutputs / writeAnnotations', () => {
  test('the seven outputs, the capped annotations and a notice counting the rest', async () => {
    await withTempDir(async (dir) => {
      await writeFiles(dir, { 'scan.sarif': '' });
      const items = Array.from({ length: 13 }, (_, i) =>
        finding('critical', { path: 'app.py', line: i + 1 }),
      );
      const result = await runGate(
        await readGateConfig((name) => ({ security: '*.sarif', baseline: 'none' })[name]),
        {
          logger: new RecordingLogger(),
          clock: new VirtualClock(0),
          workspace: dir,
          context: { changeSource: { kind: 'none', reason: 'push' }, saveBaseline: false, runKey: '1-1' },
          parse: async () => [findingsReport(items, 'scan.sarif')],
        },
      );
      const step = fakeStep();
      setGateOutputs(step.runner, result);
      writeAnnotations(step.runner, result);
      const outputs = await step.outputs();
      expect(outputs).toMatchObject({
        passed: 'false',
        coverage: '',
        'diff-coverage': '',
        critical: '13',
        high: '0',
        regressions: '',
      });
      expect(JSON.parse(outputs.report ?? '{}')).toMatchObject({
        verdict: 'fail',
        findings: { critical: 13 },
      });
      const commands = step.commands();
      expect(commands.filter((c) => c.name === 'error')).toHaveLength(10);
      expect(commands.filter((c) => c.name === 'error')[0]?.properties).toMatchObject({
        file: 'app.py',
        line: '1',
        title: 'bandit: B101',
      });
      expect(commands.filter((c) => c.name === 'error')[0]?.message).not.toContain(
        'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
      );
      expect(commands.find((c) => c.name === 'notice')?.message).toBe(
        '3 more annotation(s) are in the job summary: the runner shows at most 10 error and 10 warning annotations per step.',
      );
    });
  });
});
