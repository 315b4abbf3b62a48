import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Logger } from './log';
import type { Config } from './config';
import { documentTooDeep } from './graphql-server';
import { REQUEST_ID_HEADER, requestIdFrom, withRequestId } from './request-scope';
import { SpanKind } from '@opentelemetry/api';
import { currentTraceparent, inSpanFrom, SERVICE_ATTRIBUTE, withServerSpan } from './tracing';

/**
 * A small node:http front for Apollo Server (no framework): the gateway and
 * every subgraph share it, plus a tiny router for /health and webhooks.
 */

/** Bodies of plain routes (webhooks); GraphQL requests take `graphql.maxRequestBytes`. */
export const MAX_BODY_BYTES = 1_000_000;

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface Route {
  readonly method: 'GET' | 'POST';
  /** The exact path, or with `prefix` every path below it (static files). */
  readonly path: string;
  readonly prefix?: boolean;
  readonly handler: RouteHandler;
}

export interface HttpServerOptions {
  /** Runs before routing (CORS); true when it answered the request itself. */
  readonly intercept?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Unexpected failures are logged here, with their stack, before the client gets a bare 500. */
  readonly log?: Logger;
  /** The service this server is, on its trace spans. */
  readonly service?: string;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The whole body, up to `limit` bytes. A bigger one is refused with 413 as
 * soon as it is known to be bigger (from Content-Length, or while reading);
 * the rest is read and dropped, so the client gets the answer rather than a
 * reset connection, and the connection then closes.
 */
export function readBody(req: IncomingMessage, limit: number = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => {
      req.removeListener('data', collect);
      req.resume();
      reject(new HttpError(413, `Request body exceeds ${limit} bytes`));
    };
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge();
      else chunks.push(chunk);
    };
    req.on('error', reject);
    if (Number(req.headers['content-length']) > limit) return tooLarge();
    req.on('data', collect);
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** A GraphQL request's fields (`query`, `variables`, `extensions`, ...), from a POST body or a GET query string. */
export type GraphqlRequestFields = Readonly<Record<string, unknown>>;

/**
 * The body limit, and the parser's token limit, which also bounds the nesting
 * check (see `documentTooDeep`); `prepare` may rewrite a request before
 * Apollo sees it (persisted operations) or refuse it with a GraphQL error.
 */
export type GraphqlRouteOptions = Pick<Config['graphql'], 'maxRequestBytes' | 'maxTokens'> & {
  readonly path?: string;
  readonly prepare?: (req: IncomingMessage, request: GraphqlRequestFields) => GraphqlRequestFields | GraphQLError;
};

/**
 * Serves an Apollo Server on `path` (GET and POST), per graphql-over-http.
 * A body that is too large or not JSON, or a document nested too deep to
 * parse, is answered like any GraphQL error (`errors` with
 * `extensions.code`), with its HTTP status.
 */
export function graphqlRoute<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  context: (req: IncomingMessage) => Promise<TContext>,
  { maxRequestBytes, maxTokens, path = '/graphql', prepare }: GraphqlRouteOptions,
): Route[] {
  const handler: RouteHandler = async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    try {
      body = req.method === 'POST' ? parseBody(await readBody(req, maxRequestBytes), headers.get('content-type') ?? '') : undefined;
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      refuse(res, error.status, { errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    if (prepare) {
      const fields = req.method === 'POST' ? (isRecord(body) ? body : null) : searchFields(url.searchParams);
      const prepared = fields ? prepare(req, fields) : null;
      if (prepared instanceof GraphQLError) {
        refuse(res, 400, { errors: [{ message: prepared.message, extensions: prepared.extensions }] });
        return;
      }
      if (prepared && prepared !== fields) {
        if (req.method === 'POST') body = prepared;
        else setSearchFields(url.searchParams, prepared);
      }
    }
    const query = req.method === 'POST' ? (body as { query?: unknown } | undefined)?.query : url.searchParams.get('query');
    const tooDeep = typeof query === 'string' ? documentTooDeep(query, maxTokens) : null;
    if (tooDeep) {
      refuse(res, 400, { errors: [{ message: tooDeep.message, extensions: { code: tooDeep.extensions.code } }] });
      return;
    }
    const result = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: () => context(req),
    });
    for (const [key, value] of result.headers) {
      // Keep a Vary set before (CORS) and add Apollo's to it.
      const vary = key === 'vary' ? res.getHeader('vary') : undefined;
      res.setHeader(key, vary ? `${String(vary)}, ${value}` : value);
    }
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

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** GET's fields: `extensions` is JSON in the query string (an unreadable one is dropped here and left for Apollo to refuse). */
function searchFields(params: URLSearchParams): GraphqlRequestFields {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of params) fields[name] = value;
  if (typeof fields.extensions === 'string') {
    try {
      fields.extensions = JSON.parse(fields.extensions);
    } catch {
      delete fields.extensions;
    }
  }
  return fields;
}

function setSearchFields(params: URLSearchParams, fields: GraphqlRequestFields): void {
  for (const name of [...params.keys()]) if (!(name in fields)) params.delete(name);
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) params.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
}

