import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { TestClock } from '../../test/support/clock';
import { countStatements } from '../../bench/sqlite-statements';
import { loadConfig } from '../config';
import type { DomainEvent, EventBus } from './event-bus';
import { createLogger } from '../log';
import { openOrm } from '../orm';
import { Outbox, OutboxEntryEntity, type RelayOptions } from './outbox';
import type { RelayStore } from './outbox.store';
import { OrmRelayStore } from './outbox.store.orm';

/** A bus that records what reached it, and can be made to fail once after N events. */
class RecordingBus implements EventBus {
  readonly published: DomainEvent[] = [];
  failAfter: number | null = null;

  async publish(event: DomainEvent): Promise<void> {
    if (this.failAfter !== null && this.published.length >= this.failAfter) {
      this.failAfter = null;
      throw new Error('bus unavailable');
    }
    this.published.push(event);
  }

  consume(): never {
    throw new Error('not used');
  }

  consumeBatches(): never {
    throw new Error('not used');
  }

  deadLetters(): never {
    throw new Error('not used');
  }

  redrive(): never {
    throw new Error('not used');
  }

  async close(): Promise<void> {}
}

const HOUR = 3_600_000;
const silent = createLogger('outbox-test', 'error', () => undefined);

/** The two stores behind the relay: each must keep every property below. */
const stores: Array<[string, ((orm: MikroORM) => RelayStore) | null]> = [
  ['SQLite driver', null],
  ['ORM (the MongoDB path)', (orm) => new OrmRelayStore(orm)],
];

describe.each(stores)('transactional outbox relay on the %s', (_store, storeOf) => {
  let dataDir: string;
  const orms: MikroORM[] = [];

  const open = async (): Promise<MikroORM> => {
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'error' });
    const orm = await openOrm({ service: 'orders', entities: [OutboxEntryEntity], config });
    orms.push(orm);
    return orm;
  };

  /** The relay under test on `orm`, with this suite's store. */
  const relay = (orm: MikroORM, bus: EventBus, clock: TestClock, options: RelayOptions = { retentionMs: HOUR }): Outbox =>
    new Outbox(orm, bus, clock, silent, { ...options, ...(storeOf ? { store: storeOf(orm) } : {}) });

  const commit = async (orm: MikroORM, outbox: Outbox, count: number): Promise<string[]> => {
    const em = orm.em.fork();
    const ids = Array.from({ length: count }, (_, i) => outbox.add(em, 'thing.happened', { n: i }).id);
    await em.flush();
    return ids;
  };

  const rows = (orm: MikroORM) => orm.em.fork().find(OutboxEntryEntity, {}, { orderBy: { id: 'asc' } });

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'shop-outbox-'));
  });

  afterEach(async () => {
    await Promise.all(orms.splice(0).map((orm) => orm.close(true)));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('publishes committed events once, in the order they were written, with a few statements per batch of 100', async () => {
    const orm = await open();
    const bus = new RecordingBus();
    const outbox = relay(orm, bus, new TestClock());
    const ids = await commit(orm, outbox, 250);
    const statements = countStatements();
    try {
      await outbox.flushPending();
      await outbox.flushPending();
    } finally {
      statements.restore();
    }
    expect(bus.published.map((e) => e.id)).toEqual(ids);
    expect((await rows(orm)).every((row) => row.publishedAt !== null && row.attempts === 1)).toBe(true);
    // Three batches, one empty look, one prune: not two writes per event. On the driver a batch
    // is two statements (claim, and mark published with the next claim); through the ORM four.
    const perBatch = storeOf ? 4 : 2;
    expect(statements.count()).toBeGreaterThan(0);
    expect(statements.count()).toBeLessThanOrEqual(3 * perBatch + 2);
  });

  it('makes one relay pass of the commits of one turn, not one per commit', async () => {
    const orm = await open();
    const bus = new RecordingBus();
    const store = storeOf?.(orm) ?? null;
    const outbox = relay(orm, bus, new TestClock());
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1) ids.push(...(await commit(orm, outbox, 1)));
    const statements = countStatements();
    try {
      // Ten requests finishing in the same turn, each kicking the relay after its commit.
      await Promise.all(Array.from({ length: 10 }, () => outbox.kick()));
      // Any pass they asked for after the first runs before this resolves.
      await outbox.stop();
    } finally {
      statements.restore();
    }
    expect(bus.published.map((e) => e.id)).toEqual(ids);
    // One pass: one claim and one mark (each one statement on the driver; find, claim, read back, mark through the ORM).
    // Plus the first pass's prune.
    expect(statements.count()).toBe(store ? 4 + 1 : 2 + 1);
  });

  it('hands each event to one relay when several processes drain the same table', async () => {
    const first = await open();
    const second = await open();
    const bus = new RecordingBus();
    const clock = new TestClock();
    const relays = [relay(first, bus, clock), relay(second, bus, clock)];
    const ids = await commit(first, relays[0], 300);
    await Promise.all([...relays, ...relays].map((relay) => relay.flushPending()));
    await Promise.all(relays.map((relay) => relay.flushPending()));
    expect(bus.published.map((e) => e.id).sort()).toEqual(ids);
  });

  it('keeps what was published when the bus fails mid-batch, and publishes the rest once the claim lapses', async () => {
    const orm = await open();
    const bus = new RecordingBus();
    const clock = new TestClock();
    const outbox = relay(orm, bus, clock);
    const ids = await commit(orm, outbox, 10);
    bus.failAfter = 4;
    await outbox.flushPending();
    expect(bus.published.map((e) => e.id)).toEqual(ids.slice(0, 4));
    expect((await rows(orm)).filter((row) => row.publishedAt !== null).map((row) => row.id)).toEqual(ids.slice(0, 4));

    // Still claimed by the failed run: nothing is sent twice meanwhile.
    await outbox.flushPending();
    expect(bus.published).toHaveLength(4);

    clock.advance(31_000);
    await outbox.flushPending();
    expect(bus.published.map((e) => e.id)).toEqual(ids);
    expect((await rows(orm)).map((row) => row.attempts)).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 2, 2]);
  });

  it('prunes published events older than the retention, never pending ones', async () => {
    const orm = await open();
    const bus = new RecordingBus();
    const clock = new TestClock();
    const outbox = relay(orm, bus, clock, { retentionMs: 24 * HOUR });
    const old = await commit(orm, outbox, 3);
    await outbox.flushPending();

    clock.advance(23 * HOUR);
    bus.failAfter = 3;
    const pending = await commit(orm, outbox, 2);
    await outbox.flushPending();
    expect((await rows(orm)).map((row) => row.id)).toEqual([...old, ...pending]);

    clock.advance(2 * HOUR);
    const recent = await commit(orm, outbox, 1);
    bus.failAfter = 3;
    await outbox.flushPending();
    // The three old ones are past 24 h; the two that never went out and the recent one stay.
    expect((await rows(orm)).map((row) => row.id)).toEqual([...pending, ...recent]);
    expect(bus.published.map((e) => e.id)).toEqual(old);
  });
});
