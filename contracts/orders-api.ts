import type { Totals } from './pricing-rules';

/**
 * Orders' domain events, consumed by notifications (emails) and by anyone
 * else who needs to follow orders. Every order status change also publishes
 * an `order.status` change notice on the pub/sub (`channels.order(orderId)`,
 * `{ id: orderId, version }`) for live subscriptions, and the same notice on
 * `channels.allOrders()` for staff boards following every order.
 */

export const ORDER_EVENTS = {
  /** A new order is AWAITING_PAYMENT: `OrderEventPayload`. */
  placed: 'order.placed',
  /** Any transition of the state machine: `OrderStatusChangedPayload`. */
  statusChanged: 'order.status_changed',
  /** An order priced by orders from its copy of pricing's rules, stored PENDING: `OrderPricedPayload` (pricing keeps the breakdown). */
  priced: 'order.priced',
} as const;

export type OrderStatusName =
  | 'PENDING'
  | 'AWAITING_PAYMENT'
  | 'PAID'
  | 'PARTIALLY_SHIPPED'
  | 'SHIPPED'
  | 'DELIVERED'
  | 'CANCELLED'
  | 'PAYMENT_FAILED'
  | 'REFUNDED';

export type OrderLinePayload = {
  readonly productId: string;
  /** The variant sold (a product's default variant has the product's id); absent from events written before variants. */
  readonly variantId?: string;
  readonly quantity: number;
  readonly unitPrice: number;
};

export type OrderEventPayload = {
  readonly orderId: string;
  readonly customerId: string;
  readonly status: OrderStatusName;
  readonly total: number;
  readonly currency: string;
  readonly lines: readonly OrderLinePayload[];
};

/** The breakdown an order was placed at, priced by orders itself (no code): pricing stores it as `Order.totals`. */
export type OrderPricedPayload = {
  readonly orderId: string;
  readonly customerId: string;
  readonly totals: Totals;
};

export type OrderStatusChangedPayload = OrderEventPayload & {
  readonly from: OrderStatusName | null;
  readonly to: OrderStatusName;
  readonly version: number;
  /** User id, or "system" for saga steps and expiry. */
  readonly actor: string;
  readonly reason: string | null;
};

/**
 * cartPricingBasis(customerId): orders' internal operation (SERVICE only,
 * `@inaccessible`) that pricing reads to price a cart: its lines at the
 * catalog's prices now, the chosen shipping method's price and where it
 * ships. Null currency: an empty cart, or one mixing currencies.
 */
export const CART_PRICING_BASIS = `query CartPricingBasis($customerId: ID!) {
  cartPricingBasis(customerId: $customerId) { customerId currency shipping country region lines { productId variantId quantity unitPrice } }
}`;

export type CartPricingBasisPayload = {
  readonly customerId: string;
  readonly currency: string | null;
  readonly shipping: number | null;
  readonly country: string | null;
  readonly region: string | null;
  /** productId: the variant's product; unitPrice: the variant's price. */
  readonly lines: ReadonlyArray<{ readonly productId: string; readonly variantId: string; readonly quantity: number; readonly unitPrice: number }>;
};

/**
 * orderPaymentTerms(orderIds): orders' internal operation (SERVICE only,
 * `@inaccessible`) that payments reads when an order's payment is first asked
 * for or paid: payments makes it then, not at placement. In the order of
 * `orderIds`; null for an unknown order. `lines` (with the shipping charge)
 * go on the receipt; empty when they do not add up to `amount`. At most 100
 * ids per call.
 */
export const ORDER_PAYMENT_TERMS = `query OrderPaymentTerms($orderIds: [ID!]!) {
  orderPaymentTerms(orderIds: $orderIds) {
    orderId customerId status amount currency
    lines { productId variantId sku optionValues { option value } quantity unitPrice }
  }
}`;

export const MAX_PAYMENT_TERMS_PER_CALL = 100;

export type OrderPaymentTermsPayload = {
  readonly orderId: string;
  readonly customerId: string;
  readonly status: OrderStatusName;
  readonly amount: number;
  readonly currency: string;
  readonly lines: ReadonlyArray<{
    readonly productId: string;
    readonly variantId: string | null;
    readonly sku: string | null;
    readonly optionValues: ReadonlyArray<{ readonly option: string; readonly value: string }> | null;
    readonly quantity: number;
    readonly unitPrice: number;
  }>;
};

export type OrderPaymentTermsData = { readonly orderPaymentTerms: ReadonlyArray<OrderPaymentTermsPayload | null> };
