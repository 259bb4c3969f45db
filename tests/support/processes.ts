// Process helpers for tests that kill process trees: liveness by PID, PID files, a TERM-proof tree.
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Alive = exists and is not a zombie (an exited process its new parent has not reaped yet). Linux only. */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** Waits (up to 10 s) until `file` lists at least `count` PIDs, one a line; returns them. */
export async function waitForLines(file: string, count: number): Promise<number[]> {
  for (let i = 0; i < 1000; i++) {
    const pids = (await readFile(file, 'utf8').catch(() => '')).split('\n').filter(Boolean).map(Number);
    if (pids.length >= count) return pids;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${file} never got ${count} lines`);
}

/** Kills whatever a failed test left behind, so Jest never hangs on it. */
export function killLeftovers(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/**
 * A tree whose members all ignore SIGTERM, written to $PIDFILE as it starts: the script's shell, two
 * background children (one with a grandchild), an orphan whose parent already exited, and a child
 * in a session (and process group) of its own. Run it with `bash` and wait for STUBBORN_TREE_SIZE PIDs.
 */
export const STUBBORN_TREE = `
echo $$ >> "$PIDFILE"
bash -c 'trap "" TERM; echo $$ >> "$PIDFILE"; sleep 1000 & echo $! >> "$PIDFILE"; wait' &
bash -c 'trap "" TERM; echo $$ >> "$PIDFILE"; bash -c "sleep 1000 & echo \\$! >> \\"\\$PIDFILE\\"; wait" & echo $! >> "$PIDFILE"; wait' &
bash -c 'trap "" TERM; sleep 1000 & echo $! >> "$PIDFILE"' &
setsid bash -c 'trap "" TERM; echo $$ >> "$PIDFILE"; exec sleep 1000' &
trap "" TERM
wait
`;
export const STUBBORN_TREE_SIZE = 8;

/**
 * Writes STUBBORN_TREE and an empty PID file into `dir` (named after `name`): `run` starts the tree
 * from a bash script, `started()` waits until every member has written its PID and returns them.
 */
export async function stubbornTree(
  dir: string,
  name: string,
): Promise<{ run: string; started(): Promise<number[]> }> {
  const script = join(dir, `${name}.sh`);
  const pidFile = join(dir, `${name}.pids`);
  await writeFile(script, STUBBORN_TREE);
  await writeFile(pidFile, '');
  return {
    run: `export PIDFILE="${pidFile}"\nbash "${script}"`,
    started: () => waitForLines(pidFile, STUBBORN_TREE_SIZE),
  };
}