/** A GraphQL POST answered by a server in this process, as its HTTP route would answer it. */
export interface LocalAnswer {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly cacheControl: string | undefined;
  readonly body: string;
}

export type LocalGraphql = (body: string, headers: Readonly<Record<string, string>>) => Promise<LocalAnswer>;

/**
 * The same server behind `graphqlRoute`, called without a socket by a
 * gateway in the same process (the embedded mode): the same JSON in and out,
 * the same header checks, parser limit and request scope, minus the HTTP
 * round trip. Refuses once `stopped()` says the server is gone, as a closed
 * port would.
 */
export function localGraphql<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  context: (headers: IncomingHttpHeaders) => Promise<TContext>,
  { maxTokens }: Pick<GraphqlRouteOptions, 'maxTokens'>,
  stopped: () => boolean,
  service: string,
): LocalGraphql {
  return async (raw, requestHeaders) => {
    if (stopped()) throw Object.assign(new Error('the subgraph has stopped'), { code: 'ECONNREFUSED' });
    const incoming: IncomingHttpHeaders = { ...requestHeaders, 'content-type': 'application/json' };
    const headers = new HeaderMap(Object.entries(incoming) as Array<[string, string]>);
    const body = parseBody(Buffer.from(raw), 'application/json') as { query?: unknown } | undefined;
    const tooDeep = typeof body?.query === 'string' ? documentTooDeep(body.query, maxTokens) : null;
    if (tooDeep) return { status: 400, contentType: 'application/json', cacheControl: undefined, body: JSON.stringify({ errors: [{ message: tooDeep.message, extensions: { code: tooDeep.extensions.code } }] }) };
    // The same server span an HTTP call would open, continuing the gateway's trace (the active context: no headers cross).
    const attributes = { [SERVICE_ATTRIBUTE]: service, 'http.request.method': 'POST', 'http.route': '/graphql', 'url.path': '/graphql' };
    return withRequestId(requestIdFrom(incoming), () => inSpanFrom(currentTraceparent(), 'POST /graphql', SpanKind.SERVER, attributes, async () => {
      const result = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: 'POST', headers, search: '', body }, context: () => context(incoming) });
      let text = '';
      if (result.body.kind === 'complete') text = result.body.string;
      else for await (const chunk of result.body.asyncIterator) text += chunk;
      return { status: result.status ?? 200, contentType: result.headers.get('content-type'), cacheControl: result.headers.get('cache-control'), body: text };
    }));
  };
}

function parseBody(raw: Buffer, contentType: string): unknown {
  if (!contentType.includes('json')) return raw.toString('utf8');
  try {
    return raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
  } catch {
    throw new HttpError(400, 'Request body is not valid JSON');
  }
}

/** An answer before the request was read whole: after a 413 the connection closes, as the rest of the body was dropped. */
function refuse(res: ServerResponse, status: number, body: unknown): void {
  if (status === 413) res.setHeader('connection', 'close');
  sendJson(res, status, body);
}

/** Probes and scrapes arrive every few seconds and would drown the traces of real requests. */
const UNTRACED = new Set(['/health', '/ready', '/metrics']);

