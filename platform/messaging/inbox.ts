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
  const key = `${consumer}:${event.id}`;
  try {
    return await db.write(async (em) => {
      if (await em.findOne(ProcessedEventEntity, { key })) return false;
      await work(em);
      em.persist(Object.assign(new ProcessedEventEntity(), { key }));
      return true;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) return false;
    throw error;
  }
}
