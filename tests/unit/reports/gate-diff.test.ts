/** The unified-diff parser: which lines of which file a change added. */
import { describe, expect, test } from '@jest/globals';
import { addedLinesOfPatch, parseUnifiedDiff } from '@qeml/reports';

describe('parseUnifiedDiff', () => {
  test('a modified file: added lines counted in the new version, removed ones skipped', () => {
    const diff = [
      'diff --git a/src/calc.py b/src/calc.py',
      'index 83db48f..bf269f4 100644',
      '--- a/src/calc.py',
      '+++ b/src/calc.py',
      '@@ -1,4 +1,5 @@',
      ' def add(a, b):',
      '-    return a+b',
      '+    return a + b',
      '+',
      ' def sub(a, b):',
      '     return a - b',
      '@@ -10,2 +11,3 @@ def mul(a, b):',
      ' x = 1',
      '+y = 2',
      ' z = 3',
    ].join('\n');
    expect(parseUnifiedDiff(diff)).toEqual([
      { path: 'src/calc.py', status: 'modified', addedLines: [2, 3, 12] },
    ]);
  });

  test('renames (with and without edits), a deletion, a new file and a mode change', () => {
    const diff = [
      'diff --git a/old/util.py b/new/util.py',
      'similarity index 90%',
      'rename from old/util.py',
      'rename to new/util.py',
      'index 1111111..2222222 100644',
      '--- a/old/util.py',
      '+++ b/new/util.py',
      '@@ -3,0 +4,2 @@',
      '+one',
      '+two',
      'diff --git a/same.py b/moved.py',
      'similarity index 100%',
      'rename from same.py',
      'rename to moved.py',
      'diff --git a/gone.py b/gone.py',
      'deleted file mode 100644',
      'index 3333333..0000000',
      '--- a/gone.py',
      '+++ /dev/null',
      '@@ -1,2 +0,0 @@',
      '-a',
      '-b',
      'diff --git a/fresh.py b/fresh.py',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/fresh.py',
      '@@ -0,0 +1,2 @@',
      '+x = 1',
      '+--- not a header: an added line starting with dashes',
      'diff --git a/run.sh b/run.sh',
      'old mode 100644',
      'new mode 100755',
    ].join('\n');
    expect(parseUnifiedDiff(diff)).toEqual([
      { path: 'new/util.py', previousPath: 'old/util.py', status: 'renamed', addedLines: [4, 5] },
      { path: 'moved.py', previousPath: 'same.py', status: 'renamed', addedLines: [] },
      { path: 'gone.py', status: 'deleted', addedLines: [] },
      { path: 'fresh.py', status: 'added', addedLines: [1, 2] },
      { path: 'run.sh', status: 'modified', addedLines: [] },
    ]);
  });

  test('CRLF line ends, Windows separators, quoted paths and --no-prefix diffs', () => {
    const crlf = ['--- a/src\\Lib\\Calc.cs', '+++ b/src\\Lib\\Calc.cs', '@@ -1 +1,2 @@', ' a', '+b', ''].join(
      '\r\n',
    );
    expect(parseUnifiedDiff(crlf)).toEqual([
      { path: 'src/Lib/Calc.cs', status: 'modified', addedLines: [2] },
    ]);
    const quoted = [
      'diff --git "a/docs/caf\\303\\251 x.py" "b/docs/caf\\303\\251 x.py"',
      '--- "a/docs/caf\\303\\251 x.py"',
      '+++ "b/docs/caf\\303\\251 x.py"',
      '@@ -1 +1 @@',
      '-a',
      '+b',
    ].join('\n');
    expect(parseUnifiedDiff(quoted)).toEqual([
      { path: 'docs/café x.py', status: 'modified', addedLines: [1] },
    ]);
    const noPrefix = [
      '--- src/a.py\t2026-01-01 10:00:00',
      '+++ src/a.py\t2026-01-02 10:00:00',
      '@@ -1 +1 @@',
      '-a',
      '+b',
    ].join('\n');
    expect(parseUnifiedDiff(noPrefix)).toEqual([{ path: 'src/a.py', status: 'modified', addedLines: [1] }]);
  });
});

describe('addedLinesOfPatch (the pull request files API `patch`)', () => {
  test('hunks only, with a no-newline marker and a hunk header without counts', () => {
    const patch = [
      '@@ -1 +1 @@',
      '-a',
      '+b',
      '\\ No newline at end of file',
      '@@ -8,2 +8,3 @@',
      ' x',
      '+y',
      ' z',
    ].join('\n');
    expect(addedLinesOfPatch(patch)).toEqual([1, 9]);
  });
});
