import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { isStaff } from '../../platform/caller';
import { byKeys, type RequestContext } from '../../platform/context';
import { checkDeadline } from '../../platform/deadline';
import { badInput, conflict, forbidden, notFound, unauthenticated } from '../../platform/errors';
import { checkId, checkIdempotencyKey, optionalReason } from '../../platform/checks';
import { every, type Periodic } from '../../platform/periodic';
import type { SubgraphDeps } from '../../platform/subgraph';
import type { OrderPaymentTermsPayload } from '../../contracts/orders-api';
import type { OrdersClient } from './orders.client';
import type { OrderRef } from './order.stub';
import { PaymentEntity, PaymentStatus } from './payment.entity';
import type { CreatePaymentInput } from './payment.inputs';
import type { PaymentLedger } from './payment.ledger';
import { checkPaymentMethod, checkRefundAmount, checkTerms, type Terms } from './payment.rules';
import { RefundRequestEntity } from './refund-request.entity';
import { PaymentProviderError, type Observation, type PaymentProvider, type ProviderIntent, type ServerConfirmation } from './payment.provider';

const CHECK_BATCH = 100;

/** How the id of a payment made on demand begins; the order's id follows (`paymentIdOf`). */
const ON_DEMAND_ID = 'pay_';

/** The id of the payment made for an order: known before it is made, so it does not change when it is. */
export const paymentIdOf = (orderId: string): string => `${ON_DEMAND_ID}${orderId}`;

/** The order a payment id derived by `paymentIdOf` names; null for any other id. */
const orderIdIn = (paymentId: string): string | null => (paymentId.startsWith(ON_DEMAND_ID) ? paymentId.slice(ON_DEMAND_ID.length) : null);

/** Payments shown as they will be, not stored yet: `make` stores them. */
const unmade = new WeakSet<PaymentEntity>();
/** Those of them shown from the gateway's reference, without the order's lines (`make` reads them from orders). */
const withoutLines = new WeakSet<PaymentEntity>();

/** What a payment is made from, as orders says; `lines` null when not known (an order reference carries the rest). */
type OrderTerms = Omit<OrderPaymentTermsPayload, 'lines'> & { readonly lines: OrderPaymentTermsPayload['lines'] | null };

/**
 * Payments for orders: the internal operations orders calls (cancel, refund;
 * contracts/payments-api.ts), the customer's confirmation with the simulated
 * provider, and the payment shown on an order. The provider is the source of
 * truth for the money; every status change goes through the PaymentLedger,
 * forward only.
 *
 * An order's payment is made when its customer first pays, not when the order
 * is placed: placing costs no call here and no PaymentIntent for the many
 * buyers who never pay. Until then `Order.payment` answers the payment as it
 * will be (REQUIRES_PAYMENT, the order's total, the configured provider),
 * built from the order's fields the gateway hands over with the reference
 * (`@requires`, read in the same fetch as the order: no call to orders), or
 * from orders' orderPaymentTerms otherwise, and stored nowhere; its id is
 * derived from the order's (`paymentIdOf`), so the id a client read right
 * after placing is the payment's id once made. It is made
 * (`make`) when the owner confirms it (simulated provider) or asks for its
 * clientSecret (Stripe: the storefront asks as the payment form opens, and
 * Stripe.js confirms with it). Derived and unstored rather than a row made on
 * the first read: a read stays a read (staff paging through orders write
 * nothing), and an order cancelled unpaid has nothing here to cancel. Made
 * once per order however many ask at once, in this process (one call at a
 * time per order) and across processes (the provider's idempotency key is
 * the order's, and the row is unique by order).
 */
export class PaymentService {
  /** Payments being made, by order: concurrent askers share one. */
  private readonly making = new Map<string, Promise<PaymentEntity>>();

  constructor(
    private readonly deps: SubgraphDeps,
    /** The provider new payments are made with. */
    private readonly provider: PaymentProvider,
    private readonly ledger: PaymentLedger,
    private readonly orders: OrdersClient,
  ) {}

  /** A Payment asked for by `_entities` (one not made yet by its derived id), for those who may see it (see `visible`). */
  async load(ctx: RequestContext, id: string): Promise<PaymentEntity | null> {
    const payment = await ctx.loaders
      .get<string, PaymentEntity | null>('paymentById', async (ids) => {
        const rows = await ctx.em.find(PaymentEntity, { id: { $in: [...ids] } });
        return byKeys(ids, rows, (row) => row.id).map((row) => row ?? null);
      })
      .load(id);
    const orderId = orderIdIn(id);
    return payment || !orderId ? visible(ctx, payment) : this.forOrder(ctx, { id: orderId });
  }

