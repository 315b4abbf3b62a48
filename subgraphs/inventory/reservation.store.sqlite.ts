import { newId } from '../../platform/ids';
import type { Shortage } from '../../contracts/inventory-api';
import type { Db, Prepared } from '../../platform/db';
import { OUTBOX_INSERT_SQL, outboxValues } from '../../platform/messaging/outbox';
import { StockMovementKind } from './stock-movement.entity';
import type { AppliedChange } from './stock.ledger';
import type { ReservationStore, TakeOutcome, TakeRequest } from './reservation.store';

// The tables and columns of ReservationEntity, StockLevelEntity and StockMovementEntity (the contract test reads back through the ORM).
const CLAIM =
  'insert into reservations (order_id, status, lines, expires_at, release_reason, created_at, updated_at) values (?, ?, ?, ?, null, ?, ?) on conflict (order_id) do nothing';
// Every right-hand side sees the row before the update, so `low` is computed from the new reserved (reserved + q).
const RESERVE =
  'update stock_levels set reserved = reserved + ?, version = version + 1, low = (on_hand - reserved - ? <= low_stock_threshold), updated_at = ? ' +
  'where product_id = ? and on_hand - reserved >= ? returning on_hand, reserved, low_stock_threshold, version';
const MOVEMENT =
  'insert into stock_movements (id, product_id, version, kind, on_hand_delta, reserved_delta, on_hand_after, reserved_after, order_id, reason, actor_id, at) ' +
  'values (?, ?, ?, ?, 0, ?, ?, ?, ?, null, ?, ?)';
const LEVELS = 'select on_hand, reserved from stock_levels where product_id = ?';

interface LevelsRow {
  readonly on_hand: number;
  readonly reserved: number;
  readonly low_stock_threshold: number;
  readonly version: number;
}

/** Thrown inside the transaction to roll it back; answered as `{ short }`. */
class ShortLine extends Error {
  constructor(readonly shortage: Shortage) {
    super(`short of ${shortage.productId}`);
  }
}

/**
 * The SQLite adapter: the whole reservation in one IMMEDIATE transaction run
 * synchronously on the driver with statements prepared once per connection
 * (Db.sqliteTransaction), a few statements: the claim (`on conflict do
 * nothing` answers a repeated call without touching stock), one conditional
 * UPDATE ... RETURNING and one movement per line, the outbox rows. SQLite runs
 * one writer at a time, and the condition is checked on the row as it is at
 * the write, so no interleaving can oversell; a short line rolls everything back.
 */
export class SqliteReservationStore implements ReservationStore {
  constructor(private readonly db: Db) {}

  async take(request: TakeRequest): Promise<TakeOutcome> {
    try {
      return await this.db.sqliteTransaction((prepared) => this.takeIn(prepared, request));
    } catch (error) {
      if (error instanceof ShortLine) return { short: error.shortage };
      throw error;
    }
  }

  private takeIn(prepared: Prepared, { reservation, actorId, events }: TakeRequest): TakeOutcome {
    const { orderId } = reservation;
    const at = reservation.createdAt.getTime();
    const claimed = prepared(CLAIM).run(orderId, reservation.status, JSON.stringify(reservation.lines), reservation.expiresAt.getTime(), at, reservation.updatedAt.getTime());
    if (claimed.changes === 0) return { exists: true };
    const applied: AppliedChange[] = [];
    for (const { productId, quantity } of reservation.lines) {
      const row = prepared(RESERVE).get(quantity, quantity, at, productId, quantity) as LevelsRow | undefined;
      if (!row) {
        const levels = prepared(LEVELS).get(productId) as Pick<LevelsRow, 'on_hand' | 'reserved'> | undefined;
        throw new ShortLine({ productId, requested: quantity, available: levels ? Math.max(0, levels.on_hand - levels.reserved) : 0 });
      }
      const after = { onHand: row.on_hand, reserved: row.reserved, lowStockThreshold: row.low_stock_threshold };
      prepared(MOVEMENT).run(newId(), productId, row.version, StockMovementKind.RESERVE, quantity, row.on_hand, row.reserved, orderId, actorId, at);
      applied.push({ productId, before: { ...after, reserved: after.reserved - quantity }, after, version: row.version });
    }
    for (const event of events(applied)) prepared(OUTBOX_INSERT_SQL).run(...outboxValues(event));
    return { taken: applied };
  }
}
