import { newId } from '../../platform/ids';
import type { Shortage } from '../../contracts/inventory-api';
import type { Db, Prepared } from '../../platform/db';
import { OUTBOX_INSERT_SQL, outboxValues } from '../../platform/messaging/outbox';
import { StockMovementKind } from './stock-movement.entity';
import type { AppliedChange } from './stock.ledger';
import type { ReservationStore, TakeOutcome, TakeRequest } from './reservation.store';
import { allocate, mergeAllocations, type Allocation, type Candidate } from './warehouse.rules';

// The tables and columns of ReservationEntity, StockLevelEntity, WarehouseStockEntity, WarehouseEntity and StockMovementEntity (the contract test reads back through the ORM).
const CLAIM =
  'insert into reservations (order_id, status, lines, expires_at, release_reason, created_at, updated_at) values (?, ?, ?, ?, null, ?, ?) on conflict (order_id) do nothing';
const CANDIDATES =
  'select s.warehouse_id, w.priority, s.on_hand - s.reserved as available from warehouse_stock s join warehouses w on w.id = s.warehouse_id ' +
  'where s.product_id = ? and w.active = 1 and s.on_hand > s.reserved';
// Every right-hand side sees the row before the update, so `low` is computed from the new reserved (reserved + q).
const RESERVE_IN_WAREHOUSE =
  'update warehouse_stock set reserved = reserved + ?, version = version + 1, low = (on_hand - reserved - ? <= low_stock_threshold), updated_at = ? ' +
  'where warehouse_id = ? and product_id = ? and on_hand - reserved >= ? returning on_hand, reserved';
const RESERVE =
  'update stock_levels set reserved = reserved + ?, version = version + 1, low = (on_hand - reserved - ? <= low_stock_threshold), updated_at = ? ' +
  'where product_id = ? and on_hand - reserved >= ? returning on_hand, reserved, low_stock_threshold, version';
const MOVEMENT =
  'insert into stock_movements (id, product_id, version, kind, warehouse_id, on_hand_delta, reserved_delta, on_hand_after, reserved_after, ' +
  'warehouse_on_hand_after, warehouse_reserved_after, order_id, reason, actor_id, at) values (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, null, ?, ?)';
const ALLOCATIONS = 'update reservations set allocations = ? where order_id = ?';

interface LevelsRow {
  readonly on_hand: number;
  readonly reserved: number;
  readonly low_stock_threshold: number;
  readonly version: number;
}

interface CandidateRow {
  readonly warehouse_id: string;
  readonly priority: number;
  readonly available: number;
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
 * (Db.sqliteTransaction): the claim (`on conflict do nothing` answers a
 * repeated call without touching stock); per line, the active warehouses
 * holding the product, split by the allocation rule; per part, one
 * conditional UPDATE ... RETURNING of the warehouse row and one of the
 * product's total, and a movement; the allocations; the outbox rows. SQLite
 * runs one writer at a time, so what the line read is what the updates find,
 * and each condition is still checked on the row as it is at the write, so no
 * interleaving can oversell; a short line rolls everything back.
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
    const allocations: Allocation[] = [];
    for (const { productId, quantity } of reservation.lines) {
      const candidates = (prepared(CANDIDATES).all(productId) as CandidateRow[]).map(
        (row): Candidate => ({ warehouseId: row.warehouse_id, priority: row.priority, available: row.available }),
      );
      const plan = allocate(quantity, candidates);
      if ('short' in plan) throw new ShortLine({ productId, requested: quantity, available: plan.short.available });
      for (const part of plan.parts) {
        const inWarehouse = prepared(RESERVE_IN_WAREHOUSE).get(part.quantity, part.quantity, at, part.warehouseId, productId, part.quantity) as Pick<LevelsRow, 'on_hand' | 'reserved'> | undefined;
        const row = inWarehouse && (prepared(RESERVE).get(part.quantity, part.quantity, at, productId, part.quantity) as LevelsRow | undefined);
        // Only a total out of step with its warehouses could refuse what the warehouse rows just allowed.
        if (!row) throw new Error(`Stock of ${productId} in ${part.warehouseId} refused a reservation its allocation allowed`);
        const after = { onHand: row.on_hand, reserved: row.reserved, lowStockThreshold: row.low_stock_threshold };
        prepared(MOVEMENT).run(newId(), productId, row.version, StockMovementKind.RESERVE, part.warehouseId, part.quantity, row.on_hand, row.reserved, inWarehouse.on_hand, inWarehouse.reserved, orderId, actorId, at);
        applied.push({ productId, before: { ...after, reserved: after.reserved - part.quantity }, after, version: row.version });
        allocations.push({ productId, warehouseId: part.warehouseId, quantity: part.quantity });
      }
    }
    const recorded = mergeAllocations(allocations);
    prepared(ALLOCATIONS).run(JSON.stringify(recorded), orderId);
    for (const event of events(applied, recorded)) prepared(OUTBOX_INSERT_SQL).run(...outboxValues(event));
    return { taken: applied, allocations: recorded };
  }
}
