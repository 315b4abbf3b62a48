import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Clock } from '../../platform/clock';
import type { Config } from '../../platform/config';
import type { ClientErrorCode } from '../../platform/errors';
import { documentTooDeep, errorFormatter } from '../../platform/graphql-server';
import type { Logger } from '../../platform/log';
import type { Metrics } from '../../platform/metrics';
import { errorCodesOf, recordOperation } from '../../platform/metrics.operations';
import { authenticate, clientOf, type GatewayContext } from '../context';
import { originAllowed } from '../cors';
import { operationLimits } from '../limits';
import { resolvePersisted, type PersistedOptions } from '../persisted';
import type { OperationRateLimit } from '../rate-limit';
import { toGraphQLError, type FederatedExecutor, type SubscriptionEngine } from './engine';

/**
 * graphql-ws (subprotocol graphql-transport-ws) on the gateway's HTTP server
 * and path. Authenticates once per connection from the `connection_init`
 * payload, validates every operation like HTTP does (plus the depth limit),
 * and hands subscriptions to the engine; queries and mutations sent over the
 * socket run through the federated graph as over HTTP.
 */

export interface LiveTransportOptions {
  readonly server: http.Server;
  readonly path: string;
  readonly schema: GraphQLSchema;
  readonly engine: SubscriptionEngine;
  readonly execute: FederatedExecutor;
  readonly config: Pick<Config, 'subscriptions' | 'gateway' | 'auth' | 'env' | 'graphql'>;
  readonly clock: Clock;
  readonly log: Logger;
  readonly metrics: Metrics;
  /** Charged once per operation at subscribe time; a subscription's events are not charged. */
  readonly rateLimit: OperationRateLimit;
  /** Operations sent by id, and the safelist, as over HTTP. */
  readonly persisted: PersistedOptions;
}

type ConnectionExtra = {
  auth?: Omit<GatewayContext, 'requestId'>;
};

/** The token may come as `authorization: "Bearer ..."` (any case) or a bare `token`. */
function authorizationOf(payload: Record<string, unknown> | undefined): string | undefined {
  if (!payload) return undefined;
  const header = payload.authorization ?? payload.Authorization;
  if (typeof header === 'string') return header;
  return typeof payload.token === 'string' ? `Bearer ${payload.token}` : undefined;
}

/** Errors of one kind (parsing, validation, variables) carry that kind's code, as Apollo Server gives them over HTTP. */
const coded = (errors: readonly GraphQLError[], code: ClientErrorCode): GraphQLError[] =>
  errors.map((e) => (e.extensions.code ? e : new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, path: e.path, extensions: { ...e.extensions, code } })));

export interface LiveTransport {
  /** Open sockets. */
  connections(): number;
  close(): Promise<void>;
}

