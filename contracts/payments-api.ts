/**
 * Payments' contract with the other subgraphs (a subgraph never imports
 * another's folder): the domain events it emits and the internal operations
 * orders calls through `deps.internal.request('payments', ...)`.
 *
 * Internal operations: SERVICE callers only and `@inaccessible` (never exposed
 * by the gateway). Orders does not create payments: payments makes an
 * order's payment when its customer pays (from orders' orderPaymentTerms,
 * contracts/orders-api.ts), so an order may have none.
 * - createPayment(input: CreatePaymentInput!): the payment for an order, made
 *   now (as when made on demand) with the configured provider (simulated, or Stripe when STRIPE_SECRET_KEY is
 *   set; Stripe's idempotency key is derived from the order id). Idempotent by
 *   orderId: the same order again answers the existing payment; a different
 *   amount or currency for the same order is a CONFLICT. Optional `lines` (the
 *   order's lines as priced) go on the receipt issued when the payment
 *   succeeds; when given they must add up to `amount`.
 * - cancelPayment(orderId: ID!, reason: String): cancels a payment that has not
 *   succeeded (order cancelled or expired before payment). Idempotent; CONFLICT
 *   once SUCCEEDED (refund instead). NOT_FOUND for an order without a payment
 *   (never paid: nothing was made, nothing to cancel);
 *   a FAILED payment is answered as it is (no money moved, nothing to cancel).
 * - refundPayment(orderId: ID!, amount: Int, reason: String, idempotencyKey: String):
 *   refunds a SUCCEEDED payment, fully when `amount` is omitted; refunding more
 *   than was paid is a CONFLICT. With `idempotencyKey`, the same key again (for
 *   this order) answers the payment as it is now and moves no more money; the
 *   key with another amount is a CONFLICT on `idempotencyKey`. Without one,
 *   only a concurrent repeat is deduplicated.
 */

export const PAYMENT_EVENTS = {
  /** The provider confirmed the money: `PaymentEventPayload`. Orders marks the order PAID. */
  succeeded: 'payment.succeeded',
  /** An attempt was declined or not authenticated: `PaymentEventPayload` with `reason`. Orders marks PAYMENT_FAILED; the order stays payable. */
  failed: 'payment.failed',
  /** Money returned (fully or in part): `PaymentEventPayload` with `refundedAmount` (cumulative). */
  refunded: 'payment.refunded',
  /** Cancelled before any money moved: `PaymentEventPayload`. */
  canceled: 'payment.canceled',
} as const;

/**
 * CANCELED: closed before any money moved (cancelPayment, or cancelled at the
 * provider). A partly refunded payment stays SUCCEEDED; REFUNDED means fully.
 */
export type PaymentStatusName = 'REQUIRES_PAYMENT' | 'PROCESSING' | 'SUCCEEDED' | 'FAILED' | 'REFUNDED' | 'CANCELED';

export type PaymentEventPayload = {
  readonly paymentId: string;
  readonly orderId: string;
  readonly customerId: string;
  readonly amount: number;
  readonly currency: string;
  readonly provider: string;
  readonly status: PaymentStatusName;
  readonly reason?: string | null;
  /** Total refunded so far, in minor units (payment.refunded only). */
  readonly refundedAmount?: number;
  /** The receipt issued for the payment (payment.succeeded only). */
  readonly receiptNumber?: string;
};

export interface InternalPayment {
  readonly id: string;
  readonly orderId: string;
  readonly status: PaymentStatusName;
  readonly provider: string;
  readonly amount: { readonly amount: number; readonly currency: string };
  /** Returned so far (cumulative), in the payment's currency. */
  readonly refundedAmount: { readonly amount: number };
}

const PAYMENT_FIELDS = 'id orderId status provider amount { amount currency } refundedAmount { amount }';

/**
 * A line as the order priced it (orders' `OrderLinePayload`), naming for the
 * receipt the variant sold: variantId, sku and optionValues are absent from
 * the shipping charge's line and from payments made before variants.
 */
export type PaymentLineVariables = {
  readonly productId: string;
  readonly variantId?: string | null;
  readonly sku?: string | null;
  readonly optionValues?: ReadonlyArray<{ readonly option: string; readonly value: string }> | null;
  readonly quantity: number;
  readonly unitPrice: number;
};

export type CreatePaymentVariables = {
  readonly input: {
    readonly orderId: string;
    readonly customerId: string;
    readonly amount: number;
    readonly currency: string;
    readonly lines?: readonly PaymentLineVariables[];
  };
};

export const CREATE_PAYMENT = `mutation CreatePayment($input: CreatePaymentInput!) {
  createPayment(input: $input) { ${PAYMENT_FIELDS} }
}`;
export type CreatePaymentData = { readonly createPayment: InternalPayment };

export const CANCEL_PAYMENT = `mutation CancelPayment($orderId: ID!, $reason: String) {
  cancelPayment(orderId: $orderId, reason: $reason) { ${PAYMENT_FIELDS} }
}`;
export type CancelPaymentData = { readonly cancelPayment: InternalPayment };

export const REFUND_PAYMENT = `mutation RefundPayment($orderId: ID!, $amount: Int, $reason: String, $idempotencyKey: String) {
  refundPayment(orderId: $orderId, amount: $amount, reason: $reason, idempotencyKey: $idempotencyKey) { ${PAYMENT_FIELDS} }
}`;
export type RefundPaymentData = { readonly refundPayment: InternalPayment };
