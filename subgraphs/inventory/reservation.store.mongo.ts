import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import type { ClientSession, Collection } from 'mongodb';
import type { Db } from '../../platform/db';
import { OutboxEntryEntity } from '../../platform/messaging/outbox';
import { mongoCollectionOf } from '../../platform/orm';
import { ReservationEntity, ReservationStatus } from './reservation.entity';
import { StockMovementEntity, StockMovementKind } from './stock-movement.entity';
import { StockLevelEntity, type StockLevels } from './stock.entity';
import type { AppliedChange } from './stock.ledger';
import type { ReservationStore, TakeOutcome, TakeRequest } from './reservation.store';

/**
 * The MongoDB adapter. Each line is one `findOneAndUpdate` whose filter is the
 * condition (`$expr: onHand - reserved >= q`) and whose update adds q to
 * reserved. Why it cannot oversell: MongoDB applies a single-document update
 * atomically, matching the filter against the document as it is under the
 * update's own write lock, so of two concurrent updates the second is
 * evaluated against the first's result; an update that matches leaves
 * `onHand - reserved >= 0`, and one that does not match writes nothing. No
 * read happens before the write, so there is no window to lose and nothing to
 * retry. On a replica set (production) the unit of work is a transaction and
 * the updates join its session; without one, the writes run in the order of
 * the SQL path's rows (claim PENDING first, each increment then its movement),
 * so a crash leaves a PENDING claim whose movements the expiry sweep releases.
 */
export class MongoReservationStore implements ReservationStore {
  constructor(private readonly db: Db) {}

  take(request: TakeRequest): Promise<TakeOutcome> {
    return this.db.write(async (em) => {
      const stock = mongoCollectionOf<StockDocument>(em, StockLevelEntity);
      if (!stock) throw new Error('MongoReservationStore needs MongoDB');
      const session = em.getTransactionContext<ClientSession>();
      const { reservation, actorId } = request;
      const at = reservation.createdAt;
      try {
        await em.insert(ReservationEntity, { ...reservation, status: ReservationStatus.PENDING });
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) return { exists: true };
        throw error;
      }
      const applied: AppliedChange[] = [];
      for (const { productId, quantity } of reservation.lines) {
        const after = await increment(stock, session, productId, quantity, at);
        if (!after) {
          // All or none: give back what this call took (a transaction's abort does the same).
          for (const taken of applied) {
            const back = await increment(stock, session, taken.productId, -(taken.after.reserved - taken.before.reserved), at);
            if (back) await movement(em, taken.productId, back, taken.before.reserved - taken.after.reserved, reservation.orderId, actorId, at, StockMovementKind.RELEASE);
          }
          await em.nativeDelete(ReservationEntity, { orderId: reservation.orderId, status: ReservationStatus.PENDING });
          const levels = await stock.findOne({ _id: productId }, { session });
          const available = levels ? Math.max(0, levels.onHand - levels.reserved) : 0;
          return { short: { productId, requested: quantity, available } };
        }
        await movement(em, productId, after, quantity, reservation.orderId, actorId, at, StockMovementKind.RESERVE);
        applied.push({ productId, before: { ...after.levels, reserved: after.levels.reserved - quantity }, after: after.levels, version: after.version });
      }
      await em.nativeUpdate(ReservationEntity, { orderId: reservation.orderId, status: ReservationStatus.PENDING }, { status: reservation.status, updatedAt: reservation.updatedAt });
      for (const row of request.events(applied)) em.persist(Object.assign(new OutboxEntryEntity(), row));
      return { taken: applied };
    });
  }
}

/** A stock level as stored on MongoDB (the ORM maps the primary key to `_id`, see platform/orm.ts). */
interface StockDocument {
  _id: string;
  onHand: number;
  reserved: number;
  lowStockThreshold: number;
  low: boolean | null;
  version: number;
  updatedAt: Date;
}

interface Incremented {
  readonly levels: StockLevels;
  readonly version: number;
}

/** reserved += delta where the result keeps `onHand - reserved >= 0` (a release, delta < 0, always matches); null when it would not. */
async function increment(stock: Collection<StockDocument>, session: ClientSession | undefined, productId: string, delta: number, at: Date): Promise<Incremented | null> {
  const doc = await stock.findOneAndUpdate(
    { _id: productId, $expr: { $gte: [{ $subtract: ['$onHand', '$reserved'] }, delta] } },
    [
      { $set: { reserved: { $add: ['$reserved', delta] }, version: { $add: ['$version', 1] }, updatedAt: at } },
      { $set: { low: { $lte: [{ $subtract: ['$onHand', '$reserved'] }, '$lowStockThreshold'] } } },
    ],
    { returnDocument: 'after', session },
  );
  if (!doc) return null;
  return { levels: { onHand: doc.onHand, reserved: doc.reserved, lowStockThreshold: doc.lowStockThreshold }, version: doc.version };
}

async function movement(em: EntityManager, productId: string, after: Incremented, reservedDelta: number, orderId: string, actorId: string, at: Date, kind: StockMovementKind): Promise<void> {
  await em.insert(StockMovementEntity, {
    id: new StockMovementEntity().id,
    productId,
    version: after.version,
    kind,
    onHandDelta: 0,
    reservedDelta,
    onHandAfter: after.levels.onHand,
    reservedAfter: after.levels.reserved,
    orderId,
    reason: kind === StockMovementKind.RELEASE ? 'not all lines could be reserved' : null,
    actorId,
    at,
  });
}
