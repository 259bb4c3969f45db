/** Shared helpers for the retry engine's unit tests: fake attempts, patterns, a plan, the engine's deps. */
import { PassThrough } from 'node:stream';
import { VirtualClock } from '@qeml/action-kit';
import type { AttemptResult, RetryDeps, RetryPlan } from '@qeml/retry';
import { RecordingLogger } from '../../support/recording-logger';
import { childEnv } from '../../support/run-temp';

export function attempt(overrides: Partial<AttemptResult> = {}): AttemptResult {
  const outcome = overrides.outcome ?? 'failure';
  return {
    outcome,
    exitCode: outcome === 'success' ? 0 : 1,
    signal: null,
    reason: outcome === 'success' ? '' : 'exit code 1',
    output: {},
    files: { GITHUB_OUTPUT: '', GITHUB_ENV: '', GITHUB_PATH: '' },
    ...overrides,
  };
}

export const pattern = (source: string) => {
  const re = new RegExp(source);
  return { source, test: (line: string) => re.test(line) };
};

export function plan(overrides: Partial<RetryPlan> = {}): RetryPlan {
  return {
    maxAttempts: 3,
    backoff: {
      strategy: 'exponential',
      initialDelayMs: 1000,
      maxDelayMs: 300_000,
      factor: 2,
      jitter: 'none',
    },
    retryOnError: true,
    retryOnTimeout: true,
    retryOnExitCodes: [],
    retryOnOutput: [],
    stopOnOutput: [],
    ...overrides,
  };
}

/** A stream that keeps what is written to it. */
export function sink() {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** The engine's deps for a test: a virtual clock, a recording logger, captured streams, `dir` as temp and workspace. */
export function retryDeps(dir: string, overrides: Partial<RetryDeps> = {}) {
  const [out, err] = [sink(), sink()];
  const logger = new RecordingLogger();
  const clock = new VirtualClock(Date.now());
  const deps: RetryDeps = {
    clock,
    logger,
    env: childEnv(),
    stdout: out.stream,
    stderr: err.stream,
    tempDir: dir,
    workspace: dir,
    ...overrides,
  };
  return { deps, logger, clock, stdout: out.text, stderr: err.text };
}
