/** The quality gate's engine with injected parsers, change, cache and clock: what a user relies on. */
import { describe, expect, test } from '@jest/globals';
import { type GitHubClient, VirtualClock } from '@qeml/action-kit';
import {
  type BaselineStore,
  type GateConfig,
  type GateDeps,
  gateText,
  readChanges,
  readGateConfig,
  runGate,
} from '@qeml/quality-gate';
import type { Report, ReportError } from '@qeml/reports';
import { RecordingLogger } from '../../support/recording-logger';
import { withTempDir, writeFiles } from '../../support/temp';
import {
  bench,
  benchmarkReport,
  coverageReport,
  fileCoverage,
  finding,
  findingsReport,
} from '../reports/gate-builders';

const config = (inputs: Record<string, string> = {}): Promise<GateConfig> =>
  readGateConfig((name) => ({ coverage: '*.info', security: '*.sarif', baseline: 'cache', ...inputs })[name]);

/** A store that keeps entries in memory, newest last, like the cache's restore-by-prefix. */
function memoryStore(): BaselineStore & { entries: Map<string, unknown> } {
  const entries = new Map<string, unknown>();
  return {
    entries,
    async save(key, value) {
      entries.set(key, value);
      return { saved: true };
    },
    async restore<T>(prefix: string) {
      const key = [...entries.keys()].filter((k) => k.startsWith(prefix)).at(-1);
      return key === undefined
        ? { found: false as const, reason: `no cache entry starts with ${prefix}`, miss: true }
        : { found: true as const, key, value: entries.get(key) as T };
    },
  };
}

function deps(
  workspace: string,
  reports: Record<string, Report | ReportError>,
  extra: Partial<GateDeps> = {},
) {
  const logger = new RecordingLogger();
  const gateDeps: GateDeps = {
    logger,
    clock: new VirtualClock(Date.UTC(2026, 0, 2)),
    workspace,
    context: { changeSource: { kind: 'none', reason: 'push' }, saveBaseline: false, runKey: '41-1' },
    parse: async (files) => files.map((file) => reports[file] ?? { file, error: `${file}: unexpected` }),
    ...extra,
  };
  return { gateDeps, logger };
}

const coverageOf = (covered: number, file = 'lcov.info') => {
  const hits: Record<number, number> = {};
  for (let line = 1; line <= 10; line += 1) hits[line] = line <= covered ? 1 : 0;
  return coverageReport([fileCoverage('src/a.py', hits)], file);
};

