import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { DomainEvent } from './event-bus';
import { newId } from '../ids';

/** The outbox table: one row per domain event, written in the unit of work of the change it describes (see Outbox). */
@Entity({ tableName: 'outbox' })
// The relay's two queries: pending rows in id order, and published rows old enough to prune.
@Index({ properties: ['publishedAt', 'id'] })
export class OutboxEntryEntity {
  /** Also the event id consumers dedupe by. */
  @PrimaryKey({ type: 'string' })
  id: string = newId();

  @Property({ type: 'string' })
  type!: string;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  publishedAt: Date | null = null;

  /** A relay claims a row until then, so several processes rarely publish one row twice. */
  @Property({ type: 'datetime', nullable: true })
  claimedUntil: Date | null = null;

  /** The claiming relay run, which reads back the rows it won in one query. */
  @Property({ type: 'string', nullable: true })
  claimedBy: string | null = null;

  /** How many times a relay claimed it: above 1, a publish failed or a relay died holding it. */
  @Property({ type: 'integer' })
  attempts = 0;

  /** The trace of the work that wrote the event (W3C traceparent), carried to its consumers; null with tracing off. */
  @Property({ type: 'string', nullable: true })
  traceparent: string | null = null;

  toEvent(): DomainEvent {
    return { id: this.id, type: this.type, occurredAt: this.occurredAt.toISOString(), payload: this.payload, ...(this.traceparent ? { traceparent: this.traceparent } : {}) };
  }
}

/** An event as a row, for a hot path that writes through the driver itself (`OUTBOX_INSERT_SQL`). */
export interface OutboxRow {
  readonly id: string;
  readonly type: string;
  readonly payload: Record<string, unknown>;
  readonly occurredAt: Date;
  readonly traceparent: string | null;
}

/** The SQL insert of one OutboxRow; its parameters in order are `outboxValues(row)`. */
export const OUTBOX_INSERT_SQL =
  'insert into outbox (id, type, payload, occurred_at, published_at, claimed_until, claimed_by, attempts, traceparent) values (?, ?, ?, ?, null, null, null, 0, ?)';

export function outboxValues(row: OutboxRow): [string, string, string, number, string | null] {
  return [row.id, row.type, JSON.stringify(row.payload), row.occurredAt.getTime(), row.traceparent];
}
