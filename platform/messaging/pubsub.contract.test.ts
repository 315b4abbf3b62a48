import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { waitFor } from '../../test/support/wait-for';
import type { ChangeNotice, PubSub } from './pubsub';
import { MemoryPubSub } from './pubsub.memory';
import { RedisPubSub } from './pubsub.redis';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Unique per test, so parallel runs and leftovers never interfere. */
const newPrefix = () => `test:pubsub:${randomBytes(6).toString('hex')}`;

type Factory = (prefix: string) => Promise<PubSub>;

const adapters: [string, Factory][] = [
  ['memory', async () => new MemoryPubSub()],
  ['redis', (prefix) => RedisPubSub.create({ url: REDIS_URL, prefix })],
];

/** Collects the notices a listener receives. */
function recorder(): { received: ChangeNotice[]; listener: (notice: ChangeNotice) => void } {
  const received: ChangeNotice[] = [];
  return { received, listener: (notice) => received.push(notice) };
}

describe.each(adapters)('PubSub contract: %s', (_name, factory) => {
  const opened: PubSub[] = [];
  let prefix: string;

  const open = async (p: string = prefix): Promise<PubSub> => {
    const pubsub = await factory(p);
    opened.push(pubsub);
    return pubsub;
  };

  beforeEach(() => {
    prefix = newPrefix();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((pubsub) => pubsub.close()));
  });

  it('delivers a notice to every subscriber of its channel and to no other channel', async () => {
    const pubsub = await open();
    const first = recorder();
    const second = recorder();
    const other = recorder();
    await pubsub.subscribe('order:1', first.listener);
    await pubsub.subscribe('order:1', second.listener);
    await pubsub.subscribe('order:2', other.listener);

    await pubsub.publish('order:1', { id: '1', version: 3 });
    // Published after, so once it arrives any misrouted earlier notice would have too.
    await pubsub.publish('order:2', { id: '2', version: 1 });

    await waitFor(() => first.received.length === 1 && second.received.length === 1 && other.received.length === 1);
    expect(first.received).toEqual([{ id: '1', version: 3 }]);
    expect(second.received).toEqual([{ id: '1', version: 3 }]);
    expect(other.received).toEqual([{ id: '2', version: 1 }]);
  });

  it('delivers asynchronously, never inside publish', async () => {
    const pubsub = await open();
    const { received, listener } = recorder();
    await pubsub.subscribe('order:1', listener);

    const publishing = pubsub.publish('order:1', { id: '1', version: 1 });
    expect(received).toEqual([]);
    await publishing;
    await waitFor(() => received.length === 1);
  });

  it('stops delivering to a listener once it unsubscribed, without affecting the others', async () => {
    const pubsub = await open();
    const leaving = recorder();
    const staying = recorder();
    const unsubscribe = await pubsub.subscribe('order:1', leaving.listener);
    await pubsub.subscribe('order:1', staying.listener);

    await unsubscribe();
    await unsubscribe(); // idempotent
    await pubsub.publish('order:1', { id: '1', version: 1 });

    await waitFor(() => staying.received.length === 1);
    expect(leaving.received).toEqual([]);
  });

  it('delivers again after the last listener of a channel left and a new one subscribed', async () => {
    const pubsub = await open();
    const before = recorder();
    const after = recorder();
    const unsubscribe = await pubsub.subscribe('order:1', before.listener);
    await unsubscribe();
    await pubsub.subscribe('order:1', after.listener);

    await pubsub.publish('order:1', { id: '1', version: 2 });

    await waitFor(() => after.received.length === 1);
    expect(before.received).toEqual([]);
  });

  it('keeps delivering to other listeners when one throws', async () => {
    const pubsub = await open();
    const { received, listener } = recorder();
    await pubsub.subscribe('order:1', () => {
      throw new Error('listener bug');
    });
    await pubsub.subscribe('order:1', listener);

    await pubsub.publish('order:1', { id: '1', version: 1 });
    await pubsub.publish('order:1', { id: '1', version: 2 });

    await waitFor(() => received.length === 2);
  });

  it('isolates instances with different prefixes', async () => {
    const mine = await open();
    const theirs = await open(newPrefix());
    const own = recorder();
    const foreign = recorder();
    await mine.subscribe('order:1', own.listener);
    await theirs.subscribe('order:1', foreign.listener);

    await theirs.publish('order:1', { id: '1', version: 1 });
    await mine.publish('order:1', { id: '1', version: 2 });

    await waitFor(() => own.received.length === 1 && foreign.received.length === 1);
    expect(own.received).toEqual([{ id: '1', version: 2 }]);
    expect(foreign.received).toEqual([{ id: '1', version: 1 }]);
  });

  it('rejects publish and subscribe after close', async () => {
    const pubsub = await open();
    await pubsub.close();
    await expect(pubsub.publish('order:1', { id: '1', version: 1 })).rejects.toThrow(/closed/);
    await expect(pubsub.subscribe('order:1', () => undefined)).rejects.toThrow(/closed/);
  });
});

