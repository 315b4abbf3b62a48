/**
 * Live-update port: small change notices (entity key + version) on per-entity
 * channels. Fire-and-forget by design: a subscriber that misses a notice
 * re-reads current state, so no delivery guarantee is needed here (domain
 * events with guarantees go on the EventBus).
 */
export interface ChangeNotice {
  /** Entity key, e.g. an order id or a product id. */
  readonly id: string;
  /** Monotonically increasing per entity; consumers drop older versions. */
  readonly version: number;
}

export type Unsubscribe = () => Promise<void>;

export interface PubSub {
  publish(channel: string, notice: ChangeNotice): Promise<void>;
  subscribe(channel: string, listener: (notice: ChangeNotice) => void): Promise<Unsubscribe>;
  /**
   * Called after the transport lost its connection and subscribed again:
   * notices may have been missed, so listeners should re-read current state.
   */
  onReconnect(listener: () => void): () => void;
  /** False while a networked transport is disconnected (readiness probes); in-process ones omit it. */
  connected?(): boolean;
  close(): Promise<void>;
}

/** Per-entity channel names, shared by publishers (subgraphs) and the gateway's subscription engine. */
export const channels = {
  stock: (productId: string): string => `stock:${productId}`,
  order: (orderId: string): string => `order:${orderId}`,
  /** Every order's notices as well, for staff boards following all orders (ordersChanged). */
  allOrders: (): string => 'orders:all',
  rating: (productId: string): string => `rating:${productId}`,
  /** Every change of any entity of a public type, one channel per type: what the gateway's response cache evicts on. */
  changes: (type: PublicEntityType): string => `changes:${type}`,
  shipment: (orderId: string): string => `shipment:${orderId}`,
} as const;

/** Types whose changes are announced on `channels.changes` (the public catalogue reads). */
export const PUBLIC_ENTITY_TYPES = ['Product', 'Category', 'StockLevel', 'ProductRating'] as const;
export type PublicEntityType = (typeof PUBLIC_ENTITY_TYPES)[number];

/**
 * Follows one channel's notices, and hears when the transport reconnected
 * (notices may have been missed meanwhile): what a copy kept current by
 * notices needs. `stop` ends both.
 */
export async function followNotices(
  pubsub: PubSub,
  channel: string,
  onNotice: (notice: ChangeNotice) => void,
  onReconnect: () => void,
): Promise<{ stop(): Promise<void> }> {
  const unsubscribe = await pubsub.subscribe(channel, onNotice);
  const stopReconnect = pubsub.onReconnect(onReconnect);
  return {
    stop: async () => {
      stopReconnect();
      await unsubscribe();
    },
  };
}

/**
 * After a unit of work committed: one notice per changed entity on its type's
 * channel. Best effort like every notice; the response cache also bounds
 * every entry's life (RESPONSE_CACHE_TTL_SECONDS) and empties itself when
 * the transport reconnects, so a lost notice is not a lasting stale answer.
 */
export async function announceChanges(
  deps: { readonly pubsub: PubSub; readonly log: { warn(message: string, fields?: Record<string, unknown>): void } },
  type: PublicEntityType,
  changes: ReadonlyArray<ChangeNotice>,
): Promise<void> {
  await Promise.all(
    changes.map((notice) =>
      deps.pubsub.publish(channels.changes(type), notice).catch((error: unknown) => {
        deps.log.warn('change notice not published', { type, id: notice.id, error: String(error) });
      }),
    ),
  );
}
