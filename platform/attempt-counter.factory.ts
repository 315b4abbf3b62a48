import type { AttemptCounter } from './attempt-counter';
import { MemoryAttemptCounter } from './attempt-counter.memory';
import { RedisAttemptCounter } from './attempt-counter.redis';
import type { Config } from './config';

/** Redis when REDIS_URL is set (counts shared by every process), in-process otherwise. */
export function createAttemptCounter(config: Pick<Config, 'redis'>): AttemptCounter {
  return config.redis ? new RedisAttemptCounter(config.redis) : new MemoryAttemptCounter();
}
