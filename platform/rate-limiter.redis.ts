import { Redis } from 'ioredis';
import type { BucketPolicy, RateDecision, RateLimiter } from './rate-limiter';
import { closeRedis } from './messaging/redis-connection';

export interface RedisRateLimiterOptions {
  readonly url: string;
  /** Keys are `prefix:rate:<key>`, so deployments sharing a server cannot cross-talk. */
  readonly prefix: string;
  /** Bound on every command, so a slow or unreachable Redis fails a call instead of stalling it. Default 1000. */
  readonly commandTimeoutMs?: number;
}

/**
 * One hash per bucket (`tokens`, `at`), read, refilled and charged by one
 * script, so every gateway replica shares the bucket and concurrent takes
 * never spend the same token twice. The arithmetic is `decide` in
 * rate-limiter.ts, in Lua; the key expires once the bucket would be full.
 */
const TAKE = `
local now = tonumber(ARGV[1])
local cost = tonumber(ARGV[2])
local burst = tonumber(ARGV[3])
local rate = tonumber(ARGV[4])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = burst
  at = now
end
local elapsed = math.max(0, now - at)
local available = math.min(burst, tokens + elapsed * rate / 1000)
local charged = math.min(math.max(cost, 0), burst)
local allowed = 0
local retry = 0
if available >= charged then
  available = available - charged
  allowed = 1
else
  retry = math.ceil((charged - available) * 1000 / rate - 0.000001)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(available), 'at', math.max(now, at))
redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil((burst - available) * 1000 / rate)) + 1000)
return {allowed, math.floor(available), retry}`;

export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis;
  private readonly prefix: string;
  private closed = false;

  /** Connects on first use; start-up already proves Redis reachable through the pub/sub on the same URL. */
  constructor(options: RedisRateLimiterOptions) {
    if (!options.prefix) throw new Error('RedisRateLimiter needs a non-empty prefix');
    this.prefix = options.prefix;
    this.redis = new Redis(options.url, {
      lazyConnect: true,
      connectionName: `${options.prefix}:rate-limiter`,
      commandTimeout: options.commandTimeoutMs ?? 1000,
      maxRetriesPerRequest: 1,
      disconnectTimeout: 200,
    });
    // Failures reach the caller through the command that failed; without a listener ioredis prints them.
    this.redis.on('error', () => undefined);
  }

  async take(key: string, cost: number, policy: BucketPolicy, now: number): Promise<RateDecision> {
    if (this.closed) throw new Error('RedisRateLimiter is closed');
    const [allowed, remaining, retryAfterMs] = (await this.redis.eval(
      TAKE,
      1,
      `${this.prefix}:rate:${key}`,
      Math.floor(now),
      cost,
      policy.burst,
      policy.perSecond,
    )) as [number, number, number];
    return allowed === 1 ? { allowed: true, remaining } : { allowed: false, remaining, retryAfterMs };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await closeRedis(this.redis);
  }
}