describe('runGate', () => {
  test('an unreadable report fails the gate with its message, the others still count', async () => {
    await withTempDir(async (dir) => {
      await writeFiles(dir, { 'lcov.info': '', 'scan.sarif': '' });
      const { gateDeps, logger } = deps(dir, {
        'lcov.info': coverageOf(9),
        'scan.sarif': { file: 'scan.sarif', error: 'scan.sarif is not JSON (line 1)' },
      });
      const result = await runGate(await config({ baseline: 'none' }), gateDeps);
      expect([result.verdict, result.passed]).toEqual(['fail', false]);
      expect(result.evaluation.metrics['line-coverage'].value).toBe(90);
      expect(logger.messages('error')).toEqual([
        'Report scan.sarif could not be read: scan.sarif is not JSON (line 1)',
      ]);
      const never = await runGate(await config({ baseline: 'none', 'fail-on': 'never' }), gateDeps);
      expect(never.passed).toBe(true);
    });
  });

  test('a glob that matches nothing is a warning naming the input', async () => {
    await withTempDir(async (dir) => {
      await writeFiles(dir, { 'lcov.info': '' });
      const { gateDeps, logger } = deps(dir, { 'lcov.info': coverageOf(9) });
      const result = await runGate(await config({ baseline: 'none' }), gateDeps);
      expect(result.unmatched).toEqual([{ kind: 'security', glob: '*.sarif' }]);
      expect(logger.messages('warning')).toContain(
        `Input 'security': "*.sarif" matched no file in the workspace`,
      );
    });
  });

  test('an input none of whose globs found a report fails the gate (a typo never passes it for good)', async () => {
    await withTempDir(async (dir) => {
      await writeFiles(dir, { 'lcov.info': '' });
      const { gateDeps } = deps(dir, { 'lcov.info': coverageOf(9) });
      const typo = await runGate(
        await config({ baseline: 'none', coverage: 'coverge.xml', security: '' }),
        gateDeps,
      );
      expect([typo.verdict, typo.passed]).toEqual(['fail', false]);
      expect(typo.missing).toEqual(['coverage']);
      expect(gateText(typo)).toContain('Failed: no coverage report found');
      // One of several globs matching is enough; fail-on never still passes the step.
      const either = await runGate(
        await config({ baseline: 'none', coverage: '*.info\ncoverage.xml', security: '' }),
        gateDeps,
      );
      expect(either.passed).toBe(true);
      const never = await runGate(
        await config({ baseline: 'none', coverage: 'coverge.xml', security: '', 'fail-on': 'never' }),
        gateDeps,
      );
      expect(never.passed).toBe(true);
    });
  });

  test('a default-branch push saves the baseline under a per-run key; a later run compares with the newest', async () => {
    await withTempDir(async (dir) => {
      await writeFiles(dir, { 'lcov.info': '' });
      const store = memoryStore();
      const push = deps(dir, { 'lcov.info': coverageOf(9) }, { baselineStore: store });
      push.gateDeps.context = { ...push.gateDeps.context, saveBaseline: true, sha: 'abc123' };
      const saved = await runGate(await config({ security: '' }), push.gateDeps);
      expect(saved.baseline.saved).toEqual({ key: 'qeml-quality-gate-quality-gate-41-1', ok: true });
      expect(store.entries.get('qeml-quality-gate-quality-gate-41-1')).toMatchObject({
        version: 1,
        lineCoverage: 90,
        sha: 'abc123',
        savedAt: '2026-01-02T00:00:00.000Z',
      });

      const pr = deps(dir, { 'lcov.info': coverageOf(8) }, { baselineStore: store });
      const compared = await runGate(await config({ security: '' }), pr.gateDeps);
      expect(compared.baseline).toMatchObject({
        status: 'restored',
        key: 'qeml-quality-gate-quality-gate-41-1',
      });
      expect(compared.evaluation.conditions.find((c) => c.name === 'coverage-drop')).toMatchObject({
        actual: 10,
        status: 'fail',
      });
      expect(compared.baseline.saved).toBeUndefined();
    });
  });

  test('benchmarks kept in the baseline: a slower run beyond noise is a regression, a noisy one is not', async () => {
    await withTempDir(async (dir) => {
      await writeFiles(dir, { 'bench.json': '' });
      const store = memoryStore();
      const run = async (benchmarks: ReturnType<typeof bench>[], saveBaseline: boolean) => {
        const { gateDeps } = deps(
          dir,
          { 'bench.json': benchmarkReport(benchmarks) },
          { baselineStore: store },
        );
        gateDeps.context = { ...gateDeps.context, saveBaseline };
        return runGate(await config({ coverage: '', security: '', benchmarks: 'bench.json' }), gateDeps);
      };
      await run(
        [bench('parse', 100, { stddev: 2, rounds: 20 }), bench('io', 100, { stddev: 40, rounds: 3 })],
        true,
      );
      const later = await run(
        [bench('parse', 130, { stddev: 2, rounds: 20 }), bench('io', 130, { stddev: 40, rounds: 3 })],
        false,
      );
      expect(later.evaluation.benchmarks?.map((b) => [b.name, b.status])).toEqual([
        ['parse', 'regression'],
        ['io', 'within-noise'],
      ]);
      expect(later.evaluation.metrics.regressions.value).toBe(1);
      expect(later.verdict).toBe('fail');
    });
  });

  test('no baseline yet, a failing cache and a foreign entry are told apart; none fails the gate', async () => {
    await withTempDir(async (dir) => {
      await writeFiles(dir, { 'lcov.info': '' });
      const run = async (store: BaselineStore) => {
        const { gateDeps } = deps(dir, { 'lcov.info': coverageOf(9) }, { baselineStore: store });
        return runGate(await config({ security: '' }), gateDeps);
      };
      const empty = await run(memoryStore());
      expect(empty.baseline.status).toBe('not-found');
      const failing = await run({
        save: async () => ({ saved: false, reason: 'down' }),
        restore: async () => ({
          found: false,
          reason: 'the cache service failed: Failed request: (500)',
          miss: false,
        }),
      });
      expect(failing.baseline).toMatchObject({
        status: 'unavailable',
        reason: 'baseline unavailable: the cache service failed: Failed request: (500)',
      });
      expect(failing.verdict).toBe('pass');
      const foreign = memoryStore();
      foreign.entries.set('qeml-quality-gate-quality-gate-1-1', { something: 'else' });
      expect((await run(foreign)).baseline.status).toBe('invalid');
    });
  });

  test('annotations: at most 10 errors and 10 warnings, most severe first; the rest are counted', async () => {
    await withTempDir(async (dir) => {
      await writeFiles(dir, { 'scan.sarif': '' });
      const items = [
        ...Array.from({ length: 12 }, (_, i) => finding('high', { path: 'src/a.py', line: i + 1 })),
        finding('critical', { path: 'src/b.py', line: 99 }),
        ...Array.from({ length: 11 }, (_, i) => finding('low', { path: 'src/c.py', line: i + 1 })),
      ];
      const { gateDeps } = deps(dir, { 'scan.sarif': findingsReport(items, 'scan.sarif') });
      const result = await runGate(await config({ coverage: '', baseline: 'none' }), gateDeps);
      const errors = result.annotations.filter((a) => a.level === 'error');
      expect(errors).toHaveLength(10);
      expect(errors[0]?.properties).toMatchObject({ file: 'src/b.py', startLine: 99 });
      expect(result.annotations.filter((a) => a.level === 'warning')).toHaveLength(10);
      expect(result.annotationsLeftOut).toBe(4); // 13 errors - 10, 11 warnings - 10
    });
  });
});

