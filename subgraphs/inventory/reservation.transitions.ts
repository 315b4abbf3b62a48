import { INVENTORY_EVENTS, type ReservationStatusName } from '../../contracts/inventory-api';
import { ReservationStatus } from './reservation.entity';
import { StockMovementKind } from './stock-movement.entity';
import type { StockLevels } from './stock.entity';

/**
 * A reservation's life, and every move the service makes on it:
 *
 *   reserveStock → PENDING → ACTIVE ─ commit → COMMITTED ─ return → RETURNED
 *                     │         ├──── release → RELEASED
 *                     └─────────┴──── expiry  → EXPIRED
 *
 * A move is a compare-and-set on the status read (reservation.service.ts), so
 * of a release, a commit and an expiry racing, exactly one applies.
 */

/** What orders ask of a reservation (contracts/inventory-api.ts). */
export type ReservationRequest = 'release' | 'commit' | 'return';

/**
 * - `move`: to the request's status, with its effect on stock;
 * - `done`: already where the request leads, answered as it is (so a repeated request changes nothing);
 * - `busy`: the reservation is still being taken; the caller retries;
 * - `refuse`: CONFLICT, the request cannot apply any more.
 */
export type Verdict = 'move' | 'done' | 'busy' | 'refuse';

export const RESERVATION_TRANSITIONS: Readonly<Record<ReservationRequest, Readonly<Record<ReservationStatusName, Verdict>>>> = {
  release: { PENDING: 'busy', ACTIVE: 'move', COMMITTED: 'refuse', RETURNED: 'refuse', RELEASED: 'done', EXPIRED: 'done' },
  commit: { PENDING: 'busy', ACTIVE: 'move', COMMITTED: 'done', RETURNED: 'refuse', RELEASED: 'refuse', EXPIRED: 'refuse' },
  return: { PENDING: 'busy', ACTIVE: 'refuse', COMMITTED: 'move', RETURNED: 'done', RELEASED: 'refuse', EXPIRED: 'refuse' },
};

export interface RequestEffect {
  readonly to: ReservationStatusName;
  readonly event: (typeof INVENTORY_EVENTS)['released' | 'committed' | 'returned'];
  /** The audit action. */
  readonly action: 'stock.released' | 'stock.committed' | 'stock.returned';
  readonly movement: StockMovementKind;
  /** What the move does to the stock of one line of `quantity` units. */
  readonly next: (levels: StockLevels, quantity: number) => StockLevels;
  /** What the CONFLICT says when the table refuses the request. */
  readonly refusal: (orderId: string, status: ReservationStatusName) => string;
}

export const REQUEST_EFFECTS: Readonly<Record<ReservationRequest, RequestEffect>> = {
  release: {
    to: ReservationStatus.RELEASED,
    event: INVENTORY_EVENTS.released,
    action: 'stock.released',
    movement: StockMovementKind.RELEASE,
    next: (levels, quantity) => ({ ...levels, reserved: levels.reserved - quantity }),
    refusal: (orderId, status) => `The reservation for order ${orderId} is already ${status.toLowerCase()} (the stock was sold); it is not held any more`,
  },
  commit: {
    to: ReservationStatus.COMMITTED,
    event: INVENTORY_EVENTS.committed,
    action: 'stock.committed',
    movement: StockMovementKind.COMMIT,
    next: (levels, quantity) => ({ ...levels, onHand: levels.onHand - quantity, reserved: levels.reserved - quantity }),
    refusal: (orderId, status) => `The reservation for order ${orderId} was ${status.toLowerCase()}; its stock is no longer held`,
  },
  return: {
    to: ReservationStatus.RETURNED,
    event: INVENTORY_EVENTS.returned,
    action: 'stock.returned',
    movement: StockMovementKind.RETURN,
    next: (levels, quantity) => ({ ...levels, onHand: levels.onHand + quantity }),
    refusal: (orderId, status) => `The reservation for order ${orderId} is ${status.toLowerCase()}, not sold; there is nothing to return`,
  },
};

/** Statuses the expiry sweep moves to EXPIRED once their time ran out (a PENDING one holds what its movements say). */
export const EXPIRES_FROM: readonly ReservationStatusName[] = [ReservationStatus.ACTIVE, ReservationStatus.PENDING];
