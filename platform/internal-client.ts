import { GraphQLError } from 'graphql';
import { CALLER_HEADER, signCallerHeader, type Caller } from './caller';
import type { ServiceName } from './config';
import { currentRequestId, REQUEST_ID_HEADER } from './request-scope';

/**
 * One subgraph calling another's internal operations over HTTP (the saga's
 * synchronous steps: reserve stock, create a payment). The call carries a
 * signed SERVICE caller, so those operations refuse anyone else, and they are
 * `@inaccessible` so the gateway never exposes them to clients.
 */

export type PeerUrls = (name: ServiceName) => string;

export class InternalClient {
  constructor(
    private readonly from: ServiceName | 'gateway',
    private readonly peerUrl: PeerUrls,
    private readonly internalSecret: string,
    private readonly timeoutMs: number,
  ) {}

  async request<TData>(to: ServiceName, query: string, variables: Record<string, unknown> = {}, requestId: string | undefined = currentRequestId()): Promise<TData> {
    const caller: Caller = { userId: `service:${this.from}`, roles: ['SERVICE'], sessionId: null };
    const signal = AbortSignal.timeout(this.timeoutMs);
    let body: { data?: TData | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
    try {
      const response = await fetch(this.peerUrl(to), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [CALLER_HEADER]: signCallerHeader(caller, this.internalSecret),
          ...(requestId ? { [REQUEST_ID_HEADER]: requestId } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal,
      });
      body = (await response.json()) as typeof body;
    } catch {
      const reason = signal.aborted ? `no answer within ${this.timeoutMs} ms` : 'it cannot be reached';
      throw new GraphQLError(`Subgraph "${to}" is unavailable: ${reason}`, { extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: to } });
    }
    const [first] = body.errors ?? [];
    if (first) {
      // The peer's refusal (e.g. CONFLICT for too little stock) reaches the client as it was.
      throw new GraphQLError(first.message, { extensions: { ...first.extensions, serviceName: to } });
    }
    return body.data as TData;
  }

  /**
   * Another subgraph's entities of one type by id, in one `_entities` call
   * (`selection` is what to read of each, its `id` included): those found, by id.
   */
  async entities<T extends { readonly id: string }>(to: ServiceName, typename: string, selection: string, ids: readonly string[]): Promise<Map<string, T>> {
    if (ids.length === 0) return new Map();
    const query = `query Entities($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { ${selection} } } }`;
    const data = await this.request<{ _entities: Array<T | null> }>(to, query, { representations: ids.map((id) => ({ __typename: typename, id })) });
    return new Map(data._entities.flatMap((entity) => (entity ? [[entity.id, entity] as const] : [])));
  }
}
