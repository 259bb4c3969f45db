/** Shared helpers of the retry e2e tests: run the bundle, check process liveness, wait for a PID file. */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { StepResult } from '@qeml/local-runner';
import { type BundleRunOptions, runBundle } from '../../support/bundle';

export function runRetryBundle(node: string, inputs: Record<string, string>, options: BundleRunOptions = {}) {
  return runBundle('retry', { node, inputs: { delay: '0', ...inputs }, ...options });
}

export const errors = (step: StepResult) => step.annotations.filter((a) => a.level === 'error');
export const warnings = (step: StepResult) => step.annotations.filter((a) => a.level === 'warning');

/** Alive = exists and is not a zombie (an exited process its new parent has not reaped yet). */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

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

/** A tree whose members ignore SIGTERM: two background children, one with a grandchild; 6 PIDs in $PIDFILE. */
export const STUBBORN_TREE = `
echo $$ >> "$PIDFILE"
bash -c 'trap "" TERM; echo $$ >> "$PIDFILE"; sleep 1000 & echo $! >> "$PIDFILE"; wait' &
bash -c 'trap "" TERM; echo $$ >> "$PIDFILE"; bash -c "sleep 1000 & echo \\$! >> \\"\\$PIDFILE\\"; wait" & echo $! >> "$PIDFILE"; wait' &
trap "" TERM
wait
`;
export const STUBBORN_TREE_SIZE = 6;
