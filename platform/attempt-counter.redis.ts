import { Redis } from 'ioredis';
import { NO_ATTEMPTS, type AttemptCounter, type Attempts } from './attempt-counter';
import { closeRedis } from './messaging/redis-connection';

export interface RedisAttemptCounterOptions {
  readonly url: string;
  /** Keys are `prefix:attempts:<key>`, so deployments sharing a server cannot cross-talk. */
  readonly prefix: string;
  /** Bound on every command, so a slow or unreachable Redis fails a call instead of stalling it. Default 1000. */
  readonly commandTimeoutMs?: number;
}

/**
 * Counts as one hash per key (`count`, `last`), updated by a script so
 * concurrent hits from any number of processes all count. The key expires
 * `windowMs` after the last hit: expiry is decided from the stored times
 * (so callers' clocks rule), the TTL only frees memory.
 */
const HIT = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local count = tonumber(redis.call('HGET', KEYS[1], 'count') or '0')
local last = tonumber(redis.call('HGET', KEYS[1], 'last') or '0')
if count > 0 and now - last >= window then count = 0 end
if count == 0 or now > last then last = now end
count = count + 1
redis.call('HSET', KEYS[1], 'count', count, 'last', last)
redis.call('PEXPIRE', KEYS[1], window)
return {count, last}`;

export class RedisAttemptCounter implements AttemptCounter {
  private readonly redis: Redis;
  private readonly prefix: string;
  private closed = false;

  /**
   * Connects on first use: the counter is created while a subgraph's
   * services are wired (synchronously); start-up already proves Redis is
   * reachable through the pub/sub and event-bus adapters on the same URL.
   */
  constructor(options: RedisAttemptCounterOptions) {
    if (!options.prefix) throw new Error('RedisAttemptCounter needs a non-empty prefix');
    this.prefix = options.prefix;
    this.redis = new Redis(options.url, {
      lazyConnect: true,
      connectionName: `${options.prefix}:attempt-counter`,
      commandTimeout: options.commandTimeoutMs ?? 1000,
      maxRetriesPerRequest: 1,
      // Closing while Redis is unreachable waits this long for the dead socket, 2 s by default.
      disconnectTimeout: 200,
    });
    // Failures reach the caller through the command that failed; without a listener ioredis prints them.
    this.redis.on('error', () => undefined);
  }

  async get(key: string, now: number, windowMs: number): Promise<Attempts> {
    this.assertOpen();
    const [count, last] = await this.redis.hmget(this.key(key), 'count', 'last');
    if (count === null || last === null || now - Number(last) >= windowMs) return NO_ATTEMPTS;
    return { count: Number(count), lastAt: Number(last) };
  }

  async hit(key: string, now: number, windowMs: number): Promise<Attempts> {
    this.assertOpen();
    const [count, last] = (await this.redis.eval(HIT, 1, this.key(key), Math.floor(now), Math.max(1, Math.floor(windowMs)))) as [number, number];
    return { count, lastAt: last };
  }

  async reset(key: string): Promise<void> {
    this.assertOpen();
    await this.redis.del(this.key(key));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await closeRedis(this.redis);
  }

  private key(key: string): string {
    return `${this.prefix}:attempts:${key}`;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('RedisAttemptCounter is closed');
  }
}