  /**
   * The order's payment, or the one it will have (see the class comment), for
   * those who may see it (see `visible`). Batched: the payments of a page of
   * orders cost one query; those not made yet are shown from the order's
   * fields in the reference, or, when it lacks them, one call to orders.
   */
  async forOrder(ctx: RequestContext, order: OrderRef): Promise<PaymentEntity | null> {
    if (!ctx.caller) throw unauthenticated();
    const stored = await ctx.loaders
      .get<string, PaymentEntity | null>('paymentByOrderId', async (ids) => {
        const rows = await ctx.em.find(PaymentEntity, { orderId: { $in: [...ids] } });
        return byKeys(ids, rows, (row) => row.orderId).map((row) => row ?? null);
      })
      .load(order.id);
    if (stored) return visible(ctx, stored);
    const { status, total, customer } = order;
    const terms: OrderTerms | null =
      status && total && customer
        ? { orderId: order.id, customerId: customer.id, status, amount: total.amount, currency: total.currency, lines: null }
        : await ctx.loaders.get<string, OrderPaymentTermsPayload | null>('orderPaymentTerms', (ids) => this.orders.paymentTerms(ids)).load(order.id);
    return visible(ctx, terms && (await this.unmadeOrMade(terms)));
  }

  /**
   * The client secret goes to the order's owner only, never to staff or others.
   * With Stripe the owner's first ask makes the payment (its PaymentIntent):
   * Stripe.js needs the secret to confirm on the customer's device.
   */
  async clientSecretFor(ctx: RequestContext, payment: PaymentEntity): Promise<string | null> {
    if (ctx.caller?.userId !== payment.customerId) return null;
    if (unmade.has(payment) && payment.status === PaymentStatus.REQUIRES_PAYMENT && !this.provider.serverConfirmation) {
      return (await this.make(payment)).clientSecret;
    }
    return payment.clientSecret;
  }

  /** Internal: the order's payment, created once; the same order again answers it (same terms) or is a CONFLICT. */
  async create(input: CreatePaymentInput): Promise<PaymentEntity> {
    return this.createFor(checkTerms(input));
  }

  /**
   * The payment an order without one will have, stored nowhere (see the class
   * comment): REQUIRES_PAYMENT while the order can be paid, CANCELED once it
   * was cancelled unpaid (it can no longer be paid); null for an order being
   * placed or one that moved on without a payment.
   */
  private unmade(order: OrderTerms): PaymentEntity | null {
    const status = order.status === 'AWAITING_PAYMENT' || order.status === 'PAYMENT_FAILED' ? PaymentStatus.REQUIRES_PAYMENT : order.status === 'CANCELLED' ? PaymentStatus.CANCELED : null;
    if (!status) return null;
    const payment = this.newPayment(checkTerms(order), {
      status,
      statusReason: status === PaymentStatus.CANCELED ? 'the order was cancelled before it was paid' : null,
    });
    unmade.add(payment);
    if (order.lines === null) withoutLines.add(payment);
    return payment;
  }

  /** A payment of `terms` with this server's provider, as of now, under the order's payment id; not stored. */
  private newPayment(terms: Terms, fields: Pick<Partial<PaymentEntity>, 'status' | 'statusReason' | 'providerRef' | 'clientSecret'>): PaymentEntity {
    const now = this.deps.clock.now();
    return Object.assign(new PaymentEntity(), {
      id: paymentIdOf(terms.orderId),
      orderId: terms.orderId,
      customerId: terms.customerId,
      amountMinor: terms.amount,
      currency: terms.currency,
      lines: terms.lines,
      provider: this.provider.name,
      createdAt: now,
      updatedAt: now,
      ...fields,
    });
  }

  /** Makes an unmade payment (the intent at the provider, then the row), once: concurrent callers share the one call. */
  private make(payment: PaymentEntity): Promise<PaymentEntity> {
    const running = this.making.get(payment.orderId);
    if (running) return running;
    const made = this.makeNow(payment).finally(() => this.making.delete(payment.orderId));
    this.making.set(payment.orderId, made);
    return made;
  }

