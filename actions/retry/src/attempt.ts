/**
 * Runs one attempt of a shell command: spawn it detached (its own process group), stream its output
 * live, watch lines for patterns, enforce the time limit by killing the whole tree, and capture the
 * file commands it wrote.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { constants } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { ConfigurationError } from '@qeml/action-kit';
import { formatFileCommands } from '@qeml/runner-protocol';
import { TRACKING_VARIABLE } from './child-env';
import { type CapturedFiles, createAttemptFiles } from './file-commands';
import { LiveOutput } from './live-output';
import { LineScanner, type OutputPattern, type OutputVerdict } from './output-match';
import { killProcessTree, processStartTime } from './process-tree';
import { type ShellSpec, shellCommand, writeScript } from './shell';
import type { AttemptDiagnosis } from './transient';

export type AttemptOutcome = 'success' | 'failure' | 'timeout' | 'cancelled';

/** What one attempt did, whatever ran in it (a command or an action). */
export interface AttemptResult {
  outcome: AttemptOutcome;
  /** Exit code (128 + signal number when a signal ended it); null when it never started. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Why it failed, for people ("exit code 2", "timed out after 30s"); empty on success. */
  reason: string;
  output: OutputVerdict;
  /** File commands written during the attempt (committed only if it is the successful one). */
  files: CapturedFiles;
  /** The last line with text the attempt wrote to stderr (or the action's last error), for `exit-error`. */
  lastError?: string;
  /** The diagnosis engine's view of a failed attempt's output (only with `retry-on: transient`). */
  diagnosis?: AttemptDiagnosis;
}

export interface CommandAttempt {
  script: string;
  shell: ShellSpec;
  workingDirectory: string;
  /** Where the script and this attempt's file-command files go (RUNNER_TEMP). */
  tempDir: string;
  /** The complete environment of the command. */
  env: NodeJS.ProcessEnv;
  /** Time limit of this attempt; `timeoutReason` says how to report hitting it. */
  timeoutMs?: number;
  timeoutReason?: string;
  killGraceMs: number;
  signal?: AbortSignal;
  retryOnOutput?: readonly OutputPattern[];
  stopOnOutput?: readonly OutputPattern[];
  /** Receives every chunk of output (stdout and stderr), e.g. for the diagnosis engine. */
  observe?: (chunk: Buffer) => void;
  stdout: Writable;
  stderr: Writable;
}

/** After the shell exits, output still held open by a background child is waited for this long without data, */
const DRAIN_IDLE_MS = 300;
/** and never longer than this in all, even while a background child keeps writing (a run step does not wait for it). */
const DRAIN_MAX_MS = 2000;
/** The runner escalates a cancellation to SIGKILL of this action after 7.5 s: kill the tree well before. */
const CANCEL_GRACE_CAP_MS = 5000;

function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return signal ? 128 + (constants.signals[signal] ?? 0) : 1;
}

