import type { IncomingHttpHeaders } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { CALLER_HEADER, CLIENT_HEADER, verifyCallerHeader, verifyClientHeader, type Caller, type ClientInfo } from './caller';
import { unauthenticated } from './errors';
import { currentRequestId, requestIdFrom, setRequestDeadline } from './request-scope';

/**
 * Everything a resolver and a service may know about one request, built in
 * one place: who calls (verified), a forked EntityManager (identity map per
 * request) and per-request DataLoaders.
 */
export interface RequestContext {
  readonly requestId: string;
  readonly caller: Caller | null;
  /** The end user's client as the gateway saw it; null when not called through the gateway. */
  readonly client: ClientInfo | null;
  readonly em: EntityManager;
  readonly loaders: LoaderCache;
}

/** Per-request DataLoaders, created on first use and keyed by name. */
export class LoaderCache {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch);
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

export function createRequestContext(
  em: EntityManager,
  caller: Caller | null,
  requestId: string = randomUUID(),
  client: ClientInfo | null = null,
): RequestContext {
  return { requestId, caller, client, em: em.fork(), loaders: new LoaderCache() };
}

/** Builds the context from an HTTP request forwarded by the gateway. */
export function contextFromHeaders(headers: IncomingHttpHeaders, em: EntityManager, internalKeys: readonly string[]): RequestContext {
  const first = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const verified = verifyCallerHeader(first(CALLER_HEADER), internalKeys);
  if (!verified.ok) throw unauthenticated(`Refused: ${verified.reason}`);
  // Trusted because it is signed with the caller: the rest of the request (and the peers it calls) works to it.
  setRequestDeadline(verified.deadline);
  const client = verifyClientHeader(first(CLIENT_HEADER), internalKeys);
  if (!client.ok) throw unauthenticated(`Refused: ${client.reason}`);
  return createRequestContext(em, verified.caller, currentRequestId() ?? requestIdFrom(headers), client.client);
}

/** Orders loader results to match keys, as DataLoader requires. */
export function byKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): Array<V | undefined> {
  const index = new Map<K, V>();
  for (const row of rows) index.set(keyOf(row), row);
  return keys.map((key) => index.get(key));
}
