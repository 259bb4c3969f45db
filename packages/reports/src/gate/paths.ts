/**
 * Maps the paths a coverage report names to repository paths. Reports name files relative to a
 * source root (`<source>`, package directories), absolutely (the machine that ran the tests, often
 * not this one), with backslashes (coverlet on Windows), or relative to a sub-project. The mapper
 * lists the candidates it tries, so a summary can show them when nothing matches the diff.
 */
import { normalizeRepoPath } from './diff';

export interface PathMapOptions {
  /** The repository checkout on this machine (GITHUB_WORKSPACE). */
  workspace: string;
  /** Directories (repository-relative) report paths may be relative to, e.g. `src`, `backend`. */
  sourceRoots?: string[];
}

/** Resolves `.` and `..` segments of a `/`-separated path; keeps a leading `/` or drive letter. */
function collapse(path: string): string {
  const drive = /^[A-Za-z]:/.exec(path)?.[0] ?? '';
  const rest = path.slice(drive.length);
  const absolute = rest.startsWith('/');
  const out: string[] = [];
  for (const part of rest.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out.at(-1) !== '..') out.pop();
    else out.push(part);
  }
  return `${drive}${absolute ? '/' : ''}${out.join('/')}`;
}

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:\//.test(path);
}

function join(root: string, path: string): string {
  return isAbsolute(path) || root === '' ? path : `${root.replace(/\/$/, '')}/${path}`;
}

/** Case-insensitive on drive-letter paths (Windows), exact otherwise. */
function stripAbsolutePrefix(path: string, prefix: string): string | undefined {
  if (prefix === '' || prefix === '/') return undefined;
  const windows = /^[A-Za-z]:\//.test(prefix);
  const [a, b] = windows ? [path.toLowerCase(), prefix.toLowerCase()] : [path, prefix];
  const withSlash = b.endsWith('/') ? b : `${b}/`;
  return a.startsWith(withSlash) ? path.slice(withSlash.length) : undefined;
}

export interface PathMapper {
  /** Repository-relative candidates for a report path, most likely first (for display and matching). */
  candidates(reportPath: string, roots?: readonly string[]): string[];
  /**
   * The repository path among `known` that the report path names: a candidate equal to one of them,
   * else the unique known path that a candidate ends with (or that ends with a candidate) on a
   * segment boundary, the longest overlap winning.
   */
  match(reportPath: string, roots: readonly string[], known: ReadonlySet<string>): string | undefined;
}

export function createPathMapper(options: PathMapOptions): PathMapper {
  const workspace = collapse(normalizeRepoPath(options.workspace));
  const sourceRoots = (options.sourceRoots ?? []).map((root) => collapse(normalizeRepoPath(root)));

  const candidates = (reportPath: string, roots: readonly string[] = []): string[] => {
    const path = normalizeRepoPath(reportPath);
    const bases = [...roots.map(normalizeRepoPath).map((root) => join(root, path)), path];
    const out: string[] = [];
    const add = (candidate: string) => {
      const clean = collapse(candidate);
      if (clean !== '' && !clean.startsWith('..') && !out.includes(clean)) out.push(clean);
    };
    for (const base of bases) {
      const full = collapse(base);
      if (isAbsolute(full)) {
        const inWorkspace = stripAbsolutePrefix(full, workspace);
        if (inWorkspace !== undefined) add(inWorkspace);
        // An absolute path from another machine: kept for suffix matching.
        else out.push(full);
      } else {
        add(full);
        for (const root of sourceRoots) add(join(root, full));
      }
    }
    return out;
  };

  const match = (reportPath: string, roots: readonly string[], known: ReadonlySet<string>) => {
    const tried = candidates(reportPath, roots);
    for (const candidate of tried) if (known.has(candidate)) return candidate;
    let best: { path: string; overlap: number; ties: number } | undefined;
    for (const path of known) {
      for (const candidate of tried) {
        const overlap = suffixOverlap(candidate, path);
        if (overlap === 0) continue;
        if (!best || overlap > best.overlap) best = { path, overlap, ties: 0 };
        else if (overlap === best.overlap && path !== best.path) best.ties += 1;
      }
    }
    return best && best.ties === 0 ? best.path : undefined;
  };

  return { candidates, match };
}

/**
 * How many characters two paths share when one ends with the other on a segment boundary
 * (`/home/ci/repo/src/a.py` and `src/a.py`; `src/a.py` and `backend/src/a.py`); 0 when neither does.
 */
function suffixOverlap(a: string, b: string): number {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  if (long === short) return long.length;
  return long.endsWith(`/${short}`) ? short.length : 0;
}
