import Stripe from 'stripe';
import type { StripeSettings } from '../../platform/config';
import { PaymentProviderError, type CreateIntentInput, type IntentState, type PaymentProvider, type ProviderIntent, type ProviderRefund } from './payment.provider';

/**
 * Stripe PaymentIntents through the official SDK. The customer confirms on
 * their own device with Stripe.js and the intent's client secret, so card
 * data goes from the browser to Stripe and never reaches our servers; Stripe
 * tells us the outcome through signed webhooks (stripe-webhook.route.ts).
 * Every mutating call carries an idempotency key, so the SDK's network
 * retries and our own retries never charge or refund twice.
 */
export class StripePaymentProvider implements PaymentProvider {
  readonly name = 'stripe';
  readonly serverConfirmation = null;
  private readonly stripe: Stripe;

  constructor(
    private readonly settings: StripeSettings,
    timeoutMs: number,
  ) {
    this.stripe = new Stripe(settings.secretKey, {
      maxNetworkRetries: 2,
      timeout: timeoutMs,
      telemetry: false,
      ...(settings.api ?? {}),
    });
  }

  createIntent(input: CreateIntentInput): Promise<ProviderIntent> {
    return call(async () =>
      intentOf(
        await this.stripe.paymentIntents.create(
          {
            amount: input.amount,
            currency: input.currency.toLowerCase(),
            automatic_payment_methods: { enabled: true },
            description: `Order ${input.orderId}`,
            metadata: { ...input.metadata, orderId: input.orderId },
          },
          { idempotencyKey: input.idempotencyKey },
        ),
      ),
    );
  }

  /** With the latest charge expanded: its `amount_refunded` is the cumulative refund. */
  retrieve(ref: string): Promise<ProviderIntent> {
    return call(async () => intentOf(await this.stripe.paymentIntents.retrieve(ref, { expand: ['latest_charge'] })));
  }

  cancel(ref: string): Promise<ProviderIntent> {
    return call(async () => intentOf(await this.stripe.paymentIntents.cancel(ref)));
  }

  refund(ref: string, amount: number, idempotencyKey: string): Promise<ProviderRefund> {
    return call(async () => {
      const refund = await this.stripe.refunds.create({ payment_intent: ref, amount }, { idempotencyKey });
      return { ref: refund.id, amount: refund.amount };
    });
  }

  /**
   * The event in a webhook delivery, once its signature proves Stripe sent
   * exactly these bytes within the SDK's tolerance (300 s) of `receivedAt`.
   * Throws Stripe's SignatureVerificationError otherwise.
   */
  verifyWebhook(rawBody: Buffer, signature: string | undefined, receivedAt: Date): Stripe.Event {
    return this.stripe.webhooks.constructEvent(rawBody, signature ?? '', this.settings.webhookSecret, undefined, undefined, receivedAt.getTime());
  }
}

/** A PaymentIntent in provider-neutral terms (also for intents carried by webhook events). */
export function intentOf(intent: Stripe.PaymentIntent): ProviderIntent {
  const charge = typeof intent.latest_charge === 'object' ? intent.latest_charge : null;
  const error = intent.last_payment_error;
  return {
    ref: intent.id,
    state: stateOf(intent),
    amount: intent.amount,
    currency: intent.currency.toUpperCase(),
    amountRefunded: charge?.amount_refunded ?? 0,
    reason: error?.message ?? (intent.status === 'canceled' ? `Canceled${intent.cancellation_reason ? ` (${intent.cancellation_reason})` : ''}.` : null),
    clientSecret: intent.client_secret,
  };
}

function stateOf(intent: Stripe.PaymentIntent): IntentState {
  switch (intent.status) {
    case 'succeeded':
      return 'succeeded';
    case 'canceled':
      return 'canceled';
    case 'processing':
    case 'requires_capture':
      return 'processing';
    case 'requires_action':
      return 'requires_action';
    default:
      // requires_payment_method after a decline carries the error: the attempt failed.
      return intent.status === 'requires_payment_method' && intent.last_payment_error ? 'failed' : 'requires_payment';
  }
}

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw error instanceof Stripe.errors.StripeError ? providerErrorOf(error) : error;
  }
}

function providerErrorOf(error: Stripe.errors.StripeError): Error {
  if (error instanceof Stripe.errors.StripeIdempotencyError) return new PaymentProviderError('idempotency', error.message);
  if (error instanceof Stripe.errors.StripeInvalidRequestError || error instanceof Stripe.errors.StripeCardError) {
    if (error.code === 'resource_missing') return new PaymentProviderError('not_found', error.message, error.param ?? null);
    if (error.code === 'payment_intent_unexpected_state' || error.code === 'charge_already_refunded') {
      return new PaymentProviderError('invalid_state', error.message);
    }
    return new PaymentProviderError('invalid_request', error.message, error.param ?? null);
  }
  if (error instanceof Stripe.errors.StripeConnectionError || error instanceof Stripe.errors.StripeAPIError || error instanceof Stripe.errors.StripeRateLimitError) {
    return new PaymentProviderError('unavailable', `Stripe is unavailable: ${error.message}`);
  }
  // Authentication and permission errors are our misconfiguration: left as they are, they surface as internal errors.
  return error;
}
