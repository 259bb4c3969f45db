/**
 * Extracts an action's repository tarball as an untrusted archive: bounded in download size,
 * expanded size and entry count (a small archive can expand to gigabytes), streamed in small
 * reads, one top directory only, owner and special mode bits dropped, and no link that resolves
 * outside the target directory (checked on the extracted tree, so a chain of links cannot hide it).
 */
import { createReadStream } from 'node:fs';
import { chmod, lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';

export interface ExtractLimits {
  /** Bytes of the compressed archive. @default 100 MiB */
  maxArchiveBytes: number;
  /** Bytes after decompression (file contents plus tar headers). @default 512 MiB */
  maxExpandedBytes: number;
  /** Entries in the archive. @default 20000 */
  maxEntries: number;
}

export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = {
  maxArchiveBytes: 100 * 1024 * 1024,
  maxExpandedBytes: 512 * 1024 * 1024,
  maxEntries: 20_000,
};

const MiB = 1024 * 1024;
const ENTRY_TYPES = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory', 'SymbolicLink', 'Link']);

/** The archive is refused: a message that says why, for the `uses` input's error. */
export class UnsafeArchiveError extends Error {}

/**
 * Extracts `archive` (a gzipped tar with one top directory, as GitHub's tarball API gives) into
 * `dir` without that top directory. Throws UnsafeArchiveError when the archive breaks a rule.
 */
export async function extractInside(
  archive: string,
  dir: string,
  options: { limits?: Partial<ExtractLimits>; signal?: AbortSignal } = {},
): Promise<void> {
  const limits = { ...DEFAULT_EXTRACT_LIMITS, ...options.limits };
  checkArchiveSize((await stat(archive)).size, limits);
  const refused: string[] = [];
  let top: string | undefined;
  let entries = 0;
  let expanded = 0;
  let stop: Error | undefined;
  let ended = false;
  const input = createReadStream(archive, { highWaterMark: 64 * 1024 });
  const gunzip = createGunzip({ chunkSize: 64 * 1024 });
  // Counts decompressed bytes, so a bomb is stopped after the limit, not after it has expanded.
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (ended) return done();
      expanded += chunk.length;
      if (expanded > limits.maxExpandedBytes) {
        fail(
          new UnsafeArchiveError(
            `the action's archive expands to more than ${formatMiB(limits.maxExpandedBytes)}`,
          ),
        );
        return done();
      }
      done(null, chunk);
    },
    flush(done) {
      ended = true;
      done();
    },
  });
  /**
   * Stops reading and ends the tar stream where it is: tar then finishes the writes it has begun
   * and signals the end, so nothing is written into the folder after this function returns.
   */
  function fail(error: Error): void {
    stop ??= error;
    input.destroy();
    if (!ended) {
      ended = true;
      meter.push(null);
    }
  }
  if (options.signal?.aborted) throw options.signal.reason;
  const onAbort = () => fail(options.signal?.reason ?? new Error('aborted'));
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const inside = (target: string) => isInside(dir, target);
  const warnings: string[] = [];
  // Loaded on first use: only a remote `uses:` needs it, and start-up should not pay for it.
  const tar = await import('tar');
  const unpack = tar.x({
    cwd: dir,
    strip: 1,
    preserveOwner: false,
    maxReadSize: MiB,
    onwarn: (code, message) => {
      warnings.push(`${code}: ${String(message)}`);
    },
    filter: (entryPath, entry) => {
      if (stop) return false;
      entries += 1;
      if (entries > limits.maxEntries) {
        fail(new UnsafeArchiveError(`the action's archive has more than ${limits.maxEntries} entries`));
        return false;
      }
      const [first = '', ...rest] = entryPath.split('/');
      top ??= first;
      if (first !== top) {
        fail(
          new UnsafeArchiveError(`the action's archive has more than one top directory (${top}, ${first})`),
        );
        return false;
      }
      const type = 'type' in entry ? String(entry.type) : 'File';
      const stripped = rest.join('/');
      const target = path.resolve(dir, stripped);
      const linkpath = 'linkpath' in entry ? entry.linkpath : undefined;
      let ok = ENTRY_TYPES.has(type) && !path.isAbsolute(stripped) && inside(target);
      if (ok && type === 'SymbolicLink' && linkpath) {
        ok = !path.isAbsolute(linkpath) && inside(path.resolve(path.dirname(target), linkpath));
      }
      if (ok && type === 'Link' && linkpath)
        ok = inside(path.resolve(dir, linkpath.split('/').slice(1).join('/')));
      if (!ok) refused.push(entryPath);
      // No setuid, setgid or sticky bits, nothing writable by others.
      if (typeof entry.mode === 'number') entry.mode &= 0o755;
      return ok;
    },
  });
  const done = new Promise<void>((resolve) => {
    unpack.on('end', () => resolve());
    unpack.on('error', (error: Error) => {
      fail(new UnsafeArchiveError(`the action's archive could not be read: ${error.message}`));
    });
  });
  const readError = (error: Error) =>
    fail(new UnsafeArchiveError(`the action's archive could not be read: ${error.message}`));
  input.on('error', readError);
  gunzip.on('error', readError);
  input.pipe(gunzip).pipe(meter).pipe(unpack);
  try {
    await done;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  if (stop) throw stop;
  const broken = warnings.find((warning) => /TAR_BAD_ARCHIVE|TAR_ABORT|invalid|truncated/i.test(warning));
  if (broken) throw new UnsafeArchiveError(`the action's archive could not be read: ${broken}`);
  if (refused.length > 0) {
    throw new UnsafeArchiveError(
      `the action's archive has entries that leave its directory or are not files, folders or links: ${refused.slice(0, 5).join(', ')}`,
    );
  }
  await checkExtractedTree(dir);
}

/** Every link in the tree must resolve inside it; special mode bits are dropped once more. */
async function checkExtractedTree(dir: string): Promise<void> {
  const root = await realpath(dir);
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop() as string;
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isSymbolicLink()) {
        const resolved = await realpath(full).catch(() => undefined);
        if (resolved === undefined || !isInside(root, resolved)) {
          throw new UnsafeArchiveError(
            `the action's archive has a link that resolves outside its directory or nowhere: ${path.relative(root, full)}`,
          );
        }
        continue;
      }
      const info = await lstat(full);
      if ((info.mode & 0o7022) !== 0) await chmod(full, info.mode & 0o755);
      if (entry.isDirectory()) pending.push(full);
    }
  }
}

/** Refuses an archive larger than the download limit (before it is written or read). */
export function checkArchiveSize(bytes: number, limits: Partial<ExtractLimits> = {}): void {
  const limit = limits.maxArchiveBytes ?? DEFAULT_EXTRACT_LIMITS.maxArchiveBytes;
  if (bytes > limit) {
    throw new UnsafeArchiveError(
      `the action's archive is ${formatMiB(bytes)}, more than the ${formatMiB(limit)} allowed`,
    );
  }
}

/** True when `target` is `root` or below it. */
function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function formatMiB(bytes: number): string {
  return `${(bytes / MiB).toFixed(1)} MiB`;
}
