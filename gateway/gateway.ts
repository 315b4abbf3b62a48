import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSchema, GraphQLError } from 'graphql';
import { systemClock, type Clock } from '../platform/clock';
import type { PubSub } from '../platform/messaging/pubsub';
import { SubscriptionEngine, type EngineStats, type FederatedExecutor } from './subscriptions/engine';
import { attachGraphqlWs } from './subscriptions/ws';
import { SERVICE_NAMES, type Config, type ServiceName } from '../platform/config';
import { serverOptions } from '../platform/graphql-server';
import { NODE_SUBGRAPH, nodeSubgraph } from './node';
import { closeServer, createHttpServer, graphqlRoute, listen, probeRoutes, type LocalGraphql } from '../platform/http';
import type { Logger } from '../platform/log';
import { Metrics, metricsRoute } from '../platform/metrics';
import { operationTelemetry, recordOperation } from '../platform/metrics.operations';
import { parseSpan } from '../platform/tracing';
import { once } from '../platform/once';
import { schemaDir, webDistDir } from '../platform/project';
import { clientOf, contextFromRequest, type GatewayContext } from './context';
import { applyCors } from './cors';
import { ideAssets, idePage, wantsIde } from './ide';
import { checkSubgraphs, SubgraphStates } from './health';
import { operationLimits } from './limits';
import { PersistedOperations, resolvePersisted, type PersistedOptions } from './persisted';
import { OperationRateLimit, rateLimitPlugin } from './rate-limit';
import { createRateLimiter } from '../platform/rate-limiter.factory';
import type { ResponseCacheStore } from './response-cache';
import { MemoryResponseCache } from './response-cache.memory';
import { startResponseCache } from './response-cache.plugin';
import { RedisResponseCache } from './response-cache.redis';
import { SubgraphSource } from './subgraph-source';
import { ApiKeys } from './api-keys';
import { compileTools, mcpRoutes } from './mcp';
import { MCP_TOOLS } from './mcp.tools';
import { InternalClient } from '../platform/internal-client';
import { stripeWebhookProxy } from './webhooks';
import { webRoutes } from './web';

export interface GatewayOptions {
  readonly config: Config;
  readonly log: Logger;
  /** Overrides the configured port (0: any free port). */
  readonly port?: number;
  /** Overrides configured subgraph URLs (the launcher passes the ports it bound). */
  readonly subgraphUrls?: Partial<Record<ServiceName, string>>;
  /** Subgraphs in this process (the embedded mode), called without HTTP; the others over HTTP. */
  readonly localSubgraphs?: Partial<Record<ServiceName, LocalGraphql>>;
  /** Change notices that drive subscriptions (Redis across processes). */
  readonly pubsub: PubSub;
  readonly clock?: Clock;
  /** The process's metrics (shared with the subgraphs in the embedded mode); a registry of its own otherwise. */
  readonly metrics?: Metrics;
}

export interface RunningGateway {
  readonly url: string;
  readonly port: number;
  /** Counters of the subscription engine (benchmarks and tests read them). */
  readonly subscriptionStats: EngineStats;
  /** Turns /ready to 503 (shutdown begins); requests are still served. */
  drain(): void;
  /**
   * Stops accepting, lets running requests finish (SHUTDOWN_GRACE_MS), and
   * closes WebSockets with 1001 without completing their subscriptions, so
   * graphql-ws clients reconnect (to another replica) and subscribe again.
   */
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
  const tools = compileTools(apiSchema, MCP_TOOLS);
  const metrics = options.metrics ?? new Metrics();
  const states = new SubgraphStates(log);
  const limiter = createRateLimiter(config);
  const apiKeys = new ApiKeys(
    new InternalClient('gateway', (name) => urls[name], config.auth.internalSecret, config.gateway.subgraphTimeoutMs),
    limiter,
    config.gateway.apiKeyRequestsPerMinute,
    log,
  );
  const persisted: PersistedOptions = { operations: await loadPersisted(config, log), safelist: config.gateway.persisted.safelist };
  const rateLimit = new OperationRateLimit({ limiter, settings: config.gateway.rateLimit, maxFields: config.gateway.limits.maxFields, clock, log });

