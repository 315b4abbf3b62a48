import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { BucketPolicy, RateLimiter } from './rate-limiter';
import { MemoryRateLimiter } from './rate-limiter.memory';
import { RedisRateLimiter } from './rate-limiter.redis';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Unique per test, so parallel runs and leftovers never interfere. */
const newPrefix = () => `test:rate:${randomBytes(6).toString('hex')}`;

const POLICY: BucketPolicy = { burst: 100, perSecond: 10 };
const T0 = Date.UTC(2030, 0, 1);

const adapters: [string, (prefix: string) => RateLimiter][] = [
  ['memory', () => new MemoryRateLimiter()],
  ['redis', (prefix) => new RedisRateLimiter({ url: REDIS_URL, prefix })],
];

describe.each(adapters)('RateLimiter contract: %s', (_name, factory) => {
  const opened: RateLimiter[] = [];
  let limiter: RateLimiter;

  beforeEach(() => {
    limiter = factory(newPrefix());
    opened.push(limiter);
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((open) => open.close()));
  });

  it('starts a client with a full bucket and charges each request its cost', async () => {
    expect(await limiter.take('ip:a', 30, POLICY, T0)).toEqual({ allowed: true, remaining: 70 });
    expect(await limiter.take('ip:a', 70, POLICY, T0)).toEqual({ allowed: true, remaining: 0 });
  });

  it('refuses a request costing more than is left, charges it nothing, and says when enough will have refilled', async () => {
    await limiter.take('ip:a', 95, POLICY, T0);
    expect(await limiter.take('ip:a', 20, POLICY, T0)).toEqual({ allowed: false, remaining: 5, retryAfterMs: 1_500 });
    expect(await limiter.take('ip:a', 5, POLICY, T0)).toEqual({ allowed: true, remaining: 0 });
  });

  it('refills at the policy rate, never past the burst', async () => {
    await limiter.take('ip:a', 100, POLICY, T0);
    expect(await limiter.take('ip:a', 20, POLICY, T0 + 1_999)).toMatchObject({ allowed: false, retryAfterMs: 1 });
    expect(await limiter.take('ip:a', 20, POLICY, T0 + 2_000)).toEqual({ allowed: true, remaining: 0 });
    expect(await limiter.take('ip:a', 1, POLICY, T0 + 3_600_000)).toEqual({ allowed: true, remaining: 99 });
  });

  it('keeps one bucket per key', async () => {
    await limiter.take('user:1', 100, POLICY, T0);
    expect(await limiter.take('user:2', 100, POLICY, T0)).toEqual({ allowed: true, remaining: 0 });
    expect(await limiter.take('user:1', 1, POLICY, T0)).toMatchObject({ allowed: false });
  });

  it('charges a request costing more than the burst as the burst: it needs a full bucket', async () => {
    expect(await limiter.take('ip:a', 1_000, POLICY, T0)).toEqual({ allowed: true, remaining: 0 });
    expect(await limiter.take('ip:a', 1_000, POLICY, T0 + 5_000)).toEqual({ allowed: false, remaining: 50, retryAfterMs: 5_000 });
  });

  it('never spends a token twice when requests arrive at once', async () => {
    const decisions = await Promise.all(Array.from({ length: 30 }, () => limiter.take('ip:a', 10, POLICY, T0)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10);
  });

  it('does not move a bucket backwards when a caller\'s clock is behind', async () => {
    await limiter.take('ip:a', 100, POLICY, T0 + 10_000);
    expect(await limiter.take('ip:a', 50, POLICY, T0)).toMatchObject({ allowed: false, remaining: 0 });
  });
});

describe('RedisRateLimiter', () => {
  let admin: Redis;
  const opened: RateLimiter[] = [];
  beforeAll(() => {
    admin = new Redis(REDIS_URL);
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((open) => open.close()));
  });
  afterAll(async () => {
    await admin.quit();
  });

  it('shares buckets between instances (gateway replicas) with the same prefix', async () => {
    const prefix = newPrefix();
    const [a, b] = [new RedisRateLimiter({ url: REDIS_URL, prefix }), new RedisRateLimiter({ url: REDIS_URL, prefix })];
    opened.push(a, b);
    await a.take('ip:a', 60, POLICY, T0);
    expect(await b.take('ip:a', 60, POLICY, T0)).toEqual({ allowed: false, remaining: 40, retryAfterMs: 2_000 });
  });

  it('keeps each bucket under the prefix and lets Redis drop it once it would be full again', async () => {
    const prefix = newPrefix();
    const limiter = new RedisRateLimiter({ url: REDIS_URL, prefix });
    opened.push(limiter);
    await limiter.take('ip:a', 30, POLICY, T0);
    const ttl = await admin.pttl(`${prefix}:rate:ip:a`);
    expect(ttl).toBeGreaterThan(3_000);
    expect(ttl).toBeLessThanOrEqual(4_000);
  });

  it('requires a prefix', () => {
    expect(() => new RedisRateLimiter({ url: REDIS_URL, prefix: '' })).toThrow(/prefix/);
  });
});
