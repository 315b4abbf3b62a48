import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { REQUEST_ID_HEADER, requestIdFrom, withRequestId } from './request-scope';

/**
 * A small node:http front for Apollo Server (no framework): the gateway and
 * every subgraph share it, plus a tiny router for /health and webhooks.
 */

export const MAX_BODY_BYTES = 1_000_000;

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface Route {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly handler: RouteHandler;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function readBody(req: IncomingMessage, limit: number = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, `Request body exceeds ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Serves an Apollo Server on `path` (GET and POST), per graphql-over-http. */
export function graphqlRoute<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  context: (req: IncomingMessage) => Promise<TContext>,
  path = '/graphql',
): Route[] {
  const handler: RouteHandler = async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    if (req.method === 'POST') {
      const raw = await readBody(req);
      const contentType = headers.get('content-type') ?? '';
      if (contentType.includes('json')) {
        try {
          body = raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
        } catch {
          throw new HttpError(400, 'Request body is not valid JSON');
        }
      } else {
        body = raw.toString('utf8');
      }
    }
    const result = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: () => context(req),
    });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  };
  return [
    { method: 'GET', path, handler },
    { method: 'POST', path, handler },
  ];
}

export function createHttpServer(routes: readonly Route[]): http.Server {
  return http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = routes.find((r) => r.path === path && r.method === req.method);
    if (!route) {
      const allowed = routes.some((r) => r.path === path);
      sendJson(res, allowed ? 405 : 404, { error: allowed ? 'Method not allowed' : 'Not found' });
      return;
    }
    // One request scope per request: its id is echoed, logged and sent on to other subgraphs.
    const requestId = requestIdFrom(req.headers);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    withRequestId(requestId, () => Promise.resolve().then(() => route.handler(req, res)))
      .catch((error: unknown) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        const status = error instanceof HttpError ? error.status : 500;
        sendJson(res, status, { error: error instanceof HttpError ? error.message : 'Internal server error' });
      });
  });
}

/** Listens and resolves the bound port; a taken port becomes one clear line. */
export function listen(server: http.Server, port: number, host: string, service: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') reject(new Error(`${service}: port ${port} on ${host} is already in use`));
      else if (error.code === 'EACCES') reject(new Error(`${service}: no permission to listen on ${host}:${port}`));
      else reject(new Error(`${service}: cannot listen on ${host}:${port}: ${error.message}`));
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** Closes the server, ending idle keep-alive sockets so stop() is prompt. */
export function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
