import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import type { OutputProcessor } from './output-processor';

export interface PhaseProcessOptions {
  node: string;
  script: string;
  env: Record<string, string>;
  cwd: string;
  /** Parses output; absent in passthrough mode, where output goes raw to this process. */
  processor?: OutputProcessor;
  signal?: AbortSignal;
  timeoutMs?: number;
  cancelGraceMs: number;
  killGraceMs: number;
  /** Directory for the peak-RSS preload and its report; absent when not measuring. */
  peakRssDirectory?: string;
}

export interface PhaseProcessResult {
  exitCode: number;
  signal: NodeJS.Signals | null;
  cancelled: boolean;
  timedOut: boolean;
  peakRssBytes?: number;
}

// Output still arriving this long after the process exited comes from a leftover grandchild.
const STREAM_DRAIN_MS = 1000;

/** Runs one phase's script with node and ends it like the runner: SIGINT, SIGTERM, then SIGKILL. */
export function runPhaseProcess(options: PhaseProcessOptions): Promise<PhaseProcessResult> {
  const args: string[] = [];
  const rssReport = options.peakRssDirectory ? join(options.peakRssDirectory, 'peak-rss.txt') : undefined;
  if (options.peakRssDirectory && rssReport) {
    args.push('--require', writePeakRssPreload(options.peakRssDirectory, rssReport));
  }
  args.push(options.script);
  const groupKill = process.platform !== 'win32';
  const child = spawn(options.node, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: groupKill, // own process group, so the final kill reaches the whole tree
    windowsHide: true,
  });

  const { processor } = options;
  if (processor) {
    for (const stream of [child.stdout, child.stderr]) {
      const splitter = processor.splitter();
      stream.on('data', (chunk: Buffer) => splitter.push(chunk));
      stream.on('end', () => splitter.end());
    }
  } else {
    child.stdout.pipe(process.stdout, { end: false });
    child.stderr.pipe(process.stderr, { end: false });
  }

  let cancelled = false;
  let timedOut = false;
  const timers: NodeJS.Timeout[] = [];
  // SIGINT and SIGTERM go to the node process only, SIGKILL to its whole group (ProcessInvoker.cs:
  // kill(pid, SIGINT), kill(pid, SIGTERM), then the process tree is killed).
  const send = (signal: NodeJS.Signals) => {
    try {
      if (signal === 'SIGKILL' && groupKill && child.pid !== undefined) process.kill(-child.pid, signal);
      else child.kill(signal);
    } catch {
      // already gone
    }
  };
  const stop = () => {
    if (timers.length > 0) return;
    send('SIGINT');
    timers.push(
      setTimeout(() => {
        send('SIGTERM');
        timers.push(setTimeout(() => send('SIGKILL'), options.killGraceMs));
      }, options.cancelGraceMs),
    );
  };
  const onAbort = () => {
    cancelled = true;
    stop();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timeout =
    options.timeoutMs !== undefined
      ? setTimeout(() => {
          timedOut = true;
          stop();
        }, options.timeoutMs)
      : undefined;

  return new Promise((resolve, reject) => {
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let drain: NodeJS.Timeout | undefined;
    const cleanup = () => {
      options.signal?.removeEventListener('abort', onAbort);
      if (timeout) clearTimeout(timeout);
      if (drain) clearTimeout(drain);
      for (const timer of timers) clearTimeout(timer);
    };
    child.on('error', (error) => {
      cleanup();
      reject(new Error(`Cannot run node binary '${options.node}': ${error.message}`));
    });
    let settled = false;
    const finish = () => {
      if (!exit || settled) return;
      settled = true;
      cleanup();
      const signalNumber = exit.signal ? (constants.signals[exit.signal] ?? 0) : 0;
      resolve({
        exitCode: exit.code ?? 128 + signalNumber,
        signal: exit.signal,
        cancelled,
        timedOut,
        ...peakRss(rssReport),
      });
    };
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      // A cancelled or timed-out step ends its job, and the runner's job cleanup then kills what
      // the action left running (processes tagged with the job's RUNNER_TRACKING_ID): here, the
      // rest of the action's process group.
      if ((cancelled || timedOut) && groupKill && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // the group is already empty
        }
      }
      drain = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish();
      }, STREAM_DRAIN_MS);
    });
    child.on('close', finish);
  });
}

function writePeakRssPreload(directory: string, report: string): string {
  mkdirSync(directory, { recursive: true });
  const preload = join(directory, 'peak-rss.cjs');
  // maxRSS is in KiB on every platform Node supports.
  writeFileSync(
    preload,
    `process.on('exit', function () {\n` +
      `  try { require('fs').writeFileSync(${JSON.stringify(report)}, String(process.resourceUsage().maxRSS * 1024)); } catch (e) {}\n` +
      `});\n`,
  );
  return preload;
}

function peakRss(report: string | undefined): { peakRssBytes?: number } {
  if (!report) return {};
  try {
    const bytes = Number(readFileSync(report, 'utf8'));
    return Number.isFinite(bytes) && bytes > 0 ? { peakRssBytes: bytes } : {};
  } catch {
    return {}; // killed before it could report
  }
}
