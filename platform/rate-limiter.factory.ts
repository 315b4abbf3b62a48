import type { Config } from './config';
import type { RateLimiter } from './rate-limiter';
import { MemoryRateLimiter } from './rate-limiter.memory';
import { RedisRateLimiter } from './rate-limiter.redis';

/** Redis when REDIS_URL is set (one bucket per client across every gateway replica), in-process otherwise. */
export function createRateLimiter(config: Pick<Config, 'redis'>): RateLimiter {
  return config.redis ? new RedisRateLimiter(config.redis) : new MemoryRateLimiter();
}
