import type { Shortage } from '../../contracts/inventory-api';
import type { OutboxRow } from '../../platform/messaging/outbox';
import type { ReservationEntity } from './reservation.entity';
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
}
