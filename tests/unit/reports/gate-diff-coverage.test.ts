/**
 * Diff coverage against answers computed by hand from diff-cover's definition: measured lines =
 * changed (added) lines the report lists; covered = those with hits; percent = covered / measured,
 * 100 when nothing is measured; files the report does not mention are ignored.
 */
import { describe, expect, test } from '@jest/globals';
import { createPathMapper, diffCoverage, formatRanges, mergeCoverage, parseUnifiedDiff } from '@qeml/reports';
import { fileCoverage } from './gate-builders';

// One pull request, as `git diff` on a Windows checkout writes it (CRLF):
//   src/pkg/calc.py  modified: adds lines 2, 3, 12
//   old/util.py -> src/pkg/util.py renamed: adds lines 4, 5
//   gone.py          deleted
//   docs/readme.md   modified: adds line 1 (no report mentions it)
//   src/pkg/new.py   new file: adds lines 1, 2, 3
const PR_DIFF = [
  'diff --git a/src/pkg/calc.py b/src/pkg/calc.py',
  '--- a/src/pkg/calc.py',
  '+++ b/src/pkg/calc.py',
  '@@ -1,4 +1,5 @@',
  ' def add(a, b):',
  '-    return a+b',
  '+    return a + b',
  '+',
  ' def sub(a, b):',
  '     return a - b',
  '@@ -10,2 +11,3 @@',
  ' x = 1',
  '+y = 2',
  ' z = 3',
  'diff --git a/old/util.py b/src/pkg/util.py',
  'similarity index 80%',
  'rename from old/util.py',
  'rename to src/pkg/util.py',
  '--- a/old/util.py',
  '+++ b/src/pkg/util.py',
  '@@ -3,0 +4,2 @@',
  '+def helper():',
  '+    return 1',
  'diff --git a/gone.py b/gone.py',
  'deleted file mode 100644',
  '--- a/gone.py',
  '+++ /dev/null',
  '@@ -1 +0,0 @@',
  '-print(1)',
  'diff --git a/docs/readme.md b/docs/readme.md',
  '--- a/docs/readme.md',
  '+++ b/docs/readme.md',
  '@@ -1 +1 @@',
  '-old',
  '+new',
  'diff --git a/src/pkg/new.py b/src/pkg/new.py',
  'new file mode 100644',
  '--- /dev/null',
  '+++ b/src/pkg/new.py',
  '@@ -0,0 +1,3 @@',
  '+import os',
  '+def new():',
  '+    return os.sep',
  '',
].join('\r\n');

// A coverlet report from another machine: a Windows <source> root, backslash paths.
const ROOT = 'C:\\agent\\_work\\1\\s\\src';
const REPORT = [
  // calc.py: changed 2 (hit), 3 (blank line: not executable), 12 (missed) -> measured 2, covered 1
  fileCoverage('pkg\\calc.py', { 1: 5, 2: 3, 5: 1, 6: 1, 11: 1, 12: 0 }, [ROOT]),
  // util.py: changed 4 and 5, both missed -> measured 2, covered 0
  fileCoverage('pkg\\util.py', { 1: 1, 4: 0, 5: 0 }, [ROOT]),
  // new.py: changed 1-3, all hit -> measured 3, covered 3
  fileCoverage('pkg\\new.py', { 1: 1, 2: 1, 3: 1 }, [ROOT]),
  // gone.py was deleted: its old coverage does not count
  fileCoverage('gone.py', { 1: 0 }, [ROOT]),
];

const mapper = createPathMapper({ workspace: '/home/runner/work/repo/repo' });

