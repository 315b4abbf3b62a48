import { setTimeout as delay } from 'node:timers/promises';
import { LockWaitTimeoutException, type EntityManager } from '@mikro-orm/core';

/**
 * A unit of work that mixes conditional native updates (compare-and-set
 * writes, which run at once) with persisted entities (outbox events, history
 * rows, which run at the flush): `work` runs and its entities are flushed in
 * ONE transaction wherever the driver's flushes are transactional (SQL), so a
 * compare-and-set and the records describing it commit together or not at
 * all. Where flushes are not transactional (MongoDB without implicit
 * transactions) the same code runs the writes in order, each atomic on its
 * own document; callers put the compare-and-set first, so a failure never
 * leaves records of a change that did not happen.
 *
 * A unit refused because another connection holds the database's write lock
 * (SQLite shared by several processes) is rolled back and run again.
 */

const LOCK_RETRIES = 100;

export async function atomically<T>(em: EntityManager, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return retryWhileLocked(async () => {
    if (em.config.get('implicitTransactions')) return em.transactional(work);
    const fork = em.fork();
    const result = await work(fork);
    await fork.flush();
    return result;
  });
}

/** Runs `fn` again, after a short random pause, while the database reports a lock held elsewhere. */
export async function retryWhileLocked<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof LockWaitTimeoutException) || attempt >= LOCK_RETRIES) throw error;
      await backoff(attempt);
    }
  }
}

/** Jittered exponential pause (1 ms up to 50 ms), so contenders spread out instead of colliding again. */
export function backoff(attempt: number): Promise<void> {
  const ceiling = Math.min(50, 2 ** Math.min(attempt, 6));
  return delay(1 + Math.floor(Math.random() * ceiling));
}
