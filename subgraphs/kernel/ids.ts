import { randomBytes } from 'node:crypto';

/**
 * Portable string ids (same on SQLite and MongoDB), time-ordered so that the
 * id doubles as a stable tie-breaker for "newest first" pagination:
 * 12 hex digits of milliseconds, then 20 random hex digits.
 */
export function newId(now: number = Date.now()): string {
  return now.toString(16).padStart(12, '0') + randomBytes(10).toString('hex');
}
