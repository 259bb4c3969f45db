/**
 * Kills a command's whole process tree: TERM to every member, then KILL after a grace period to
 * whatever survived (children that trap TERM, grandchildren reparented to init, sudo children).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  pgid: number;
  /** Start time (clock ticks since boot on Linux): with the pid it names one process, surviving PID reuse. */
  start: string;
  zombie: boolean;
}

/** Reads one /proc/<pid>/stat; undefined when the process is gone. */
function readProcStat(pid: number): ProcessInfo | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name may hold spaces and parentheses: the fields start after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return {
    pid,
    ppid: Number(fields[1]),
    pgid: Number(fields[2]),
    start: fields[19] ?? '',
    zombie: fields[0] === 'Z' || fields[0] === 'X',
  };
}

/** A snapshot of every process on the machine (Linux: /proc; elsewhere: `ps`). */
export function processTable(): ProcessInfo[] {
  if (existsSync('/proc/self/stat')) {
    const table: ProcessInfo[] = [];
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const info = readProcStat(Number(name));
      if (info) table.push(info);
    }
    return table;
  }
  try {
    const out = execFileSync('ps', ['-axo', 'pid=,ppid=,pgid=,lstart=,stat='], { encoding: 'utf8' });
    return out
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((f) => f.length >= 4)
      .map((f) => ({
        pid: Number(f[0]),
        ppid: Number(f[1]),
        pgid: Number(f[2]),
        start: f.slice(3, -1).join(' '),
        zombie: (f.at(-1) ?? '').startsWith('Z'),
      }));
  } catch {
    return [];
  }
}

/** The process that has this pid now, if any. */
function processInfo(pid: number): ProcessInfo | undefined {
  if (existsSync('/proc/self/stat')) return readProcStat(pid);
  return processTable().find((p) => p.pid === pid);
}

/** The start time of a process (Linux only, where it is cheap; undefined elsewhere or when reaped). */
export function processStartTime(pid: number): string | undefined {
  return existsSync('/proc/self/stat') ? readProcStat(pid)?.start : undefined;
}

/** True while the process that had this pid and start time still runs (a zombie has ended). */
export function isRunning(pid: number, start: string): boolean {
  const now = processInfo(pid);
  return now !== undefined && now.start === start && !now.zombie;
}

/**
 * The members of the tree rooted at `rootPid`: its descendants through ppid links, members of its
 * process group, and descendants of processes remembered from earlier snapshots (their parent may
 * have died and left them to init). Returns pid -> start time. With `rootStart`, a process that now
 * holds `rootPid` but started at another time (PID reuse) is not ours, and neither is its group.
 */
export function snapshotTree(
  rootPid: number,
  remembered: Map<number, string> = new Map(),
  rootStart?: string,
  tag?: string,
): Map<number, string> {
  const table = processTable().filter((p) => !p.zombie && p.pid !== process.pid);
  const children = new Map<number, ProcessInfo[]>();
  for (const p of table) {
    const list = children.get(p.ppid) ?? [];
    list.push(p);
    children.set(p.ppid, list);
  }
  const byPid = new Map(table.map((p) => [p.pid, p]));
  const found = new Map<number, string>();
  const queue: ProcessInfo[] = [];
  const root = byPid.get(rootPid);
  if (rootIsOurs(root, rootStart)) {
    if (root) queue.push(root);
    for (const p of table) if (p.pgid === rootPid) queue.push(p);
  }
  for (const [pid, start] of remembered) {
    const p = byPid.get(pid);
    if (p && p.start === start) queue.push(p);
  }
  // A daemon that left the group and lost its parent (setsid + double fork) still carries the tag
  // in its environment, as the runner finds a job's orphans by RUNNER_TRACKING_ID.
  if (tag) for (const p of table) if (carriesTag(p.pid, tag)) queue.push(p);
  while (queue.length > 0) {
    const p = queue.pop()!;
    if (found.has(p.pid)) continue;
    found.set(p.pid, p.start);
    queue.push(...(children.get(p.pid) ?? []));
  }
  return found;
}

