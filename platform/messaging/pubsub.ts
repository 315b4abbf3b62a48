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
  rating: (productId: string): string => `rating:${productId}`,
  shipment: (orderId: string): string => `shipment:${orderId}`,
} as const;
