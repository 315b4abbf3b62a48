import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Db } from '../db';
import type { DomainEvent } from './event-bus';

/**
 * Idempotent consumers: the marker "consumer X handled event Y" is written in
 * the same unit of work as the handler's changes. A redelivered event finds
 * the marker and is skipped; two deliveries racing each other cannot both
 * commit, because the marker's key is unique and the loser's flush rolls back.
 */
@Entity({ tableName: 'processed_events' })
export class ProcessedEventEntity {
  @PrimaryKey({ type: 'string' })
  key!: string;

  @Property({ type: 'datetime' })
  processedAt: Date = new Date();
}

/** Runs `work` at most once per (consumer, event), in one unit of work with the marker; returns false for a duplicate. */
export async function handleOnce(db: Db, consumer: string, event: DomainEvent, work: (em: EntityManager) => Promise<void>): Promise<boolean> {
  return (await handleBatchOnce(db, consumer, [{ event }], (em) => work(em))).length === 1;
}

/**
 * Runs `work` for each item of a batch whose event was not handled before
 * (at most once per consumer and event id, however often it comes in the
 * batch), all in ONE unit of work with their markers: one read of the
 * markers, the work, one insert of the new markers, one commit. Returns the
 * items it handled.
 * Anything throwing rolls the whole batch back: the bus then retries its
 * events one by one (runBatch), where a duplicate that raced in is skipped.
 */
export async function handleBatchOnce<T extends { readonly event: DomainEvent }>(
  db: Db,
  consumer: string,
  items: readonly T[],
  work: (em: EntityManager, item: T) => Promise<void>,
): Promise<T[]> {
  const byKey = new Map(items.map((item) => [`${consumer}:${item.event.id}`, item]));
  if (byKey.size === 0) return [];
  try {
    return await db.write(async (em) => {
      const pending = new Map(byKey);
      // Keys only, outside the identity map: a loaded marker would be flushed again.
      const done = await em.find(ProcessedEventEntity, { key: { $in: [...byKey.keys()] } }, { fields: ['key'], disableIdentityMap: true });
      for (const marker of done) pending.delete(marker.key);
      const handled: T[] = [];
      for (const [key, item] of pending) {
        await work(em, item);
        em.persist(Object.assign(new ProcessedEventEntity(), { key }));
        handled.push(item);
      }
      return handled;
    });
  } catch (error) {
    // A delivery racing this one committed first: for one event that is a duplicate; a batch is retried event by event.
    if (error instanceof UniqueConstraintViolationException && byKey.size === 1) return [];
    throw error;
  }
}
