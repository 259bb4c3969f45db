/** Git as the engine sees it: an injected runner of git commands, and the diff it reads. */

export interface GitResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs `git <args>` in the repository (main.ts and the CLI give a child-process runner; tests a real one too). */
export type GitRunner = (args: string[]) => Promise<GitResult>;

export type ChangeStatus = 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed';

/** One changed file, named as the API names it (`previous` for a rename or copy). */
export interface ChangedFile {
  path: string;
  status: ChangeStatus;
  previous?: string;
}

const STATUS: Record<string, ChangeStatus> = {
  A: 'added',
  M: 'modified',
  D: 'removed',
  R: 'renamed',
  C: 'copied',
  T: 'changed',
};

/** Reads `git diff --name-status -z -M`: status, path, and a second path for renames and copies. */
export function parseNameStatus(output: string): ChangedFile[] {
  const fields = output.split('\0');
  const files: ChangedFile[] = [];
  for (let i = 0; i < fields.length; ) {
    const code = fields[i++] ?? '';
    if (code === '') continue;
    const status = STATUS[code[0] ?? ''] ?? 'changed';
    const first = fields[i++] ?? '';
    if (status === 'renamed' || status === 'copied') {
      files.push({ path: fields[i++] ?? '', status, previous: first });
    } else {
      files.push({ path: first, status });
    }
  }
  return files;
}

export const ZERO_SHA = /^0+$/;

/** git commands the changed-files logic needs, with the shallow-clone handling in one place. */
export class GitHistory {
  private deepened = 0;

  constructor(
    private readonly git: GitRunner,
    /** Commits fetched per `git fetch --deepen` (doubles each time). */
    private readonly deepenBy = 50,
    /** Deepen at most this many times before fetching the whole history. */
    private readonly maxDeepen = 6,
    private readonly remote = 'origin',
  ) {}

  /** How many `git fetch --deepen` ran (for the report). */
  get deepenCount(): number {
    return this.deepened;
  }

  async has(commit: string): Promise<boolean> {
    return (await this.git(['cat-file', '-e', `${commit}^{commit}`])).exitCode === 0;
  }

  async resolve(ref: string): Promise<string | undefined> {
    const result = await this.git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  async isShallow(): Promise<boolean> {
    return (await this.git(['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true';
  }

  async isAncestor(ancestor: string, of: string): Promise<boolean> {
    return (await this.git(['merge-base', '--is-ancestor', ancestor, of])).exitCode === 0;
  }

  async hasRemote(): Promise<boolean> {
    return (await this.git(['remote', 'get-url', this.remote])).exitCode === 0;
  }

  /** Makes `commit` present: fetched by name (a SHA or a branch) when the clone lacks it. */
  async ensure(commit: string): Promise<boolean> {
    if (await this.has(commit)) return true;
    if (!(await this.hasRemote())) return false;
    await this.git(['fetch', '--no-tags', `--depth=${this.deepenBy}`, this.remote, commit]);
    return this.has(commit);
  }

  /**
   * The merge-base of two commits; in a shallow clone the history is deepened until one is found
   * (`git fetch --deepen`, doubling), then fetched whole. Undefined when they share no history.
   */
  /** One `git merge-base`, no fetching: the common case, where both commits are there. */
  async mergeBaseHere(a: string, b: string): Promise<string | undefined> {
    const result = await this.git(['merge-base', a, b]);
    return result.exitCode === 0 ? result.stdout.trim().split('\n')[0] : undefined;
  }

  async mergeBase(a: string, b: string): Promise<string | undefined> {
    for (;;) {
      const result = await this.git(['merge-base', a, b]);
      if (result.exitCode === 0) return result.stdout.trim().split('\n')[0];
      if (!(await this.deepen([a, b]))) return undefined;
    }
  }

  /** Deepens until `commit` is in the history (an ancestor the shallow clone cut off). */
  async reachAncestor(commit: string, of: string): Promise<boolean> {
    for (;;) {
      if ((await this.has(commit)) && (await this.isAncestor(commit, of))) return true;
      if (!(await this.deepen([of]))) return this.has(commit);
    }
  }

  /** One step deeper; false when the clone is complete (or has no remote to fetch from). */
  private async deepen(refs: string[]): Promise<boolean> {
    if (!(await this.isShallow()) || !(await this.hasRemote())) return false;
    const wants = refs.filter((ref) => /^[0-9a-f]{40}$/i.test(ref));
    if (this.deepened < this.maxDeepen) {
      const by = this.deepenBy * 2 ** this.deepened;
      this.deepened += 1;
      const result = await this.git(['fetch', '--no-tags', `--deepen=${by}`, this.remote, ...wants]);
      if (result.exitCode === 0) return true;
    }
    this.deepened += 1;
    return (await this.git(['fetch', '--no-tags', '--unshallow', this.remote, ...wants])).exitCode === 0;
  }

  /** The tip of the default branch: the remote-tracking branch, a local one, or fetched. */
  async defaultBranchCommit(branch: string): Promise<string | undefined> {
    for (const ref of [`refs/remotes/${this.remote}/${branch}`, `refs/heads/${branch}`]) {
      const sha = await this.resolve(ref);
      if (sha) return sha;
    }
    if (!(await this.hasRemote())) return undefined;
    const target = `refs/remotes/${this.remote}/${branch}`;
    await this.git([
      'fetch',
      '--no-tags',
      `--depth=${this.deepenBy}`,
      this.remote,
      `+refs/heads/${branch}:${target}`,
    ]);
    return this.resolve(target);
  }

  /** Files changed from `base` to `head` (renames detected). */
  async diff(base: string, head: string): Promise<ChangedFile[]> {
    const result = await this.git(['diff', '--name-status', '-z', '-M', base, head]);
    if (result.exitCode !== 0) throw new Error(`git diff ${base} ${head} failed: ${result.stderr.trim()}`);
    return parseNameStatus(result.stdout);
  }

  /** Every tracked file of the checkout. */
  async trackedFiles(): Promise<string[]> {
    const result = await this.git(['ls-files', '-z']);
    return result.stdout.split('\0').filter((file) => file !== '');
  }

  /** The tree of a commit (what skip-duplicate compares). */
  async tree(commit: string): Promise<string | undefined> {
    const result = await this.git(['rev-parse', '--verify', '--quiet', `${commit}^{tree}`]);
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }
}
