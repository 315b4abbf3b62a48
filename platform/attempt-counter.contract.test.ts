import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { AttemptCounter } from './attempt-counter';
import { MemoryAttemptCounter } from './attempt-counter.memory';
import { RedisAttemptCounter } from './attempt-counter.redis';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Unique per test, so parallel runs and leftovers never interfere. */
const newPrefix = () => `test:attempts:${randomBytes(6).toString('hex')}`;

const WINDOW = 60_000;
const T0 = Date.UTC(2030, 0, 1);

type Factory = (prefix: string) => AttemptCounter;

const adapters: [string, Factory][] = [
  ['memory', () => new MemoryAttemptCounter()],
  ['redis', (prefix) => new RedisAttemptCounter({ url: REDIS_URL, prefix })],
];

describe.each(adapters)('AttemptCounter contract: %s', (_name, factory) => {
  const opened: AttemptCounter[] = [];
  let prefix: string;

  const open = (p: string = prefix): AttemptCounter => {
    const counter = factory(p);
    opened.push(counter);
    return counter;
  };

  beforeEach(() => {
    prefix = newPrefix();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((counter) => counter.close()));
  });

  it('reports nothing for a key never hit', async () => {
    expect(await open().get('login:a', T0, WINDOW)).toEqual({ count: 0, lastAt: null });
  });

  it('counts hits per key and reports the latest time', async () => {
    const counter = open();
    expect(await counter.hit('login:a', T0, WINDOW)).toEqual({ count: 1, lastAt: T0 });
    expect(await counter.hit('login:a', T0 + 1_000, WINDOW)).toEqual({ count: 2, lastAt: T0 + 1_000 });
    await counter.hit('login:b', T0, WINDOW);
    expect(await counter.get('login:a', T0 + 2_000, WINDOW)).toEqual({ count: 2, lastAt: T0 + 1_000 });
    expect(await counter.get('login:b', T0 + 2_000, WINDOW)).toEqual({ count: 1, lastAt: T0 });
  });

  it('keeps counting while hits come within the window of each other, and restarts after a quiet window', async () => {
    const counter = open();
    for (let i = 0; i < 3; i++) await counter.hit('login:a', T0 + i * (WINDOW - 1), WINDOW);
    const lastHit = T0 + 2 * (WINDOW - 1);
    expect(await counter.get('login:a', lastHit + WINDOW - 1, WINDOW)).toEqual({ count: 3, lastAt: lastHit });
    expect(await counter.get('login:a', lastHit + WINDOW, WINDOW)).toEqual({ count: 0, lastAt: null });
    expect(await counter.hit('login:a', lastHit + WINDOW, WINDOW)).toEqual({ count: 1, lastAt: lastHit + WINDOW });
  });

  it('never moves the latest time backwards when a caller runs behind', async () => {
    const counter = open();
    await counter.hit('login:a', T0 + 5_000, WINDOW);
    expect(await counter.hit('login:a', T0, WINDOW)).toEqual({ count: 2, lastAt: T0 + 5_000 });
  });

  it('counts every one of many concurrent hits', async () => {
    const counter = open();
    await Promise.all(Array.from({ length: 25 }, () => counter.hit('login:a', T0, WINDOW)));
    expect((await counter.get('login:a', T0, WINDOW)).count).toBe(25);
  });

  it('forgets a key on reset', async () => {
    const counter = open();
    await counter.hit('login:a', T0, WINDOW);
    await counter.hit('login:b', T0, WINDOW);
    await counter.reset('login:a');
    await counter.reset('never-hit');
    expect(await counter.get('login:a', T0, WINDOW)).toEqual({ count: 0, lastAt: null });
    expect((await counter.get('login:b', T0, WINDOW)).count).toBe(1);
  });

  it('isolates instances with different prefixes', async () => {
    const mine = open();
    const theirs = open(newPrefix());
    await theirs.hit('login:a', T0, WINDOW);
    expect((await mine.hit('login:a', T0, WINDOW)).count).toBe(1);
  });

  it('rejects every call after close', async () => {
    const counter = open();
    await counter.close();
    await counter.close(); // idempotent
    await expect(counter.hit('login:a', T0, WINDOW)).rejects.toThrow(/closed/);
    await expect(counter.get('login:a', T0, WINDOW)).rejects.toThrow(/closed/);
    await expect(counter.reset('login:a')).rejects.toThrow(/closed/);
  });
});

describe('RedisAttemptCounter', () => {
  const opened: AttemptCounter[] = [];
  let admin: Redis;
  let prefix: string;

  const open = (options: { url?: string; commandTimeoutMs?: number } = {}): RedisAttemptCounter => {
    const counter = new RedisAttemptCounter({ url: options.url ?? REDIS_URL, prefix, commandTimeoutMs: options.commandTimeoutMs });
    opened.push(counter);
    return counter;
  };

  beforeAll(() => {
    admin = new Redis(REDIS_URL);
  });

  beforeEach(() => {
    prefix = newPrefix();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((counter) => counter.close()));
  });

  afterAll(async () => {
    await admin.quit();
  });

  it('shares counts between instances (processes) with the same prefix', async () => {
    await open().hit('login:a', T0, WINDOW);
    expect(await open().hit('login:a', T0 + 1, WINDOW)).toEqual({ count: 2, lastAt: T0 + 1 });
  });

  it('keeps each key under the prefix and lets Redis drop it once the window has passed', async () => {
    await open().hit('login:a', T0, WINDOW);
    expect(await admin.hgetall(`${prefix}:attempts:login:a`)).toEqual({ count: '1', last: String(T0) });
    const ttl = await admin.pttl(`${prefix}:attempts:login:a`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(WINDOW);
  });

  it('requires a prefix', () => {
    expect(() => new RedisAttemptCounter({ url: REDIS_URL, prefix: '' })).toThrow(/prefix/);
  });

  it('fails a call promptly when Redis is unreachable', async () => {
    const started = Date.now();
    await expect(open({ url: 'redis://127.0.0.1:1', commandTimeoutMs: 500 }).hit('login:a', T0, WINDOW)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