  private async makeNow(payment: PaymentEntity): Promise<PaymentEntity> {
    if (!withoutLines.has(payment)) return this.createFor(termsOf(payment));
    // Shown from the reference: the receipt's lines, and the order's status as of now, come from orders.
    const [terms] = await this.orders.paymentTerms([payment.orderId]);
    const now = terms && (await this.unmadeOrMade(terms));
    if (!now) throw notFound('Payment for order', payment.orderId);
    const refused = refusal(now);
    if (refused) throw refused;
    return unmade.has(now) ? this.createFor(termsOf(now)) : now;
  }

  private async createFor(terms: Terms): Promise<PaymentEntity> {
    const existing = await this.byOrder(terms.orderId);
    if (existing) return replay(existing, terms);
    checkDeadline('create the payment');

    let intent: ProviderIntent;
    try {
      intent = await this.provider.createIntent({
        orderId: terms.orderId,
        amount: terms.amount,
        currency: terms.currency,
        // Derived from the order: a retried call (ours or the SDK's) finds the intent made the first time.
        idempotencyKey: `order-${terms.orderId}-payment`,
        metadata: { customerId: terms.customerId },
      });
    } catch (error) {
      if (error instanceof PaymentProviderError && error.kind === 'idempotency') {
        throw conflict(`Order ${terms.orderId} already has a payment with other terms`, { reason: 'PAYMENT_TERMS_DIFFER', orderId: terms.orderId });
      }
      throw error;
    }
    const payment = this.newPayment(terms, { providerRef: intent.ref, clientSecret: intent.clientSecret });
    try {
      await this.deps.db.write(async (em) => {
        em.persist(payment);
      });
    } catch (error) {
      // A concurrent call for the same order stored it first (with the same intent, by the idempotency key).
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      const other = await this.byOrder(terms.orderId);
      if (!other) throw error;
      return replay(other, terms);
    }
    return payment;
  }

  /** Internal: cancels a payment that has not succeeded (a FAILED one too: it could still be paid). Idempotent. */
  async cancel(orderId: string, reason: string | null): Promise<PaymentEntity> {
    checkId(orderId, 'orderId');
    const why = optionalReason(reason) ?? 'canceled';
    const payment = await this.requireByOrder(orderId);
    if (payment.status === PaymentStatus.CANCELED) return payment;
    if (payment.status === PaymentStatus.SUCCEEDED || payment.status === PaymentStatus.REFUNDED) throw alreadyPaid(payment, 'refund it instead');
    const provider = this.providerOf(payment);
    const ref = refOf(payment);
    let seen: Observation;
    try {
      seen = await provider.cancel(ref);
    } catch (error) {
      if (!(error instanceof PaymentProviderError && error.kind === 'invalid_state')) throw error;
      // Not cancelable at the provider any more: most likely it succeeded a moment ago.
      seen = await provider.retrieve(ref);
    }
    const { payment: now } = await this.ledger.apply(payment.id, seen, { reason: why });
    if (now.status === PaymentStatus.SUCCEEDED || now.status === PaymentStatus.REFUNDED) throw alreadyPaid(now, 'refund it instead');
    return now;
  }

  /**
   * Internal: refunds `amount` (the rest when omitted) of a succeeded payment,
   * through its provider. Without `idempotencyKey`, a call repeated while the first is still going
   * refunds once (the provider key names the amount refunded before), but a
   * call repeated after the first finished is a second refund. With a key,
   * the request is recorded before the provider is called, and the same key
   * again answers the payment as it is now, moving no more money.
   */
  async refund(orderId: string, amount: number | null, reason: string | null, idempotencyKey: string | null = null): Promise<PaymentEntity> {
    checkId(orderId, 'orderId');
    const why = optionalReason(reason);
    checkRefundAmount(amount);
    const key = checkIdempotencyKey(idempotencyKey);
    const payment = await this.requireByOrder(orderId);
    const earlier = key ? await this.deps.db.read((em) => em.findOne(RefundRequestEntity, { orderId, idempotencyKey: key })) : null;
    if (earlier) return this.repeatRefund(payment, earlier, amount, why);
    if (payment.status !== PaymentStatus.SUCCEEDED && payment.status !== PaymentStatus.REFUNDED) {
      throw conflict(`Only a succeeded payment can be refunded; the payment for order ${orderId} is ${payment.status}`, {
        reason: 'NOT_REFUNDABLE',
        status: payment.status,
      });
    }
    const left = payment.amountMinor - payment.refundedMinor;
    const refund = amount ?? left;
    if (refund === 0) return payment;
    if (refund > left) throw tooMuch(payment, refund);
    if (!key) {
      // Keyed by what was refunded before: a retry of this very call, while it is still going, refunds once.
      return this.refundAtProvider(payment, refund, `order-${orderId}-refund-${payment.refundedMinor}-${refund}`, why);
    }
    const request = Object.assign(new RefundRequestEntity(), { orderId, idempotencyKey: key, requestedAmount: amount, amount: refund, createdAt: this.deps.clock.now() });
    try {
      await this.deps.db.write(async (em) => void em.persist(request));
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      // The same key, concurrently: answer as a repeat of that request.
      const winner = await this.deps.db.read((em) => em.findOneOrFail(RefundRequestEntity, { orderId, idempotencyKey: key }));
      return this.repeatRefund(payment, winner, amount, why);
    }
    return this.completeRefund(payment, request, why);
  }

