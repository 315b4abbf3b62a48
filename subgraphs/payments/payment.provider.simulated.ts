import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Clock } from '../../platform/clock';
import { newId } from '../../platform/ids';
import { backoff, type Db } from '../../platform/db';
import { PaymentProviderError, type CreateIntentInput, type IntentState, type PaymentProvider, type ProviderIntent, type ProviderRefund, type ServerConfirmation } from './payment.provider';
import { SimulatedIntentEntity, SimulatedRefundEntity, type SimulatedState } from './simulated-intent.entity';

/** What confirming with each of Stripe's test payment methods does in the simulator: `failure` is the decline. */
export const SIMULATED_TEST_METHODS: Readonly<Record<string, { readonly state: SimulatedState; readonly failure: string | null }>> = {
  pm_card_visa: { state: 'succeeded', failure: null },
  pm_card_mastercard: { state: 'succeeded', failure: null },
  pm_card_amex: { state: 'succeeded', failure: null },
  pm_card_chargeDeclined: { state: 'requires_payment', failure: 'Your card was declined.' },
  pm_card_chargeDeclinedInsufficientFunds: { state: 'requires_payment', failure: 'Your card has insufficient funds.' },
  pm_card_chargeDeclinedExpiredCard: { state: 'requires_payment', failure: 'Your card has expired.' },
  pm_card_authenticationRequired: { state: 'requires_action', failure: null },
};

const AUTHENTICATION_FAILED = 'The customer did not complete authentication (3-D Secure).';
/** Reads and compare-and-set attempts before a contended change is given up. */
const CAS_ATTEMPTS = 50;

/**
 * A provider that needs nothing: intents live in the payments database and
 * behave like Stripe's PaymentIntents for Stripe's test payment methods
 * (SIMULATED_TEST_METHODS). Confirmation happens on our server, since no
 * browser SDK exists for it. Every change is a compare-and-set on the
 * intent's version, so concurrent calls apply once across processes.
 */
export class SimulatedPaymentProvider implements PaymentProvider, ServerConfirmation {
  readonly name = 'simulated';
  readonly serverConfirmation: ServerConfirmation = this;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async createIntent(input: CreateIntentInput): Promise<ProviderIntent> {
    for (let attempt = 1; attempt <= CAS_ATTEMPTS; attempt += 1) {
      const existing = await this.read({ idempotencyKey: input.idempotencyKey });
      if (existing) {
        if (existing.orderId !== input.orderId || existing.amount !== input.amount || existing.currency !== input.currency) {
          throw new PaymentProviderError('idempotency', `Idempotency key ${input.idempotencyKey} was used with other parameters`);
        }
        return intentOf(existing);
      }
      const now = this.clock.now();
      const id = `sim_pi_${newId(now.getTime())}`;
      const intent = Object.assign(new SimulatedIntentEntity(), {
        id,
        idempotencyKey: input.idempotencyKey,
        orderId: input.orderId,
        amount: input.amount,
        currency: input.currency,
        state: 'requires_payment',
        createdAt: now,
        updatedAt: now,
      });
      try {
        await this.db.write(async (em) => {
          em.persist(intent);
        });
        return intentOf(intent);
      } catch (error) {
        // A concurrent call with the same key got there first: answer its intent.
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
      }
    }
    throw new PaymentProviderError('unavailable', `Intent for key ${input.idempotencyKey} is contended; try again`);
  }

  async retrieve(ref: string): Promise<ProviderIntent> {
    return intentOf(await this.require(ref));
  }

  cancel(ref: string): Promise<ProviderIntent> {
    return this.change(ref, (intent) => {
      if (intent.state === 'succeeded' || intent.state === 'canceled') throw unexpectedState('cancel', intent);
      return { state: 'canceled', failure: intent.failure };
    });
  }

  confirm(ref: string, paymentMethod: string): Promise<ProviderIntent> {
    const outcome = SIMULATED_TEST_METHODS[paymentMethod];
    if (!outcome) {
      throw new PaymentProviderError(
        'invalid_request',
        `Unknown test payment method; use one of ${Object.keys(SIMULATED_TEST_METHODS).join(', ')}`,
        'payment_method',
      );
    }
    return this.change(ref, (intent) => {
      // As with Stripe, a declined intent may be confirmed again with another method.
      if (intent.state !== 'requires_payment') throw unexpectedState('confirm', intent);
      return { state: outcome.state, failure: outcome.failure, paymentMethod };
    });
  }

