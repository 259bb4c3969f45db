import { isConfigurationError } from './errors';
import { redact } from './redact';
import { runner } from './runner';

/** The runner-protocol functions runAction uses to report the step's failure (`runner`; tests inject a fake). */
export interface RunnerStatus {
  setFailed(message: string): void;
  info(message: string): void;
}

export interface RunDeps {
  runner?: RunnerStatus;
  /** Sets the process exit code (default: `process.exitCode = code`). */
  setExitCode?: (code: number) => void;
}

/**
 * Runs an action's main function. A ConfigurationError (a user mistake) becomes one `::error::`
 * line and exit code 1; anything else is reported as a bug in qeml-actions with its stack, exit code 1.
 * Messages are redacted before they are printed.
 */
export async function runAction(main: () => Promise<void> | void, deps: RunDeps = {}): Promise<void> {
  const actions = deps.runner ?? runner;
  const setExitCode =
    deps.setExitCode ??
    ((code: number) => {
      process.exitCode = code;
    });
  try {
    await main();
  } catch (error) {
    if (isConfigurationError(error)) {
      actions.setFailed(redact(error.message));
    } else {
      const message = error instanceof Error ? error.message : String(error);
      actions.setFailed(
        redact(`Unexpected error (a bug in qeml-actions, please report it with this log): ${message}`),
      );
      const stack = error instanceof Error ? error.stack : undefined;
      if (stack) actions.info(redact(stack));
    }
    setExitCode(1);
  }
}
