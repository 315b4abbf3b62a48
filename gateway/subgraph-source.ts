import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import { CALLER_HEADER, CLIENT_HEADER, signCallerHeader, signClientHeader } from '../platform/caller';
import { deadlineWithin } from '../platform/deadline';
import { SpanKind } from '@opentelemetry/api';
import { currentTraceparent, inSpanFrom, SERVICE_ATTRIBUTE } from '../platform/tracing';
import type { Metrics } from '../platform/metrics';
import type { GatewayContext } from './context';
import type { SubgraphStates } from './health';
import type { LocalGraphql } from '../platform/http';
import { InProcessSubgraph, SubgraphTimeout, SubgraphTransport, type SubgraphAnswer, type SubgraphCaller, type TransportOptions } from './subgraph-transport';

/**
 * Every source signs with the same secret and timeout, so the signed headers
 * serve the calls an operation makes in the same moment (one step of its
 * plan); a later step is signed again, so its deadline counts from its own call.
 */
const SIGNED = new WeakMap<GatewayContext, { readonly headers: Record<string, string>; readonly at: number }>();
const RESIGN_AFTER_MS = 20;

/**
 * How the gateway calls one subgraph: forwards the verified caller and the
 * client's address in signed headers (never the raw token), bounds every
 * call by a timeout (told to the subgraph as a signed deadline), and turns
 * network failures into an error that names the subgraph. Calls go over the
 * subgraph's own keep-alive transport, or straight to a subgraph in the same
 * process (gateway/subgraph-transport.ts).
 */
export class SubgraphSource implements GraphQLDataSource<GatewayContext> {
  private readonly transport: SubgraphCaller;

  constructor(
    private readonly serviceName: string,
    private readonly url: string,
    private readonly transportOptions: TransportOptions,
    private readonly internalSecret: string,
    private readonly metrics: Metrics,
    private readonly states: SubgraphStates,
    /** Set: the subgraph runs in this process and is called without HTTP. */
    local?: LocalGraphql,
  ) {
    const overHttp = new SubgraphTransport(url, transportOptions);
    this.transport = local ? new InProcessSubgraph(local, transportOptions.timeoutMs, overHttp) : overHttp;
  }

  headersFor(context: GatewayContext): Record<string, string> {
    const now = Date.now();
    const signed = SIGNED.get(context);
    // A copy: per-call headers (a deadline) may be added to it.
    if (signed && now - signed.at < RESIGN_AFTER_MS) return { ...signed.headers };
    // Anonymous callers are signed too: a subgraph refuses any request without the gateway's signature.
    // The deadline goes with it: the subgraph refuses or undoes work this call would give up on.
    const headers: Record<string, string> = {
      [CALLER_HEADER]: signCallerHeader(context.caller, this.internalSecret, now, deadlineWithin(this.transportOptions.timeoutMs, now)),
    };
    if (context.client) headers[CLIENT_HEADER] = signClientHeader(context.client, this.internalSecret, now);
    if (context.requestId) headers['x-request-id'] = context.requestId;
    SIGNED.set(context, { headers, at: now });
    return { ...headers };
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { query, variables, operationName, extensions } = options.request;
    if (!query) throw new Error('Missing query');
    const timer = this.metrics.subgraphFetches.startTimer({ subgraph: this.serviceName });
    try {
      const headers = this.headersFor(options.context as GatewayContext);
      // The transport is plain node:http, which no instrumentation sees: the client span and its traceparent are made here.
      const attributes = { [SERVICE_ATTRIBUTE]: 'gateway', 'http.request.method': 'POST', 'server.address': this.serviceName };
      const answer = await inSpanFrom(currentTraceparent(), 'POST', SpanKind.CLIENT, attributes, () => {
        const traceparent = currentTraceparent();
        if (traceparent) headers.traceparent = traceparent;
        return this.transport.post(JSON.stringify({ query, variables, operationName, extensions }), headers, !query.trimStart().startsWith('mutation'));
      });
      const response = this.responseOf(answer);
      if ('incomingRequestContext' in options) restrictCachePolicy(options.incomingRequestContext.overallCachePolicy, answer.cacheControl);
      timer({ outcome: response.errors?.length ? 'error' : 'ok' });
      this.states.report(this.serviceName, null);
      return response;
    } catch (error) {
      const kind = error instanceof GraphQLError ? 'http' : error instanceof SubgraphTimeout ? 'timeout' : 'unreachable';
      timer({ outcome: kind === 'http' ? 'error' : kind });
      this.metrics.subgraphErrors.inc({ subgraph: this.serviceName, reason: kind });
      if (error instanceof GraphQLError) throw error;
      const reason = error instanceof SubgraphTimeout ? `no answer within ${this.transportOptions.timeoutMs} ms` : 'it cannot be reached';
      this.states.report(this.serviceName, reason);
      if (error instanceof SubgraphTimeout) {
        // The subgraph was told the deadline: it refuses, or undoes, what it could not finish before it, so retrying is safe.
        throw new GraphQLError(`Subgraph "${this.serviceName}" did not answer within ${this.transportOptions.timeoutMs} ms; anything it did late is undone: try again`, {
          extensions: { code: 'TRY_AGAIN', serviceName: this.serviceName, retryAfterSeconds: 1 },
        });
      }
      throw new GraphQLError(`Subgraph "${this.serviceName}" is unavailable: ${reason}`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.serviceName },
      });
    }
  }

  /** Closes the transport's sockets (the gateway is stopping). */
  close(): void {
    this.transport.close();
  }

  /** As @apollo/gateway's RemoteGraphQLDataSource reads an answer: HTTP failures become a GraphQLError carrying the response. */
  private responseOf(answer: SubgraphAnswer): GatewayGraphQLResponse {
    const json = answer.contentType?.startsWith('application/json') || answer.contentType?.startsWith('application/graphql-response+json');
    const body: unknown = json ? JSON.parse(answer.body) : answer.body;
    if (answer.status < 200 || answer.status >= 300) {
      const code = answer.status === 401 ? 'UNAUTHENTICATED' : answer.status === 403 ? 'FORBIDDEN' : undefined;
      throw new GraphQLError(`${answer.status}: ${answer.statusText}`, {
        extensions: { response: { url: this.url, status: answer.status, statusText: answer.statusText, body }, ...(code ? { code } : {}) },
      });
    }
    if (typeof body !== 'object' || body === null) throw new Error(`Expected JSON response body, but received: ${answer.body.slice(0, 200)}`);
    return body as GatewayGraphQLResponse;
  }
}

interface CachePolicy {
  restrict(hint: { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' }): void;
}

/** The subgraph's cache-control header narrows the operation's cache policy, as Apollo's own data source does. */
function restrictCachePolicy(policy: unknown, header: string | undefined): void {
  if (!policy || typeof (policy as Partial<CachePolicy>).restrict !== 'function') return;
  const directives = (header ?? '').toLowerCase().split(',').map((part) => part.trim());
  const maxAge = directives.find((d) => d.startsWith('max-age='))?.slice('max-age='.length);
  const hint: { maxAge: number; scope?: 'PUBLIC' | 'PRIVATE' } = { maxAge: maxAge && /^[0-9]+$/.test(maxAge) ? Number(maxAge) : 0 };
  if (directives.includes('private')) hint.scope = 'PRIVATE';
  if (directives.includes('public')) hint.scope = 'PUBLIC';
  (policy as CachePolicy).restrict(hint);
}