  completeAuthentication(ref: string, approve: boolean): Promise<ProviderIntent> {
    return this.change(ref, (intent) => {
      if (intent.state !== 'requires_action') throw unexpectedState('authenticate', intent);
      return approve ? { state: 'succeeded', failure: null } : { state: 'requires_payment', failure: AUTHENTICATION_FAILED };
    });
  }

  async refund(ref: string, amount: number, idempotencyKey: string): Promise<ProviderRefund> {
    if (!Number.isSafeInteger(amount) || amount < 1) throw new PaymentProviderError('invalid_request', 'Refund amount must be a positive integer', 'amount');
    for (let attempt = 1; attempt <= CAS_ATTEMPTS; attempt += 1) {
      const done = await this.db.read((em) => em.findOne(SimulatedRefundEntity, { idempotencyKey }));
      if (done) {
        if (done.intentId !== ref || done.amount !== amount) {
          throw new PaymentProviderError('idempotency', `Idempotency key ${idempotencyKey} was used with other parameters`);
        }
        return { ref: done.id, amount: done.amount };
      }
      const intent = await this.require(ref);
      if (intent.state !== 'succeeded') throw unexpectedState('refund', intent);
      const left = intent.amount - intent.amountRefunded;
      if (left === 0) throw new PaymentProviderError('invalid_state', `Intent ${ref} has already been refunded`);
      if (amount > left) {
        throw new PaymentProviderError('invalid_request', `Refund amount (${amount}) is greater than the unrefunded amount (${left})`, 'amount');
      }
      const now = this.clock.now();
      const refund = Object.assign(new SimulatedRefundEntity(), { id: `sim_re_${newId(now.getTime())}`, idempotencyKey, intentId: ref, amount, createdAt: now });
      try {
        const applied = await this.db.write(async (em) => {
          const written = await em.nativeUpdate(
            SimulatedIntentEntity,
            { id: ref, version: intent.version },
            { amountRefunded: intent.amountRefunded + amount, version: intent.version + 1, updatedAt: now },
          );
          if (written === 1) em.persist(refund);
          return written === 1;
        });
        if (applied) return { ref: refund.id, amount };
      } catch (error) {
        // The same key refunded concurrently: the next round answers that refund.
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
      }
      await backoff(attempt);
    }
    throw new PaymentProviderError('unavailable', `Intent ${ref} is changing too often to refund now; try again`);
  }

  /** Applies `next` to the intent's current state with a compare-and-set, reading again when another change won. */
  private async change(
    ref: string,
    next: (intent: SimulatedIntentEntity) => Pick<SimulatedIntentEntity, 'state' | 'failure'> & Partial<Pick<SimulatedIntentEntity, 'paymentMethod'>>,
  ): Promise<ProviderIntent> {
    for (let attempt = 1; attempt <= CAS_ATTEMPTS; attempt += 1) {
      const intent = await this.require(ref);
      const changes = next(intent);
      const now = this.clock.now();
      const written = await this.db.write((em) =>
        em.nativeUpdate(SimulatedIntentEntity, { id: ref, version: intent.version }, { ...changes, version: intent.version + 1, updatedAt: now }),
      );
      if (written === 1) return intentOf(Object.assign(intent, changes));
      await backoff(attempt);
    }
    throw new PaymentProviderError('unavailable', `Intent ${ref} is changing too often; try again`);
  }

  private read(where: { id: string } | { idempotencyKey: string }): Promise<SimulatedIntentEntity | null> {
    return this.db.read((em) => em.findOne(SimulatedIntentEntity, where));
  }

  private async require(ref: string): Promise<SimulatedIntentEntity> {
    const intent = await this.read({ id: ref });
    if (!intent) throw new PaymentProviderError('not_found', `No such payment intent: ${ref}`);
    return intent;
  }
}

function intentOf(intent: SimulatedIntentEntity): ProviderIntent {
  return {
    ref: intent.id,
    state: stateOf(intent),
    amount: intent.amount,
    currency: intent.currency,
    amountRefunded: intent.amountRefunded,
    reason: intent.failure ?? (intent.state === 'canceled' ? 'Canceled.' : null),
    clientSecret: null,
  };
}

/** Read as the Stripe adapter reads a PaymentIntent: a declined one waiting for another method is `failed`. */
function stateOf(intent: SimulatedIntentEntity): IntentState {
  if (intent.failure && intent.state === 'requires_payment') return 'failed';
  return intent.state;
}

function unexpectedState(action: string, intent: SimulatedIntentEntity): PaymentProviderError {
  return new PaymentProviderError('invalid_state', `You cannot ${action} this payment intent because its state is ${intent.state}`);
}
