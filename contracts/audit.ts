import type { Caller } from '../platform/caller';
import type { ServiceName } from '../platform/config';

/**
 * The audit trail of who changed what. Catalog owns the store (and the ADMIN
 * `auditLog` query); a subgraph that changes something else adds an
 * `audit.recorded` event to its outbox in the same unit of work as the change,
 * and catalog consumes it idempotently, so no entry is lost.
 */

export const AUDIT_RECORDED = 'audit.recorded';

/** A JSON object describing an entity's state (only the fields that matter for the change). */
export type AuditState = Record<string, unknown>;

/** The `audit.recorded` payload; a type (not an interface) so it is a valid event payload. */
export type AuditRecord = {
  /** ISO-8601 time of the change, from the service's clock. */
  readonly at: string;
  /** A user id, `service:<name>` for a subgraph calling another, or `system:<name>` for the service itself. */
  readonly actorId: string;
  readonly actorRoles: readonly string[];
  /** The API key's `<service account>/<key name>` when a key acted (actorId is then `apikey:<key id>`); null for people and services. */
  readonly actorName?: string | null;
  readonly service: ServiceName;
  /** Dotted `<entity>.<verb>`: `product.created`, `stock.adjusted`, `reservation.expired`. */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly reason: string | null;
  /** Null for a creation. */
  readonly before: AuditState | null;
  readonly after: AuditState | null;
};

export interface AuditChange {
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before: AuditState | null;
  readonly after: AuditState | null;
  readonly reason?: string | null;
}

/** The record of `change` made by `caller` (null: the service on its own, such as an expiry sweep). */
export function auditRecord(service: ServiceName, caller: Caller | null, at: Date, change: AuditChange): AuditRecord {
  return {
    at: at.toISOString(),
    actorId: caller?.userId ?? `system:${service}`,
    actorRoles: caller ? [...caller.roles] : [],
    actorName: caller?.apiKey?.name ?? null,
    service,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    reason: change.reason ?? null,
    before: change.before,
    after: change.after,
  };
}

/** Reads an `audit.recorded` payload from the bus; null when it is not one. */
export function parseAuditRecord(payload: Record<string, unknown>): AuditRecord | null {
  const { at, actorId, actorRoles, actorName, service, action, entityType, entityId, reason, before, after } = payload;
  const strings = [at, actorId, service, action, entityType, entityId];
  if (!strings.every((value) => typeof value === 'string' && value !== '')) return null;
  if (Number.isNaN(Date.parse(at as string))) return null;
  if (!Array.isArray(actorRoles) || !actorRoles.every((role) => typeof role === 'string')) return null;
  if (reason !== null && typeof reason !== 'string') return null;
  if (actorName !== undefined && actorName !== null && typeof actorName !== 'string') return null;
  const isState = (value: unknown) => value === null || (typeof value === 'object' && !Array.isArray(value));
  if (!isState(before) || !isState(after)) return null;
  return payload as AuditRecord;
}

/**
 * The fields that differ between two states, each side holding only those,
 * so an update's entry reads as "price 1200 → 1500" rather than two copies.
 */
export function changedFields(before: AuditState, after: AuditState): { before: AuditState; after: AuditState } | null {
  const changed = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  if (changed.length === 0) return null;
  return {
    before: Object.fromEntries(changed.map((key) => [key, before[key] ?? null])),
    after: Object.fromEntries(changed.map((key) => [key, after[key]])),
  };
}
