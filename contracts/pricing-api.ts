/**
 * Pricing's contract with the other subgraphs (SERVICE callers only, every
 * operation `@inaccessible`).
 *
 * priceOrder(input): prices an order being placed with the one pricing
 * function, from the lines orders priced at the catalog, the shipping
 * line and the codes on the customer's cart (when placed from the cart).
 * Idempotent by orderId: a second call answers the breakdown stored by the
 * first. Refuses before holding anything: a code that no longer applies
 * (DISCOUNT_* reasons), or PRICE_CHANGED (CONFLICT, `extensions.totals`)
 * when `expectedTotal` is given and differs. Otherwise reserves one use of
 * each code (compare-and-set: never more uses than the limit) and stores the
 * breakdown as placed (Order.totals answers it from then on).
 *
 * releaseOrderPricing(orderId): gives the order's reserved code uses back.
 * Idempotent, and harmless for an order never priced. Pricing also releases
 * them itself when the order is cancelled or its payment fails, and commits
 * them when it is paid (order.status_changed).
 */

export const PRICE_ORDER = `mutation PriceOrder($input: PriceOrderInput!) {
  priceOrder(input: $input) { total currency }
}`;

export const RELEASE_ORDER_PRICING = `mutation ReleaseOrderPricing($orderId: ID!) {
  releaseOrderPricing(orderId: $orderId)
}`;

export type PriceOrderVariables = {
  readonly orderId: string;
  readonly customerId: string;
  readonly currency: string;
  /** Each line's variant and its product (categories and tax classes are the product's); unitPrice is the variant's price. */
  readonly lines: ReadonlyArray<{ readonly productId: string; readonly variantId: string; readonly quantity: number; readonly unitPrice: number }>;
  /** The shipping line's price; null: placed without shipping. */
  readonly shipping: number | null;
  /** Where it ships (tax zone); null: the shop's default country. */
  readonly country: string | null;
  readonly region: string | null;
  /** Apply the codes on the customer's cart. */
  readonly withCartCodes: boolean;
  /** The total the client saw; null: not checked. */
  readonly expectedTotal: number | null;
};

export type PricedOrderPayload = { readonly total: number; readonly currency: string };
