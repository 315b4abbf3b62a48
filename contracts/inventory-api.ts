/**
 * Inventory's contract with the other subgraphs, in contracts/ because a
 * subgraph never imports another's folder: the domain events it emits and
 * the internal reservation operations orders calls.
 *
 * Internal operations (`deps.internal.request('inventory', RESERVE_STOCK, { orderId, lines })`):
 * SERVICE callers only and `@inaccessible`, so the gateway never exposes them.
 * - reserveStock(orderId, lines): all lines or none, each line taken from the
 *   active warehouses by the allocation rule (highest priority, then most
 *   available; split when one cannot fill it), the reservation recording which
 *   warehouse gave what, so commit, release, return and expiry move exactly those
 *   units. Too little stock in the active warehouses together: CONFLICT
 *   with `extensions.shortages` ({ productId, requested, available }[]). Idempotent
 *   by orderId: the same lines again answer the existing reservation (whatever its
 *   status now), other lines are a CONFLICT. An ACTIVE reservation expires after
 *   RESERVATION_TTL_SECONDS, releasing its stock and emitting `reservation.expired`.
 * - commitReservation(orderId): the reserved units leave stock (sold). Idempotent;
 *   CONFLICT once released or expired (a reservation past expiresAt that the sweep
 *   has not reached yet still commits); NOT_FOUND for an order never reserved.
 * - releaseReservation(orderId, reason): the units return to available. Idempotent;
 *   CONFLICT once committed. Releasing an order never reserved records the release,
 *   so a late reserveStock for that order is refused instead of holding stock.
 * - returnReservation(orderId, reason): the units of a COMMITTED reservation go
 *   back on hand (a paid order cancelled, or refunded in full, before it shipped),
 *   and it becomes RETURNED. Idempotent; CONFLICT for a reservation that was never
 *   committed; NOT_FOUND for an order never reserved.
 * - reservation(orderId): the reservation as it is now, or null.
 * - adjustStock(productId, delta, reason, idempotencyKey, warehouseId): the staff
 *   operation, open to SERVICE callers too (shipping puts returned units back on
 *   hand through it, so they are moved and audited like any adjustment; its
 *   productId is then the returned variant's id, stock rows being per variant);
 *   the same key again counts once; without a warehouseId, the default warehouse.
 * A CONFLICT with `extensions.retryable: true` means another call for the same
 * order is still running: retry shortly.
 */

export const INVENTORY_EVENTS = {
  /** A reservation was taken: `ReservationPayload` with `expiresAt`. */
  reserved: 'stock.reserved',
  /** A reservation was released on request: `ReservationPayload` with `reason`. */
  released: 'stock.released',
  /** A reservation became a sale: `ReservationPayload`. */
  committed: 'stock.committed',
  /** A sale was taken back before it shipped, its units on hand again: `ReservationPayload` with `reason`. */
  returned: 'stock.returned',
  /** A reservation's time ran out and its stock was released: `ReservationPayload`. Orders cancel the unpaid order. */
  expired: 'reservation.expired',
  /** Available stock fell to the product's threshold or below (from above it): `StockThresholdPayload`. */
  low: 'stock.low',
  /** Available stock rose above the threshold again: `StockThresholdPayload`. */
  replenished: 'stock.replenished',
} as const;

export type ReservationLine = { readonly productId: string; readonly quantity: number };

export type ReservationStatusName = 'PENDING' | 'ACTIVE' | 'COMMITTED' | 'RELEASED' | 'EXPIRED' | 'RETURNED';

export type ReservationPayload = {
  readonly orderId: string;
  readonly lines: readonly ReservationLine[];
  readonly expiresAt?: string;
  readonly reason?: string | null;
};

export type StockThresholdPayload = {
  readonly productId: string;
  readonly onHand: number;
  readonly reserved: number;
  readonly available: number;
  readonly threshold: number;
};

/** One product a reservation could not get enough of, in a CONFLICT's `extensions.shortages`. */
export type Shortage = { readonly productId: string; readonly requested: number; readonly available: number };

export interface ReservationResult {
  readonly orderId: string;
  readonly status: ReservationStatusName;
  readonly lines: ReservationLine[];
  readonly expiresAt: string;
}

const RESERVATION_FIELDS = 'orderId status lines { productId quantity } expiresAt';

export const RESERVE_STOCK = `mutation ReserveStock($orderId: ID!, $lines: [ReservationLineInput!]!) {
  reserveStock(orderId: $orderId, lines: $lines) { ${RESERVATION_FIELDS} }
}`;
export type ReserveStockData = { readonly reserveStock: ReservationResult };

export const COMMIT_RESERVATION = `mutation CommitReservation($orderId: ID!) {
  commitReservation(orderId: $orderId) { ${RESERVATION_FIELDS} }
}`;
export type CommitReservationData = { readonly commitReservation: ReservationResult };

export const RELEASE_RESERVATION = `mutation ReleaseReservation($orderId: ID!, $reason: String) {
  releaseReservation(orderId: $orderId, reason: $reason) { ${RESERVATION_FIELDS} }
}`;
export type ReleaseReservationData = { readonly releaseReservation: ReservationResult };

export const RETURN_RESERVATION = `mutation ReturnReservation($orderId: ID!, $reason: String) {
  returnReservation(orderId: $orderId, reason: $reason) { ${RESERVATION_FIELDS} }
}`;
export type ReturnReservationData = { readonly returnReservation: ReservationResult };

export const ADJUST_STOCK = `mutation AdjustStock($productId: ID!, $delta: Int!, $reason: String!, $idempotencyKey: String) {
  adjustStock(productId: $productId, delta: $delta, reason: $reason, idempotencyKey: $idempotencyKey) { productId onHand }
}`;
export type AdjustStockData = { readonly adjustStock: { readonly productId: string; readonly onHand: number } };
