/** Stopping twice (a test and its teardown, two signals) is harmless: later calls share the first run. */
export function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}
