import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { SERVICE_NAMES, type Config, type ServiceName } from '../subgraphs/kernel/config';
import { createErrorFormatter } from '../subgraphs/kernel/errors';
import { closeServer, createHttpServer, graphqlRoute, listen, sendJson, type Route } from '../subgraphs/kernel/http';
import type { Logger } from '../subgraphs/kernel/log';
import { schemaDir } from '../subgraphs/kernel/project';
import { contextFromRequest, type GatewayContext } from './context';
import { checkSubgraphs } from './health';
import { depthLimit } from './limits';
import { SubgraphSource } from './subgraph-source';

export interface GatewayOptions {
  readonly config: Config;
  readonly log: Logger;
  /** Overrides the configured port (0: any free port). */
  readonly port?: number;
  /** Overrides configured subgraph URLs (the launcher passes the ports it bound). */
  readonly subgraphUrls?: Partial<Record<ServiceName, string>>;
}

export interface RunningGateway {
  readonly url: string;
  readonly port: number;
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

  const gateway = new ApolloGateway({
    supergraphSdl,
    logger: log,
    buildService: ({ name, url }) =>
      new SubgraphSource(name, urls[name as ServiceName] ?? url ?? '', config.gateway.subgraphTimeoutMs, config.auth.internalSecret),
  });
  const development = config.env === 'development';
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: createErrorFormatter(development),
    includeStacktraceInErrorResponses: development,
    validationRules: [depthLimit(config.gateway.maxQueryDepth)],
    introspection: true,
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
    ...graphqlRoute(apollo, (req) => contextFromRequest(req.headers, config.auth.jwtSecret)),
    health,
  ]);
  let port: number;
  try {
    port = await listen(server, options.port ?? config.gateway.port, config.host, 'gateway');
  } catch (error) {
    await apollo.stop();
    throw error;
  }
  log.debug('gateway listening', { port, subgraphs: urls });
  return {
    url: `http://${config.host}:${port}/graphql`,
    port,
    stop: async () => {
      await closeServer(server);
      await apollo.stop();
    },
  };
}
