/**
 * Throttling port: counts attempts (failed logins, ...) per key. A key's
 * count restarts once `windowMs` passed without an attempt, so a slow but
 * steady stream keeps counting. Callers pass the time, so a test clock
 * drives expiry; callers decide what a count means (see the users
 * subgraph's LoginThrottle).
 */
export interface Attempts {
  readonly count: number;
  /** When the latest counted attempt happened (ms since epoch); null when count is 0. */
  readonly lastAt: number | null;
}

export const NO_ATTEMPTS: Attempts = Object.freeze({ count: 0, lastAt: null });

export interface AttemptCounter {
  get(key: string, now: number, windowMs: number): Promise<Attempts>;
  /** Counts one attempt atomically (concurrent hits all count) and returns the new state. */
  hit(key: string, now: number, windowMs: number): Promise<Attempts>;
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}
