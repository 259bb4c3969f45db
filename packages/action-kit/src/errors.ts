/**
 * A mistake the user can fix (a bad input, a missing file, a wrong setting). `runAction` reports it as
 * one clear failure line instead of a bug report with a stack.
 */
export class ConfigurationError extends Error {
  /** One entry per problem found; the message holds them one per line. */
  readonly problems: readonly string[];

  constructor(problems: string | readonly string[], options?: { cause?: unknown }) {
    const list = typeof problems === 'string' ? [problems] : [...problems];
    super(list.join('\n'), options);
    this.name = 'ConfigurationError';
    this.problems = list;
  }
}

/** True for a ConfigurationError, also one created by another copy of this package (two bundles). */
export function isConfigurationError(error: unknown): error is ConfigurationError {
  return (
    error instanceof ConfigurationError || (error instanceof Error && error.name === 'ConfigurationError')
  );
}
