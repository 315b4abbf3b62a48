import { newId } from '../../platform/ids';
import type { ReservationLine, Shortage } from '../../contracts/inventory-api';
import { SqliteGroupCommit, type Db, type GroupCommitLimits, type Prepared } from '../../platform/db';
import { OUTBOX_INSERT_SQL, outboxValues } from '../../platform/messaging/outbox';
import { StockMovementKind } from './stock-movement.entity';
import { stockNotices, type AppliedChange } from './stock.ledger';
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
  'where product_id = ? and on_hand - reserved >= ? returning on_hand, reserved, low_stock_threshold, version, owning_product_id';
// Every row of a product (its own and its variants'): the product's live-update notice carries the sum of their versions.
const PRODUCT_ROWS = 'select product_id, owning_product_id, version from stock_levels where product_id = ? or owning_product_id = ?';
const MOVEMENT =
  'insert into stock_movements (id, product_id, version, kind, warehouse_id, on_hand_delta, reserved_delta, on_hand_after, reserved_after, ' +
  'warehouse_on_hand_after, warehouse_reserved_after, order_id, reason, actor_id, at) values (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, null, ?, ?)';
const ALLOCATIONS = 'update reservations set allocations = ? where order_id = ?';

interface LevelsRow {
  readonly on_hand: number;
  readonly reserved: number;
  readonly low_stock_threshold: number;
  readonly version: number;
  readonly owning_product_id: string | null;
}

interface ProductRow {
  readonly product_id: string;
  readonly owning_product_id: string | null;
  readonly version: number;
}

interface CandidateRow {
  readonly warehouse_id: string;
  readonly priority: number;
  readonly available: number;
}

/** Thrown inside the request's savepoint to roll it back; answered as `{ short }`. */
class ShortLine extends Error {
  constructor(readonly shortages: Shortage[]) {
    super(`short of ${shortages.map((s) => s.productId).join(', ')}`);
  }
}

/**
 * The SQLite adapter: the whole reservation run synchronously on the driver
 * with statements prepared once per connection, in a group commit
 * (platform/db.ts SqliteGroupCommit): the reservations that arrive together
 * share one IMMEDIATE transaction, each in its own savepoint, so each is all
 * or nothing on its own and a refused one leaves its neighbours' alone. Per
 * reservation: the claim (`on conflict do nothing` answers a repeated call
 * without touching stock); per line, the active warehouses holding the
 * product, split by the allocation rule; per part, one conditional UPDATE ...
 * RETURNING of the warehouse row and one of the product's total, and a
 * movement; the allocations; the outbox rows; and the versions of each
 * product's rows (its live-update notice). SQLite runs one writer at a time
 * and a group's reservations run one after the other, so what a line read is
 * what its updates find, and each condition is still checked on the row as it
 * is at the write: no interleaving can oversell. A short line rolls the
 * reservation back to its savepoint, with the shortfall of every line read
 * in the same transaction (no second read after the refusal).
 */
export class SqliteReservationStore implements ReservationStore {
  private readonly group: SqliteGroupCommit;

  constructor(db: Db, limits: Omit<GroupCommitLimits, 'what'>) {
    this.group = new SqliteGroupCommit(db, { what: 'reserve stock', ...limits });
  }

  async take(request: TakeRequest): Promise<TakeOutcome> {
    try {
      return await this.group.run((prepared) => takeIn(prepared, request));
    } catch (error) {
      if (error instanceof ShortLine) return { short: error.shortages };
      throw error;
    }
  }
}

function takeIn(prepared: Prepared, { reservation, actorId, events }: TakeRequest): TakeOutcome {
  const { orderId } = reservation;
  const at = reservation.createdAt.getTime();
  const claimed = prepared(CLAIM).run(orderId, reservation.status, JSON.stringify(reservation.lines), reservation.expiresAt.getTime(), at, reservation.updatedAt.getTime());
  if (claimed.changes === 0) return { exists: true };
  const applied: AppliedChange[] = [];
  const allocations: Allocation[] = [];
  const owners = new Set<string>();
  for (const [index, { productId, quantity }] of reservation.lines.entries()) {
    const plan = allocate(quantity, candidates(prepared, productId));
    if ('short' in plan) throw new ShortLine([{ productId, requested: quantity, available: plan.short.available }, ...shortages(prepared, reservation.lines.slice(index + 1))]);
    for (const part of plan.parts) {
      const inWarehouse = prepared(RESERVE_IN_WAREHOUSE).get(part.quantity, part.quantity, at, part.warehouseId, productId, part.quantity) as Pick<LevelsRow, 'on_hand' | 'reserved'> | undefined;
      const row = inWarehouse && (prepared(RESERVE).get(part.quantity, part.quantity, at, productId, part.quantity) as LevelsRow | undefined);
      // Only a total out of step with its warehouses could refuse what the warehouse rows just allowed.
      if (!row) throw new Error(`Stock of ${productId} in ${part.warehouseId} refused a reservation its allocation allowed`);
      const after = { onHand: row.on_hand, reserved: row.reserved, lowStockThreshold: row.low_stock_threshold };
      prepared(MOVEMENT).run(newId(), productId, row.version, StockMovementKind.RESERVE, part.warehouseId, part.quantity, row.on_hand, row.reserved, inWarehouse.on_hand, inWarehouse.reserved, orderId, actorId, at);
      applied.push({ productId, before: { ...after, reserved: after.reserved - part.quantity }, after, version: row.version });
      allocations.push({ productId, warehouseId: part.warehouseId, quantity: part.quantity });
      owners.add(row.owning_product_id ?? productId);
    }
  }
  const recorded = mergeAllocations(allocations);
  prepared(ALLOCATIONS).run(JSON.stringify(recorded), orderId);
  for (const event of events(applied, recorded)) prepared(OUTBOX_INSERT_SQL).run(...outboxValues(event));
  const rows = [...owners].flatMap((owner) => prepared(PRODUCT_ROWS).all(owner, owner) as ProductRow[]);
  const notices = stockNotices(
    applied,
    rows.map((row) => ({ productId: row.product_id, owningProductId: row.owning_product_id, version: row.version })),
  );
  return { taken: applied, allocations: recorded, notices };
}

function candidates(prepared: Prepared, productId: string): Candidate[] {
  return (prepared(CANDIDATES).all(productId) as CandidateRow[]).map((row) => ({ warehouseId: row.warehouse_id, priority: row.priority, available: row.available }));
}

/** The shortfalls of `lines` as the active warehouses stand (the other lines of a refused reservation: different products, so untouched by its own updates). */
function shortages(prepared: Prepared, lines: readonly ReservationLine[]): Shortage[] {
  return lines.flatMap(({ productId, quantity }) => {
    const available = candidates(prepared, productId).reduce((sum, c) => sum + c.available, 0);
    return available < quantity ? [{ productId, requested: quantity, available }] : [];
  });
}
