import { type EntityManager, type MikroORM } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Clock } from '../clock';
import type { DomainEvent, EventBus } from './event-bus';
import { newId } from '../ids';
import type { Logger } from '../log';
import { currentTraceparent } from '../tracing';

/**
 * Transactional outbox: a service adds its domain events to the same unit of
 * work as the state change (`outbox.add(em, ...)` before `em.flush()`), so a
 * change is never committed without its event nor an event published for a
 * change that was rolled back. The relay publishes pending rows to the bus
 * (at least once: consumers dedupe by event id).
 */

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

const CLAIM_MS = 30_000;
const BATCH = 100;
const PRUNE_EVERY_MS = 60_000;

export interface RelayOptions {
  /** Poll for rows left behind by a crash or a failed publish. */
  readonly intervalMs?: number;
  /** Published rows are kept this long (to inspect what went out), then deleted. */
  readonly retentionMs: number;
}

/**
 * `M` maps event names to payload types (the subgraphs use contracts/events.ts),
 * so an event is checked against its payload type where it is written.
 */
export class Outbox<M extends object = Record<string, Record<string, unknown>>> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private lastPrune = 0;

  constructor(
    private readonly orm: MikroORM,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly options: RelayOptions,
  ) {}

  /** Adds an event to the caller's unit of work; it is published after the caller's flush (call `kick`). */
  add<K extends keyof M & string>(em: EntityManager, type: K, payload: M[K]): DomainEvent<M[K]> {
    const entry = Object.assign(new OutboxEntryEntity(), { type, payload, occurredAt: this.clock.now(), traceparent: currentTraceparent() });
    em.persist(entry);
    return { id: entry.id, type, occurredAt: entry.occurredAt.toISOString(), payload, ...(entry.traceparent ? { traceparent: entry.traceparent } : {}) };
  }

  /** An event as a row the caller writes in its own transaction (then calls `kick`). */
  row<K extends keyof M & string>(type: K, payload: M[K]): OutboxRow {
    return { id: newId(), type, payload: payload as Record<string, unknown>, occurredAt: this.clock.now(), traceparent: currentTraceparent() };
  }

  start(): void {
    this.timer = setInterval(() => this.kick(), this.options.intervalMs ?? 1_000);
    this.timer.unref();
    this.kick();
  }

  /** Publishes what is pending now; coalesces calls made while a run is going. */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.log.warn('outbox relay failed; will retry', { error: String(error) }))
      .finally(() => {
        this.running = null;
        if (this.again && !this.stopped) {
          this.again = false;
          void this.kick();
        }
      });
    return this.running;
  }

  /** Resolves once everything committed so far is published (tests and graceful shutdown). */
  async flushPending(): Promise<void> {
    await this.kick();
    if (this.running) await this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    this.stopped = true;
  }

  /**
   * A batch costs four statements however many rows it holds (find, claim,
   * read back the claimed, mark published), so the relay keeps up with a busy
   * service instead of doubling its writes.
   */
  private async drain(): Promise<void> {
    await this.prune();
    for (;;) {
      const em = this.orm.em.fork();
      const now = this.clock.now();
      const claimable = { publishedAt: null, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }] };
      const candidates = await em.find(OutboxEntryEntity, claimable, { orderBy: { id: 'asc' }, limit: BATCH });
      if (candidates.length === 0) return;
      // Claim with one conditional update per attempts count (normally one): a row another
      // process claimed meanwhile no longer matches, so each row goes to one relay.
      const token = newId();
      const claimedUntil = new Date(now.getTime() + CLAIM_MS);
      for (const [attempts, ids] of idsByAttempts(candidates)) {
        await em.nativeUpdate(OutboxEntryEntity, { ...claimable, id: { $in: ids } }, { claimedUntil, claimedBy: token, attempts: attempts + 1 });
      }
      // By primary key among the candidates: no scan of whatever else is pending.
      const claimed = await this.orm.em.fork().find(OutboxEntryEntity, { id: { $in: candidates.map((entry) => entry.id) }, claimedBy: token }, { orderBy: { id: 'asc' } });
      const published: string[] = [];
      try {
        for (const entry of claimed) {
          await this.bus.publish(entry.toEvent());
          published.push(entry.id);
        }
      } finally {
        if (published.length > 0) await em.nativeUpdate(OutboxEntryEntity, { id: { $in: published } }, { publishedAt: this.clock.now() });
      }
      if (candidates.length < BATCH) return;
    }
  }

  private async prune(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    await this.orm.em.fork().nativeDelete(OutboxEntryEntity, { publishedAt: { $lt: new Date(now - this.options.retentionMs) } });
  }
}

function idsByAttempts(entries: readonly OutboxEntryEntity[]): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const entry of entries) groups.set(entry.attempts, [...(groups.get(entry.attempts) ?? []), entry.id]);
  return groups;
}
