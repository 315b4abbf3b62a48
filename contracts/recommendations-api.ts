/**
 * The recommendations subgraph's events. `recordProductView` writes a
 * `product.viewed` event rather than changing the model in the request, so
 * views reach the model as purchases do: from the bus, idempotently.
 */

export const RECOMMENDATION_EVENTS = {
  /** A product page was viewed: `ProductViewedPayload`. */
  productViewed: 'product.viewed',
} as const;

export type ProductViewedPayload = {
  readonly productId: string;
  /** A user id, or `anonymous:<hash>` of an anonymous client's address and user agent. */
  readonly viewerId: string;
};
