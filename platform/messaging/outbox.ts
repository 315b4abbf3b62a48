import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Clock } from '../clock';
import { Db } from '../db';
import type { DomainEvent, EventBus } from './event-bus';
import { newId } from '../ids';
import type { Logger } from '../log';
import { currentTraceparent } from '../tracing';
import { OutboxEntryEntity, type OutboxRow } from './outbox.entity';
import type { RelayStore } from './outbox.store';
import { OrmRelayStore } from './outbox.store.orm';
import { SqliteRelayStore } from './outbox.store.sqlite';

export { OUTBOX_INSERT_SQL, OutboxEntryEntity, outboxValues, type OutboxRow } from './outbox.entity';

/**
 * Transactional outbox: a service adds its domain events to the same unit of
 * work as the state change (`outbox.add(em, ...)` before `em.flush()`), so a
 * change is never committed without its event nor an event published for a
 * change that was rolled back. The relay publishes pending rows to the bus
 * (at least once: consumers dedupe by event id).
 */

const CLAIM_MS = 30_000;
const BATCH = 100;
const PRUNE_EVERY_MS = 60_000;

export interface RelayOptions {
  /** Poll for rows left behind by a crash or a failed publish. */
  readonly intervalMs?: number;
  /** Published rows are kept this long (to inspect what went out), then deleted. */
  readonly retentionMs: number;
  /** Where rows are claimed; default: the SQLite driver on SQLite, the ORM elsewhere. */
  readonly store?: RelayStore;
}

/**
 * `M` maps event names to payload types (the subgraphs use contracts/events.ts),
 * so an event is checked against its payload type where it is written.
 */
export class Outbox<M extends object = Record<string, Record<string, unknown>>> {
  private readonly store: RelayStore;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  /** The current pass has begun claiming: a kick now needs another pass after it. */
  private claiming = false;
  private again = false;
  private stopped = false;
  private lastPrune = 0;

  constructor(
    orm: MikroORM,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly options: RelayOptions,
  ) {
    const db = new Db(orm);
    this.store = options.store ?? (db.onSqlite ? new SqliteRelayStore(db) : new OrmRelayStore(orm));
  }

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

  /**
   * Publishes what is pending now. A pass starts on the next turn of the
   * event loop, so the commits of one turn (many requests finishing together)
   * cause one pass, not one each; a kick while a pass is claiming asks for
   * one more pass after it.
   */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      if (this.claiming) this.again = true;
      return this.running;
    }
    this.running = this.pass();
    return this.running;
  }

  /** Resolves once everything committed so far is published (tests and graceful shutdown). */
  async flushPending(): Promise<void> {
    await this.kick();
    await this.idle();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.idle();
    this.stopped = true;
  }

  /** Waits out the pass running and any pass it asked for. */
  private async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async pass(): Promise<void> {
    await nextTurn();
    this.claiming = true;
    try {
      await this.drain();
    } catch (error) {
      this.log.warn('outbox relay failed; will retry', { error: String(error) });
    } finally {
      this.claiming = false;
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.kick();
      }
    }
  }

  /**
   * Batches of up to BATCH rows; marking a batch published and claiming the
   * next share one round trip to the store, so a busy service's events cost
   * the relay a few statements per hundred.
   */
  private async drain(): Promise<void> {
    await this.prune();
    let published: string[] = [];
    for (;;) {
      const now = this.clock.now();
      const batch = await this.store.claim(published, now, new Date(now.getTime() + CLAIM_MS), BATCH);
      published = [];
      if (batch.length === 0) return;
      try {
        for (const event of batch) {
          await this.bus.publish(event);
          published.push(event.id);
        }
      } catch (error) {
        // What went out stays out; the rest waits for its claim to lapse.
        await this.store.markPublished(published, this.clock.now());
        throw error;
      }
      if (batch.length < BATCH) return this.store.markPublished(published, this.clock.now());
    }
  }

  private async prune(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    await this.store.prune(new Date(now - this.options.retentionMs));
  }
}
