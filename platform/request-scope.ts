import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * The request a piece of work runs for, carried through every await without
 * passing it by hand: the HTTP server opens a scope per request, log lines
 * written inside it carry its id, and internal calls to other subgraphs send
 * it on, so one checkout's log lines across four subgraphs share one id.
 */

export const REQUEST_ID_HEADER = 'x-request-id';
const MAX_REQUEST_ID_LENGTH = 128;

interface RequestScope {
  readonly requestId: string;
  /** When the caller stops waiting (ms since epoch, wall time), once a signed header said so; null: no deadline. */
  deadline: number | null;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `work` as part of request `requestId`. */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return storage.run({ requestId, deadline: null }, work);
}

/** Sets when the current request's caller stops waiting; only from a signed header (platform/context.ts). */
export function setRequestDeadline(deadline: number | null): void {
  const scope = storage.getStore();
  if (scope) scope.deadline = deadline;
}

/** When the current request's caller stops waiting; null outside a request or without a deadline. */
export function requestDeadline(): number | null {
  return storage.getStore()?.deadline ?? null;
}

/** Runs `work` in the current request but free of its deadline: undoing what the request did must finish even after its caller gave up. */
export function withoutDeadline<T>(work: () => T): T {
  return storage.run({ requestId: currentRequestId() ?? randomUUID(), deadline: null }, work);
}

/** Milliseconds left before the current request's caller stops waiting; Infinity without a deadline. */
export function remainingMs(now: number = Date.now()): number {
  const deadline = requestDeadline();
  return deadline === null ? Infinity : deadline - now;
}

/** The id of the request the caller runs for; undefined outside one (timers, start-up). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** The caller's request id when it sent a usable one, a new one otherwise. */
export function requestIdFrom(headers: IncomingHttpHeaders): string {
  const value = headers[REQUEST_ID_HEADER];
  const id = Array.isArray(value) ? value[0] : value;
  return id && id.length <= MAX_REQUEST_ID_LENGTH && /^[\w.:-]+$/.test(id) ? id : randomUUID();
}
