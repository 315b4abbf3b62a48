import type Stripe from 'stripe';
import { ProcessedEventEntity } from '../../platform/messaging/inbox';
import type { SubgraphDeps } from '../../platform/subgraph';
import { PaymentEntity } from './payment.entity';
import type { PaymentLedger } from './payment.ledger';
import type { Observation } from './payment.provider';
import { intentOf, type StripePaymentProvider } from './payment.provider.stripe';

/** What a delivery did: every one of them is answered 2xx, so Stripe stops retrying. */
export type WebhookOutcome = 'applied' | 'unchanged' | 'duplicate' | 'ignored';

/** The PaymentIntent an event is about, and how to learn where it stands. */
interface Subject {
  readonly ref: string;
  observe(): Promise<Observation>;
  /** The event tells of an attempt to pay (see ApplyOptions.attempt). */
  readonly attempt?: boolean;
}

/**
 * Stripe's webhook events, applied to payments at most once each: the event
 * id is recorded as processed in the same unit of work as the change it
 * causes (PaymentLedger), so a redelivery, or ten deliveries at once, change
 * the payment once. Events never move a payment backwards; where an event may
 * be stale (a decline the customer may have retried), the PaymentIntent is
 * read again from Stripe.
 */
export class StripeWebhookService {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly stripe: StripePaymentProvider,
    private readonly ledger: PaymentLedger,
  ) {}

  /** The event, when the delivery carries Stripe's signature over exactly these bytes, recently enough; null otherwise. */
  verify(rawBody: Buffer, signature: string | undefined): Stripe.Event | null {
    try {
      return this.stripe.verifyWebhook(rawBody, signature, this.deps.clock.now());
    } catch (error) {
      this.deps.log.warn('refused a Stripe webhook delivery', { reason: error instanceof Error ? error.message.split('\n')[0] : String(error) });
      return null;
    }
  }

  async handle(event: Stripe.Event): Promise<WebhookOutcome> {
    const subject = this.subjectOf(event);
    if (!subject) return 'ignored';
    const marker = `stripe:${event.id}`;
    const payment = await this.deps.db.read((em) => em.findOne(PaymentEntity, { provider: 'stripe', providerRef: subject.ref }));
    if (!payment) {
      // Another integration's PaymentIntent on the same Stripe account.
      this.deps.log.info('ignored a Stripe event for a PaymentIntent that is not ours', { eventId: event.id, type: event.type });
      return 'ignored';
    }
    // Checked again (and settled) inside the ledger's unit of work; this spares Stripe a call for plain redeliveries.
    if (await this.deps.db.read((em) => em.findOne(ProcessedEventEntity, { key: marker }))) return 'duplicate';
    const applied = await this.ledger.apply(payment.id, await subject.observe(), { marker, attempt: subject.attempt ?? false });
    if (applied.duplicate) return 'duplicate';
    return applied.changed ? 'applied' : 'unchanged';
  }

  private subjectOf(event: Stripe.Event): Subject | null {
    switch (event.type) {
      case 'payment_intent.succeeded':
      case 'payment_intent.canceled':
      case 'payment_intent.processing':
      case 'payment_intent.requires_action': {
        // Final states at Stripe, or steps the ledger only takes forward: the event's own copy is enough.
        const intent = intentOf(event.data.object);
        return { ref: intent.ref, observe: async () => intent };
      }
      case 'payment_intent.payment_failed': {
        // Stripe lets the customer try again after a decline, so the event may be stale: read the intent now.
        const ref = event.data.object.id;
        return { ref, observe: () => this.stripe.retrieve(ref), attempt: true };
      }
      case 'charge.refunded': {
        const charge = event.data.object;
        const ref = typeof charge.payment_intent === 'string' ? charge.payment_intent : (charge.payment_intent?.id ?? null);
        if (!ref) return null;
        // A refunded charge was paid, and amount_refunded is cumulative: an older event only repeats a smaller total.
        const seen: Observation = { state: 'succeeded', amountRefunded: charge.amount_refunded, reason: null };
        return { ref, observe: async () => seen };
      }
      default:
        return null;
    }
  }
}
