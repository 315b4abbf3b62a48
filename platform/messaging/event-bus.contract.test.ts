import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { waitFor } from '../../test/support/wait-for';
import type { DomainEvent, EventBus, EventConsumer } from './event-bus';
import { MemoryEventBus } from './event-bus.memory';
import { RedisEventBus, type RedisEventBusOptions } from './event-bus.redis';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Unique per test, so parallel runs and leftovers never interfere. */
const newPrefix = () => `test:events:${randomBytes(6).toString('hex')}`;

type Factory = (prefix: string) => Promise<EventBus>;

const adapters: [string, Factory][] = [
  ['memory', async () => new MemoryEventBus()],
  ['redis', (prefix) => RedisEventBus.create({ url: REDIS_URL, prefix })],
];

function event(type: string, payload: Record<string, unknown> = {}): DomainEvent {
  return { id: randomUUID(), type, occurredAt: new Date().toISOString(), payload };
}

/** A handler that records what it was given. */
function recorder(): { handled: DomainEvent[]; handler: (event: DomainEvent) => Promise<void> } {
  const handled: DomainEvent[] = [];
  return {
    handled,
    handler: async (e) => {
      handled.push(e);
    },
  };
}

/**
 * A handler that counts the tries of each event and fails with the message
 * `failure` gives for a try (none: it succeeds), recording what succeeded.
 */
function failingHandler(failure: (e: DomainEvent, attempt: number) => string | null): {
  attempts: Map<string, number>;
  succeeded: DomainEvent[];
  handler: (event: DomainEvent) => Promise<void>;
} {
  const attempts = new Map<string, number>();
  const succeeded: DomainEvent[] = [];
  return {
    attempts,
    succeeded,
    handler: async (e) => {
      const attempt = (attempts.get(e.id) ?? 0) + 1;
      attempts.set(e.id, attempt);
      const message = failure(e, attempt);
      if (message !== null) throw new Error(message);
      succeeded.push(e);
    },
  };
}

const ids = (events: readonly DomainEvent[]) => events.map((e) => e.id);
const seen = (events: readonly DomainEvent[], e: DomainEvent) => events.some((other) => other.id === e.id);

/**
 * Publishes a fresh event and waits until `handled()` shows it: by then the
 * group has done what it was going to do with the events published earlier.
 */
async function publishSentinel(bus: EventBus, handled: () => readonly DomainEvent[]): Promise<DomainEvent> {
  const sentinel = event('order.placed');
  await bus.publish(sentinel);
  await waitFor(() => seen(handled(), sentinel));
  return sentinel;
}

