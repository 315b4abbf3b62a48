import { randomBytes } from 'node:crypto';
import { waitFor } from '../test/support/wait-for';
import type { ResponseCacheStore } from './response-cache';
import { MemoryResponseCache } from './response-cache.memory';
import { RedisResponseCache } from './response-cache.redis';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const TTL = 60_000;


const adapters: Array<[string, (prefix: string) => ResponseCacheStore]> = [
  ['memory', () => new MemoryResponseCache(100)],
  ['redis', (prefix) => new RedisResponseCache({ url: REDIS_URL, prefix }, TTL)],
];

describe.each(adapters)('ResponseCacheStore contract: %s', (_name, factory) => {
  const opened: ResponseCacheStore[] = [];
  let prefix: string;
  const open = () => {
    const store = factory(prefix);
    opened.push(store);
    return store;
  };
  beforeEach(() => {
    prefix = `test:${randomBytes(6).toString('hex')}`;
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  it('misses an unknown key, then returns what was stored', async () => {
    const store = open();
    const miss = await store.get('k');
    expect(miss.value).toBeNull();
    expect(await store.set('k', '{"data":1}', ['Product:1'], TTL, miss.generation)).toBe(true);
    expect((await store.get('k')).value).toBe('{"data":1}');
  });

  it('drops exactly the entries carrying an invalidated tag', async () => {
    const store = open();
    const { generation } = await store.get('a');
    await store.set('a', 'A', ['Product:1', 'Product:*'], TTL, generation);
    await store.set('b', 'B', ['Product:2'], TTL, generation);
    await store.set('c', 'C', ['Category:1'], TTL, generation);
    await store.invalidate(['Product:2', 'Product:3']);
    expect((await store.get('a')).value).toBe('A');
    expect((await store.get('b')).value).toBeNull();
    expect((await store.get('c')).value).toBe('C');
    await store.invalidate(['Product:*']);
    expect((await store.get('a')).value).toBeNull();
  });

  it('refuses to store an answer computed before one of its tags was invalidated', async () => {
    const store = open();
    const before = await store.get('k');
    await store.invalidate(['Product:1']);
    expect(await store.set('k', 'stale', ['Product:1'], TTL, before.generation)).toBe(false);
    expect((await store.get('k')).value).toBeNull();
    // Other tags are unaffected, and an answer begun after the invalidation is kept.
    expect(await store.set('other', 'fine', ['Product:2'], TTL, before.generation)).toBe(true);
    const after = await store.get('k');
    expect(await store.set('k', 'fresh', ['Product:1'], TTL, after.generation)).toBe(true);
  });

  it('clears everything, and refuses answers begun before the clear', async () => {
    const store = open();
    const before = await store.get('a');
    await store.set('a', 'A', ['Product:1'], TTL, before.generation);
    await store.clear();
    expect((await store.get('a')).value).toBeNull();
    expect(await store.set('b', 'B', ['Product:2'], TTL, before.generation)).toBe(false);
  });

  it('forgets an entry once its time to live has passed', async () => {
    const store = open();
    const { generation } = await store.get('k');
    await store.set('k', 'short', ['Product:1'], 50, generation);
    await waitFor(async () => (await store.get('k')).value === null);
  });

});

describe('the Redis response cache across gateways', () => {
  const prefix = `test:${randomBytes(6).toString('hex')}`;
  const [one, two] = [new RedisResponseCache({ url: REDIS_URL, prefix }, TTL), new RedisResponseCache({ url: REDIS_URL, prefix }, TTL)];
  afterAll(() => Promise.all([one.close(), two.close()]));

  it('is shared: one gateway stores, the other reads; one invalidates, both miss', async () => {
    const { generation } = await one.get('k');
    await one.set('k', 'shared', ['Product:1'], TTL, generation);
    expect((await two.get('k')).value).toBe('shared');
    await two.invalidate(['Product:1']);
    expect((await one.get('k')).value).toBeNull();
  });
});

describe('the memory response cache', () => {
  it('keeps at most maxEntries answers, dropping the oldest stored', async () => {
    const store = new MemoryResponseCache(2);
    const { generation } = await store.get('a');
    for (const key of ['a', 'b', 'c']) await store.set(key, key, [], TTL, generation);
    expect((await store.get('a')).value).toBeNull();
    expect((await store.get('c')).value).toBe('c');
  });
});
