import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { ClientRefreshTokenDocument, type ErrorCode } from '../__generated__/graphql';

/** The session a client holds: a short-lived access token and the rotating refresh token that renews it. */
export interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string;
}

export type ConnectionState = 'connecting' | 'connected' | 'closed';

export interface ShopClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  readonly url: string;
  /** The graphql-ws endpoint; by default `url` with ws: or wss:. */
  readonly wsUrl?: string;
  /** The session to start with (null: anonymous). */
  readonly tokens?: Tokens | null;
  /** Told every new session (after a refresh) and null when the session is over: store it, or ask the user to sign in. */
  readonly onTokens?: (tokens: Tokens | null) => void;
  /** Told when the live connection opens, drops and reconnects (a small status indicator). */
  readonly onConnection?: (state: ConnectionState) => void;
  /** How long to wait before reconnecting attempt `n` (from 0). Default: 250 ms doubling to 10 s, plus up to 250 ms. */
  readonly reconnectDelayMs?: (attempt: number) => number;
  readonly fetch?: typeof fetch;
  /** A WebSocket class where there is no global one. */
  readonly webSocketImpl?: unknown;
}

/** A GraphQL answer with errors: `code` is the first error's `extensions.code` (see the schema's `ErrorCode`). */
export class ShopClientError extends Error {
  readonly code: ErrorCode | string;
  readonly field: string | null;

  constructor(
    readonly errors: readonly GraphQLFormattedError[],
    readonly status: number,
  ) {
    super(errors[0]?.message ?? `HTTP ${status}`);
    this.name = 'ShopClientError';
    const extensions = errors[0]?.extensions ?? {};
    this.code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
    this.field = typeof extensions.field === 'string' ? extensions.field : null;
  }
}

export interface Sink<TData> {
  next(data: TData): void;
  error?(error: ShopClientError | Error): void;
  complete?(): void;
}

export interface ShopClient {
  /** The operation's data; a ShopClientError when the answer has errors. */
  request<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, ...variables: VariablesOf<TVariables>): Promise<TData>;
  /** Live results over graphql-ws, resubscribed after every reconnect; returns what stops it. */
  subscribe<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, sink: Sink<TData>): () => void;
  /** Signs in (tokens) or out (null): the live connection reconnects as the new caller. */
  setTokens(tokens: Tokens | null): void;
  readonly tokens: Tokens | null;
  dispose(): Promise<void>;
}

type VariablesOf<TVariables> = Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

interface Answer<TData> {
  readonly status: number;
  readonly data?: TData | null;
  readonly errors?: readonly GraphQLFormattedError[];
}

/** The id codegen gave an operation of the persisted-operations manifest (`sha256:<hex>`), when it has one. */
function persistedId(document: unknown): string | null {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  return typeof hash === 'string' ? hash : null;
}

const defaultDelay = (attempt: number): number => Math.min(250 * 2 ** attempt, 10_000) + Math.random() * 250;

/**
 * A small typed client: documents go by their persisted id when they have
 * one (so a gateway with SAFELIST=true runs them), an access token rides on
 * every request, and an HTTP 401 renews it once with the refresh token (one
 * renewal shared by every request that met the 401, since refresh tokens
 * rotate) before the request is sent again; a failed renewal ends the session.
 */
export function createShopClient(options: ShopClientOptions): ShopClient {
  const fetchImpl = options.fetch ?? fetch;
  let tokens = options.tokens ?? null;
  let renewal: Promise<boolean> | null = null;

  async function post<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables | undefined, token: string | null): Promise<Answer<TData>> {
    const id = persistedId(document);
    const response = await fetchImpl(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(id ? { documentId: id, variables } : { query: print(document), variables }),
    });
    const body = (await response.json()) as Omit<Answer<TData>, 'status'>;
    return { status: response.status, ...body };
  }

  function replaceTokens(next: Tokens | null): void {
    tokens = next;
    options.onTokens?.(next);
  }

  /** True when the session was renewed; the session ends (null tokens) when the refresh token is refused. */
  function renew(): Promise<boolean> {
    renewal ??= (async () => {
      const refreshToken = tokens?.refreshToken;
      if (!refreshToken) return false;
      const answer = await post(ClientRefreshTokenDocument, { refreshToken }, null);
      const session = answer.data?.refreshToken;
      replaceTokens(session ? { accessToken: session.accessToken, refreshToken: session.refreshToken } : null);
      return Boolean(session);
    })().finally(() => {
      renewal = null;
    });
    return renewal;
  }

  async function request<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, ...[variables]: VariablesOf<TVariables>): Promise<TData> {
    const sentWith = tokens?.accessToken ?? null;
    let answer = await post(document, variables, sentWith);
    if (answer.status === 401 && sentWith !== null) {
      // Another request may have renewed the token already: use the new one rather than spend the refresh token twice.
      const renewed = tokens !== null && tokens.accessToken !== sentWith ? true : await renew();
      if (renewed) answer = await post(document, variables, tokens?.accessToken ?? null);
    }
    if (answer.errors?.length || answer.data === undefined || answer.data === null) {
      throw new ShopClientError(answer.errors ?? [], answer.status);
    }
    return answer.data;
  }

  // Made on the first subscription, so a client that only sends requests needs no WebSocket (Node 20 has none built in).
  let ws: WsClient | null = null;
  const live = (): WsClient => (ws ??= createClient({
    url: options.wsUrl ?? options.url.replace(/^http/, 'ws'),
    webSocketImpl: options.webSocketImpl,
    lazy: true,
    // Asked at every (re)connection, so a renewed token is the one sent.
    connectionParams: () => (tokens ? { authorization: `Bearer ${tokens.accessToken}` } : {}),
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (attempt) => new Promise((resolve) => setTimeout(resolve, (options.reconnectDelayMs ?? defaultDelay)(attempt))),
    // A ping every 10 s finds a socket that died without closing.
    keepAlive: 10_000,
    on: {
      connecting: () => options.onConnection?.('connecting'),
      connected: () => options.onConnection?.('connected'),
      closed: () => options.onConnection?.('closed'),
    },
  }));

  function subscribe<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, sink: Sink<TData>): () => void {
    const id = persistedId(document);
    const payload = id
      ? { query: '', variables: variables as Record<string, unknown>, extensions: { persistedQuery: { version: 1, sha256Hash: id.replace(/^sha256:/, '') } } }
      : { query: print(document), variables: variables as Record<string, unknown> };
    return live().subscribe<TData>(payload, {
      next: (result) => {
        if (result.errors?.length) sink.error?.(new ShopClientError(result.errors, 200));
        else if (result.data) sink.next(result.data);
      },
      error: (error) => {
        const errors = Array.isArray(error) ? (error as GraphQLFormattedError[]) : null;
        sink.error?.(errors ? new ShopClientError(errors, 200) : error instanceof Error ? error : new Error('The live connection failed'));
      },
      complete: () => sink.complete?.(),
    });
  }

  return {
    request,
    subscribe,
    setTokens: (next) => {
      tokens = next;
      // The socket authenticated as the previous caller: reconnect (subscriptions resubscribe) as the new one.
      ws?.terminate();
    },
    get tokens() {
      return tokens;
    },
    dispose: async () => {
      await ws?.dispose();
    },
  };
}