/** A promise the test settles by hand, to hold a handler in flight. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

async function deleteKeys(admin: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length > 0) await admin.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

let admin: Redis;

beforeAll(() => {
  admin = new Redis(REDIS_URL);
});

afterAll(async () => {
  await admin.quit();
});

describe.each(adapters)('EventBus contract: %s', (_name, factory) => {
  const opened: EventBus[] = [];
  const prefixes: string[] = [];
  let prefix: string;

  const open = async (p: string = prefix): Promise<EventBus> => {
    const bus = await factory(p);
    opened.push(bus);
    prefixes.push(p);
    return bus;
  };

  beforeEach(() => {
    prefix = newPrefix();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((bus) => bus.close()));
    for (const p of prefixes.splice(0)) await deleteKeys(admin, p);
  });

  it('delivers every event to every group', async () => {
    const bus = await open();
    const billing = recorder();
    const shipping = recorder();
    await bus.consume({ group: 'billing' }, billing.handler);
    await bus.consume({ group: 'shipping' }, shipping.handler);

    const published = [event('order.placed'), event('order.paid'), event('order.shipped')];
    for (const e of published) await bus.publish(e);

    await waitFor(() => billing.handled.length === 3 && shipping.handled.length === 3);
    expect(ids(billing.handled).sort()).toEqual(ids(published).sort());
    expect(ids(shipping.handled).sort()).toEqual(ids(published).sort());
    expect(billing.handled.find((e) => e.id === published[0].id)).toEqual(published[0]);
  });

  it('carries the trace context an event was written in to its consumers', async () => {
    const bus = await open();
    const billing = recorder();
    await bus.consume({ group: 'billing' }, billing.handler);
    const traced = { ...event('order.placed'), traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' };
    await bus.publish(traced);
    await waitFor(() => billing.handled.length === 1);
    expect(billing.handled[0]).toEqual(traced);
  });

  it('hands each event to exactly one consumer of a group', async () => {
    const bus = await open();
    const first = recorder();
    const second = recorder();
    await bus.consume({ group: 'billing' }, first.handler);
    await bus.consume({ group: 'billing' }, second.handler);

    const published = Array.from({ length: 20 }, (_, i) => event('order.placed', { n: i }));
    for (const e of published) await bus.publish(e);
    const all = () => [...first.handled, ...second.handled];
    await waitFor(() => published.every((e) => seen(all(), e)));
    // Anything delivered twice would have been by the time a later event is handled.
    const sentinel = await publishSentinel(bus, all);

    expect(ids(all()).sort()).toEqual(ids([...published, sentinel]).sort());
  });

  it('never runs a handler inside publish', async () => {
    const bus = await open();
    const { handled, handler } = recorder();
    await bus.consume({ group: 'billing' }, handler);

    const publishing = bus.publish(event('order.placed'));
    expect(handled).toEqual([]);
    await publishing;
    await waitFor(() => handled.length === 1);
  });

  it('redelivers an event whose handler failed until the handler succeeds', async () => {
    const bus = await open();
    const { attempts, succeeded, handler } = failingHandler((e, attempt) => (e.type === 'order.flaky' && attempt < 3 ? `transient failure ${attempt}` : null));
    await bus.consume({ group: 'billing' }, handler);

    const flaky = event('order.flaky');
    await bus.publish(flaky);
    await waitFor(() => seen(succeeded, flaky));
    const sentinel = await publishSentinel(bus, () => succeeded);

    expect(attempts.get(flaky.id)).toBe(3);
    expect(ids(succeeded)).toEqual([flaky.id, sentinel.id]);
  });

  it('parks an event whose handler keeps failing as a dead letter of its group, without blocking the group', async () => {
    const bus = await open();
    const { attempts, succeeded, handler } = failingHandler((e, attempt) => (e.type === 'order.malformed' ? `malformed payload (try ${attempt})` : null));
    await bus.consume({ group: 'billing', maxAttempts: 3 }, handler);
    const shipping = recorder();
    await bus.consume({ group: 'shipping' }, shipping.handler);

    const poison = event('order.malformed', { orderId: 42 });
    const later = event('order.placed');
    await bus.publish(poison);
    await bus.publish(later);

    await waitFor(() => seen(succeeded, later));
    await waitFor(async () => (await bus.deadLetters('billing')).length > 0);
    const letters = await bus.deadLetters('billing');
    expect(letters).toHaveLength(1);
    const [letter] = letters;
    expect(letter).toEqual({ event: poison, group: 'billing', attempts: 3, error: 'malformed payload (try 3)', at: expect.any(String) });
    expect(Number.isNaN(Date.parse(letter.at))).toBe(false);

    // Parked means acknowledged: a later event gets through and the poison is not tried again.
    const sentinel = await publishSentinel(bus, () => succeeded);
    expect(attempts.get(poison.id)).toBe(3);
    expect(ids(succeeded)).toEqual([later.id, sentinel.id]);
    expect(await bus.deadLetters('billing')).toHaveLength(1);

    await waitFor(() => seen(shipping.handled, sentinel));
    expect(ids(shipping.handled)).toEqual([poison.id, later.id, sentinel.id]);
    expect(await bus.deadLetters('shipping')).toEqual([]);
  });

  it('does not park an event whose handler succeeds within maxAttempts', async () => {
    const bus = await open();
    const { attempts, succeeded, handler } = failingHandler((_e, attempt) => (attempt < 3 ? `transient failure ${attempt}` : null));
    await bus.consume({ group: 'billing', maxAttempts: 3 }, handler);

    const flaky = event('order.placed');
    await bus.publish(flaky);
    await waitFor(() => seen(succeeded, flaky));

    expect(attempts.get(flaky.id)).toBe(3);
    expect(await bus.deadLetters('billing')).toEqual([]);
  });

  it('delivers dead letters again on redrive, once the cause is fixed, and empties them', async () => {
    const bus = await open();
    let fixed = false;
    const handled: DomainEvent[] = [];
    await bus.consume({ group: 'billing', maxAttempts: 2 }, async (e) => {
      if (!fixed) throw new Error('the payments subgraph is down');
      handled.push(e);
    });
    const stuck = [event('order.placed'), event('order.paid')];
    for (const e of stuck) await bus.publish(e);
    await waitFor(async () => (await bus.deadLetters('billing')).length === 2);

    fixed = true;
    expect(await bus.redrive('billing')).toBe(2);
    await waitFor(() => stuck.every((e) => seen(handled, e)));
    expect(ids(handled).sort()).toEqual(ids(stuck).sort());
    expect(await bus.deadLetters('billing')).toEqual([]);
    expect(await bus.redrive('billing')).toBe(0);
    expect(await bus.redrive('never-seen')).toBe(0);
  });

  /** A batch handler that holds its first batch until `held.open()`, recording every batch it was given. */
  const heldBatches = (fail: (batch: readonly DomainEvent[]) => ReadonlyMap<string, unknown> | void = () => undefined) => {
    const held = gate();
    const batches: DomainEvent[][] = [];
    const handler = async (batch: readonly DomainEvent[]) => {
      batches.push([...batch]);
      if (batches.length === 1) await held.promise;
      return fail(batch);
    };
    return { held, batches, handler, started: () => batches.length > 0 };
  };

  it('hands what is waiting to a batch consumer in one run, up to maxBatch, without waiting for a batch to fill', async () => {
    const bus = await open();
    const { held, batches, handler, started } = heldBatches();
    await bus.consumeBatches({ group: 'billing', maxBatch: 3 }, handler);
    const first = event('order.placed');
    await bus.publish(first);
    // A lone event is handed over at once.
    await waitFor(started);
    const waiting = Array.from({ length: 5 }, (_, n) => event('order.placed', { n }));
    for (const e of waiting) await bus.publish(e);
    held.open();
    await waitFor(() => batches.flat().length === 6);
    expect(batches.map(ids)).toEqual([[first.id], ids(waiting.slice(0, 3)), ids(waiting.slice(3))]);
  });

  it('retries a failed batch event by event: a poisoned event is parked after its attempts and its neighbours are handled once', async () => {
    const bus = await open();
    const poison = event('order.malformed');
    const handled: DomainEvent[] = [];
    const { held, batches, handler, started } = heldBatches((batch) => {
      if (batch.some((e) => e.id === poison.id)) throw new Error('malformed payload');
      handled.push(...batch);
    });
    await bus.consumeBatches({ group: 'billing', maxAttempts: 3 }, handler);
    await bus.publish(event('order.placed'));
    await waitFor(started);
    const [before, after] = [event('order.placed'), event('order.placed')];
    for (const e of [before, poison, after]) await bus.publish(e);
    held.open();

    await waitFor(async () => (await bus.deadLetters('billing')).length === 1);
    const [letter] = await bus.deadLetters('billing');
    expect(letter).toEqual({ event: poison, group: 'billing', attempts: 3, error: 'malformed payload', at: expect.any(String) });
    const sentinel = await publishSentinel(bus, () => handled);
    expect(ids(handled).slice(1)).toEqual([before.id, after.id, sentinel.id]);
    // The batch of three, then each of its events alone, then the poison's two retries alone.
    expect(batches.slice(1, 6).map(ids)).toEqual([[before.id, poison.id, after.id], [before.id], [poison.id], [after.id], [poison.id]]);
    expect(batches.filter((batch) => batch.some((e) => e.id === poison.id))).toHaveLength(4);
  });

  it('retries only the events a batch handler reports failed', async () => {
    const bus = await open();
    const flaky = event('order.placed', { flaky: true });
    let failedOnce = false;
    const { held, batches, handler, started } = heldBatches((batch) => {
      if (failedOnce || !batch.some((e) => e.id === flaky.id)) return undefined;
      failedOnce = true;
      return new Map([[flaky.id, new Error('not yet')]]);
    });
    await bus.consumeBatches({ group: 'billing' }, handler);
    await bus.publish(event('order.placed'));
    await waitFor(started);
    const steady = event('order.placed');
    await bus.publish(flaky);
    await bus.publish(steady);
    held.open();
    await waitFor(() => batches.length === 3);
    const sentinel = event('order.placed');
    await bus.publish(sentinel);
    await waitFor(() => batches.some((batch) => seen(batch, sentinel)));
    expect(batches.slice(1).map(ids)).toEqual([[flaky.id, steady.id], [flaky.id], [sentinel.id]]);
  });

  it('refuses a maxBatch that is not a positive integer', async () => {
    const bus = await open();
    await expect(bus.consumeBatches({ group: 'billing', maxBatch: 0 }, async () => undefined)).rejects.toThrow('maxBatch must be a positive integer, got 0');
  });

  it('has no dead letters for a group it never saw', async () => {
    const bus = await open();
    expect(await bus.deadLetters('billing')).toEqual([]);
  });

  it('passes only the requested types to the handler', async () => {
    const bus = await open();
    const billing = recorder();
    const audit = recorder();
    await bus.consume({ group: 'billing', types: ['order.placed'] }, billing.handler);
    await bus.consume({ group: 'audit' }, audit.handler);

    const low = event('stock.low');
    const placed = event('order.placed');
    await bus.publish(low);
    await bus.publish(placed);

    await waitFor(() => seen(billing.handled, placed) && audit.handled.length === 2);
    expect(ids(billing.handled)).toEqual([placed.id]);
    expect(ids(audit.handled).sort()).toEqual(ids([low, placed]).sort());
  });

  it('does not deliver events published before the group existed', async () => {
    const bus = await open();
    const early = event('order.placed');
    await bus.publish(early);
    const { handled, handler } = recorder();
    await bus.consume({ group: 'billing' }, handler);

    const late = event('order.placed');
    await bus.publish(late);

    await waitFor(() => seen(handled, late));
    expect(ids(handled)).toEqual([late.id]);
  });

  it('keeps events for a group while it has no consumer and delivers them to the next one', async () => {
    const bus = await open();
    const { handled, handler } = recorder();
    const first = await bus.consume({ group: 'billing' }, handler);
    const before = event('order.placed');
    await bus.publish(before);
    await waitFor(() => seen(handled, before));
    await first.stop();

    const whileStopped = [event('order.paid'), event('order.shipped')];
    for (const e of whileStopped) await bus.publish(e);
    await bus.consume({ group: 'billing' }, handler);

    await waitFor(() => whileStopped.every((e) => seen(handled, e)));
    const sentinel = await publishSentinel(bus, () => handled);
    expect(ids(handled).sort()).toEqual(ids([before, ...whileStopped, sentinel]).sort());
  });

  it('stop waits for the handler in flight, which then counts as handled', async () => {
    const bus = await open();
    const hold = gate();
    const started: DomainEvent[] = [];
    const finished: DomainEvent[] = [];
    const consumer: EventConsumer = await bus.consume({ group: 'billing' }, async (e) => {
      started.push(e);
      await hold.promise;
      finished.push(e);
    });
    const slow = event('order.placed');
    await bus.publish(slow);
    await waitFor(() => started.length === 1);

    let stopped = false;
    const stopping = consumer.stop().then(() => {
      stopped = true;
    });
    // Give a wrongly eager stop a few turns of the event loop to resolve.
    for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    hold.open();
    await stopping;
    expect(ids(finished)).toEqual([slow.id]);

    // Acknowledged: the group's next consumer does not get it again.
    const { handled, handler } = recorder();
    await bus.consume({ group: 'billing' }, handler);
    const sentinel = await publishSentinel(bus, () => handled);
    expect(ids(handled)).toEqual([sentinel.id]);
  });

  it('isolates buses with different prefixes', async () => {
    const mine = await open();
    const theirs = await open(newPrefix());
    const own = recorder();
    const foreign = recorder();
    await mine.consume({ group: 'billing' }, own.handler);
    await theirs.consume({ group: 'billing' }, foreign.handler);

    const ours = event('order.placed');
    await mine.publish(ours);
    const sentinel = event('order.placed');
    await theirs.publish(sentinel);

    await waitFor(() => seen(own.handled, ours) && seen(foreign.handled, sentinel));
    expect(ids(own.handled)).toEqual([ours.id]);
    expect(ids(foreign.handled)).toEqual([sentinel.id]);
  });

  it('rejects publish and consume after close', async () => {
    const bus = await open();
    await bus.close();
    await expect(bus.publish(event('order.placed'))).rejects.toThrow(/closed/);
    await expect(bus.consume({ group: 'billing' }, async () => undefined)).rejects.toThrow(/closed/);
  });
});