describe('readChanges', () => {
  const entries = [
    { filename: 'src/a.py', status: 'modified', patch: '@@ -1 +1,2 @@\n a\n+b' },
    {
      filename: 'src/new.py',
      status: 'renamed',
      previous_filename: 'src/old.py',
      patch: '@@ -0,0 +1 @@\n+x',
    },
    { filename: 'gone.py', status: 'removed' },
  ];
  const client = (list: unknown[] | Error) =>
    ({
      rest: { pulls: { listFiles: {} } },
      paginate: async () => {
        if (list instanceof Error) throw list;
        return list;
      },
    }) as unknown as GitHubClient;
  const source = {
    kind: 'pull-request',
    owner: 'o',
    repo: 'r',
    number: 5,
    baseSha: 'b'.repeat(40),
    headSha: 'h'.repeat(40),
  } as const;

  test("the pull request's files from the API, renames and removals included", async () => {
    const changes = await readChanges(source, { github: client(entries), logger: new RecordingLogger() });
    expect(changes.from).toBe('api');
    expect(changes.files).toEqual([
      { path: 'src/a.py', status: 'modified', addedLines: [2] },
      { path: 'src/new.py', previousPath: 'src/old.py', status: 'renamed', addedLines: [1] },
      { path: 'gone.py', status: 'deleted', addedLines: [] },
    ]);
  });

  test('the API failing or a file without a patch: git diff base...head instead, with a note', async () => {
    const calls: string[][] = [];
    const git = async (args: string[]) => {
      calls.push(args);
      return '--- a/src/a.py\n+++ b/src/a.py\n@@ -1 +1,2 @@\n a\n+b\n';
    };
    const failed = await readChanges(source, {
      github: client(new Error('Not Found')),
      git,
      logger: new RecordingLogger(),
    });
    expect(failed).toMatchObject({
      from: 'git',
      note: "the pull request's files could not be listed: Not Found: read with git instead",
    });
    expect(calls[0]?.at(-1)).toBe(`${'b'.repeat(40)}...${'h'.repeat(40)}`);
    const huge = [{ filename: 'big.min.js', status: 'modified' }];
    expect(
      (await readChanges(source, { github: client(huge), git, logger: new RecordingLogger() })).from,
    ).toBe('git');
  });

  test("a pull request past the API's 3000-file cap is read with git when the history is there", async () => {
    const git = async () => '--- a/src/a.py\n+++ b/src/a.py\n@@ -1 +1,2 @@\n a\n+b\n';
    const capped = Array.from({ length: 3000 }, (_, i) => ({
      filename: `src/f${i}.py`,
      status: 'modified',
      patch: '@@ -1 +1 @@\n-a\n+b',
    }));
    const changes = await readChanges(source, { github: client(capped), git, logger: new RecordingLogger() });
    expect(changes.from).toBe('git');
    expect(changes.note).toContain('3000');
  });

  test('a shallow checkout without the base commit: no diff, and the summary says how to fix it', async () => {
    const logger = new RecordingLogger();
    const git = async () => {
      throw new Error('fatal: bad revision');
    };
    const changes = await readChanges(source, { git, logger });
    expect(changes.files).toBeUndefined();
    expect(changes.note).toContain('a shallow checkout needs fetch-depth: 0');
    expect(logger.messages('warning')[0]).toMatch(
      /^Diff coverage skipped: git diff bbbbbbbbbbbb\.\.\.hhhhhhhhhhhh failed/,
    );
  });
});
