import type { Config } from './config';
import type { EventBus } from './event-bus';
import { MemoryEventBus } from './event-bus.memory';
import { RedisEventBus } from './event-bus.redis';
import type { PubSub } from './pubsub';
import { MemoryPubSub } from './pubsub.memory';
import { RedisPubSub } from './pubsub.redis';

export interface Messaging {
  readonly pubsub: PubSub;
  readonly events: EventBus;
  close(): Promise<void>;
}

/** Redis when REDIS_URL is set (needed across processes), in-process otherwise. */
export async function openMessaging(config: Pick<Config, 'redis'>): Promise<Messaging> {
  if (!config.redis) {
    const pubsub = new MemoryPubSub();
    const events = new MemoryEventBus();
    return { pubsub, events, close: async () => void (await Promise.all([pubsub.close(), events.close()])) };
  }
  const pubsub = await RedisPubSub.create(config.redis);
  try {
    const events = await RedisEventBus.create(config.redis);
    return { pubsub, events, close: async () => void (await Promise.all([pubsub.close(), events.close()])) };
  } catch (error) {
    await pubsub.close();
    throw error;
  }
}
