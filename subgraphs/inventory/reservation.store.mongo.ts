import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import type { ClientSession, Collection, Filter } from 'mongodb';
import type { Db } from '../../platform/db';
import { OutboxEntryEntity } from '../../platform/messaging/outbox';
import { mongoCollectionOf } from '../../platform/orm';
import { ReservationEntity, ReservationStatus } from './reservation.entity';
import { StockMovementEntity, StockMovementKind } from './stock-movement.entity';
import { StockLevelEntity, type StockLevels } from './stock.entity';
import { stockNotices, type AppliedChange, type StockNotice } from './stock.ledger';
import type { ReservationStore, SettleOutcome, SettleRequest, TakeOutcome, TakeRequest } from './reservation.store';
import { REQUEST_EFFECTS, RESERVATION_TRANSITIONS } from './reservation.transitions';
import { WarehouseEntity, WarehouseStockEntity } from './warehouse.entity';
import { allocate, allocationsOf, mergeAllocations, type Allocation, type Candidate } from './warehouse.rules';
import type { Shortage } from '../../contracts/inventory-api';

/** Plans of one line re-made after losing a warehouse's units to a concurrent order, before the line counts as short. */
const PLAN_ATTEMPTS = 10;

/**
 * The MongoDB adapter. Each part of a line (its allocation in one warehouse)
 * is one `findOneAndUpdate` on the warehouse row whose filter is the
 * condition (`$expr: onHand - reserved >= q`) and whose update adds q to
 * reserved, then the same on the product's total. Why it cannot oversell:
 * MongoDB applies a single-document update atomically, matching the filter
 * against the document as it is under the update's own write lock, so of two
 * concurrent updates the second is evaluated against the first's result; an
 * update that matches leaves `onHand - reserved >= 0`, and one that does not
 * match writes nothing. The allocation is planned from a read, so a part can
 * find its units gone: the rest of the line is planned again from a new read.
 * On a replica set (production) the unit of work is a transaction and the
 * updates join its session; without one, the writes run in the order of the
 * SQL path's rows (claim PENDING first, each increment then its movement), so
 * a crash leaves a PENDING claim whose movements the expiry sweep releases.
 *
 * No group commit here, by design: SQLite has one writer, so its reservations
 * queue for the write lock anyway and sharing a commit only removes waiting;
 * MongoDB locks per document, each increment is one atomic findOneAndUpdate
 * whose filter is the stock condition (no read-compare-retry), so concurrent
 * reservations of different products never wait for each other, and ones of
 * the same product serialize only on that document for one update. Grouping
 * them into one multi-document transaction would make one request's write
 * conflict abort its neighbours and add a commit round trip per group, for
 * nothing the per-document atomicity does not already give. The refusal's
 * shortfalls and the live-update versions are read in the same unit of work.
 */
export class MongoReservationStore implements ReservationStore {
  constructor(private readonly db: Db) {}

