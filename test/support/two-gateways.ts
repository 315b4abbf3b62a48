import { randomUUID } from 'node:crypto';
import { startGateway } from '../../gateway/gateway';
import type { Clock } from '../../platform/clock';
import { createLogger } from '../../platform/log';
import { RedisPubSub } from '../../platform/messaging/pubsub.redis';
import { startTestStack, type TestStack } from './stack';

export interface TwoGateways {
  /** The stack, with its own gateway (`t.url`), on Redis under a prefix of its own. */
  readonly t: TestStack;
  /** A second gateway process's URL over the same subgraphs and Redis. */
  readonly secondUrl: string;
  stop(): Promise<void>;
}

export interface TwoGatewaysOptions {
  /** Settings of both gateways (and the stack), beside the Redis ones. */
  readonly env?: Record<string, string>;
  /** One clock for both gateways (rate-limit refills) and the stack; real time by default. */
  readonly clock?: Clock;
}

/** A test stack on Redis and a second gateway beside its own, as N gateway replicas behind a load balancer are. */
export async function startTwoGateways(options: TwoGatewaysOptions = {}): Promise<TwoGateways> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `test-${randomUUID()}`;
  const t = await startTestStack({ env: { ...options.env, REDIS_URL: redisUrl, REDIS_PREFIX: prefix }, clock: options.clock });
  const pubsub = await RedisPubSub.create({ url: redisUrl, prefix });
  const second = await startGateway({
    config: t.config,
    log: createLogger('test', 'error', () => undefined),
    port: 0,
    pubsub,
    clock: options.clock,
    subgraphUrls: Object.fromEntries(Object.values(t.stack.subgraphs).map((s) => [s.name, s.url])),
  });
  return {
    t,
    secondUrl: second.url,
    stop: async () => {
      await second.stop();
      await pubsub.close();
      await t.stop();
    },
  };
}
