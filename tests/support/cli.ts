import type { CliIO } from '@qeml/cli';
import { childEnv } from './run-temp';

/** A CliIO that keeps what a command prints, for tests of `qeml` subcommands. */
export function captureIO(
  cwd = process.cwd(),
  env: NodeJS.ProcessEnv = childEnv(),
): CliIO & { out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    cwd,
    out: () => stdout,
    err: () => stderr,
  };
}
