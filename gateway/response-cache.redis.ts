import { Redis } from 'ioredis';
import { closeRedis } from '../platform/messaging/redis-connection';
import type { CacheLookup, ResponseCacheStore } from './response-cache';

export interface RedisResponseCacheOptions {
  readonly url: string;
  /** Keys are `prefix:rc:...`, so deployments sharing a server cannot cross-talk. */
  readonly prefix: string;
  /** Bound on every command: a slow Redis costs a miss, never a stalled request. Default 500. */
  readonly commandTimeoutMs?: number;
}

/**
 * The cache shared by every gateway replica. Entries live under an epoch
 * (bumped by `clear`), each tag has a set of the entries carrying it and the
 * generation it was last invalidated at; scripts make "check the tags, then
 * store" and "drop a tag's entries" atomic, so an answer computed before an
 * invalidation on any replica is never stored after it.
 * (Keys are built inside the scripts: one Redis, not a cluster.)
 */
const GET = `
local epoch = redis.call('GET', ARGV[1] .. ':epoch') or '0'
local value = redis.call('GET', ARGV[1] .. ':e:' .. epoch .. ':' .. ARGV[2])
local generation = redis.call('GET', ARGV[1] .. ':generation') or '0'
return {value or false, generation}`;

const SET = `
local p = ARGV[1]
local generation = tonumber(ARGV[3])
if tonumber(redis.call('GET', p .. ':cleared') or '0') > generation then return 0 end
for i = 6, #ARGV do
  if tonumber(redis.call('GET', p .. ':stamp:' .. ARGV[i]) or '-1') > generation then return 0 end
end
local epoch = redis.call('GET', p .. ':epoch') or '0'
local key = p .. ':e:' .. epoch .. ':' .. ARGV[2]
redis.call('SET', key, ARGV[4], 'PX', ARGV[5])
for i = 6, #ARGV do
  local set = p .. ':tag:' .. ARGV[i]
  redis.call('SADD', set, key)
  redis.call('PEXPIRE', set, ARGV[5])
end
return 1`;

const INVALIDATE = `
local p = ARGV[1]
local generation = redis.call('INCR', p .. ':generation')
for i = 3, #ARGV do
  local set = p .. ':tag:' .. ARGV[i]
  local keys = redis.call('SMEMBERS', set)
  for j = 1, #keys, 500 do redis.call('DEL', unpack(keys, j, math.min(j + 499, #keys))) end
  redis.call('DEL', set)
  redis.call('SET', p .. ':stamp:' .. ARGV[i], generation, 'PX', ARGV[2])
end
return generation`;

const CLEAR = `
local p = ARGV[1]
local generation = redis.call('INCR', p .. ':generation')
redis.call('INCR', p .. ':epoch')
redis.call('SET', p .. ':cleared', generation)
return generation`;

export class RedisResponseCache implements ResponseCacheStore {
  private readonly redis: Redis;
  private readonly prefix: string;

  /** `stampTtlMs`: how long an invalidation is remembered, at least the longest an answer takes to compute. */
  constructor(options: RedisResponseCacheOptions, private readonly stampTtlMs: number) {
    if (!options.prefix) throw new Error('RedisResponseCache needs a non-empty prefix');
    this.prefix = `${options.prefix}:rc`;
    this.redis = new Redis(options.url, {
      lazyConnect: true,
      connectionName: `${options.prefix}:response-cache`,
      commandTimeout: options.commandTimeoutMs ?? 500,
      maxRetriesPerRequest: 1,
      disconnectTimeout: 200,
    });
    // Failures reach the caller through the command that failed; without a listener ioredis prints them.
    this.redis.on('error', () => undefined);
  }

  async get(key: string): Promise<CacheLookup> {
    const [value, generation] = (await this.redis.eval(GET, 0, this.prefix, key)) as [string | null, string];
    return { value: value || null, generation: Number(generation) };
  }

  async set(key: string, value: string, tags: readonly string[], ttlMs: number, generation: number): Promise<boolean> {
    return (await this.redis.eval(SET, 0, this.prefix, key, generation, value, Math.max(1, Math.floor(ttlMs)), ...tags)) === 1;
  }

  async invalidate(tags: readonly string[]): Promise<void> {
    if (tags.length) await this.redis.eval(INVALIDATE, 0, this.prefix, this.stampTtlMs, ...tags);
  }

  async clear(): Promise<void> {
    await this.redis.eval(CLEAR, 0, this.prefix);
  }

  async close(): Promise<void> {
    await closeRedis(this.redis);
  }
}
