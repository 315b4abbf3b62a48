import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { systemClock, type Clock } from '../platform/clock';
import type { PubSub } from '../platform/messaging/pubsub';
import { SubscriptionEngine, type EngineStats, type FederatedExecutor } from './subscriptions/engine';
import { attachGraphqlWs } from './subscriptions/ws';
import { SERVICE_NAMES, type Config, type ServiceName } from '../platform/config';
import { serverOptions } from '../platform/graphql-server';
import { closeServer, createHttpServer, graphqlRoute, listen, sendJson, type Route } from '../platform/http';
import type { Logger } from '../platform/log';
import { once } from '../platform/once';
import { schemaDir } from '../platform/project';
import { clientOf, contextFromRequest, type GatewayContext } from './context';
import { checkSubgraphs } from './health';
import { operationLimits } from './limits';
import { SubgraphSource } from './subgraph-source';

export interface GatewayOptions {
  readonly config: Config;
  readonly log: Logger;
  /** Overrides the configured port (0: any free port). */
  readonly port?: number;
  /** Overrides configured subgraph URLs (the launcher passes the ports it bound). */
  readonly subgraphUrls?: Partial<Record<ServiceName, string>>;
  /** Change notices that drive subscriptions (Redis across processes). */
  readonly pubsub: PubSub;
  readonly clock?: Clock;
}

export interface RunningGateway {
  readonly url: string;
  readonly port: number;
  /** Counters of the subscription engine (benchmarks and tests read them). */
  readonly subscriptionStats: EngineStats;
  stop(): Promise<void>;
}

/**
 * The one public endpoint: a static supergraph (schema/supergraph.graphql,
 * composed at build time as in production) executed by @apollo/gateway.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { config, log } = options;
  const urls = Object.fromEntries(
    SERVICE_NAMES.map((name) => [name, options.subgraphUrls?.[name] ?? config.services[name].url]),
  ) as Record<ServiceName, string>;
  const supergraphSdl = await readFile(path.join(schemaDir(), 'supergraph.graphql'), 'utf8');
  // The client-facing schema, composed from the same subgraphs (npm run compose): graphql-ws validates against it.
  const apiSchema = buildSchema(await readFile(path.join(schemaDir(), 'api.graphql'), 'utf8'));
  const clock = options.clock ?? systemClock;

  const gateway = new ApolloGateway({
    supergraphSdl,
    logger: log,
    buildService: ({ name, url }) =>
      new SubgraphSource(name, urls[name as ServiceName] ?? url ?? '', config.gateway.subgraphTimeoutMs, config.auth.internalSecret),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    ...serverOptions(config),
    validationRules: [operationLimits(config.gateway.limits)],
    logger: log,
  });
  await apollo.start();

  const health: Route = {
    method: 'GET',
    path: '/health',
    handler: async (_req, res) => {
      const report = await checkSubgraphs(urls, config.gateway.healthTimeoutMs);
      sendJson(res, report.status === 'ok' ? 200 : 503, report);
    },
  };
  const server = createHttpServer([
    ...graphqlRoute(
      apollo,
      (req) => contextFromRequest(req.headers, config.auth.jwtVerifyKeys, { now: clock.now().getTime(), client: clientOf(req, config.gateway.trustProxyHops) }),
      config.graphql,
    ),
    health,
  ]);
  const execute: FederatedExecutor = async (document, variables, contextValue) => {
    const response = await apollo.executeOperation({ query: document, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('Incremental delivery is not used by subscriptions');
    return { data: response.body.singleResult.data, errors: response.body.singleResult.errors };
  };
  const engine = new SubscriptionEngine({
    schema: apiSchema,
    execute,
    pubsub: options.pubsub,
    clock,
    log,
    maxConcurrentFetches: config.subscriptions.maxConcurrentFetches,
    maxIdsPerSubscription: config.subscriptions.maxIdsPerSubscription,
  });
  const live = attachGraphqlWs({ server, path: '/graphql', schema: apiSchema, engine, execute, config, clock, log });
  let port: number;
  try {
    port = await listen(server, options.port ?? config.gateway.port, config.host, 'gateway');
  } catch (error) {
    await live.close();
    await apollo.stop();
    throw error;
  }
  log.debug('gateway listening', { port, subgraphs: urls });
  return {
    url: `http://${config.host}:${port}/graphql`,
    port,
    subscriptionStats: engine.stats,
    stop: once(async () => {
      await live.close();
      await closeServer(server);
      await apollo.stop();
    }),
  };
}