/** True when the process's environment holds `tag` (a `NAME=value` entry); Linux only. */
export function carriesTag(pid: number, tag: string): boolean {
  let environ: Buffer;
  try {
    environ = readFileSync(`/proc/${pid}/environ`);
  } catch {
    return false; // gone, or not ours to read
  }
  return `\0${environ.toString('latin1')}\0`.includes(`\0${tag}\0`);
}

/**
 * Whether `rootPid` and its process group are still the ones we started. Linux never hands out a pid
 * that is still some group's id, so while our group lives, a process holding `rootPid` is our root.
 */
function rootIsOurs(now: ProcessInfo | undefined, rootStart: string | undefined): boolean {
  return now === undefined || rootStart === undefined || now.start === rootStart;
}

export interface SignalDeps {
  kill(pid: number, signal: NodeJS.Signals): void;
  /** The sudo program, or null to not try one. */
  sudo(): string | null;
  run(file: string, args: string[]): void;
  /** Whether pid still names the process that started at `start` (default: /proc). */
  isRunning?(pid: number, start: string): boolean;
}

const realSignalDeps: SignalDeps = {
  kill: (pid, signal) => process.kill(pid, signal),
  // Found on PATH by spawnSync; on a machine without sudo the spawn fails quietly (ENOENT), as intended.
  sudo: () => 'sudo',
  run: (file, args) => {
    spawnSync(file, args, { stdio: 'ignore' });
  },
};

/**
 * Sends `signal`; a process we may not signal (a `sudo` child running as root) is signalled through
 * `sudo -n`. With `start`, that is done only while the pid still names the same process: checked
 * right before the call, since a root-privileged kill of a reused pid would hit a stranger.
 */
export function sendSignal(
  pid: number,
  signal: NodeJS.Signals,
  deps: SignalDeps = realSignalDeps,
  start?: string,
): void {
  try {
    deps.kill(pid, signal);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM') return; // ESRCH: already gone
    const sudo = deps.sudo();
    if (!sudo || pid <= 0) return;
    if (start !== undefined && !(deps.isRunning ?? isRunning)(pid, start)) return;
    deps.run(sudo, ['-n', 'kill', '-s', signal.replace(/^SIG/, ''), String(pid)]);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntilGone(members: Map<number, string>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    const alive = [...members].some(([pid, start]) => isRunning(pid, start));
    if (!alive) return true;
    if (Date.now() >= deadline) return false;
    await sleep(Math.min(25, Math.max(1, deadline - Date.now())));
  }
}

export interface KillOptions {
  /** How long members get to exit after SIGTERM before SIGKILL. */
  graceMs: number;
  /** The root's start time, taken when it was spawned: guards against its pid being reused since. */
  rootStart?: string;
  /** `NAME=value` set in the environment of every process of the tree (see `carriesTag`). */
  tag?: string;
}

/**
 * Terminates the tree of `rootPid` (which was spawned detached, so it leads its own process group).
 * Resolves once every member is gone or, at worst, right after SIGKILL was sent to the survivors.
 */
export async function killProcessTree(rootPid: number, options: KillOptions): Promise<void> {
  if (process.platform === 'win32') {
    spawnSync('taskkill', ['/T', '/F', '/PID', String(rootPid)], { stdio: 'ignore' });
    return;
  }
  const { rootStart, tag } = options;
  const groupIsOurs = () => rootIsOurs(processInfo(rootPid), rootStart);
  const members = snapshotTree(rootPid, new Map(), rootStart, tag);
  if (groupIsOurs()) sendSignal(-rootPid, 'SIGTERM');
  for (const [pid, start] of members) sendSignal(pid, 'SIGTERM', realSignalDeps, start);
  if (await waitUntilGone(members, options.graceMs)) return;

  // Survivors, plus whatever they started during the grace period.
  for (const [pid, start] of snapshotTree(rootPid, members, rootStart, tag)) members.set(pid, start);
  if (groupIsOurs()) sendSignal(-rootPid, 'SIGKILL');
  for (const [pid, start] of members)
    if (isRunning(pid, start)) sendSignal(pid, 'SIGKILL', realSignalDeps, start);
  await waitUntilGone(members, 1000);
}
