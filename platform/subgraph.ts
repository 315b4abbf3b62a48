import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { createPubSub } from '@graphql-yoga/subscription';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { MikroORM } from '@mikro-orm/core';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { defaultFieldResolver, GraphQLError, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type AuthChecker, type NonEmptyArray, type ResolverData } from 'type-graphql';
import { hasRole, type RoleName } from './caller';
import type { Clock } from './clock';
import type { Config, ServiceName } from './config';
import { contextFromHeaders, type RequestContext } from './context';
import { refuseControlCharacters } from './checks';
import { appError, forbidden, unauthenticated } from './errors';
import { checkScope } from './scopes';
import { serverOptions } from './graphql-server';
import { withheldRoleRefusal } from './mfa';
import type { EventMap } from '../contracts/events';
import type { EventBus } from './messaging/event-bus';
import { closeServer, createHttpServer, graphqlRoute, listen, localGraphql, probeRoutes, type LocalGraphql, type Route } from './http';
import type { Logger } from './log';
import { ProcessedEventEntity } from './messaging/inbox';
import { InternalClient, type PeerUrls } from './internal-client';
import { once } from './once';
import { Db } from './db';
import { openOrm, type Entities } from './orm';
import { Outbox, OutboxEntryEntity } from './messaging/outbox';
import type { PubSub } from './messaging/pubsub';
import { scalarsMap } from './graphql-types';
import { Metrics, metricsRoute } from './metrics';
import { operationTelemetry } from './metrics.operations';
import { tracedEvents } from './tracing';

/**
 * The one bootstrap every subgraph uses: type-graphql classes → SDL printed
 * with directives → `buildSubgraphSchema`, served over HTTP with /health and /ready.
 * Tests, the one-process launcher and per-service processes all call
 * `startSubgraph`.
 */

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])';

export interface SubgraphDeps {
  readonly config: Config;
  /** Fresh reads and every write (the data rule: see platform/db.ts). */
  readonly db: Db;
  readonly pubsub: PubSub;
  readonly events: EventBus;
  /** Domain events go here, in the same unit of work as the change they describe. */
  readonly outbox: Outbox<EventMap>;
  readonly clock: Clock;
  readonly log: Logger;
  /** Calls other subgraphs' internal (SERVICE-only) operations. */
  readonly internal: InternalClient;
  /** The process's metrics, for counts only the domain knows (reservations, checkout outcomes). */
  readonly metrics: Metrics;
}

export interface SubgraphModule<TServices> {
  readonly name: ServiceName;
  readonly entities: Entities;
  // type-graphql takes resolver classes as plain constructors
  readonly resolvers: NonEmptyArray<Function>;
  readonly orphanedTypes?: Function[];
  createServices(deps: SubgraphDeps): TServices;
  /** `__resolveReference` per entity type, batched through request loaders. */
  referenceResolvers?(services: TServices): GraphQLResolverMap<RequestContext>;
  /** Idempotent: creates what is missing, never duplicates. */
  seed?(services: TServices, deps: SubgraphDeps): Promise<void>;
  routes?(services: TServices): Route[];
  /** Event consumers and timers, started before the server listens and stopped with it. */
  background?(services: TServices, deps: SubgraphDeps): Promise<Array<{ stop(): Promise<void> }>>;
}

export interface RunningSubgraph<TServices = unknown> {
  readonly name: ServiceName;
  readonly url: string;
  readonly port: number;
  readonly orm: MikroORM;
  readonly services: TServices;
  /** The GraphQL endpoint without its socket, for a gateway in the same process (the embedded mode). */
  readonly local: LocalGraphql;
  /** Turns /ready to 503 (shutdown begins); requests are still served. */
  drain(): void;
  /** Stops accepting, lets running requests finish (SHUTDOWN_GRACE_MS), then closes everything. */
  stop(): Promise<void>;
}

