import { Entity, Index, PrimaryKey, Property, type EntityManager, type MikroORM } from '@mikro-orm/core';
import type { Clock } from './clock';
import type { DomainEvent, EventBus } from './event-bus';
import { newId } from './ids';
import type { Logger } from './log';

/**
 * Transactional outbox: a service adds its domain events to the same unit of
 * work as the state change (`outbox.add(em, ...)` before `em.flush()`), so a
 * change is never committed without its event nor an event published for a
 * change that was rolled back. The relay publishes pending rows to the bus
 * (at least once: consumers dedupe by event id).
 */

@Entity({ tableName: 'outbox' })
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
  @Index()
  publishedAt: Date | null = null;

  /** A relay claims a row until then, so several processes rarely publish one row twice. */
  @Property({ type: 'datetime', nullable: true })
  claimedUntil: Date | null = null;

  @Property({ type: 'integer' })
  attempts = 0;

  toEvent(): DomainEvent {
    return { id: this.id, type: this.type, occurredAt: this.occurredAt.toISOString(), payload: this.payload };
  }
}

const CLAIM_MS = 30_000;
const BATCH = 100;

export interface RelayOptions {
  /** Poll for rows left behind by a crash or a failed publish. */
  readonly intervalMs?: number;
}

export class Outbox {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly options: RelayOptions = {},
  ) {}

  /** Adds an event to the caller's unit of work; it is published after the caller's flush (call `kick`). */
  add<T extends Record<string, unknown>>(em: EntityManager, type: string, payload: T): DomainEvent<T> {
    const entry = Object.assign(new OutboxEntryEntity(), { type, payload, occurredAt: this.clock.now() });
    em.persist(entry);
    return entry.toEvent() as DomainEvent<T>;
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

  private async drain(): Promise<void> {
    for (;;) {
      const em = this.orm.em.fork();
      const now = this.clock.now();
      const candidates = await em.find(
        OutboxEntryEntity,
        { publishedAt: null, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }] },
        { orderBy: { id: 'asc' }, limit: BATCH },
      );
      if (candidates.length === 0) return;
      for (const entry of candidates) {
        // Claim with a compare-and-set, so a second relay (another process) skips this row.
        const claimed = await em.nativeUpdate(
          OutboxEntryEntity,
          { id: entry.id, publishedAt: null, claimedUntil: entry.claimedUntil },
          { claimedUntil: new Date(now.getTime() + CLAIM_MS), attempts: entry.attempts + 1 },
        );
        if (claimed === 0) continue;
        await this.bus.publish(entry.toEvent());
        await em.nativeUpdate(OutboxEntryEntity, { id: entry.id }, { publishedAt: this.clock.now() });
      }
      if (candidates.length < BATCH) return;
    }
  }
}
