import type { Shortage } from '../../contracts/inventory-api';
import type { OutboxRow } from '../../platform/messaging/outbox';
import type { ReservationEntity } from './reservation.entity';
import type { AppliedChange } from './stock.ledger';

export interface TakeRequest {
  /** The reservation as it is stored once taken (ACTIVE), keyed by its order id. */
  readonly reservation: ReservationEntity;
  /** Who the RESERVE movements name. */
  readonly actorId: string;
  /** The outbox events of the taken reservation (what the audit and consumers need), given what each line changed. */
  readonly events: (applied: readonly AppliedChange[]) => OutboxRow[];
}

/** Taken (every line held, in line order); the order already has a reservation; or a line is short (nothing written). */
export type TakeOutcome = { readonly taken: AppliedChange[] } | { readonly exists: true } | { readonly short: Shortage };

/**
 * The hot write of a reservation: every line of an order or none, each line a
 * conditional increment (`reserved + q` only where `onHand - reserved >= q`,
 * one atomic write per line, never a read-compare-retry loop), with the
 * reservation row, a RESERVE movement per line and the outbox events. One
 * adapter per database (reservation.store.sqlite.ts, reservation.store.mongo.ts),
 * both held to reservation.store.contract.test.ts.
 */
export interface ReservationStore {
  take(request: TakeRequest): Promise<TakeOutcome>;
}
