/** The Logger of an action's edge (main.ts): engines get it through their deps and never see the runner. */
import type { AnnotationProperties, Logger } from './logger';
import { runner } from './runner';

/** The runner-protocol functions the runner logger uses (`runner`; tests pass a fake). */
export interface RunnerLogging {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string, properties?: AnnotationProperties): void;
  error(message: string, properties?: AnnotationProperties): void;
  startGroup(name: string): void;
  endGroup(): void;
}

/** Logs to the runner: `::debug::`, `::warning::`, `::error::` annotations and `::group::` sections. */
export function createRunnerLogger(actions: RunnerLogging = runner): Logger {
  return {
    debug: (message) => actions.debug(message),
    info: (message) => actions.info(message),
    warning: (message, properties) => actions.warning(message, properties ?? {}),
    error: (message, properties) => actions.error(message, properties ?? {}),
    async group(name, fn) {
      actions.startGroup(name);
      try {
        return await fn();
      } finally {
        actions.endGroup();
      }
    },
  };
}
