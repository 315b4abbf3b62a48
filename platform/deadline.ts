import { tryAgain } from './errors';
import { remainingMs } from './request-scope';

/**
 * Deadlines (docs/architecture.md, "Deadlines and load shedding"): a caller that gives up after `timeoutMs`
 * tells the callee to be done a margin earlier, so an answer given in time
 * also arrives in time (the way back, and event-loop lag under load). Work
 * that cannot be done before the deadline is refused before any side effect
 * with TRY_AGAIN; work that finished late is undone by its service.
 */

const MAX_MARGIN_MS = 500;

/** The deadline to send with a call its sender abandons after `timeoutMs`. */
export function deadlineWithin(timeoutMs: number, now: number = Date.now()): number {
  return now + timeoutMs - Math.min(MAX_MARGIN_MS, Math.floor(timeoutMs / 4));
}

/** True once the current request's caller has stopped waiting. */
export function pastDeadline(now: number = Date.now()): boolean {
  return remainingMs(now) <= 0;
}

/** Refuses, before any side effect, work whose caller has stopped waiting (or will before `needsMs` have passed). */
export function checkDeadline(what: string, needsMs = 0): void {
  const left = remainingMs();
  if (left <= needsMs) throw tryAgain(`Too busy to ${what} before the request's deadline; nothing was done`);
}