  private async repeatRefund(payment: PaymentEntity, earlier: RefundRequestEntity, amount: number | null, why: string | null): Promise<PaymentEntity> {
    if (earlier.requestedAmount !== amount) {
      throw conflict('This idempotencyKey was already used for a refund of another amount', {
        field: 'idempotencyKey',
        reason: 'IDEMPOTENCY_KEY_REUSED',
        requestedAmount: earlier.requestedAmount,
      });
    }
    return earlier.done ? payment : this.completeRefund(payment, earlier, why);
  }

  /** Sends a recorded request to the provider (again, after a crash: the provider key makes it one refund). */
  private async completeRefund(payment: PaymentEntity, request: RefundRequestEntity, why: string | null): Promise<PaymentEntity> {
    try {
      const refunded = await this.refundAtProvider(payment, request.amount, `order-${request.orderId}-refund-key-${request.idempotencyKey}`, why);
      await this.deps.db.write((em) => em.nativeUpdate(RefundRequestEntity, { id: request.id }, { done: true }));
      return refunded;
    } catch (error) {
      // Refused by the provider: no money moved, so the key may be used again for a request that fits.
      if (error instanceof GraphQLError && error.extensions.code === 'CONFLICT') {
        await this.deps.db.write((em) => em.nativeDelete(RefundRequestEntity, { id: request.id }));
      }
      throw error;
    }
  }

  private async refundAtProvider(payment: PaymentEntity, refund: number, providerKey: string, why: string | null): Promise<PaymentEntity> {
    const provider = this.providerOf(payment);
    const ref = refOf(payment);
    try {
      await provider.refund(ref, refund, providerKey);
    } catch (error) {
      if (!(error instanceof PaymentProviderError && (error.kind === 'invalid_request' || error.kind === 'invalid_state'))) throw error;
      // The provider knows of refunds we have not heard of yet (made in its dashboard): catch up, then refuse.
      const { payment: now } = await this.ledger.apply(payment.id, await provider.retrieve(ref));
      throw tooMuch(now, refund);
    }
    // The provider's cumulative total, not ours plus this refund: a webhook may have counted it already.
    return (await this.ledger.apply(payment.id, await provider.retrieve(ref), { reason: why })).payment;
  }

