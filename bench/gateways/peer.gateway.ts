import 'reflect-metadata';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { CALLER_HEADER, signCallerHeader } from '../../platform/caller';
import { loadConfig, SERVICE_NAMES, type Config } from '../../platform/config';
import { schemaDir } from '../../platform/project';
import { authenticate } from '../../gateway/context';

/**
 * The gateways ours is measured against, each in a process of its own
 * (`node dist/bench/gateways/peer.gateway.js <kind> <port>`), over the same
 * subgraph processes. Every one verifies the caller's access token once per
 * request and signs the caller header exactly as ours does, since the
 * subgraphs refuse anything else; nothing else is tuned.
 */

export const PEER_KINDS = ['apollo', 'hive', 'hive-router'] as const;
export type PeerKind = (typeof PEER_KINDS)[number];

/** The composed supergraph, pointed at the subgraph URLs of this run. */
export async function supergraphFor(config: Config): Promise<string> {
  let sdl = await readFile(path.join(schemaDir(), 'supergraph.graphql'), 'utf8');
  for (const name of SERVICE_NAMES) {
    sdl = sdl.replace(new RegExp(`(@join__graph\\(name: "${name}", url: )"[^"]*"`), `$1"${config.services[name].url}"`);
  }
  return sdl;
}

async function callerHeader(config: Config, authorization: string | null | undefined): Promise<string> {
  const { caller } = await authenticate(authorization ?? undefined, config.auth.jwtVerifyKeys);
  return signCallerHeader(caller, config.auth.internalSecret);
}

async function startApollo(config: Config, supergraphSdl: string, port: number): Promise<void> {
  interface Context { readonly callerHeader: string }
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ url }) =>
      new (class extends RemoteGraphQLDataSource<Context> {
        override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<Context>['willSendRequest']>>[0]) {
          request.http?.headers.set(CALLER_HEADER, context.callerHeader);
        }
      })({ url }),
  });
  const server = new ApolloServer<Context>({ gateway });
  await startStandaloneServer(server, {
    listen: { port, host: '127.0.0.1' },
    context: async ({ req }) => ({ callerHeader: await callerHeader(config, req.headers.authorization) }),
  });
}

async function startHive(config: Config, supergraph: string, port: number, rustPlanner: boolean): Promise<void> {
  // One verification per client request, shared by all its subgraph calls.
  const signed = new WeakMap<Request, Promise<string>>();
  const runtime = createGatewayRuntime({
    supergraph,
    logging: false,
    ...(rustPlanner ? { unifiedGraphHandler } : {}),
    propagateHeaders: {
      fromClientToSubgraphs: async ({ request }) => {
        let header = signed.get(request);
        if (!header) {
          header = callerHeader(config, request.headers.get('authorization'));
          signed.set(request, header);
        }
        return { [CALLER_HEADER]: await header };
      },
    },
  });
  await new Promise<void>((resolve) => createServer(runtime).listen(port, '127.0.0.1', resolve));
}

async function main(): Promise<void> {
  const [kind, portText] = process.argv.slice(2);
  if (!(PEER_KINDS as readonly string[]).includes(kind)) throw new Error(`kind must be one of ${PEER_KINDS.join(', ')}`);
  const config = loadConfig();
  const port = Number(portText);
  const sdl = await supergraphFor(config);
  if (kind === 'apollo') await startApollo(config, sdl, port);
  else await startHive(config, sdl, port, kind === 'hive-router');
  process.stdout.write('ready\n');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
