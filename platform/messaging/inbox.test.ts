import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { countStatements } from '../../bench/sqlite-statements';
import { waitFor } from '../../test/support/wait-for';
import { loadConfig } from '../config';
import { Db } from '../db';
import { newId } from '../ids';
import { openOrm } from '../orm';
import type { DomainEvent } from './event-bus';
import { MemoryEventBus } from './event-bus.memory';
import { handleBatchOnce, ProcessedEventEntity } from './inbox';

/** What the consumer under test writes per event. */
@Entity({ tableName: 'inbox_test_notes' })
class NoteEntity {
  @PrimaryKey({ type: 'string' })
  id!: string;

  @Property({ type: 'string' })
  text!: string;
}

const CONSUMER = 'notes';

function event(text: string): DomainEvent {
  return { id: newId(), type: 'note.written', occurredAt: new Date().toISOString(), payload: { text } };
}

/** Stores each event as a note, in one unit of work with the markers; refuses a note saying "poison". */
const storeNotes = (db: Db) => (events: readonly DomainEvent[]) =>
  handleBatchOnce(
    db,
    CONSUMER,
    events.map((e) => ({ event: e })),
    async (em, { event: e }) => {
      if (e.payload.text === 'poison') throw new Error('cannot store a poisoned note');
      em.persist(Object.assign(new NoteEntity(), { id: e.id, text: String(e.payload.text) }));
    },
  );

describe('inbox: batches handled once', () => {
  let dataDir: string;
  const orms: MikroORM[] = [];
  const buses: MemoryEventBus[] = [];

  const open = async (): Promise<{ orm: MikroORM; db: Db }> => {
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'error' });
    const orm = await openOrm({ service: 'catalog', entities: [NoteEntity, ProcessedEventEntity], config });
    orms.push(orm);
    return { orm, db: new Db(orm) };
  };
  const notes = (orm: MikroORM) => orm.em.fork().find(NoteEntity, {}, { orderBy: { id: 'asc' } });
  const markers = (orm: MikroORM) => orm.em.fork().count(ProcessedEventEntity, {});

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'shop-inbox-'));
  });

  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
    await Promise.all(orms.splice(0).map((orm) => orm.close(true)));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('handles a batch of 50 events in one transaction of three statements with their markers', async () => {
    const { orm, db } = await open();
    const events = Array.from({ length: 50 }, (_, n) => event(`note ${n}`));
    const statements = countStatements();
    let handled: unknown[];
    try {
      handled = await storeNotes(db)(events);
    } finally {
      statements.restore();
    }
    expect(handled).toHaveLength(50);
    expect((await notes(orm)).map((note) => note.id)).toEqual(events.map((e) => e.id));
    expect(await markers(orm)).toBe(50);
    // Read the markers, insert the notes, insert the markers: one event at a time it was three per event.
    expect(statements.transactions()).toBe(1);
    expect(statements.count()).toBe(3);
  });

  it('skips a redelivered batch, and the events of a batch it already handled, with one read', async () => {
    const { orm, db } = await open();
    const first = Array.from({ length: 5 }, (_, n) => event(`note ${n}`));
    await storeNotes(db)(first);
    const statements = countStatements();
    try {
      expect(await storeNotes(db)(first)).toEqual([]);
    } finally {
      statements.restore();
    }
    expect(statements.count()).toBe(1);
    const fresh = event('fresh');
    // Redelivered with one new event, and one event twice in the batch: only the new one is stored, once.
    expect((await storeNotes(db)([...first, fresh, fresh])).map(({ event: e }) => e.id)).toEqual([fresh.id]);
    expect((await notes(orm)).map((note) => note.id)).toEqual([...first, fresh].map((e) => e.id));
    expect(await markers(orm)).toBe(6);
  });

  it('lets only one of two deliveries of a batch racing from two connections commit', async () => {
    const [a, b] = [await open(), await open()];
    const events = Array.from({ length: 20 }, (_, n) => event(`note ${n}`));
    const outcomes = await Promise.allSettled([storeNotes(a.db)(events), storeNotes(b.db)(events)]);
    // The loser saw the winner's markers (nothing to do), or lost on the unique marker or the
    // write lock and rolled back (the bus delivers its batch again).
    const handled = outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value.length : 0));
    expect(handled.sort()).toEqual([0, 20]);
    expect(await notes(a.orm)).toHaveLength(20);
    expect(await markers(a.orm)).toBe(20);
    // Delivered again: nothing more.
    expect(await storeNotes(a.db)(events)).toEqual([]);
    expect(await notes(a.orm)).toHaveLength(20);
  });

  it('does not let a poisoned event hold back its batch: the others are stored once, it is parked after its attempts and nothing of it is written', async () => {
    const { orm, db } = await open();
    const bus = new MemoryEventBus();
    buses.push(bus);
    const batches: number[] = [];
    const store = storeNotes(db);
    await bus.consumeBatches({ group: CONSUMER, maxAttempts: 3 }, async (events) => {
      batches.push(events.length);
      await store(events);
    });
    const events = [event('a'), event('b'), event('poison'), event('c'), event('d')];
    for (const e of events) await bus.publish(e);

    await waitFor(async () => (await bus.deadLetters(CONSUMER)).length === 1);
    const [letter] = await bus.deadLetters(CONSUMER);
    expect(letter).toMatchObject({ event: events[2], attempts: 3, error: 'cannot store a poisoned note' });
    expect((await notes(orm)).map((note) => note.text)).toEqual(['a', 'b', 'c', 'd']);
    expect(await markers(orm)).toBe(4);
    // The whole batch once, then each event alone, then the poison's two more tries.
    expect(batches).toEqual([5, 1, 1, 1, 1, 1, 1, 1]);
  });
});
