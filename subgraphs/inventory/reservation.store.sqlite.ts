import { newId } from '../../platform/ids';
import type { ReservationLine, ReservationStatusName, Shortage } from '../../contracts/inventory-api';
import { notFound } from '../../platform/errors';
import { SqliteGroupCommit, type Db, type GroupCommitLimits, type Prepared } from '../../platform/db';
import { OUTBOX_INSERT_SQL, outboxValues } from '../../platform/messaging/outbox';
import { StockMovementKind } from './stock-movement.entity';
import { ReservationEntity } from './reservation.entity';
import { REQUEST_EFFECTS, RESERVATION_TRANSITIONS } from './reservation.transitions';
import { stockNotices, type AppliedChange, type StockNotice } from './stock.ledger';
import type { ReservationStore, SettleOutcome, SettleRequest, TakeOutcome, TakeRequest } from './reservation.store';
import { allocate, allocationsOf, mergeAllocations, type Allocation, type Candidate } from './warehouse.rules';

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
  'warehouse_on_hand_after, warehouse_reserved_after, order_id, reason, actor_id, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const READ_RESERVATION = 'select order_id, status, lines, allocations, expires_at, release_reason, created_at, updated_at from reservations where order_id = ?';
const MOVE_RESERVATION = 'update reservations set status = ?, release_reason = ?, updated_at = ? where order_id = ? and status = ?';
// A settlement's deltas (on hand, reserved), unconditional: the reservation's status says the units are there; the rule is checked on what it returns.
const SETTLE_IN_WAREHOUSE =
  'update warehouse_stock set on_hand = on_hand + ?, reserved = reserved + ?, version = version + 1, low = (on_hand + ? - reserved - ? <= low_stock_threshold), updated_at = ? ' +
  'where warehouse_id = ? and product_id = ? returning on_hand, reserved';
const SETTLE =
  'update stock_levels set on_hand = on_hand + ?, reserved = reserved + ?, version = version + 1, low = (on_hand + ? - reserved - ? <= low_stock_threshold), updated_at = ? ' +
  'where product_id = ? returning on_hand, reserved, low_stock_threshold, version, owning_product_id';
const ALLOCATIONS = 'update reservations set allocations = ? where order_id = ?';

interface LevelsRow {
  readonly on_hand: number;
  readonly reserved: number;
  readonly low_stock_threshold: number;
  readonly version: number;
  readonly owning_product_id: string | null;
}

interface ReservationRow {
  readonly order_id: string;
  readonly status: ReservationStatusName;
  readonly lines: string;
  readonly allocations: string | null;
  readonly expires_at: number;
  readonly release_reason: string | null;
  readonly created_at: number;
  readonly updated_at: number;
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

  /** In the same group commit: one read of the reservation, and the move if the table allows it (the transaction holds the write lock, so nothing changes between). */
  settle(request: SettleRequest): Promise<SettleOutcome> {
    return this.group.run((prepared) => settleIn(prepared, request));
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
      prepared(MOVEMENT).run(newId(), productId, row.version, StockMovementKind.RESERVE, part.warehouseId, 0, part.quantity, row.on_hand, row.reserved, inWarehouse.on_hand, inWarehouse.reserved, orderId, null, actorId, at);
      applied.push({ productId, before: { ...after, reserved: after.reserved - part.quantity }, after, version: row.version });
      allocations.push({ productId, warehouseId: part.warehouseId, quantity: part.quantity });
      owners.add(row.owning_product_id ?? productId);
    }
  }
  const recorded = mergeAllocations(allocations);
  prepared(ALLOCATIONS).run(JSON.stringify(recorded), orderId);
  for (const event of events(applied, recorded)) prepared(OUTBOX_INSERT_SQL).run(...outboxValues(event));
  return { taken: applied, allocations: recorded, notices: noticesOf(prepared, applied, owners) };
}

function settleIn(prepared: Prepared, { orderId, request, reason, at, actorId, events }: SettleRequest): SettleOutcome {
  const row = prepared(READ_RESERVATION).get(orderId) as ReservationRow | undefined;
  const before = row ? reservationOf(row) : null;
  if (!before || RESERVATION_TRANSITIONS[request][before.status] !== 'move') return { current: before };
  const effect = REQUEST_EFFECTS[request];
  const when = at.getTime();
  prepared(MOVE_RESERVATION).run(effect.to, reason, when, orderId, before.status);
  const after = Object.assign(new ReservationEntity(), { ...before, status: effect.to, releaseReason: reason, updatedAt: at });
  const applied: AppliedChange[] = [];
  const owners = new Set<string>();
  for (const { productId, warehouseId, quantity } of allocationsOf(before)) {
    // The deltas of one allocation, whatever the levels: each effect adds or takes a fixed amount.
    const delta = effect.next({ onHand: 0, reserved: 0, lowStockThreshold: 0 }, quantity);
    const change = [delta.onHand, delta.reserved, delta.onHand, delta.reserved, when] as const;
    const shelf = prepared(SETTLE_IN_WAREHOUSE).get(...change, warehouseId, productId) as Pick<LevelsRow, 'on_hand' | 'reserved'> | undefined;
    if (!shelf) throw notFound(`Stock of product ${productId} in warehouse`, warehouseId);
    const total = prepared(SETTLE).get(...change, productId) as LevelsRow | undefined;
    if (!total) throw notFound('Stock level', productId);
    for (const [where, levels] of [[`${productId} in ${warehouseId}`, shelf], [productId, total]] as const) {
      if (levels.reserved < 0 || levels.on_hand < levels.reserved) throw new Error(`Stock rule broken for ${where}: onHand ${levels.on_hand}, reserved ${levels.reserved}`);
    }
    prepared(MOVEMENT).run(newId(), productId, total.version, effect.movement, warehouseId, delta.onHand, delta.reserved, total.on_hand, total.reserved, shelf.on_hand, shelf.reserved, orderId, reason, actorId, when);
    const levels = { onHand: total.on_hand, reserved: total.reserved, lowStockThreshold: total.low_stock_threshold };
    applied.push({ productId, before: { ...levels, onHand: levels.onHand - delta.onHand, reserved: levels.reserved - delta.reserved }, after: levels, version: total.version });
    owners.add(total.owning_product_id ?? productId);
  }
  for (const event of events(before, after, applied)) prepared(OUTBOX_INSERT_SQL).run(...outboxValues(event));
  return { before, after, applied, notices: noticesOf(prepared, applied, owners) };
}

/** The live-update notices of `applied`, from every row of the products owning them, read in the transaction that changed them. */
function noticesOf(prepared: Prepared, applied: readonly AppliedChange[], owners: ReadonlySet<string>): StockNotice[] {
  const rows = [...owners].flatMap((owner) => prepared(PRODUCT_ROWS).all(owner, owner) as ProductRow[]);
  return stockNotices(
    applied,
    rows.map((row) => ({ productId: row.product_id, owningProductId: row.owning_product_id, version: row.version })),
  );
}

function reservationOf(row: ReservationRow): ReservationEntity {
  return Object.assign(new ReservationEntity(), {
    orderId: row.order_id,
    status: row.status,
    lines: JSON.parse(row.lines) as ReservationLine[],
    allocations: row.allocations === null ? null : (JSON.parse(row.allocations) as Allocation[]),
    expiresAt: new Date(row.expires_at),
    releaseReason: row.release_reason,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  });
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