export function attachGraphqlWs(options: LiveTransportOptions): LiveTransport {
  const { config, engine, schema } = options;
  const limits = config.subscriptions;
  const perAddress = new Map<string, number>();
  const rules = [...specifiedRules, operationLimits(config.gateway.limits), ...(config.graphql.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
  // Errors leave as they do over HTTP: the same formatter, so production hides the same details.
  const formatError = errorFormatter(config);

  const wss = new WebSocketServer({
    server: options.server,
    path: options.path,
    maxPayload: limits.maxMessageBytes,
    verifyClient: ({ origin, req }, accept) => {
      // The same allow-list as CORS; clients that send no Origin are not browsers.
      if (origin && !originAllowed(config.gateway.cors, origin)) return accept(false, 403, 'Origin not allowed');
      const address = req.socket.remoteAddress ?? 'unknown';
      if ((perAddress.get(address) ?? 0) >= limits.maxConnectionsPerAddress) return accept(false, 429, 'Too many connections from this address');
      accept(true);
    },
  });
  wss.on('connection', (socket: WebSocket, req: http.IncomingMessage) => {
    const address = req.socket.remoteAddress ?? 'unknown';
    perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
    socket.once('close', () => {
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    });
  });

  const disposable = useServer<Record<string, unknown> | undefined, ConnectionExtra>(
    {
      schema,
      isProd: config.env === 'production',
      connectionInitWaitTimeout: limits.initTimeoutMs,
      // Returning false closes the socket with 4403 Forbidden. Access tokens only: no API key authenticator is
      // passed, since a socket outlives a key's revocation (README "Security": API keys take no WebSocket).
      onConnect: async (ctx) => {
        try {
          ctx.extra.auth = await authenticate(authorizationOf(ctx.connectionParams), config.auth.jwtVerifyKeys, options.clock.now().getTime());
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: async (ctx, _id, received) => {
        // graphql-ws registers the new id before asking us, so it is already counted.
        if (Object.keys(ctx.subscriptions).length > limits.maxPerConnection) {
          return [new GraphQLError(`Too many subscriptions on this connection (limit ${limits.maxPerConnection})`, { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } })];
        }
        const prepared = resolvePersisted({ ...received }, options.persisted);
        if (prepared instanceof GraphQLError) return [prepared];
        const payload = { ...received, query: typeof prepared.query === 'string' ? prepared.query : received.query };
        const tooDeep = documentTooDeep(payload.query, config.graphql.maxTokens);
        if (tooDeep) return [tooDeep];
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: config.graphql.maxTokens });
        } catch (error) {
          return coded([error instanceof GraphQLError ? error : new GraphQLError('Could not parse the document')], 'GRAPHQL_PARSE_FAILED');
        }
        const errors = validate(schema, document, rules);
        if (errors.length > 0) return coded(errors, 'GRAPHQL_VALIDATION_FAILED');
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [new GraphQLError('The document must name one operation to run', { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })];
        const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
        if (coerced.errors) return coded(coerced.errors, 'BAD_USER_INPUT');
        const contextValue: GatewayContext = {
          ...(ctx.extra.auth ?? { caller: null, expiresAt: null }),
          requestId: randomUUID(),
          client: clientOf(ctx.extra.request, config.gateway.trustProxyHops),
        };
        const refusal = await options.rateLimit.check(contextValue, document, payload.operationName);
        if (refusal) {
          recordOperation(options.metrics, options.log, 'gateway', {
            operationName: operation.name?.value ?? null,
            type: operation.operation,
            seconds: 0,
            status: 429,
            errorCodes: ['TOO_MANY_REQUESTS'],
            clientIp: contextValue.client?.address ?? null,
            userId: contextValue.caller?.userId ?? null,
          });
          return [refusal];
        }
        const args: ExecutionArgs = { schema, document, operationName: payload.operationName, variableValues: coerced.coerced, contextValue };
        return args;
      },
      subscribe: async (args) => {
        const started = performance.now();
        const result = await engine.subscribe(args);
        // The access line of a subscription: written once it started (or was refused); its events are not operations.
        const context = args.contextValue as GatewayContext;
        recordOperation(options.metrics, options.log, 'gateway', {
          operationName: args.operationName ?? getOperationAST(args.document, args.operationName)?.name?.value ?? null,
          type: 'subscription',
          seconds: (performance.now() - started) / 1000,
          status: 101,
          errorCodes: 'errors' in result ? errorCodesOf(result.errors ?? []) : [],
          clientIp: context.client?.address ?? null,
          userId: context.caller?.userId ?? null,
        });
        return result;
      },
      execute: async (args): Promise<ExecutionResult> => {
        const result = await options.execute(args.document, (args.variableValues ?? {}) as Record<string, unknown>, args.contextValue as GatewayContext);
        // The federated result's errors are formatted already; graphql-ws sends GraphQLErrors (it calls toJSON on each).
        return { data: result.data, ...(result.errors ? { errors: result.errors.map(toGraphQLError) } : {}) };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatError(error.toJSON())),
    },
    wss,
    limits.keepAliveMs,
  );

  return {
    connections: () => wss.clients.size,
    close: async () => {
      // Sockets first (1001 Going Away), so no client sees `complete`: graphql-ws
      // clients take 1001 as a reason to reconnect and subscribe again elsewhere.
      await disposable.dispose();
      await engine.close();
    },
  };
}
