/**
 * The user's commands (deploy, rollback, traffic, switch, health) run as a `run:` step would run
 * them: bash -eo pipefail, the whole process tree killed on timeout. The retry action's attempt
 * runner does exactly that, so it is reused rather than copied.
 */
import type { Writable } from 'node:stream';
import { runCommandAttempt } from '@qeml/retry/attempt';
import { commandEnvironment } from '@qeml/retry/child-env';
import { resolveShell, type ShellSpec } from '@qeml/retry/shell';
import type { CommandRunner } from './types';

export interface ShellRunnerOptions {
  /** The step's environment; commands get it without INPUT_* and the runtime tokens, as a run: step. */
  env: NodeJS.ProcessEnv;
  workspace: string;
  tempDir: string;
  stdout: Writable;
  stderr: Writable;
  signal?: AbortSignal;
  killGraceMs?: number;
  /** Prints a line before each command runs (for the log). */
  announce?: (line: string) => void;
}

export function createShellCommandRunner(options: ShellRunnerOptions): CommandRunner {
  const shell = resolveShell('') as ShellSpec;
  const base = commandEnvironment(options.env);
  return async (request) => {
    options.announce?.(`Running ${request.label}`);
    const result = await runCommandAttempt({
      script: request.script,
      shell,
      workingDirectory: options.workspace,
      tempDir: options.tempDir,
      env: { ...base, ...request.env },
      timeoutMs: request.timeoutMs,
      timeoutReason: `timed out after ${Math.round(request.timeoutMs / 1000)}s`,
      killGraceMs: options.killGraceMs ?? 5000,
      ...(options.signal ? { signal: options.signal } : {}),
      stdout: options.stdout,
      stderr: options.stderr,
    });
    return {
      ok: result.outcome === 'success',
      timedOut: result.outcome === 'timeout',
      exitCode: result.exitCode,
      reason: result.reason,
    };
  };
}