export interface StartSubgraphOptions {
  readonly config: Config;
  readonly pubsub: PubSub;
  readonly events: EventBus;
  readonly clock: Clock;
  readonly log: Logger;
  /** Overrides the configured port (0: any free port, as tests use). */
  readonly port?: number;
  readonly onQuery?: (query: string) => void;
  /** Where peers are (the launcher knows the ports it bound); configured URLs otherwise. */
  readonly peerUrl?: PeerUrls;
  /** The process's metrics (shared in the embedded mode); a registry of its own otherwise. */
  readonly metrics?: Metrics;
}

/** `@Authorized()` needs a caller; `@Authorized('AGENT', ...)` needs one of the roles. */
export const authChecker: AuthChecker<RequestContext, RoleName> = ({ context }: ResolverData<RequestContext>, roles) => {
  if (!context.caller) throw unauthenticated();
  if (roles.length > 0 && !hasRole(context.caller, ...roles)) throw withheldRoleRefusal(context.caller, roles) ?? forbidden(`Requires role ${roles.join(' or ')}`);
  return true;
};

export async function printSubgraphSdl<T>(module: SubgraphModule<T>): Promise<string> {
  const schema = await buildTypeGraphQLSchema(module, () => {
    throw new Error('resolvers are not instantiated while printing');
  });
  return `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`;
}

