import type { Shortage } from '../../contracts/inventory-api';
import type { OutboxRow } from '../../platform/messaging/outbox';
import type { ReservationEntity } from './reservation.entity';
import type { ReservationRequest } from './reservation.transitions';
import type { AppliedChange, StockNotice } from './stock.ledger';
import type { Allocation } from './warehouse.rules';

export interface TakeRequest {
  /** The reservation as it is stored once taken (ACTIVE), keyed by its order id. */
  readonly reservation: ReservationEntity;
  /** Who the RESERVE movements name. */
  readonly actorId: string;
  /** The outbox events of the taken reservation (what the audit and consumers need), given what each part changed and where it was taken. */
  readonly events: (applied: readonly AppliedChange[], allocations: Allocation[]) => OutboxRow[];
}

/**
 * Taken (every line held, in line order, a change of the product's total per
 * warehouse it took from, the allocations recorded on the reservation, and
 * the live-update notices of the stock it changed, read with the write); the
 * order already has a reservation; or a line is short (nothing written): the
 * first short line, then any other line short as the stock stood then.
 */
export type TakeOutcome =
  | { readonly taken: AppliedChange[]; readonly allocations: Allocation[]; readonly notices: StockNotice[] }
  | { readonly exists: true }
  | { readonly short: Shortage[] };

export interface SettleRequest {
  readonly orderId: string;
  /** What to do (RESERVATION_TRANSITIONS): done only from the status the table moves it from. */
  readonly request: ReservationRequest;
  readonly reason: string | null;
  readonly at: Date;
  /** Who the movements name. */
  readonly actorId: string;
  /** The outbox events of the move, given the reservation before and after it and what it changed. */
  readonly events: (before: ReservationEntity, after: ReservationEntity, applied: readonly AppliedChange[]) => OutboxRow[];
}

/** Moved (the reservation before and after, the changes of each product's total, their live-update notices); or not moved: the reservation as it is (null: none), for the caller to answer. */
export type SettleOutcome =
  | { readonly before: ReservationEntity; readonly after: ReservationEntity; readonly applied: AppliedChange[]; readonly notices: StockNotice[] }
  | { readonly current: ReservationEntity | null };

/**
 * The hot write of a reservation: every line of an order or none. Each line
 * is split over the active warehouses by the allocation rule
 * (warehouse.rules.ts `allocate`), and each part is a conditional increment
 * of the warehouse row and of the product's total (`reserved + q` only where
 * `onHand - reserved >= q`), with the reservation row and its allocations, a
 * RESERVE movement per part and the outbox events. One
 * adapter per database (reservation.store.sqlite.ts, reservation.store.mongo.ts),
 * both held to reservation.store.contract.test.ts.
 */
export interface ReservationStore {
  take(request: TakeRequest): Promise<TakeOutcome>;
  /**
   * Releases, commits or returns a reservation when RESERVATION_TRANSITIONS
   * says `move` for its status, in one unit: the status, each allocation's
   * stock in its warehouse and in the product's total, a movement per
   * allocation, the outbox events. Of racing requests exactly one moves it.
   */
  settle(request: SettleRequest): Promise<SettleOutcome>;
}