describe('RedisPubSub', () => {
  const opened: PubSub[] = [];
  let admin: Redis;
  let prefix: string;

  const open = async (p: string = prefix): Promise<RedisPubSub> => {
    const pubsub = await RedisPubSub.create({ url: REDIS_URL, prefix: p });
    opened.push(pubsub);
    return pubsub;
  };

  beforeAll(() => {
    admin = new Redis(REDIS_URL);
  });

  beforeEach(() => {
    prefix = newPrefix();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((pubsub) => pubsub.close()));
  });

  afterAll(async () => {
    await admin.quit();
  });

  it('shares notices between instances with the same prefix', async () => {
    const publisher = await open();
    const subscriber = await open();
    const { received, listener } = recorder();
    await subscriber.subscribe('order:1', listener);

    await publisher.publish('order:1', { id: '1', version: 1 });

    await waitFor(() => received.length === 1);
  });

  it('publishes on the prefixed channel as JSON', async () => {
    const pubsub = await open();
    const raw: string[] = [];
    const spy = admin.duplicate();
    try {
      spy.on('message', (_channel: string, message: string) => raw.push(message));
      await spy.subscribe(`${prefix}:order:1`);

      await pubsub.publish('order:1', { id: '1', version: 7 });

      await waitFor(() => raw.length === 1);
      expect(JSON.parse(raw[0])).toEqual({ id: '1', version: 7 });
    } finally {
      await spy.quit();
    }
  });

  it('ignores malformed messages', async () => {
    const pubsub = await open();
    const { received, listener } = recorder();
    await pubsub.subscribe('order:1', listener);

    for (const junk of ['not json', 'null', '[]', '{"id":1,"version":1}', '{"id":"1"}', '{"id":"1","version":"2"}']) {
      await admin.publish(`${prefix}:order:1`, junk);
    }
    await admin.publish(`${prefix}:order:1`, JSON.stringify({ id: '1', version: 3 }));

    await waitFor(() => received.length > 0);
    expect(received).toEqual([{ id: '1', version: 3 }]);
  });

  it('calls onReconnect after losing the connection, and delivers again afterwards', async () => {
    const pubsub = await open();
    const { received, listener } = recorder();
    await pubsub.subscribe('order:1', listener);
    let reconnects = 0;
    pubsub.onReconnect(() => {
      reconnects += 1;
    });
    const removed = jest.fn();
    pubsub.onReconnect(removed)();

    const clients = String(await admin.client('LIST'));
    const id = /^id=(\d+) .* name=(\S+)/gm;
    const ids = [...clients.matchAll(id)].filter((match) => match[2] === `${prefix}:pubsub-subscriber`).map((match) => match[1]);
    expect(ids).toHaveLength(1);
    await admin.client('KILL', 'ID', ids[0]);

    await waitFor(() => reconnects === 1);
    // onReconnect fires only once subscriptions are back, so this cannot be missed.
    await pubsub.publish('order:1', { id: '1', version: 2 });
    await waitFor(() => received.length === 1);
    expect(received).toEqual([{ id: '1', version: 2 }]);
    expect(removed).not.toHaveBeenCalled();
  });

  it('requires a prefix', async () => {
    await expect(RedisPubSub.create({ url: REDIS_URL, prefix: '' })).rejects.toThrow(/prefix/);
  });

  it('rejects with a clear error when Redis is unreachable', async () => {
    const started = Date.now();
    await expect(RedisPubSub.create({ url: 'redis://127.0.0.1:1', prefix, connectTimeoutMs: 2000 })).rejects.toThrow(
      /Cannot connect to Redis at redis:\/\/127\.0\.0\.1:1.*ECONNREFUSED/,
    );
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