export async function runCommandAttempt(options: CommandAttempt): Promise<AttemptResult> {
  const files = await createAttemptFiles(options.tempDir, 'attempt');
  let scriptPath: string | undefined;
  const verdict: OutputVerdict = {};
  try {
    // Inside the try: whatever fails from here on, the attempt's files and script are removed.
    scriptPath = await writeScript(options.shell, options.script, options.tempDir);
    const command = shellCommand(options.shell, scriptPath, options.env);
    const patterns = [options.retryOnOutput ?? [], options.stopOnOutput ?? []] as const;
    // Every process of this attempt inherits the tag, so a daemon that escaped the group is found.
    const trackingId = randomUUID();
    const tag = `${TRACKING_VARIABLE}=${trackingId}`;
    const child = spawn(command.file, command.args, {
      cwd: options.workingDirectory,
      env: { ...options.env, ...files.env, [TRACKING_VARIABLE]: trackingId },
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsVerbatimArguments: command.verbatim,
      windowsHide: true,
    });
    // Who the root is, taken now: by the time its tree is killed, its pid may belong to someone else.
    const rootStart = child.pid === undefined ? undefined : processStartTime(child.pid);

    let lastData = Date.now();
    const streams = [
      [child.stdout, options.stdout],
      [child.stderr, options.stderr],
    ] as const;
    const live = streams.map(([from, to], index) => {
      const output = new LiveOutput({ rememberLastLine: index === 1 });
      from.pipe(output).pipe(to, { end: false });
      return output;
    });
    for (const [from] of streams) {
      from.on('data', () => {
        lastData = Date.now();
      });
      if (options.observe) from.on('data', options.observe);
      if (patterns[0].length + patterns[1].length > 0) {
        const scanner = new LineScanner(patterns[0], patterns[1], verdict);
        from.on('data', (chunk: Buffer) => scanner.write(chunk));
        from.on('end', () => scanner.end());
      }
    }

    let ending: 'timeout' | 'cancelled' | undefined;
    let killing: Promise<void> | undefined;
    const stop = (why: 'timeout' | 'cancelled', graceMs: number) => {
      if (ending || child.pid === undefined) return;
      ending = why;
      killing = killProcessTree(child.pid, { graceMs, rootStart, tag });
    };
    const timer =
      options.timeoutMs !== undefined
        ? setTimeout(() => stop('timeout', options.killGraceMs), Math.max(0, options.timeoutMs))
        : undefined;
    const onAbort = () => stop('cancelled', Math.min(options.killGraceMs, CANCEL_GRACE_CAP_MS));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) onAbort();

    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
      (resolve, reject) => {
        child.once('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') {
            reject(new ConfigurationError(`Input 'shell': '${command.file}' was not found on this runner`));
          } else reject(error);
        });
        child.once('exit', (code, signal) => resolve({ code, signal }));
      },
    );
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    await drain(child.stdout, child.stderr, () => lastData, [options.stdout, options.stderr]);
    await Promise.all(
      streams.map(async ([from, to], index) => {
        const output = live[index] as LiveOutput;
        from.unpipe(output);
        // Ending it ends an unterminated last line before the log goes on (the pipe from a
        // stream that closed normally has ended it already).
        if (!output.writableEnded) output.end();
        if (!output.readableEnded) await once(output, 'end');
        output.unpipe(to);
      }),
    );
    await killing;

    const exitCode = exitCodeOf(exit.code, exit.signal);
    if (!ending && exitCode !== 0 && child.pid !== undefined && process.platform !== 'win32') {
      // A failed attempt leaves nothing behind to disturb the next one.
      await killProcessTree(child.pid, { graceMs: options.killGraceMs, rootStart, tag });
    }
    // Legacy `::set-output` lines count as this attempt's outputs, like what it wrote to $GITHUB_OUTPUT.
    const legacyOutputs = Object.fromEntries(
      live.flatMap((output) => output.outputs.map((o) => [o.name, o.value])),
    );
    const captured = await files.read();
    if (Object.keys(legacyOutputs).length > 0) {
      const before = captured.GITHUB_OUTPUT;
      const separator = before === '' || before.endsWith('\n') ? '' : '\n';
      captured.GITHUB_OUTPUT = before + separator + formatFileCommands(legacyOutputs, randomUUID);
    }
    const base = {
      exitCode,
      signal: exit.signal,
      output: verdict,
      lastError: live[1]?.lastLine ?? '',
      files: captured,
    };
    if (ending === 'cancelled') return { ...base, outcome: 'cancelled', reason: 'cancelled' };
    if (ending === 'timeout')
      return { ...base, outcome: 'timeout', reason: options.timeoutReason ?? 'timed out' };
    if (exitCode === 0) return { ...base, outcome: 'success', reason: '' };
    const reason = exit.signal ? `killed by ${exit.signal}` : `exit code ${exitCode}`;
    return { ...base, outcome: 'failure', reason };
  } finally {
    await files.dispose();
    if (scriptPath) await rm(scriptPath, { force: true });
  }
}

/**
 * Waits for both pipes to close, or gives up once no data came for a while although our side is not
 * blocked, or after DRAIN_MAX_MS at most: then a background child of the command holds them open, and
 * it is not ours to wait for.
 */
async function drain(stdout: Readable, stderr: Readable, lastData: () => number, sinks: Writable[]) {
  const closed = (stream: Readable) =>
    new Promise<void>((resolve) => {
      if (stream.readableEnded || stream.destroyed) resolve();
      else {
        stream.once('end', resolve);
        stream.once('close', resolve);
      }
    });
  const giveUpAt = Date.now() + DRAIN_MAX_MS;
  let done = false;
  const both = Promise.all([closed(stdout), closed(stderr)]).then(() => {
    done = true;
  });
  while (!done) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([both, new Promise((resolve) => (timer = setTimeout(resolve, 50)))]);
    clearTimeout(timer); // a pending timer would keep the process alive after the last attempt
    const blocked = sinks.some((sink) => sink.writableNeedDrain);
    const idle = !blocked && Date.now() - lastData() > DRAIN_IDLE_MS;
    if (!done && (idle || Date.now() >= giveUpAt)) {
      stdout.destroy();
      stderr.destroy();
      return;
    }
  }
}
