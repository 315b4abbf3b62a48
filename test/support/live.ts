import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { waitFor } from './wait-for';

export interface LiveMessage<TData> {
  readonly data?: TData | null;
  readonly errors?: readonly GraphQLFormattedError[];
}

/** Everything one subscription received, to assert on once a condition holds. */
export class Received<TData> {
  readonly messages: Array<LiveMessage<TData>> = [];
  completed = false;
  error: unknown = null;

  get data(): TData[] {
    return this.messages.flatMap((m) => (m.data ? [m.data] : []));
  }

  async count(n: number): Promise<Array<LiveMessage<TData>>> {
    await waitFor(() => this.messages.length >= n || this.completed || this.error !== null);
    return this.messages;
  }

  async done(): Promise<void> {
    await waitFor(() => this.completed || this.error !== null);
  }
}

export interface LiveClient {
  readonly client: Client;
  subscribe<TData, TVariables extends Record<string, unknown>>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables): Received<TData> & { unsubscribe(): void };
  /** Close code when the server closed the socket, once it did. */
  readonly closed: { code: number | null; reason: string };
  dispose(): Promise<void>;
}

/** The real graphql-ws client over a real socket. */
export function connect(url: string, connectionParams?: Record<string, unknown>): LiveClient {
  const closed = { code: null as number | null, reason: '' };
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
    on: {
      closed: (event) => {
        const e = event as { code?: number; reason?: string };
        closed.code = e.code ?? null;
        closed.reason = e.reason ?? '';
      },
    },
  });
  return {
    client,
    closed,
    subscribe(document, variables) {
      const received = new Received<never>() as Received<never> & { unsubscribe(): void };
      received.unsubscribe = client.subscribe(
        { query: print(document), variables },
        {
          next: (message) => received.messages.push(message as LiveMessage<never>),
          error: (error) => (received.error = error),
          complete: () => (received.completed = true),
        },
      );
      return received as never;
    },
    dispose: () => Promise.resolve(client.dispose()),
  };
}