  /**
   * A payment learns its outcome from the provider's webhook, and a webhook
   * can be lost (the endpoint down for longer than Stripe retries, a rotated
   * secret). Payments still open `staleAfterSeconds` after their last change
   * are read again from the provider and moved where it says, forward only,
   * each at most once per period and by one process (claimed first).
   * Returns how many changed.
   */
  async checkStale(now: Date = this.deps.clock.now()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.deps.config.paymentChecks.staleAfterSeconds * 1000);
    let changed = 0;
    for (;;) {
      const due = await this.deps.db.read((em) =>
        em.find(
          PaymentEntity,
          {
            // FAILED too: the customer may have paid again on their device (Stripe.js).
            status: { $in: [PaymentStatus.REQUIRES_PAYMENT, PaymentStatus.PROCESSING, PaymentStatus.FAILED] },
            provider: this.provider.name,
            providerRef: { $ne: null },
            updatedAt: { $lte: cutoff },
            $or: [{ checkedAt: null }, { checkedAt: { $lte: cutoff } }],
          },
          { orderBy: { updatedAt: 'asc', id: 'asc' }, limit: CHECK_BATCH },
        ),
      );
      for (const payment of due) {
        const claimed = await this.deps.db.write((em) =>
          em.nativeUpdate(PaymentEntity, { id: payment.id, checkedAt: payment.checkedAt }, { checkedAt: now }),
        );
        if (claimed === 0) continue;
        try {
          if ((await this.ledger.apply(payment.id, await this.provider.retrieve(refOf(payment)))).changed) changed += 1;
        } catch (error) {
          this.deps.log.warn('could not check a payment with its provider; will try again next period', { orderId: payment.orderId, error: String(error) });
        }
      }
      if (due.length < CHECK_BATCH) return changed;
    }
  }

  /** The background check: every PAYMENT_CHECK_INTERVAL_MS, never two at once in a process. */
  startChecking(): Periodic {
    return every(this.deps.config.paymentChecks.intervalMs, 'payment check', this.deps.log, async () => {
      const count = await this.checkStale();
      if (count > 0) this.deps.log.warn('payments caught up from their provider (webhooks missed)', { count });
    });
  }

  /**
   * The owner pays with a test payment method (simulated provider only;
   * Stripe payments are confirmed with Stripe.js), again after a decline.
   * Never charges twice: the provider's intent moves by compare-and-set, so
   * of two racing confirmations one pays and the other is told ALREADY_PAID.
   */
  async confirm(ctx: RequestContext, orderId: string, paymentMethod: string): Promise<PaymentEntity> {
    const payment = await this.ownPayment(ctx, orderId);
    const refused = refusal(payment);
    if (refused) throw refused;
    checkPaymentMethod(paymentMethod);
    const provider = this.providerOf(payment);
    const confirmation = serverConfirmationOf(provider, payment);
    // Nothing is made or charged for a caller that has stopped waiting: its retry would find the money taken and be told ALREADY_PAID.
    checkDeadline('confirm the payment');
    // Made and confirmed in one call; made by a concurrent call, it may be paid already (settle then says so).
    const made = unmade.has(payment) ? await this.make(payment) : payment;
    return this.settle(made, provider, () => confirmation.confirm(refOf(made), paymentMethod));
  }

  /** The owner's answer to the bank's 3-D Secure challenge, for a payment waiting on it (simulated provider only). */
  async completeAuthentication(ctx: RequestContext, orderId: string, approve: boolean): Promise<PaymentEntity> {
    const payment = await this.ownPayment(ctx, orderId);
    if (payment.status === PaymentStatus.REQUIRES_PAYMENT || payment.status === PaymentStatus.FAILED) {
      throw conflict(`The payment for order ${orderId} is not waiting for authentication; confirm it first`, { reason: 'NOT_AWAITING_AUTHENTICATION' });
    }
    const refused = payment.status === PaymentStatus.PROCESSING ? null : refusal(payment);
    if (refused) throw refused;
    const provider = this.providerOf(payment);
    const confirmation = serverConfirmationOf(provider, payment);
    return this.settle(payment, provider, () => confirmation.completeAuthentication(refOf(payment), approve));
  }

  /** Runs a confirmation step at the provider and applies its outcome; a declined attempt leaves the payment payable (FAILED). */
  private async settle(payment: PaymentEntity, provider: PaymentProvider, step: () => Promise<ProviderIntent>): Promise<PaymentEntity> {
    let seen: Observation;
    try {
      seen = await step();
    } catch (error) {
      if (error instanceof PaymentProviderError && error.param === 'payment_method') throw badInput(error.message, 'paymentMethod');
      if (!(error instanceof PaymentProviderError && error.kind === 'invalid_state')) throw error;
      // Another confirmation got there first: report where that one left the payment.
      const { payment: now } = await this.ledger.apply(payment.id, await provider.retrieve(refOf(payment)));
      throw refusal(now) ?? conflict(`The payment for order ${payment.orderId} changed meanwhile; try again`, { reason: 'PAYMENT_CHANGED', retryable: true });
    }
    return (await this.ledger.apply(payment.id, seen, { attempt: true })).payment;
  }

  /** The order's payment, for its owner; NOT_FOUND for anyone who cannot see the order, FORBIDDEN for staff. */
  private async ownPayment(ctx: RequestContext, orderId: string): Promise<PaymentEntity> {
    if (!ctx.caller) throw unauthenticated();
    checkId(orderId, 'orderId');
    const payment = (await ctx.em.findOne(PaymentEntity, { orderId })) ?? (await this.unmadeOf(orderId));
    const own = payment !== null && payment.customerId === ctx.caller.userId;
    if (!payment || (!own && !isStaff(ctx.caller))) throw notFound('Payment for order', orderId);
    if (!own) throw forbidden("Only the order's owner can pay for it");
    return payment;
  }

  private providerOf(payment: PaymentEntity): PaymentProvider {
    if (payment.provider === this.provider.name) return this.provider;
    throw conflict(`The payment for order ${payment.orderId} was made with the ${payment.provider} provider, which this server is not configured for`, {
      reason: 'PROVIDER_NOT_CONFIGURED',
      provider: payment.provider,
    });
  }

  /** The payment an order without one will have (see `unmade`); null for an unknown order. */
  private async unmadeOf(orderId: string): Promise<PaymentEntity | null> {
    const [terms] = await this.orders.paymentTerms([orderId]);
    return terms && this.unmadeOrMade(terms);
  }

  /**
   * The payment an order found without one will have; or, when the order
   * moved on (paid) since its payment was looked for, the one made meanwhile.
   */
  private async unmadeOrMade(terms: OrderTerms): Promise<PaymentEntity | null> {
    return this.unmade(terms) ?? (await this.byOrder(terms.orderId));
  }

  private byOrder(orderId: string): Promise<PaymentEntity | null> {
    return this.deps.db.read((em) => em.findOne(PaymentEntity, { orderId }));
  }

  private async requireByOrder(orderId: string): Promise<PaymentEntity> {
    const payment = await this.byOrder(orderId);
    if (!payment) throw notFound('Payment for order', orderId);
    return payment;
  }
}