describe('diff coverage equals diff-cover on hand-computed fixtures', () => {
  test('renames, a deletion, CRLF, Windows paths, a report rooted on another machine: 4/7', () => {
    const result = diffCoverage(parseUnifiedDiff(PR_DIFF), REPORT, mapper);
    // measured 2 + 2 + 3 = 7, covered 1 + 0 + 3 = 4 -> 57.14 % (diff-cover prints int(57.14) = 57)
    expect(result.measured).toBe(7);
    expect(result.covered).toBe(4);
    expect(result.percent).toBeCloseTo(57.142857, 5);
    expect(result.changedLines).toBe(9); // 3 + 2 + 1 + 3 added lines in files that still exist
    expect(result.files).toEqual([
      { path: 'src/pkg/calc.py', measured: 2, covered: 1, uncoveredLines: [12] },
      { path: 'src/pkg/util.py', measured: 2, covered: 0, uncoveredLines: [4, 5] },
      { path: 'src/pkg/new.py', measured: 3, covered: 3, uncoveredLines: [] },
    ]);
    expect(result.notInReports).toEqual(['docs/readme.md']);
    expect(result.mappingTried).toBeUndefined();
  });

  test('a report of a sub-project (paths relative to frontend/): by suffix, or exactly with source-roots', () => {
    const diff = [
      '--- a/frontend/src/app.ts',
      '+++ b/frontend/src/app.ts',
      '@@ -1,2 +1,3 @@',
      ' a',
      '+b',
      '+c',
      ' d',
    ].join('\n');
    const lcov = [fileCoverage('src/app.ts', { 1: 1, 2: 1, 3: 0, 4: 1 })];
    // measured {2, 3}, covered {2} -> 1/2 = 50 %
    for (const sourceRoots of [[], ['frontend']]) {
      const result = diffCoverage(
        parseUnifiedDiff(diff),
        lcov,
        createPathMapper({ workspace: '/w', sourceRoots }),
      );
      expect([result.measured, result.covered, result.percent]).toEqual([2, 1, 50]);
    }
  });

  test('two reports of one file are merged: a line is covered when either hit it', () => {
    const diff = ['--- a/lib.py', '+++ b/lib.py', '@@ -0,0 +1,3 @@', '+a', '+b', '+c'].join('\n');
    const unit = fileCoverage('/home/runner/work/repo/repo/lib.py', { 1: 1, 2: 0, 3: 0 });
    const integration = fileCoverage('lib.py', { 2: 4, 3: 0 });
    // measured {1, 2, 3}; covered 1 (unit) and 2 (integration) -> 2/3
    const result = diffCoverage(parseUnifiedDiff(diff), [unit, integration], mapper);
    expect([result.measured, result.covered]).toEqual([3, 2]);
    expect(result.files[0]?.uncoveredLines).toEqual([3]);
  });

  test('no changed line is measured: 100 % (diff-cover), and the mapping tried is shown', () => {
    const diff = ['--- a/app/main.go', '+++ b/app/main.go', '@@ -1 +1 @@', '-a', '+b'].join('\n');
    const report = [fileCoverage('github.com/acme/tool/cmd/run.go', { 1: 0 }, ['/src'])];
    const result = diffCoverage(parseUnifiedDiff(diff), report, mapper);
    expect([result.measured, result.percent]).toEqual([0, 100]);
    expect(result.notInReports).toEqual(['app/main.go']);
    expect(result.mappingTried).toEqual([
      {
        reportPath: 'github.com/acme/tool/cmd/run.go',
        tried: ['/src/github.com/acme/tool/cmd/run.go', 'github.com/acme/tool/cmd/run.go'],
      },
    ]);
  });

  test('an ambiguous suffix maps to nothing rather than to the wrong file', () => {
    const diff = [
      '--- a/a/util.py',
      '+++ b/a/util.py',
      '@@ -0,0 +1 @@',
      '+x',
      '--- a/b/util.py',
      '+++ b/b/util.py',
      '@@ -0,0 +1 @@',
      '+x',
    ].join('\n');
    const result = diffCoverage(parseUnifiedDiff(diff), [fileCoverage('util.py', { 1: 1 })], mapper);
    expect(result.measured).toBe(0);
  });

  test("a file the report names exactly is never merged with another file's lines by suffix", () => {
    // The report covers both lib/util.py (its changed line 1 missed) and the root util.py (line 1 hit).
    const diff = ['--- a/lib/util.py', '+++ b/lib/util.py', '@@ -0,0 +1 @@', '+x'].join('\n');
    const report = [fileCoverage('lib/util.py', { 1: 0 }), fileCoverage('util.py', { 1: 5 })];
    const result = diffCoverage(parseUnifiedDiff(diff), report, mapper);
    expect([result.measured, result.covered]).toEqual([1, 0]);
    expect(result.files[0]?.uncoveredLines).toEqual([1]);
  });

  test('uncovered lines read as ranges', () => {
    expect(formatRanges([9, 3, 4, 5, 11])).toBe('3-5, 9, 11');
  });

  test('a file with counts only (Istanbul summary) adds its counts, unless another report has its lines', () => {
    const summaryOnly = { ...fileCoverage('src/app.ts', {}), lineTotals: { covered: 3, total: 4 } };
    const other = fileCoverage('src/util.ts', { 1: 1, 2: 0 });
    expect(mergeCoverage([summaryOnly, other], mapper).lines).toEqual({ covered: 4, total: 6 });
    const detailed = fileCoverage('src/app.ts', { 1: 1, 2: 1 });
    expect(mergeCoverage([summaryOnly, detailed], mapper).lines).toEqual({ covered: 2, total: 2 });
  });
});
