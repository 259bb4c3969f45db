import type { AnnotationProperties } from '@qeml/runner-protocol';

/** Where an annotation points (the runner's `file`, `line`, `endLine`, `col`, `endColumn`, `title`). */
export type { AnnotationProperties };

/** How engines log: the same code runs in an action (the runner) and in the CLI (console). */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string, properties?: AnnotationProperties): void;
  error(message: string, properties?: AnnotationProperties): void;
  /** Runs `fn` inside a collapsible group (an indented section on a console). */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

export interface ConsoleLoggerOptions {
  /** Where lines go (default: stdout for info/debug, stderr for warnings and errors). */
  write?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Show debug messages (hidden by default, as on the runner without ACTIONS_STEP_DEBUG). */
  verbose?: boolean;
}

/** Logs for a person at a terminal: what the runner would show, without `::` commands; groups as indented headers. */
export function createConsoleLogger(options: ConsoleLoggerOptions = {}): Logger {
  const write =
    options.write ??
    ((line, stream) => (stream === 'stderr' ? process.stderr : process.stdout).write(`${line}\n`));
  let depth = 0;
  const emit = (text: string, stream: 'stdout' | 'stderr') => {
    const indent = '  '.repeat(depth);
    for (const line of text.split(/\r?\n/)) write(indent + line, stream);
  };
  return {
    debug(message) {
      if (options.verbose) emit(`debug: ${message}`, 'stdout');
    },
    info: (message) => emit(message, 'stdout'),
    warning: (message, properties) => emit(`warning${where(properties)}: ${message}`, 'stderr'),
    error: (message, properties) => emit(`error${where(properties)}: ${message}`, 'stderr'),
    async group(name, fn) {
      emit(`▸ ${name}`, 'stdout');
      depth++;
      try {
        return await fn();
      } finally {
        depth--;
      }
    },
  };
}

function where(properties: AnnotationProperties | undefined): string {
  if (!properties?.file) return properties?.title ? ` (${properties.title})` : '';
  const line = properties.startLine ? `:${properties.startLine}` : '';
  const column = properties.startLine && properties.startColumn ? `:${properties.startColumn}` : '';
  return ` ${properties.file}${line}${column}${properties.title ? ` (${properties.title})` : ''}`;
}

/** A logger that drops everything (default for library code called without one). */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warning: () => {},
  error: () => {},
  group: (_name, fn) => fn(),
};