  const transport = { timeoutMs: config.gateway.subgraphTimeoutMs, maxSockets: config.gateway.subgraphMaxSockets, idleTimeoutMs: config.gateway.subgraphIdleTimeoutMs };
  const sources: SubgraphSource[] = [];
  const nodes = nodeSubgraph({ urls, timeoutMs: config.gateway.subgraphTimeoutMs });
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger: log,
    buildService: ({ name, url }) => {
      // The node subgraph always runs here (gateway/node.ts); its URL in the supergraph is never called.
      const local = name === NODE_SUBGRAPH ? nodes : options.localSubgraphs?.[name as ServiceName];
      const source = new SubgraphSource(name, urls[name as ServiceName] ?? url ?? '', transport, config.auth.internalSecret, metrics, states, local);
      sources.push(source);
      return source;
    },
  });
  const cache = config.gateway.responseCache
    ? await startResponseCache({ store: responseCacheStore(config, config.gateway.responseCache), ttlMs: config.gateway.responseCache.ttlMs, pubsub: options.pubsub, log })
    : null;
  const shared = serverOptions<GatewayContext>(config);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    ...shared,
    // Safelist mode: no automatic persisted queries, which would let a client register any text.
    ...(persisted.safelist ? { persistedQueries: false as const } : {}),
    validationRules: [operationLimits(config.gateway.limits)],
    logger: log,
    plugins: [
      ...(shared.plugins ?? []),
      // Apollo's own landing page loads Sandbox from a CDN; the IDE is served by us (gateway/ide.ts).
      ApolloServerPluginLandingPageDisabled(),
      parseSpan<GatewayContext>(),
      apiKeys.plugin(),
      rateLimitPlugin(rateLimit),
      ...(cache ? [cache.plugin] : []),
      operationTelemetry<GatewayContext>({
        service: 'gateway',
        log,
        metrics,
        accessLog: true,
        who: (context) => ({ userId: context.caller?.userId ?? null, clientIp: context.client?.address ?? null }),
      }),
    ],
  });
  try {
    await apollo.start();
  } catch (error) {
    await cache?.stop();
    throw error;
  }

  const probes = probeRoutes({}, async () => {
    const report = await checkSubgraphs(urls, config.gateway.healthTimeoutMs, states);
    const redis = options.pubsub.connected ? (options.pubsub.connected() ? 'ok' : 'disconnected') : undefined;
    return { ready: report.status === 'ok' && redis !== 'disconnected', details: { subgraphs: report.subgraphs, ...(redis ? { redis } : {}) } };
  });
  const [graphqlGet, graphqlPost] = graphqlRoute(apollo, async (req) => {
    const client = clientOf(req, config.gateway.trustProxyHops);
    try {
      return { ...(await contextFromRequest(req.headers, config.auth.jwtVerifyKeys, { now: clock.now().getTime(), client, apiKeys })), metered: true };
    } catch (error) {
      // Refused before Apollo's request pipeline (and its access line) begins: the access line is written here.
      const extensions = error instanceof GraphQLError ? error.extensions : {};
      const status = (extensions.http as { status?: number } | undefined)?.status ?? 401;
      const code = typeof extensions.code === 'string' ? extensions.code : 'UNAUTHENTICATED';
      recordOperation(metrics, log, 'gateway', { operationName: null, type: null, seconds: 0, status, errorCodes: [code], clientIp: client.address, userId: null });
      throw error;
    }
  }, {
    ...config.graphql,
    prepare: (req, request) => {
      const prepared = resolvePersisted(request, persisted);
      if (prepared instanceof GraphQLError) {
        const client = clientOf(req, config.gateway.trustProxyHops);
        recordOperation(metrics, log, 'gateway', { operationName: null, type: null, seconds: 0, status: 400, errorCodes: [String(prepared.extensions.code)], clientIp: client.address, userId: null });
      }
      return prepared;
    },
  });
  const execute: FederatedExecutor = async (document, variables, contextValue) => {
    const response = await apollo.executeOperation({ query: document, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('Incremental delivery is not used by subscriptions');
    return { data: response.body.singleResult.data, errors: response.body.singleResult.errors };
  };
  const server = createHttpServer([
    config.gateway.ide ? { ...graphqlGet, handler: (req, res) => (wantsIde(req) ? idePage(req, res) : graphqlGet.handler(req, res)) } : graphqlGet,
    graphqlPost,
    ...(config.gateway.ide ? [ideAssets] : []),
    ...probes.routes,
    ...metricsRoute(metrics, config),
    ...mcpRoutes({
      tools,
      apiKeys,
      execute,
      clock,
      log,
      trustProxyHops: config.gateway.trustProxyHops,
      maxRequestBytes: config.graphql.maxRequestBytes,
    }),
    stripeWebhookProxy(urls.payments, config.gateway.subgraphTimeoutMs),
    // Last: the apps answer every other path a browser navigates to.
    ...(config.gateway.webApps ? webRoutes(webDistDir(), config.gateway.stripeElements) : []),
  ], { intercept: (req, res) => applyCors(config.gateway.cors, req, res), log, service: 'gateway' });
  const engine = new SubscriptionEngine({
    schema: apiSchema,
    execute,
    pubsub: options.pubsub,
    clock,
    log,
    maxConcurrentFetches: config.subscriptions.maxConcurrentFetches,
    maxIdsPerSubscription: config.subscriptions.maxIdsPerSubscription,
  });
  const live = attachGraphqlWs({ server, path: '/graphql', schema: apiSchema, engine, execute, config, clock, log, metrics, rateLimit, persisted });
  const untrack = [
    metrics.websocketConnections.track({ service: 'gateway' }, () => live.connections()),
    metrics.subscriptions.track({ service: 'gateway', kind: 'subscribers' }, () => engine.stats.subscribers),
    metrics.subscriptions.track({ service: 'gateway', kind: 'topics' }, () => engine.stats.topics),
    metrics.subscriptionEvents.track({ service: 'gateway', stage: 'received' }, () => engine.stats.notices),
    metrics.subscriptionEvents.track({ service: 'gateway', stage: 'fetched' }, () => engine.stats.fetches),
    metrics.subscriptionEvents.track({ service: 'gateway', stage: 'delivered' }, () => engine.stats.delivered),
  ];
  let port: number;
  try {
    port = await listen(server, options.port ?? config.gateway.port, config.host, 'gateway');
  } catch (error) {
    untrack.forEach((stop) => stop());
    await live.close();
    await apollo.stop();
    await limiter.close();
    sources.forEach((source) => source.close());
    await cache?.stop();
    throw error;
  }
  log.debug('gateway listening', { port, subgraphs: urls });
  return {
    url: `http://${config.host}:${port}/graphql`,
    port,
    subscriptionStats: engine.stats,
    drain: probes.drain,
    stop: once(async () => {
      untrack.forEach((stop) => stop());
      await live.close();
      await closeServer(server, config.shutdown.graceMs);
      await apollo.stop();
        await limiter.close();
      sources.forEach((source) => source.close());
      await cache?.stop();
    }),
  };
}

/** The manifest when it exists; required with SAFELIST=true, since without it nothing could run. */
async function loadPersisted(config: Config, log: Logger): Promise<PersistedOperations | null> {
  const { manifest, safelist } = config.gateway.persisted;
  if (!safelist && !existsSync(manifest)) return null;
  const operations = await PersistedOperations.load(manifest);
  log.info('persisted operations loaded', { file: manifest, operations: operations.size, safelist });
  return operations;
}

/** Shared by every gateway through Redis when it is configured; this process's own otherwise. */
function responseCacheStore(config: Config, settings: { readonly ttlMs: number; readonly maxEntries: number }): ResponseCacheStore {
  // An invalidation is remembered longer than any answer can take to compute, so a slow one is never stored after it.
  const stampTtlMs = settings.ttlMs + 4 * config.gateway.subgraphTimeoutMs;
  return config.redis ? new RedisResponseCache(config.redis, stampTtlMs) : new MemoryResponseCache(settings.maxEntries);
}