  take(request: TakeRequest): Promise<TakeOutcome> {
    return this.db.write(async (em): Promise<TakeOutcome> => {
      const stock = mongoCollectionOf<LevelsDocument>(em, StockLevelEntity);
      const shelves = mongoCollectionOf<WarehouseStockDocument>(em, WarehouseStockEntity);
      const warehouses = mongoCollectionOf<WarehouseDocument>(em, WarehouseEntity);
      if (!stock || !shelves || !warehouses) throw new Error('MongoReservationStore needs MongoDB');
      const session = em.getTransactionContext<ClientSession>();
      const { reservation, actorId } = request;
      const { orderId } = reservation;
      const at = reservation.createdAt;
      try {
        await em.insert(ReservationEntity, { ...reservation, status: ReservationStatus.PENDING });
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) return { exists: true };
        throw error;
      }
      const applied: AppliedChange[] = [];
      const taken: Allocation[] = [];
      const giveBack = async (): Promise<void> => {
        // All or none: give back what this call took (a transaction's abort does the same).
        for (const part of taken) {
          const delta = { onHand: 0, reserved: -part.quantity };
          const shelf = await adjust(shelves, { productId: part.productId, warehouseId: part.warehouseId }, session, delta, at);
          const back = await adjust(stock, { _id: part.productId }, session, delta, at);
          if (back) await movement(em, part, back, shelf, { kind: StockMovementKind.RELEASE, delta, reason: 'not all lines could be reserved' }, orderId, actorId, at);
        }
        await em.nativeDelete(ReservationEntity, { orderId, status: ReservationStatus.PENDING });
      };
      /** The active warehouses' rows of a product, as candidates for the allocation rule. */
      const candidates = async (productId: string): Promise<Candidate[]> => {
        const active = await warehouses.find({ active: true }, { session }).toArray();
        const priorities = new Map(active.map((w) => [w._id, w.priority]));
        const rows = await shelves.find({ productId, warehouseId: { $in: [...priorities.keys()] } }, { session }).toArray();
        return rows.map((row) => ({ warehouseId: row.warehouseId, priority: priorities.get(row.warehouseId) ?? 0, available: Math.max(0, row.onHand - row.reserved) }));
      };
      for (const [index, { productId, quantity }] of reservation.lines.entries()) {
        let remaining = quantity;
        for (let attempt = 1; remaining > 0; attempt += 1) {
          const plan = allocate(remaining, await candidates(productId));
          if ('short' in plan || attempt > PLAN_ATTEMPTS) {
            await giveBack();
            const available = ('short' in plan ? plan.short.available : 0) + quantity - remaining;
            const others: Shortage[] = [];
            for (const line of reservation.lines.slice(index + 1)) {
              const left = (await candidates(line.productId)).reduce((sum, c) => sum + c.available, 0);
              if (left < line.quantity) others.push({ productId: line.productId, requested: line.quantity, available: left });
            }
            return { short: [{ productId, requested: quantity, available }, ...others] };
          }
          for (const part of plan.parts) {
            const delta = { onHand: 0, reserved: part.quantity };
            const shelf = await adjust(shelves, { productId, warehouseId: part.warehouseId }, session, delta, at);
            // Taken by a concurrent order since the read: plan the rest again.
            if (!shelf) continue;
            const after = await adjust(stock, { _id: productId }, session, delta, at);
            if (!after) throw new Error(`Stock of ${productId} refused a reservation its warehouse ${part.warehouseId} allowed`);
            const allocation = { productId, warehouseId: part.warehouseId, quantity: part.quantity };
            await movement(em, allocation, after, shelf, { kind: StockMovementKind.RESERVE, delta, reason: null }, orderId, actorId, at);
            applied.push({ productId, before: { ...after.levels, reserved: after.levels.reserved - part.quantity }, after: after.levels, version: after.version });
            taken.push(allocation);
            remaining -= part.quantity;
          }
        }
      }
      const allocations = mergeAllocations(taken);
      await em.nativeUpdate(ReservationEntity, { orderId, status: ReservationStatus.PENDING }, { status: reservation.status, allocations, updatedAt: reservation.updatedAt });
      for (const row of request.events(applied, allocations)) em.persist(Object.assign(new OutboxEntryEntity(), row));
      return { taken: applied, allocations, notices: await noticesOf(stock, session, applied) };
    });
  }

  /**
   * The status first, conditional on the one read (of racing requests one
   * moves it), then each allocation's stock, each a conditional
   * findOneAndUpdate keeping `0 <= reserved <= onHand`, with its movement.
   */
  settle({ orderId, request, reason, at, actorId, events }: SettleRequest): Promise<SettleOutcome> {
    return this.db.write(async (em): Promise<SettleOutcome> => {
      const stock = mongoCollectionOf<LevelsDocument>(em, StockLevelEntity);
      const shelves = mongoCollectionOf<WarehouseStockDocument>(em, WarehouseStockEntity);
      if (!stock || !shelves) throw new Error('MongoReservationStore needs MongoDB');
      const session = em.getTransactionContext<ClientSession>();
      const before = await em.findOne(ReservationEntity, { orderId }, { disableIdentityMap: true });
      if (!before || RESERVATION_TRANSITIONS[request][before.status] !== 'move') return { current: before };
      const effect = REQUEST_EFFECTS[request];
      const moved = await em.nativeUpdate(ReservationEntity, { orderId, status: before.status }, { status: effect.to, releaseReason: reason, updatedAt: at });
      // Another request moved it since the read: the caller answers from what it is now.
      if (moved === 0) return { current: await em.findOne(ReservationEntity, { orderId }, { disableIdentityMap: true }) };
      const after = Object.assign(new ReservationEntity(), { ...before, status: effect.to, releaseReason: reason, updatedAt: at });
      const applied: AppliedChange[] = [];
      for (const part of allocationsOf(before)) {
        const next = effect.next({ onHand: 0, reserved: 0, lowStockThreshold: 0 }, part.quantity);
        const delta = { onHand: next.onHand, reserved: next.reserved };
        const shelf = await adjust(shelves, { productId: part.productId, warehouseId: part.warehouseId }, session, delta, at);
        const total = shelf && (await adjust(stock, { _id: part.productId }, session, delta, at));
        if (!total) throw new Error(`Stock rule broken for ${part.productId} in ${part.warehouseId}: ${request} of ${part.quantity} refused`);
        await movement(em, part, total, shelf, { kind: effect.movement, delta, reason }, orderId, actorId, at);
        applied.push({ productId: part.productId, before: { ...total.levels, onHand: total.levels.onHand - delta.onHand, reserved: total.levels.reserved - delta.reserved }, after: total.levels, version: total.version });
      }
      for (const row of events(before, after, applied)) em.persist(Object.assign(new OutboxEntryEntity(), row));
      return { before, after, applied, notices: await noticesOf(stock, session, applied) };
    });
  }
}

