import type { Db } from '../db';
import type { DomainEvent } from './event-bus';
import { newId } from '../ids';
import type { RelayStore } from './outbox.store';

/** Settles the previous batch: ids as one JSON array parameter, so one prepared statement serves every batch size. */
const MARK_PUBLISHED = 'update outbox set published_at = ? where id in (select value from json_each(?))';

/** Claims and reads back in one statement; the (published_at, id) index serves the inner select. */
const CLAIM = `update outbox set claimed_until = ?, claimed_by = ?, attempts = attempts + 1
  where id in (select id from outbox where published_at is null and (claimed_until is null or claimed_until < ?) order by id limit ?)
  returning id, type, payload, occurred_at, traceparent`;

const PRUNE = 'delete from outbox where published_at < ?';

interface ClaimedRow {
  readonly id: string;
  readonly type: string;
  readonly payload: string;
  readonly occurred_at: number;
  readonly traceparent: string | null;
}

/**
 * The relay's rows on the SQLite driver itself, statements prepared once per
 * connection: settling a batch and claiming the next are one IMMEDIATE
 * transaction of two statements (the write lock makes the claim exclusive
 * between processes), where the ORM took four statements and built and
 * hydrated entities for each (28% of the inventory process's CPU in the
 * lean-reservation profile, bench/README.md).
 */
export class SqliteRelayStore implements RelayStore {
  constructor(private readonly db: Db) {}

  claim(published: readonly string[], now: Date, claimUntil: Date, limit: number): Promise<DomainEvent[]> {
    return this.db.sqliteTransaction((prepared) => {
      if (published.length > 0) prepared(MARK_PUBLISHED).run(now.getTime(), JSON.stringify(published));
      const rows = prepared(CLAIM).all(claimUntil.getTime(), newId(), now.getTime(), limit) as ClaimedRow[];
      // RETURNING gives no order.
      return rows.sort((a, b) => (a.id < b.id ? -1 : 1)).map(eventOf);
    });
  }

  async markPublished(ids: readonly string[], at: Date): Promise<void> {
    if (ids.length > 0) await this.db.sqliteTransaction((prepared) => prepared(MARK_PUBLISHED).run(at.getTime(), JSON.stringify(ids)));
  }

  async prune(before: Date): Promise<void> {
    await this.db.sqliteTransaction((prepared) => prepared(PRUNE).run(before.getTime()));
  }
}

function eventOf(row: ClaimedRow): DomainEvent {
  const occurredAt = new Date(row.occurred_at).toISOString();
  return { id: row.id, type: row.type, occurredAt, payload: JSON.parse(row.payload) as Record<string, unknown>, ...(row.traceparent ? { traceparent: row.traceparent } : {}) };
}
