import type { Config } from '../config';
import type { DeadLetterOptions, EventBus } from './event-bus';
import { MemoryEventBus } from './event-bus.memory';
import { RedisEventBus } from './event-bus.redis';
import { createLogger } from '../log';
import type { PubSub } from './pubsub';
import { MemoryPubSub } from './pubsub.memory';
import { RedisPubSub } from './pubsub.redis';

export interface Messaging {
  readonly pubsub: PubSub;
  readonly events: EventBus;
  close(): Promise<void>;
}

/** Redis when REDIS_URL is set (needed across processes), in-process otherwise. */
export async function openMessaging(config: Pick<Config, 'redis' | 'events' | 'logLevel'>): Promise<Messaging> {
  const log = createLogger('event-bus', config.logLevel);
  const deadLetters: DeadLetterOptions = {
    maxAttempts: config.events.maxAttempts,
    onDeadLetter: ({ group, event, attempts, error }) =>
      log.error('event parked as a dead letter: its handler kept failing', { group, eventId: event.id, type: event.type, attempts, error }),
  };
  if (!config.redis) {
    const pubsub = new MemoryPubSub();
    const events = new MemoryEventBus(deadLetters);
    return { pubsub, events, close: async () => void (await Promise.all([pubsub.close(), events.close()])) };
  }
  const pubsub = await RedisPubSub.create(config.redis);
  try {
    const events = await RedisEventBus.create({ ...config.redis, ...deadLetters });
    return { pubsub, events, close: async () => void (await Promise.all([pubsub.close(), events.close()])) };
  } catch (error) {
    await pubsub.close();
    throw error;
  }
}