/** What an unmade payment is made from. */
function termsOf(payment: PaymentEntity): Terms {
  return { orderId: payment.orderId, customerId: payment.customerId, amount: payment.amountMinor, currency: payment.currency, lines: payment.lines };
}

/** A repeated createPayment: the same terms answer the payment as it is now; other terms are refused. */
function replay(existing: PaymentEntity, terms: Terms): PaymentEntity {
  if (existing.customerId !== terms.customerId || existing.amountMinor !== terms.amount || existing.currency !== terms.currency) {
    throw conflict(`Order ${terms.orderId} already has a payment of ${existing.amountMinor} ${existing.currency} for another amount, currency or customer`, {
      reason: 'PAYMENT_TERMS_DIFFER',
      orderId: terms.orderId,
    });
  }
  return existing;
}

/** Why a payment in this status cannot be confirmed; null when it can. */
function refusal(payment: PaymentEntity): GraphQLError | null {
  switch (payment.status) {
    case PaymentStatus.REQUIRES_PAYMENT:
    case PaymentStatus.FAILED:
      return null;
    case PaymentStatus.SUCCEEDED:
    case PaymentStatus.REFUNDED:
      return alreadyPaid(payment, 'nothing to pay');
    case PaymentStatus.PROCESSING:
      return conflict(`The payment for order ${payment.orderId} is being processed or waits for authentication`, {
        reason: 'PAYMENT_PROCESSING',
        status: payment.status,
      });
    case PaymentStatus.CANCELED:
      return conflict(`The payment for order ${payment.orderId} was canceled (${payment.statusReason ?? 'no reason given'}); it can no longer be paid`, {
        reason: 'PAYMENT_CANCELED',
        status: payment.status,
      });
  }
}

function alreadyPaid(payment: PaymentEntity, hint: string): GraphQLError {
  return conflict(`Order ${payment.orderId} is already paid (${payment.status}); ${hint}`, { reason: 'ALREADY_PAID', status: payment.status });
}

function tooMuch(payment: PaymentEntity, refund: number): GraphQLError {
  const left = payment.amountMinor - payment.refundedMinor;
  return conflict(`Refunding ${refund} would return more than was paid; ${left} of ${payment.amountMinor} is left to refund`, {
    reason: 'REFUND_EXCEEDS_PAYMENT',
    refundable: left,
  });
}

function serverConfirmationOf(provider: PaymentProvider, payment: PaymentEntity): ServerConfirmation {
  if (provider.serverConfirmation) return provider.serverConfirmation;
  throw conflict(
    `The payment for order ${payment.orderId} is confirmed on the customer's device with Stripe.js and the payment's clientSecret; confirmPayment is for the simulated provider`,
    { reason: 'CLIENT_CONFIRMATION_REQUIRED', provider: payment.provider },
  );
}

function refOf(payment: PaymentEntity): string {
  if (!payment.providerRef) throw new Error(`Payment ${payment.id} has no provider reference`);
  return payment.providerRef;
}

/**
 * The rule of `order(id)`, which a payment is read through: the order's
 * owner and staff see it, anyone else gets null, as for an order without one,
 * so `_entities` sent straight to this subgraph reveals no more.
 */
function visible(ctx: RequestContext, payment: PaymentEntity | null): PaymentEntity | null {
  if (!ctx.caller) throw unauthenticated();
  return payment && (payment.customerId === ctx.caller.userId || isStaff(ctx.caller)) ? payment : null;
}
