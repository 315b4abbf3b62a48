import { randomBytes } from 'node:crypto';

/**
 * Portable string ids (same on SQLite and MongoDB), time-ordered so that the
 * id doubles as a stable tie-breaker for "newest first" pagination and keeps
 * outbox events in the order they were written: 12 hex digits of
 * milliseconds, a 4-digit sequence within the millisecond, 16 random digits.
 * Within one process ids strictly increase, even within one millisecond or
 * when the clock steps back.
 */
let lastMs = 0;
let sequence = 0;

export function newId(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
  } else if (++sequence > 0xffff) {
    lastMs += 1;
    sequence = 0;
  }
  return lastMs.toString(16).padStart(12, '0') + sequence.toString(16).padStart(4, '0') + randomBytes(8).toString('hex');
}
