import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { Logger } from '../platform/log';
import { channels, PUBLIC_ENTITY_TYPES, type PubSub, type Unsubscribe } from '../platform/messaging/pubsub';
import type { GatewayContext } from './context';
import type { ResponseCacheStore } from './response-cache';
import { cacheableOperation, cacheKey, tagsEvictedBy, tagsOf, type CacheableOperation } from './response-cache.rules';

export interface ResponseCacheOptions {
  readonly store: ResponseCacheStore;
  readonly ttlMs: number;
  readonly pubsub: PubSub;
  readonly log: Logger;
}

export interface RunningResponseCache {
  readonly plugin: ApolloServerPlugin<GatewayContext>;
  stop(): Promise<void>;
}

/** Says whether an answer came from the cache: `hit`, `miss` (stored for the next), absent when not cacheable. */
export const CACHE_HEADER = 'x-response-cache';

/**
 * Caches anonymous public reads that came over HTTP (the subscription
 * engine's fetches always run, so a subscriber never gets an answer older
 * than the notice that woke it), evicted by the change notices subgraphs
 * publish on `channels.changes` and by the entry's time to live. Anything
 * with a caller is never read from or written to the cache.
 */
export async function startResponseCache(options: ResponseCacheOptions): Promise<RunningResponseCache> {
  const { store, ttlMs, pubsub, log } = options;
  const unsubscribe: Unsubscribe[] = [];
  for (const type of PUBLIC_ENTITY_TYPES) {
    unsubscribe.push(
      await pubsub.subscribe(channels.changes(type), (notice) => {
        store.invalidate(tagsEvictedBy(type, notice.id)).catch((error: unknown) => log.warn('response cache not invalidated', { type, id: notice.id, error: String(error) }));
      }),
    );
  }
  // Notices may have been missed while the transport was away: nothing cached before can be trusted.
  const stopReconnect = pubsub.onReconnect(() => {
    store.clear().catch((error: unknown) => log.warn('response cache not cleared after a reconnect', { error: String(error) }));
  });
  const analysed = new WeakMap<DocumentNode, Map<string, CacheableOperation | null>>();
  const analyse = (schema: GraphQLSchema, document: DocumentNode, operationName: string | null): CacheableOperation | null => {
    let byName = analysed.get(document);
    if (!byName) analysed.set(document, (byName = new Map()));
    const name = operationName ?? '';
    if (!byName.has(name)) byName.set(name, cacheableOperation(schema, document, operationName));
    return byName.get(name) ?? null;
  };

  const plugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      let pending: { key: string; generation: number; cacheable: CacheableOperation } | null = null;
      return {
        async responseForOperation(rc) {
          const query = rc.request.query;
          if (rc.contextValue.caller || !rc.request.http || !query) return null;
          const cacheable = analyse(rc.schema, rc.document, rc.operationName);
          if (!cacheable) return null;
          const key = cacheKey(query, rc.operationName, rc.request.variables);
          let lookup;
          try {
            lookup = await store.get(key);
          } catch (error) {
            log.warn('response cache unreachable; answering without it', { error: String(error) });
            return null;
          }
          if (lookup.value !== null) {
            return { http: { status: undefined, headers: new HeaderMap([[CACHE_HEADER, 'hit']]) }, body: { kind: 'single', singleResult: JSON.parse(lookup.value) } };
          }
          pending = { key, generation: lookup.generation, cacheable };
          return null;
        },
        async willSendResponse(rc) {
          if (!pending || rc.response.body.kind !== 'single') return;
          const { data, errors } = rc.response.body.singleResult;
          // Partial answers (a subgraph down) are never kept.
          if (errors?.length || !data) return;
          rc.response.http.headers.set(CACHE_HEADER, 'miss');
          const tags = tagsOf(rc.schema, pending.cacheable, data, rc.request.variables ?? {});
          store.set(pending.key, JSON.stringify({ data }), tags, ttlMs, pending.generation).catch((error: unknown) => log.warn('response not cached', { error: String(error) }));
        },
      };
    },
  };
  return {
    plugin,
    stop: async () => {
      stopReconnect();
      await Promise.all(unsubscribe.map((u) => u()));
      await store.close();
    },
  };
}
