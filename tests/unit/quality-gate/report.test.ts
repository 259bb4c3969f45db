/** What a person reads: the summary's sections and the verdict line, from one gate result. */
import { describe, expect, test } from '@jest/globals';
import { VirtualClock } from '@qeml/action-kit';
import {
  buildComment,
  buildSummary,
  type GateDeps,
  gateText,
  readGateConfig,
  runGate,
} from '@qeml/quality-gate';
import type { Report } from '@qeml/reports';
import { RecordingLogger } from '../../support/recording-logger';
import { withTempDir, writeFiles } from '../../support/temp';
import {
  bench,
  benchmarkReport,
  complexityReport,
  coverageReport,
  fileCoverage,
} from '../reports/gate-builders';

async function gate(inputs: Record<string, string>, reports: Report[], extra: Partial<GateDeps> = {}) {
  return withTempDir(async (dir) => {
    await writeFiles(dir, Object.fromEntries(reports.map((r) => [r.file, ''])));
    const config = await readGateConfig((name) => ({ baseline: 'none', ...inputs })[name]);
    return runGate(config, {
      logger: new RecordingLogger(),
      clock: new VirtualClock(0),
      workspace: dir,
      context: { changeSource: { kind: 'none', reason: 'push' }, saveBaseline: false, runKey: '1-1' },
      parse: async (files) => files.map((file) => reports.find((r) => r.file === file) as Report),
      ...extra,
    });
  });
}

const DIFF = ['--- a/app/main.py', '+++ b/app/main.py', '@@ -0,0 +1,2 @@', '+a', '+b'].join('\n');

describe('gate summary', () => {
  test('when no changed file matches a report, the paths tried are shown (to fix source-roots)', async () => {
    const report = coverageReport([fileCoverage('pkg/worker.py', { 1: 1 }, ['/build/agent'])], 'cov.xml');
    const result = await gate({ coverage: 'cov.xml' }, [report], {
      context: {
        changeSource: { kind: 'diff-text', text: DIFF, label: 'pr.diff' },
        saveBaseline: false,
        runKey: '1-1',
      },
    });
    const summary = buildSummary(result).render();
    expect(summary).toContain('Not in any coverage report: app/main.py.');
    expect(summary).toContain('No changed file matched a coverage report path. Paths tried');
    expect(summary).toContain('`pkg/worker.py` → `/build/agent/pkg/worker.py`, `pkg/worker.py`');
  });

  test('benchmark deltas with their noise, complexity offenders; the CLI text has the same rows', async () => {
    const benchmarks = benchmarkReport([bench('parse', 150, { stddev: 1, rounds: 10 })]);
    const complexity = complexityReport([{ path: 'src/a.py', name: 'tangled', line: 3, complexity: 17 }]);
    const result = await gate({ benchmarks: 'bench.json', complexity: 'cc.json' }, [benchmarks, complexity]);
    const summary = buildSummary(result).render();
    expect(summary).toContain('| parse | — | 150 ms | — | new |');
    expect(summary).toContain('| tangled | src/a.py:3 | 17 |');
    expect(gateText(result)).toMatch(/tangled\s+src\/a\.py:3\s+17/);
    expect(buildComment(result)).not.toContain('<details>');
  });

  test('the verdict line says what happens to the step under fail-on', async () => {
    const report = coverageReport([fileCoverage('a.py', { 1: 1, 2: 1, 3: 1, 4: 0 })], 'cov.xml');
    const warn = await gate({ coverage: 'cov.xml', 'fail-on': 'recommended' }, [report]);
    expect(buildSummary(warn).render()).toContain(
      '⚠️ Failed: 1 recommended condition(s) not met (fail-on: recommended, so warnings fail the step)',
    );
    const never = await gate({ coverage: 'cov.xml', 'fail-on': 'never', thresholds: 'coverage: 90' }, [
      report,
    ]);
    expect(buildSummary(never).render()).toContain('(fail-on: never, so the step passes)');
  });
});
