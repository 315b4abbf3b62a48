import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { getOperationAST, type DocumentNode, type GraphQLError } from 'graphql';
import type { Clock } from '../platform/clock';
import type { RateLimitSettings } from '../platform/config';
import { errorMessage, tooManyRequests } from '../platform/errors';
import type { Logger } from '../platform/log';
import type { RateLimiter } from '../platform/rate-limiter';
import type { GatewayContext } from './context';
import { fieldCount } from './limits';

/**
 * Rate limiting at the gateway: one token bucket per client, an operation
 * costing the fields it selects (fragments counted as spread), checked after
 * validation and before anything reaches a subgraph. Over HTTP a refusal is
 * 429 with Retry-After; over WebSocket it is the operation's error. Both carry
 * TOO_MANY_REQUESTS and `extensions.retryAfterSeconds`.
 */

/** Names the bucket an operation is charged to, or null to leave the choice to the next key. */
export type ClientKey = (context: GatewayContext) => string | null;

export const byUser: ClientKey = (context) => (context.caller ? `user:${context.caller.userId}` : null);
export const byAddress: ClientKey = (context) => (context.client?.address ? `ip:${context.client.address}` : null);

/**
 * The signed-in user first (one bucket across their devices and addresses),
 * else the client's address. Other credentials (API keys) go in front.
 */
export const DEFAULT_CLIENT_KEYS: readonly ClientKey[] = [byUser, byAddress];

/** Every caller nothing identifies shares one bucket (a socket without a readable address). */
export const UNIDENTIFIED_CLIENT = 'unidentified';

export function clientKeyOf(context: GatewayContext, keys: readonly ClientKey[] = DEFAULT_CLIENT_KEYS): string {
  for (const key of keys) {
    const name = key(context);
    if (name !== null) return name;
  }
  return UNIDENTIFIED_CLIENT;
}

export interface OperationRateLimitOptions {
  readonly limiter: RateLimiter;
  readonly settings: RateLimitSettings;
  readonly maxFields: number;
  readonly clock: Clock;
  readonly log: Logger;
  readonly keys?: readonly ClientKey[];
}

export class OperationRateLimit {
  private limiterFailing = false;

  constructor(private readonly options: OperationRateLimitOptions) {}

  /** The refusal for this operation, or null when the client's bucket pays for it. */
  async check(context: GatewayContext, document: DocumentNode, operationName: string | null | undefined): Promise<GraphQLError | null> {
    const { settings, limiter, clock, log } = this.options;
    if (!settings.enabled) return null;
    const operation = getOperationAST(document, operationName);
    if (!operation) return null;
    const cost = fieldCount(document, operation, this.options.maxFields);
    const key = clientKeyOf(context, this.options.keys);
    let decision;
    try {
      decision = await limiter.take(key, cost, settings, clock.now().getTime());
    } catch (error) {
      // Fail open: a limiter outage (Redis down) must not take the API down with it. Logged once per outage.
      if (!this.limiterFailing) log.warn('rate limiter unavailable; operations pass unlimited', { error: errorMessage(error) });
      this.limiterFailing = true;
      return null;
    }
    if (this.limiterFailing) log.info('rate limiter available again');
    this.limiterFailing = false;
    if (decision.allowed) return null;
    const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    return tooManyRequests(`Rate limit exceeded: this operation costs ${cost} (its fields); try again in ${retryAfterSeconds} s`, retryAfterSeconds);
  }
}

/**
 * The HTTP side: charged once the operation is known, before it is planned.
 * The error carries 429 and Retry-After for Apollo Server's response.
 * Contexts not `metered` (the subscription engine's own fetches, charged
 * once at subscribe time) pass.
 */
export function rateLimitPlugin(limit: OperationRateLimit): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operationName }) {
          if (!contextValue.metered) return;
          const refusal = await limit.check(contextValue, document, operationName);
          if (!refusal) return;
          const retryAfter = String(refusal.extensions.retryAfterSeconds);
          refusal.extensions.http = { status: 429, headers: new HeaderMap([['retry-after', retryAfter]]) };
          throw refusal;
        },
      };
    },
  };
}
