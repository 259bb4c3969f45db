/**
 * Changed lines from a unified diff (`git diff` output, or the `patch` of one file from the pull
 * request files API). Only what diff coverage needs: each file's path after the change, its path
 * before a rename, and the line numbers (in the new version) the change added or modified.
 */

export type ChangeStatus = 'added' | 'modified' | 'renamed' | 'copied' | 'deleted';

export interface ChangedFile {
  /** Repository path after the change (`/` separators, no `a/`/`b/` prefix). */
  path: string;
  /** Path before a rename or copy. */
  previousPath?: string;
  status: ChangeStatus;
  /** Line numbers in the new version that the change added (a modified line is a removed + an added one). */
  addedLines: number[];
  /** The patch was not available (binary, or too large for the API): no line is known to have changed. */
  patchMissing?: boolean;
}

/** Repository-style path: `\` to `/`, no leading `./`, no doubled slashes. */
export function normalizeRepoPath(path: string): string {
  return path
    .replaceAll('\\', '/')
    .replace(/\/{2,}/g, '/')
    .replace(/^(?:\.\/)+/, '');
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** The added line numbers of one file's hunks (the API's `patch`, or the hunks of a diff). */
export function addedLinesOfPatch(patch: string): number[] {
  const added: number[] = [];
  let newLine = 0;
  let oldLeft = 0;
  let newLeft = 0;
  for (const line of patch.split(/\r?\n/)) {
    const hunk = HUNK.exec(line);
    if (hunk && oldLeft <= 0 && newLeft <= 0) {
      oldLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
      newLeft = hunk[4] === undefined ? 1 : Number(hunk[4]);
      newLine = Number(hunk[3]);
      continue;
    }
    if (oldLeft <= 0 && newLeft <= 0) continue;
    const mark = line[0];
    if (mark === '+') {
      added.push(newLine);
      newLine += 1;
      newLeft -= 1;
    } else if (mark === '-') {
      oldLeft -= 1;
    } else if (mark === ' ' || line === '') {
      // An empty line inside a hunk is a context line whose leading space an editor trimmed.
      newLine += 1;
      newLeft -= 1;
      oldLeft -= 1;
    }
    // `\ No newline at end of file` changes no count.
  }
  return added;
}