/** The live-update notices of the changes (the changed rows and their owning products' version sums), read in the unit of work. */
async function noticesOf(stock: Collection<LevelsDocument>, session: ClientSession | undefined, applied: readonly AppliedChange[]): Promise<StockNotice[]> {
  const changed = await stock.find({ _id: { $in: [...new Set(applied.map((a) => a.productId))] } }, { session, projection: { owningProductId: 1 } }).toArray();
  const owners = [...new Set(changed.map((row) => row.owningProductId ?? row._id))];
  const rows = await stock.find({ $or: [{ _id: { $in: owners } }, { owningProductId: { $in: owners } }] }, { session, projection: { owningProductId: 1, version: 1 } }).toArray();
  return stockNotices(applied, rows.map((row) => ({ productId: row._id, owningProductId: row.owningProductId ?? null, version: row.version })));
}

/** Levels as stored on MongoDB (the ORM maps the primary key to `_id`, see platform/orm.ts). */
interface LevelsDocument {
  _id: string;
  /** The product a variant's row belongs to (stock levels only). */
  owningProductId?: string | null;
  onHand: number;
  reserved: number;
  lowStockThreshold: number;
  low: boolean | null;
  version: number;
  updatedAt: Date;
}

interface WarehouseStockDocument extends LevelsDocument {
  warehouseId: string;
  productId: string;
}

interface WarehouseDocument {
  _id: string;
  priority: number;
  active: boolean;
}

interface Incremented {
  readonly levels: StockLevels;
  readonly version: number;
}

/** onHand and reserved moved by `delta` where the result keeps `0 <= reserved <= onHand`; null when it would not. */
async function adjust<T extends LevelsDocument>(collection: Collection<T>, filter: Filter<T>, session: ClientSession | undefined, delta: Delta, at: Date): Promise<Incremented | null> {
  const reserved = { $add: ['$reserved', delta.reserved] };
  const doc = await collection.findOneAndUpdate(
    { ...filter, $expr: { $and: [{ $gte: [reserved, 0] }, { $gte: [{ $add: ['$onHand', delta.onHand] }, reserved] }] } },
    [
      { $set: { onHand: { $add: ['$onHand', delta.onHand] }, reserved, version: { $add: ['$version', 1] }, updatedAt: at } },
      { $set: { low: { $lte: [{ $subtract: ['$onHand', '$reserved'] }, '$lowStockThreshold'] } } },
    ],
    { returnDocument: 'after', session },
  );
  if (!doc) return null;
  return { levels: { onHand: doc.onHand, reserved: doc.reserved, lowStockThreshold: doc.lowStockThreshold }, version: doc.version };
}

/** A change of onHand and reserved. */
interface Delta {
  readonly onHand: number;
  readonly reserved: number;
}

async function movement(
  em: EntityManager,
  part: Allocation,
  total: Incremented,
  shelf: Incremented | null,
  { kind, delta, reason }: { readonly kind: StockMovementKind; readonly delta: Delta; readonly reason: string | null },
  orderId: string,
  actorId: string,
  at: Date,
): Promise<void> {
  await em.insert(StockMovementEntity, {
    id: new StockMovementEntity().id,
    productId: part.productId,
    warehouseId: part.warehouseId,
    version: total.version,
    kind,
    onHandDelta: delta.onHand,
    reservedDelta: delta.reserved,
    onHandAfter: total.levels.onHand,
    reservedAfter: total.levels.reserved,
    warehouseOnHandAfter: shelf?.levels.onHand ?? null,
    warehouseReservedAfter: shelf?.levels.reserved ?? null,
    orderId,
    reason,
    actorId,
    at,
  });
}