export async function buildFederatedSchema<T>(module: SubgraphModule<T>, services: T): Promise<GraphQLSchema> {
  const schema = await buildTypeGraphQLSchema(module, (resolverClass) => new resolverClass(services));
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<RequestContext>;
  for (const [typeName, fields] of Object.entries(module.referenceResolvers?.(services) ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(fields as object) } as GraphQLResolverMap<RequestContext>[string];
  }
  return guardScopes(
    guardArguments(
      buildSubgraphSchema([
        {
          typeDefs: parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`),
          resolvers: resolvers as GraphQLResolverMap<unknown>,
        },
      ]),
    ),
  );
}

/**
 * API keys reach only the root fields their scopes open (platform/scopes.ts),
 * checked here, at every subgraph, from the signed caller header: before the
 * resolver, so a refused call writes nothing. `extensions.requiredScope`
 * names the scope that was missing (the gateway audits the refusal).
 */
function guardScopes(schema: GraphQLSchema): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: RequestContext, info) => {
        const key = context.caller?.apiKey;
        if (key) {
          const check = checkScope(key.scopes, root.name, field.name);
          if (!check.ok) {
            throw appError('FORBIDDEN', check.requiredScope ? `API key "${key.name}" lacks the scope ${check.requiredScope}` : `API keys cannot call ${root.name}.${field.name}`, {
              requiredScope: check.requiredScope,
              apiKey: key.name,
            });
          }
        }
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

/**
 * The input boundary: every argument of every field, `_entities`'
 * representations included, passes `refuseControlCharacters` before the
 * field's resolver runs. The resolvers are wrapped in place, since rebuilding
 * the schema would drop the reference resolvers federation keeps on its types.
 */
function guardArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        for (const [name, value] of Object.entries(args)) refuseControlCharacters(value, name);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

type ResolverClass = new (services: unknown) => object;

async function buildTypeGraphQLSchema<T>(module: SubgraphModule<T>, instantiate: (resolverClass: ResolverClass) => object): Promise<GraphQLSchema> {
  const instances = new Map<Function, object>();
  return buildSchema({
    resolvers: module.resolvers,
    orphanedTypes: module.orphanedTypes,
    scalarsMap,
    authChecker,
    // type-graphql requires a PubSub once a @Subscription exists; events never flow
    // through it, since the gateway executes subscriptions (see platform/subscriptions.ts).
    pubSub: createPubSub(),
    validate: { forbidUnknownValues: false },
    // Federation adds Query/_entities later; an entity-only subgraph has no root fields yet.
    skipCheck: true,
    container: {
      get: (resolverClass: Function) => {
        let instance = instances.get(resolverClass);
        if (!instance) {
          instance = instantiate(resolverClass as ResolverClass);
          instances.set(resolverClass, instance);
        }
        return instance;
      },
    },
  });
}

/** A subgraph's own entities plus the platform's outbox and processed-event markers. */
export function subgraphEntities<T>(module: SubgraphModule<T>): Entities {
  return [...module.entities, OutboxEntryEntity, ProcessedEventEntity];
}

export async function startSubgraph<T>(module: SubgraphModule<T>, options: StartSubgraphOptions): Promise<RunningSubgraph<T>> {
  const { config } = options;
  const orm = await openOrm({ service: module.name, entities: subgraphEntities(module), config, onQuery: options.onQuery });
  const background: Array<{ stop(): Promise<void> }> = [];
  const metrics = options.metrics ?? new Metrics();
  const db = new Db(orm);
  const observed = metrics.trackDeadLetters(tracedEvents(options.events, module.name));
  const untrack = [
    observed.stop,
    metrics.outboxBacklog.track({ service: module.name }, () => db.read((em) => em.count(OutboxEntryEntity, { publishedAt: null }))),
  ];
  try {
    const outbox = new Outbox<EventMap>(orm, options.events, options.clock, options.log, { retentionMs: config.outbox.retentionHours * 3_600_000 });
    const peerUrl = options.peerUrl ?? ((name: ServiceName) => config.services[name].url);
    const internal = new InternalClient(module.name, peerUrl, config.auth.internalSecret, config.gateway.subgraphTimeoutMs);
    const deps: SubgraphDeps = { config, db, pubsub: options.pubsub, events: observed.bus, outbox, clock: options.clock, log: options.log, internal, metrics };
    const services = module.createServices(deps);
    await module.seed?.(services, deps);
    background.push(...((await module.background?.(services, deps)) ?? []));
    outbox.start();
    background.push(outbox);

    const shared = serverOptions<RequestContext>(config);
    const apollo = new ApolloServer<RequestContext>({
      schema: await buildFederatedSchema(module, services),
      ...shared,
      logger: options.log,
      // Inline traces only feed GraphOS usage reporting, which this project does not use.
      plugins: [...(shared.plugins ?? []), ApolloServerPluginInlineTraceDisabled(), operationTelemetry<RequestContext>({ service: module.name, log: options.log, metrics, accessLog: false })],
    });
    await apollo.start();

    const context = async (req: Pick<IncomingMessage, 'headers'>): Promise<RequestContext> => {
      try {
        return contextFromHeaders(req.headers, orm.em, config.auth.internalVerifyKeys);
      } catch (error) {
        // 401 rather than Apollo's default 500 for a refused caller header.
        throw error instanceof GraphQLError ? new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 401 } } }) : error;
      }
    };
    const probes = probeRoutes({ service: module.name }, async () => {
      const database = (await orm.isConnected()) ? 'ok' : 'unavailable';
      const transports = [options.pubsub, options.events].filter((t) => t.connected !== undefined);
      const redis = transports.length === 0 ? undefined : transports.every((t) => t.connected?.()) ? 'ok' : 'disconnected';
      return { ready: database === 'ok' && redis !== 'disconnected', details: { database, ...(redis ? { redis } : {}) } };
    });
    const server = createHttpServer([...graphqlRoute(apollo, context, config.graphql), ...probes.routes, ...metricsRoute(metrics, config), ...(module.routes?.(services) ?? [])], { log: options.log, service: module.name });
    let port: number;
    try {
      port = await listen(server, options.port ?? config.services[module.name].port, config.host, module.name);
    } catch (error) {
      await apollo.stop();
      throw error;
    }
    const stopBackground = () => Promise.all(background.map((b) => b.stop()));
    let stopped = false;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}/graphql`;
    return {
      name: module.name,
      url,
      port,
      orm,
      services,
      local: localGraphql(apollo, (headers) => context({ headers }), config.graphql, () => stopped, module.name),
      drain: probes.drain,
      stop: once(async () => {
        stopped = true;
        untrack.forEach((stop) => stop());
        await closeServer(server, config.shutdown.graceMs);
        await apollo.stop();
        await stopBackground();
        await orm.close();
      }),
    };
  } catch (error) {
    untrack.forEach((stop) => stop());
    await Promise.all(background.map((b) => b.stop()));
    await orm.close();
    throw error;
  }
}
