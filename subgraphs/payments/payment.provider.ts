import type { PaymentProviderName } from '../../platform/config';

/**
 * The port every payment provider implements (simulated, Stripe). A provider
 * holds the money side of a payment (the "intent"); payments follows what it
 * reports, forward only (see payment.ledger.ts). Card data never passes
 * through this port: customers enter it with the provider (Stripe.js), and
 * the simulator only knows Stripe's test payment-method names.
 */

/** Where the provider says a payment stands, in provider-neutral terms. */
export type IntentState =
  /** Waiting for the customer to pay. */
  | 'requires_payment'
  /** Waiting for the customer to authenticate (3-D Secure). */
  | 'requires_action'
  /** Paid, not settled yet. */
  | 'processing'
  | 'succeeded'
  /** Declined or failed authentication. */
  | 'failed'
  | 'canceled';

export interface Observation {
  readonly state: IntentState;
  /** Refunded so far, cumulative, in minor units. */
  readonly amountRefunded: number;
  /** Why it failed or was canceled, in words a customer may read. */
  readonly reason: string | null;
}

export interface ProviderIntent extends Observation {
  /** The provider's id (a Stripe PaymentIntent id). */
  readonly ref: string;
  readonly amount: number;
  /** ISO 4217, upper case. */
  readonly currency: string;
  /** What the customer's device needs to confirm with the provider; null where the server confirms. */
  readonly clientSecret: string | null;
}

export interface CreateIntentInput {
  readonly orderId: string;
  readonly amount: number;
  readonly currency: string;
  /** The same key with the same input answers the same intent; with other input it is refused. */
  readonly idempotencyKey: string;
  readonly metadata: Readonly<Record<string, string>>;
}

export interface ProviderRefund {
  readonly ref: string;
  readonly amount: number;
}

/**
 * invalid_state: the intent is not in a state that allows the call (cancel a
 * succeeded one, confirm twice); not_found: unknown ref; idempotency: a key
 * reused with other input; invalid_request: bad input (`param` names it);
 * unavailable: the provider cannot be reached or failed on its side.
 */
export type ProviderErrorKind = 'invalid_state' | 'not_found' | 'idempotency' | 'invalid_request' | 'unavailable';

export class PaymentProviderError extends Error {
  override readonly name = 'PaymentProviderError';

  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly param: string | null = null,
  ) {
    super(message);
  }
}

export interface PaymentProvider {
  readonly name: PaymentProviderName;
  /**
   * Present where our server confirms payments (the simulator, with test
   * method names); null where the customer confirms on their own device with
   * the intent's client secret (Stripe.js), so no payment method ever reaches us.
   */
  readonly serverConfirmation: ServerConfirmation | null;
  createIntent(input: CreateIntentInput): Promise<ProviderIntent>;
  retrieve(ref: string): Promise<ProviderIntent>;
  /** invalid_state once it succeeded (refund instead) or was already canceled. */
  cancel(ref: string): Promise<ProviderIntent>;
  /** invalid_state unless it succeeded; invalid_request for more than is left to refund. */
  refund(ref: string, amount: number, idempotencyKey: string): Promise<ProviderRefund>;
}

export interface ServerConfirmation {
  /** A declined method answers the intent `failed` (not an error); an unknown one is invalid_request. */
  confirm(ref: string, paymentMethod: string): Promise<ProviderIntent>;
  /** The customer's answer to the bank's challenge, for an intent in `requires_action`. */
  completeAuthentication(ref: string, approve: boolean): Promise<ProviderIntent>;
}