/** Undoes git's C-style quoting of a path (`"sp\303\251cial \"x\""`). */
function unquote(path: string): string {
  if (!(path.startsWith('"') && path.endsWith('"') && path.length >= 2)) return path;
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i] as string;
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1));
    if (octal) {
      bytes.push(Number.parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** A `---`/`+++` path: quoting undone, a trailing tab-separated timestamp dropped. */
function headerPath(raw: string): string | null {
  const text = raw.startsWith('"') ? unquote(raw.trim()) : (raw.split('\t')[0] ?? '').trimEnd();
  return text === '/dev/null' ? null : text;
}

function stripPrefix(path: string, prefix: 'a/' | 'b/', prefixed: boolean): string {
  const normal = normalizeRepoPath(path);
  return prefixed && normal.startsWith(prefix) ? normal.slice(2) : normal;
}

/** The two paths of a `diff --git a/x b/y` line (quoted or not); for unquoted ones with spaces, halves. */
function gitHeaderPaths(rest: string): [string, string] | undefined {
  const quoted = /^("(?:[^"\\]|\\.)*"|\S+) ("(?:[^"\\]|\\.)*"|\S+)$/.exec(rest);
  if (quoted) return [unquote(quoted[1] as string), unquote(quoted[2] as string)];
  // `a/x y b/x y`: the two halves are equal when the file is not renamed (git's own heuristic).
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest[half] === ' ') return [rest.slice(0, half), rest.slice(half + 1)];
  return undefined;
}

interface Building {
  oldPath: string | null;
  newPath: string | null;
  renameFrom?: string;
  renameTo?: string;
  copied: boolean;
  deleted: boolean;
  created: boolean;
  hunks: string[];
  prefixed: boolean;
}

/**
 * Parses a unified diff of any number of files: `git diff` (renames, copies, new and deleted
 * files, mode-only changes, quoted paths, `--no-prefix`) and plain `diff -u` output. CRLF line ends
 * and Windows separators are accepted. Files are returned in diff order; deleted files have no lines.
 */
export function parseUnifiedDiff(text: string): ChangedFile[] {
  const files: ChangedFile[] = [];
  let current: Building | undefined;
  let inHunk = { old: 0, new: 0 };
  const finish = () => {
    if (current) files.push(toChangedFile(current));
    current = undefined;
  };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (inHunk.old > 0 || inHunk.new > 0) {
      current?.hunks.push(line);
      if (line.startsWith('+')) inHunk.new -= 1;
      else if (line.startsWith('-')) inHunk.old -= 1;
      else if (line.startsWith(' ') || line === '') {
        inHunk.old -= 1;
        inHunk.new -= 1;
      }
      continue;
    }
    if (line.startsWith('diff --git ')) {
      finish();
      const paths = gitHeaderPaths(line.slice('diff --git '.length));
      const prefixed = paths ? paths[0].startsWith('a/') && paths[1].startsWith('b/') : true;
      current = {
        oldPath: paths ? paths[0] : null,
        newPath: paths ? paths[1] : null,
        copied: false,
        deleted: false,
        created: false,
        hunks: [],
        prefixed,
      };
      continue;
    }
    if (line.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ ')) {
      const oldPath = headerPath(line.slice(4));
      const newPath = headerPath((lines[i + 1] as string).slice(4));
      if (!current || current.hunks.length > 0) {
        finish();
        const prefixed = (oldPath ?? 'a/').startsWith('a/') && (newPath ?? 'b/').startsWith('b/');
        current = { oldPath, newPath, copied: false, deleted: false, created: false, hunks: [], prefixed };
      } else {
        current.oldPath = oldPath;
        current.newPath = newPath;
      }
      if (oldPath === null) current.created = true;
      if (newPath === null) current.deleted = true;
      i += 1;
      continue;
    }
    if (!current) continue;
    const hunk = HUNK.exec(line);
    if (hunk) {
      current.hunks.push(line);
      inHunk = {
        old: hunk[2] === undefined ? 1 : Number(hunk[2]),
        new: hunk[4] === undefined ? 1 : Number(hunk[4]),
      };
      continue;
    }
    if (line.startsWith('rename from ')) current.renameFrom = unquote(line.slice(12));
    else if (line.startsWith('rename to ')) current.renameTo = unquote(line.slice(10));
    else if (line.startsWith('copy from ')) {
      current.renameFrom = unquote(line.slice(10));
      current.copied = true;
    } else if (line.startsWith('copy to ')) current.renameTo = unquote(line.slice(8));
    else if (line.startsWith('deleted file mode')) current.deleted = true;
    else if (line.startsWith('new file mode')) current.created = true;
  }
  finish();
  return files;
}

function toChangedFile(file: Building): ChangedFile {
  const oldPath =
    file.renameFrom !== undefined
      ? normalizeRepoPath(file.renameFrom)
      : file.oldPath === null
        ? null
        : stripPrefix(file.oldPath, 'a/', file.prefixed);
  const newPath =
    file.renameTo !== undefined
      ? normalizeRepoPath(file.renameTo)
      : file.newPath === null
        ? null
        : stripPrefix(file.newPath, 'b/', file.prefixed);
  const addedLines = addedLinesOfPatch(file.hunks.join('\n'));
  if (file.deleted || newPath === null) {
    return { path: oldPath ?? '', status: 'deleted', addedLines: [] };
  }
  if (file.created || oldPath === null) return { path: newPath, status: 'added', addedLines };
  if (oldPath !== newPath) {
    return { path: newPath, previousPath: oldPath, status: file.copied ? 'copied' : 'renamed', addedLines };
  }
  return { path: newPath, status: 'modified', addedLines };
}
