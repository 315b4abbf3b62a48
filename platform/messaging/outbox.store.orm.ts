import type { MikroORM } from '@mikro-orm/core';
import type { DomainEvent } from './event-bus';
import { newId } from '../ids';
import { OutboxEntryEntity } from './outbox.entity';
import type { RelayStore } from './outbox.store';

/**
 * The relay's rows through the ORM, for MongoDB (where there is no
 * transaction to claim in): find, claim with conditional updates, read back
 * the rows won, mark published. Four statements a batch however many rows.
 */
export class OrmRelayStore implements RelayStore {
  constructor(private readonly orm: MikroORM) {}

  async claim(published: readonly string[], now: Date, claimUntil: Date, limit: number): Promise<DomainEvent[]> {
    await this.markPublished(published, now);
    const em = this.orm.em.fork();
    const claimable = { publishedAt: null, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }] };
    const candidates = await em.find(OutboxEntryEntity, claimable, { orderBy: { id: 'asc' }, limit });
    if (candidates.length === 0) return [];
    // One conditional update per attempts count (normally one): a row another
    // process claimed meanwhile no longer matches, so each row goes to one relay.
    const token = newId();
    for (const [attempts, ids] of idsByAttempts(candidates)) {
      await em.nativeUpdate(OutboxEntryEntity, { ...claimable, id: { $in: ids } }, { claimedUntil: claimUntil, claimedBy: token, attempts: attempts + 1 });
    }
    // By primary key among the candidates: no scan of whatever else is pending.
    const claimed = await this.orm.em.fork().find(OutboxEntryEntity, { id: { $in: candidates.map((entry) => entry.id) }, claimedBy: token }, { orderBy: { id: 'asc' } });
    return claimed.map((entry) => entry.toEvent());
  }

  async markPublished(ids: readonly string[], at: Date): Promise<void> {
    if (ids.length > 0) await this.orm.em.fork().nativeUpdate(OutboxEntryEntity, { id: { $in: [...ids] } }, { publishedAt: at });
  }

  async prune(before: Date): Promise<void> {
    await this.orm.em.fork().nativeDelete(OutboxEntryEntity, { publishedAt: { $lt: before } });
  }
}

function idsByAttempts(entries: readonly OutboxEntryEntity[]): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const entry of entries) groups.set(entry.attempts, [...(groups.get(entry.attempts) ?? []), entry.id]);
  return groups;
}