describe('RedisEventBus', () => {
  const opened: EventBus[] = [];
  let prefix: string;

  const open = async (options: Partial<RedisEventBusOptions> = {}): Promise<RedisEventBus> => {
    const bus = await RedisEventBus.create({ url: REDIS_URL, prefix, ...options });
    opened.push(bus);
    return bus;
  };

  const pendingCount = async (group: string): Promise<number> => {
    const [count] = (await admin.xpending(`${prefix}:events`, group)) as [number];
    return count;
  };

  beforeEach(() => {
    prefix = newPrefix();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((bus) => bus.close()));
    await deleteKeys(admin, prefix);
  });

  it('lets another consumer claim the event of a consumer whose handler never finished', async () => {
    const stuck = gate();
    const crashed = await open({ claimIdleMs: 200 });
    const hung: DomainEvent[] = [];
    await crashed.consume({ group: 'billing' }, async (e) => {
      hung.push(e);
      await stuck.promise;
    });
    try {
      const e = event('order.placed');
      await crashed.publish(e);
      await waitFor(() => seen(hung, e));

      const rescuer = await open({ claimIdleMs: 200 });
      const { handled, handler } = recorder();
      await rescuer.consume({ group: 'billing' }, handler);

      await waitFor(() => seen(handled, e));
      await waitFor(async () => (await pendingCount('billing')) === 0);
    } finally {
      // Lets the hung handler end, so closing the bus in afterEach can finish.
      stuck.open();
    }
  });

  it('claims events a dead consumer read but never acknowledged', async () => {
    const bus = await open({ claimIdleMs: 200 });
    const e = event('order.placed');
    await bus.publish(e);
    // Stand-in for a process that read the event and died: reads, never acknowledges.
    await admin.xgroup('CREATE', `${prefix}:events`, 'shipping', '0');
    await admin.xreadgroup('GROUP', 'shipping', 'dead-process', 'COUNT', 10, 'STREAMS', `${prefix}:events`, '>');
    expect(await pendingCount('shipping')).toBe(1);

    const { handled, handler } = recorder();
    await bus.consume({ group: 'shipping' }, handler);

    await waitFor(() => seen(handled, e));
    await waitFor(async () => (await pendingCount('shipping')) === 0);
  });

  it('retries at once what it left pending when restarted under the same consumer name', async () => {
    const failing = await open({ consumerName: 'worker-1' });
    const attempts: DomainEvent[] = [];
    await failing.consume({ group: 'billing' }, async (e) => {
      attempts.push(e);
      throw new Error('down');
    });
    const e = event('order.placed');
    await failing.publish(e);
    await waitFor(() => attempts.length > 0);
    await failing.close();

    // Default claimIdleMs (30s) is far beyond the wait below: only its own-pending rescan can deliver.
    const restarted = await open({ consumerName: 'worker-1' });
    const { handled, handler } = recorder();
    await restarted.consume({ group: 'billing' }, handler);

    await waitFor(() => seen(handled, e));
  });

  it('keeps consuming after its connections are killed', async () => {
    const bus = await open();
    const { handled, handler } = recorder();
    await bus.consume({ group: 'billing' }, handler);
    const before = event('order.placed');
    await bus.publish(before);
    await waitFor(() => seen(handled, before));

    const clients = String(await admin.client('LIST'));
    const ours = [...clients.matchAll(/^id=(\d+) .* name=(\S+)/gm)].filter((match) => match[2].startsWith(`${prefix}:`));
    expect(ours.length).toBeGreaterThanOrEqual(2); // the bus's own connection and the consumer's blocking one
    for (const [, id] of ours) await admin.client('KILL', 'ID', id);

    const after = event('order.placed');
    await bus.publish(after);
    await waitFor(() => seen(handled, after));
  });

  it('delivers an event whose trace context is malformed without it', async () => {
    const bus = await open();
    const { handled, handler } = recorder();
    await bus.consume({ group: 'billing' }, handler);
    const plain = event('order.placed');
    await admin.xadd(`${prefix}:events`, '*', 'event', JSON.stringify({ ...plain, traceparent: 'injected\nlog line' }));
    await waitFor(() => handled.length === 1);
    expect(handled[0]).toEqual(plain);
  });

  it('acknowledges malformed entries without calling the handler', async () => {
    const bus = await open();
    const { handled, handler } = recorder();
    await bus.consume({ group: 'billing' }, handler);
    const stream = `${prefix}:events`;
    await admin.xadd(stream, '*', 'event', 'not json');
    await admin.xadd(stream, '*', 'event', JSON.stringify({ id: 'x', type: 'order.placed' }));
    await admin.xadd(stream, '*', 'other', 'field');

    const valid = event('order.placed');
    await bus.publish(valid);

    await waitFor(() => seen(handled, valid));
    expect(ids(handled)).toEqual([valid.id]);
    await waitFor(async () => (await pendingCount('billing')) === 0);
  });

  it('keeps dead letters in a per-group stream an operator can read, and acknowledges the event', async () => {
    const bus = await open();
    await bus.consume({ group: 'billing', maxAttempts: 2 }, async () => {
      throw new Error('no such order');
    });
    const e = event('order.paid', { orderId: 'o-404' });
    await bus.publish(e);
    await waitFor(async () => (await bus.deadLetters('billing')).length === 1);

    const entries = await admin.xrange(`${prefix}:dead:billing`, '-', '+');
    expect(entries).toHaveLength(1);
    const fields = Object.fromEntries(entries[0][1].flatMap((value, i, all) => (i % 2 === 0 ? [[value, all[i + 1]]] : [])));
    expect(JSON.parse(fields.event)).toEqual(e);
    expect(fields).toMatchObject({ group: 'billing', attempts: '2', error: 'no such order' });
    expect(Number.isNaN(Date.parse(fields.at))).toBe(false);
    expect(await pendingCount('billing')).toBe(0);
  });

  it('parks an event delivered maxAttempts times to consumers that never finished it', async () => {
    const bus = await open({ claimIdleMs: 200 });
    const e = event('order.placed');
    await bus.publish(e);
    // Stand-in for processes that each crashed while handling it: three deliveries, no outcome.
    const stream = `${prefix}:events`;
    await admin.xgroup('CREATE', stream, 'shipping', '0');
    const [[, [[id]]]] = (await admin.xreadgroup('GROUP', 'shipping', 'dead-process', 'COUNT', 10, 'STREAMS', stream, '>')) as [string, [string, string[]][]][];
    await admin.xclaim(stream, 'shipping', 'dead-process', 0, id, 'RETRYCOUNT', 3);

    const { handled, handler } = recorder();
    await bus.consume({ group: 'shipping', maxAttempts: 3 }, handler);

    await waitFor(async () => (await bus.deadLetters('shipping')).length > 0);
    const [letter] = await bus.deadLetters('shipping');
    expect(letter).toMatchObject({ event: e, group: 'shipping', attempts: 3, error: expect.stringMatching(/crashed/) });
    expect(handled).toEqual([]);
    expect(await pendingCount('shipping')).toBe(0);
  });

  it('stores events as JSON in the prefixed stream', async () => {
    const bus = await open();
    const e = event('order.placed', { orderId: 'o-1', total: 12.5 });
    await bus.publish(e);

    const entries = await admin.xrange(`${prefix}:events`, '-', '+');
    expect(entries).toHaveLength(1);
    expect(entries[0][1][0]).toBe('event');
    expect(JSON.parse(entries[0][1][1])).toEqual(e);
  });

  it('requires a prefix', async () => {
    await expect(RedisEventBus.create({ url: REDIS_URL, prefix: '' })).rejects.toThrow(/prefix/);
  });

  it('rejects with a clear error when Redis is unreachable', async () => {
    const started = Date.now();
    await expect(RedisEventBus.create({ url: 'redis://127.0.0.1:1', prefix, connectTimeoutMs: 2000 })).rejects.toThrow(
      /Cannot connect to Redis at redis:\/\/127\.0\.0\.1:1.*ECONNREFUSED/,
    );
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
