/**
 * Ctrl-C (SIGINT) or SIGTERM while a command runs a step: the step is cancelled the way the runner
 * cancels a job (its process tree is signalled and killed after a grace period) instead of the
 * CLI exiting and leaving the action and its children running.
 */
export async function whileInterruptible<T>(body: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const cancel = new AbortController();
  const onSignal = () => cancel.abort(new Error('cancelled from the terminal'));
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await body(cancel.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
