import { createClient, type Client } from 'graphql-ws';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { documentIdOf, type GraphqlClient, type GraphqlErrorItem } from './graphql';

/** `idle`: no subscription open; `reconnecting`: the socket was lost and is being re-opened (subscriptions resume on their own). */
export type LiveStatus = 'idle' | 'connecting' | 'live' | 'reconnecting';

/** Closing with this code makes graphql-ws reconnect at once, sending the new token (graphql-ws: "Client Restart"). */
const RESTART = 4205;
/** The gateway's answer to a connection_init whose token it refuses. */
const FORBIDDEN = 4403;

/**
 * Subscriptions over graphql-ws at /graphql, authenticated in connection_init
 * with the session's token (refreshed first when it expires, or when the
 * gateway refused it). A lost socket is retried for ever (backing off to
 * five seconds) and every subscription is sent again on the new socket; the
 * status feeds the small indicator in the header.
 */
export class LiveClient {
  private status: LiveStatus = 'idle';
  private readonly listeners = new Set<() => void>();
  private socket: WebSocket | null = null;
  private everConnected = false;
  private tokenRefused = false;
  private readonly client: Client;

  constructor(api: GraphqlClient, path = '/graphql') {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`;
    this.client = createClient({
      url,
      lazy: true,
      // Moving from page to page closes one subscription and opens the next: keep the socket meanwhile.
      lazyCloseTimeout: 2_000,
      connectionParams: async () => {
        const refused = this.tokenRefused;
        this.tokenRefused = false;
        const token = await api.accessToken(refused);
        return token ? { authorization: `Bearer ${token}` } : {};
      },
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 250 * 2 ** retries))),
      on: {
        connecting: () => this.setStatus(this.everConnected ? 'reconnecting' : 'connecting'),
        connected: (socket) => {
          this.socket = socket as WebSocket;
          this.everConnected = true;
          this.setStatus('live');
        },
        closed: (event) => {
          this.socket = null;
          // 1000: graphql-ws closed an unused socket itself (lazy); anything else was lost and is being retried.
          const code = (event as CloseEvent | undefined)?.code;
          if (code === FORBIDDEN) this.tokenRefused = true;
          this.setStatus(code === 1000 ? 'idle' : this.everConnected ? 'reconnecting' : 'connecting');
        },
      },
    });
    // Signing in or out (not a refresh of the same session): reconnect so the server sees who is watching now.
    let watcher = api.session.get()?.user.id ?? null;
    api.session.subscribe((session) => {
      const now = session?.user.id ?? null;
      if (now !== watcher) this.socket?.close(RESTART, 'Client Restart');
      watcher = now;
    });
  }

  getStatus = (): LiveStatus => this.status;

  onStatus = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** `document`: a typed document of client/operations (useSubscription types the data by it). */
  subscribe<T>(document: object, variables: object, onData: (data: T) => void, onError: (errors: readonly GraphqlErrorItem[]) => void): () => void {
    // By persisted id, as over HTTP (graphql-ws carries it as Apollo's persistedQuery extension).
    const sha256Hash = documentIdOf(document).replace(/^sha256:/, '');
    return this.client.subscribe<T>(
      { query: '', variables: variables as Record<string, unknown>, extensions: { persistedQuery: { version: 1, sha256Hash } } },
      {
        next: (result) => {
          if (result.errors?.length) onError(result.errors as readonly GraphqlErrorItem[]);
          else if (result.data) onData(result.data as T);
        },
        error: (error) => onError(Array.isArray(error) ? (error as GraphqlErrorItem[]) : [{ message: 'Live updates stopped.' }]),
        complete: () => undefined,
      },
    );
  }

  private setStatus(status: LiveStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const listener of this.listeners) listener();
  }
}

export function useLiveStatus(live: LiveClient): LiveStatus {
  return useSyncExternalStore(live.onStatus, live.getStatus);
}

/** Subscribes while mounted (and again when the variables change); `onData` may change between renders. */
export function useSubscription<T, V extends object>(
  live: LiveClient,
  document: TypedDocumentNode<T, V>,
  variables: V | null,
  onData: (data: T) => void,
  onError: (errors: readonly GraphqlErrorItem[]) => void = () => undefined,
): void {
  const handlers = useRef({ onData, onError });
  handlers.current = { onData, onError };
  const key = variables ? JSON.stringify(variables) : null;
  useEffect(() => {
    if (key === null) return undefined;
    return live.subscribe<T>(document, JSON.parse(key) as object, (data) => handlers.current.onData(data), (errors) => handlers.current.onError(errors));
  }, [live, document, key]);
}