const inFlight = new WeakMap<http.Server, { count: number; idle: Set<() => void> }>();

export function createHttpServer(routes: readonly Route[], options: HttpServerOptions = {}): http.Server {
  const active = { count: 0, idle: new Set<() => void>() };
  const server = http.createServer((req, res) => {
    active.count += 1;
    res.once('close', () => {
      active.count -= 1;
      if (active.count === 0) for (const resolve of active.idle) resolve();
    });
    if (options.intercept?.(req, res)) return;
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const matches = (r: Route) => (r.prefix ? path.startsWith(r.path) : r.path === path);
    const route = routes.find((r) => matches(r) && r.method === req.method);
    if (!route) {
      const allowed = routes.some(matches);
      sendJson(res, allowed ? 405 : 404, { error: allowed ? 'Method not allowed' : 'Not found' });
      return;
    }
    // One request scope per request: its id is echoed, logged and sent on to other subgraphs.
    const requestId = requestIdFrom(req.headers);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const handle = () => Promise.resolve().then(() => route.handler(req, res));
    withRequestId(requestId, () =>
      (UNTRACED.has(route.path) ? handle() : withServerSpan(options.service ?? 'http', route.path, req, res, handle))
        .catch((error: unknown) => {
          if (!(error instanceof HttpError)) options.log?.error('request failed', { method: req.method, path, error: errorDetails(error) });
          if (res.headersSent) {
            res.destroy();
            return;
          }
          const status = error instanceof HttpError ? error.status : 500;
          refuse(res, status, { error: error instanceof HttpError ? error.message : 'Internal server error' });
        }),
    );
  });
  inFlight.set(server, active);
  return server;
}

/** An unexpected error as a log field: its message and stack, never its properties (they may hold request data). */
export function errorDetails(error: unknown): { message: string; stack?: string } {
  return error instanceof Error ? { message: error.message, ...(error.stack ? { stack: error.stack } : {}) } : { message: String(error) };
}

const LISTEN_BACKLOG = 4096;

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
    // Node's default queue of 511 unaccepted connections reset about 45% of 1,000 buyers connecting at once in the
    // flash-sale benchmark; the kernel caps this at net.core.somaxconn.
    server.listen({ port, host, backlog: LISTEN_BACKLOG });
  });
}

/**
 * Stops accepting connections, lets requests already running finish (up to
 * `graceMs`), then ends every connection left, so stop() is prompt and no
 * answer is cut off midway unless it outlasts the grace.
 */
export async function closeServer(server: http.Server, graceMs = 0): Promise<void> {
  const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  server.closeIdleConnections();
  const active = inFlight.get(server);
  if (active && active.count > 0 && graceMs > 0) {
    let done = () => undefined as void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    active.idle.add(done);
    const timer = setTimeout(done, graceMs);
    await finished;
    clearTimeout(timer);
    active.idle.delete(done);
  }
  server.closeAllConnections();
  await closed;
}

/** What a readiness check found: whether to take traffic, and per dependency what is wrong. */
export interface Readiness {
  readonly ready: boolean;
  readonly details: Record<string, unknown>;
}

export interface Probes {
  /** GET /health and GET /ready. */
  readonly routes: Route[];
  /** Turns /ready to 503 for good: the process is about to stop and load balancers should move on. */
  drain(): void;
}

/**
 * `/health` is liveness: the process answers (restarting it would help
 * nothing else). `/ready` is readiness: its dependencies answer and it is not
 * draining; load balancers and Kubernetes route by it.
 */
export function probeRoutes(identity: Record<string, unknown>, check: () => Promise<Readiness>): Probes {
  let draining = false;
  return {
    routes: [
      { method: 'GET', path: '/health', handler: (_req, res) => sendJson(res, 200, { ...identity, status: 'ok' }) },
      {
        method: 'GET',
        path: '/ready',
        handler: async (_req, res) => {
          if (draining) return sendJson(res, 503, { ...identity, status: 'draining' });
          const { ready, details } = await check();
          sendJson(res, ready ? 200 : 503, { ...identity, status: ready ? 'ok' : 'not ready', ...details });
        },
      },
    ],
    drain: () => {
      draining = true;
    },
  };
}
