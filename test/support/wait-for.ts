export interface WaitForOptions {
  /** Give up after this many milliseconds. */
  readonly timeout?: number;
  /** Milliseconds between polls. */
  readonly interval?: number;
}

/**
 * Polls `fn` until it returns a truthy value and resolves to that value, so
 * tests wait on a condition instead of a fixed sleep. A throw (e.g. a failing
 * jest assertion) counts as "not yet" and is reported if time runs out.
 */
export async function waitFor<T>(fn: () => T | Promise<T>, { timeout = 5000, interval = 10 }: WaitForOptions = {}): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    let failure: unknown;
    try {
      const value = await fn();
      if (value) return value;
    } catch (err) {
      failure = err;
    }
    if (Date.now() >= deadline) {
      const reason = failure instanceof Error ? failure.message : failure === undefined ? 'condition still falsy' : String(failure);
      throw new Error(`waitFor timed out after ${timeout}ms: ${reason}`, { cause: failure });
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
