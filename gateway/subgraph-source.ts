import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { CALLER_HEADER, CLIENT_HEADER, signCallerHeader, signClientHeader } from '../platform/caller';
import { deadlineWithin } from '../platform/deadline';
import type { Metrics } from '../platform/metrics';
import type { GatewayContext } from './context';
import type { SubgraphStates } from './health';

type ProcessResult = ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>;

/**
 * How the gateway calls one subgraph: forwards the verified caller and the
 * client's address in signed headers (never the raw token), bounds every
 * call by a timeout (told to the subgraph as a signed deadline), and turns network failures into an error that names
 * the subgraph.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly timeoutMs: number,
    private readonly internalSecret: string,
    private readonly metrics: Metrics,
    private readonly states: SubgraphStates,
  ) {
    super({ url, fetcher: timedFetch(timeoutMs) });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    // Anonymous callers are signed too: a subgraph refuses any request without the gateway's signature.
    // The deadline goes with it: the subgraph refuses or undoes work this call would give up on.
    const now = Date.now();
    headers.set(CALLER_HEADER, signCallerHeader(context.caller, this.internalSecret, now, deadlineWithin(this.timeoutMs, now)));
    if (context.client) headers.set(CLIENT_HEADER, signClientHeader(context.client, this.internalSecret));
    if (context.requestId) headers.set('x-request-id', context.requestId);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ProcessResult {
    const timer = this.metrics.subgraphFetches.startTimer({ subgraph: this.serviceName });
    try {
      const response = await super.process(options);
      timer({ outcome: response.errors?.length ? 'error' : 'ok' });
      this.states.report(this.serviceName, null);
      return response;
    } catch (error) {
      const kind = error instanceof GraphQLError ? 'http' : error instanceof SubgraphTimeout ? 'timeout' : 'unreachable';
      timer({ outcome: kind === 'http' ? 'error' : kind });
      this.metrics.subgraphErrors.inc({ subgraph: this.serviceName, reason: kind });
      if (error instanceof GraphQLError) throw error;
      const reason = error instanceof SubgraphTimeout ? `no answer within ${this.timeoutMs} ms` : 'it cannot be reached';
      this.states.report(this.serviceName, reason);
      if (error instanceof SubgraphTimeout) {
        // The subgraph was told the deadline: it refuses, or undoes, what it could not finish before it, so retrying is safe.
        throw new GraphQLError(`Subgraph "${this.serviceName}" did not answer within ${this.timeoutMs} ms; anything it did late is undone: try again`, {
          extensions: { code: 'TRY_AGAIN', serviceName: this.serviceName, retryAfterSeconds: 1 },
        });
      }
      throw new GraphQLError(`Subgraph "${this.serviceName}" is unavailable: ${reason}`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.serviceName },
      });
    }
  }
}

class SubgraphTimeout extends Error {}

/** fetch bounded by a per-call deadline that covers the whole response body. */
function timedFetch(timeoutMs: number): Fetcher {
  const fetcher = async (input: string, init: RequestInit) => {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetch(input, { ...init, signal });
      // Read the body under the same deadline, so a subgraph that stalls mid-response is caught too.
      const body = await response.text();
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } catch (error) {
      if (signal.aborted) throw new SubgraphTimeout();
      throw error;
    }
  };
  return fetcher as unknown as Fetcher;
}
