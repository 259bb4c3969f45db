/**
 * MTTR as the issue defines it: per workflow and branch, each time the pipeline goes red (a failed
 * attempt after a green state), the time from that attempt's completion to the completion of the
 * next successful attempt (a re-run of the same run or a later run: an older run finishing late
 * recovers nothing). Red periods still open at the end of the window are reported apart. Attempts that neither pass nor fail (cancelled, skipped,
 * neutral) leave the state as it was; before the first green attempt the state is unknown, so a red
 * period that began before the window is not measured.
 */
import { type AttemptRecord, isFailure, type RunRecord, SUCCESS } from './records';

export interface Recovery {
  workflow: string;
  branch: string;
  /** The attempt that turned the pipeline red. */
  failedRunId: number;
  redSince: number;
  /** The successful attempt that ended it. */
  recoveredRunId: number;
  recoveredAt: number;
  durationMs: number;
}

export interface OpenRedPeriod {
  workflow: string;
  branch: string;
  failedRunId: number;
  redSince: number;
  /** Until the end of the window. */
  openMs: number;
}

interface TimedAttempt {
  run: RunRecord;
  attempt: AttemptRecord;
}

const isOlder = (a: RunRecord, b: RunRecord) =>
  a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);

export function recoveries(
  runs: readonly RunRecord[],
  windowEnd: number,
): {
  recoveries: Recovery[];
  open: OpenRedPeriod[];
} {
  const byPipeline = new Map<string, TimedAttempt[]>();
  for (const run of runs) {
    const key = `${run.workflow}\u0000${run.branch}`;
    const list = byPipeline.get(key) ?? [];
    for (const attempt of run.attempts) if (attempt.conclusion !== null) list.push({ run, attempt });
    byPipeline.set(key, list);
  }
  const found: Recovery[] = [];
  const open: OpenRedPeriod[] = [];
  for (const attempts of byPipeline.values()) {
    attempts.sort((a, b) => a.attempt.completedAt - b.attempt.completedAt || a.run.id - b.run.id);
    let state: 'unknown' | 'green' | 'red' = 'unknown';
    let red: TimedAttempt | undefined;
    for (const item of attempts) {
      const { conclusion } = item.attempt;
      if (conclusion === SUCCESS) {
        // A run created before the failed one (an older commit finishing late) recovers nothing.
        if (state === 'red' && red && item.run.id !== red.run.id && isOlder(item.run, red.run)) continue;
        if (state === 'red' && red) {
          found.push({
            workflow: red.run.workflow,
            branch: red.run.branch,
            failedRunId: red.run.id,
            redSince: red.attempt.completedAt,
            recoveredRunId: item.run.id,
            recoveredAt: item.attempt.completedAt,
            durationMs: item.attempt.completedAt - red.attempt.completedAt,
          });
        }
        state = 'green';
        red = undefined;
      } else if (isFailure(conclusion) && state === 'green') {
        state = 'red';
        red = item;
      }
    }
    if (state === 'red' && red) {
      open.push({
        workflow: red.run.workflow,
        branch: red.run.branch,
        failedRunId: red.run.id,
        redSince: red.attempt.completedAt,
        openMs: windowEnd - red.attempt.completedAt,
      });
    }
  }
  return { recoveries: found, open };
}
