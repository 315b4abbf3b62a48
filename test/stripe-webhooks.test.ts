import { ProcessedEventEntity } from '../platform/messaging/inbox';
import type { PaymentsServices } from '../subgraphs/payments/payments.services';
import { graphql } from './__generated__/index';
import { codesOf, execute } from './support/graphql';
import {
  callPayments,
  cancelPayment,
  newOrderId,
  paymentEvents,
  paymentFor,
  paymentRow,
  paymentsState,
  receiptsOf,
  refundPayment,
} from './support/payments';
import { startTestStack, type TestStack } from './support/stack';
import { StripeStandIn, type StripeEventJson } from './support/stripe-stand-in';

const WEBHOOK_SECRET = 'whsec_standInEndpointSecret';

const Pay = graphql(`
  mutation StripePay($orderId: ID!, $paymentMethod: String!) {
    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) { status }
  }
`);

/** What the gateway asks payments for when a client selects `order { payment { clientSecret } }`. */
const ORDER_PAYMENT = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Order { payment { status provider clientSecret } } }
}`;

type OrderPayment = { _entities: Array<{ payment: { status: string; provider: string; clientSecret: string | null } | null }> };

describe('payments with Stripe (the real SDK against a stand-in API, signed webhooks)', () => {
  let standIn: StripeStandIn;
  let t: TestStack;
  let webhookUrl: string;
  const browser = () => standIn.client();

  /** A Stripe payment for a new order of `payments-owner`, as orders creates it. */
  const newPayment = async (amount = 4_200) => {
    const orderId = newOrderId();
    const payment = await paymentFor(t, { orderId, customerId: 'stripe-owner', amount, currency: 'EUR' });
    return { orderId, payment, ref: (await paymentRow(t, orderId)).providerRef! };
  };

  /** The customer pays on their device: Stripe.js confirms the intent with Stripe, never with us. */
  const payAtStripe = (ref: string, paymentMethod = 'pm_card_visa') =>
    browser()
      .paymentIntents.confirm(ref, { payment_method: paymentMethod })
      .catch(() => undefined);

  const deliver = (event: StripeEventJson, options?: Parameters<StripeStandIn['deliver']>[3]) => standIn.deliver(webhookUrl, event, WEBHOOK_SECRET, options);

  beforeAll(async () => {
    standIn = await StripeStandIn.start();
    t = await startTestStack({ env: { STRIPE_SECRET_KEY: standIn.apiKey, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_BASE: standIn.url } });
    webhookUrl = t.stack.subgraphs.payments.url.replace(/\/graphql$/, '/webhooks/stripe');
  });

  afterAll(async () => {
    await t?.stop();
    await standIn?.stop();
  });

  it('creates one PaymentIntent per order, keyed by the order, and gives its client secret to the owner only', async () => {
    const orderId = newOrderId();
    const input = { orderId, customerId: 'stripe-owner', amount: 4_200, currency: 'EUR' };
    const [first, second] = await Promise.all([paymentFor(t, input), paymentFor(t, input)]);
    expect(second.id).toBe(first.id);
    expect(first).toMatchObject({ provider: 'stripe', status: 'REQUIRES_PAYMENT', amount: { amount: 4_200, currency: 'EUR' } });

    const ref = (await paymentRow(t, orderId)).providerRef!;
    const intent = standIn.intent(ref);
    expect(intent).toMatchObject({ amount: 4_200, currency: 'eur', status: 'requires_payment_method', metadata: { orderId, customerId: 'stripe-owner' } });
    const creates = standIn.requests.filter((r) => r.method === 'POST' && r.path === '/v1/payment_intents' && r.idempotencyKey === `order-${orderId}-payment`);
    expect(creates.length).toBeGreaterThanOrEqual(1);

    const representations = [{ __typename: 'Order', id: orderId }];
    const asOwner = await callPayments<OrderPayment>(t, ORDER_PAYMENT, { representations }, { userId: 'stripe-owner', roles: ['CUSTOMER'] });
    expect(asOwner.data!._entities[0].payment).toEqual({ status: 'REQUIRES_PAYMENT', provider: 'stripe', clientSecret: intent.client_secret });
    const asAgent = await callPayments<OrderPayment>(t, ORDER_PAYMENT, { representations }, { userId: 'stripe-agent', roles: ['CUSTOMER', 'AGENT'] });
    expect(asAgent.data!._entities[0].payment!.clientSecret).toBeNull();
  });

  it('refuses confirmPayment for a Stripe payment (the customer confirms with Stripe.js), writing nothing', async () => {
    const { orderId } = await newPayment();
    const before = await paymentsState(t);
    const result = await execute(t.url, Pay, { orderId, paymentMethod: 'pm_card_visa' }, { token: await t.token('stripe-owner') });
    expect(result.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CLIENT_CONFIRMATION_REQUIRED' });
    expect(await paymentsState(t)).toEqual(before);
  });

  it('marks the payment SUCCEEDED from a signed payment_intent.succeeded: a receipt and one payment.succeeded event', async () => {
    const { orderId, payment, ref } = await newPayment();
    await payAtStripe(ref);
    const delivery = await deliver(standIn.lastEvent('payment_intent.succeeded', ref));
    expect(delivery.status).toBe(200);
    expect(JSON.parse(delivery.body)).toEqual({ received: true, outcome: 'applied' });

    expect((await paymentRow(t, orderId)).status).toBe('SUCCEEDED');
    const [receipt] = await receiptsOf(t, orderId);
    expect(receipt).toMatchObject({ paymentId: payment.id, totalMinor: 4_200, currency: 'EUR', provider: 'stripe' });
    expect(await paymentEvents(t, orderId)).toEqual([
      {
        type: 'payment.succeeded',
        payload: { paymentId: payment.id, orderId, customerId: 'stripe-owner', amount: 4_200, currency: 'EUR', provider: 'stripe', status: 'SUCCEEDED', receiptNumber: receipt.number },
      },
    ]);
  });

  it("takes signed deliveries at the gateway's /webhooks/stripe, the one public address, and refuses a bad signature there too", async () => {
    const { orderId, ref } = await newPayment();
    await payAtStripe(ref);
    const viaGateway = t.url.replace(/\/graphql$/, '/webhooks/stripe');
    const forged = await standIn.deliver(viaGateway, standIn.lastEvent('payment_intent.succeeded', ref), 'whsec_notTheEndpointSecret');
    expect(forged).toEqual({ status: 400, body: JSON.stringify({ error: 'Webhook signature verification failed' }) });
    expect((await paymentRow(t, orderId)).status).not.toBe('SUCCEEDED');
    const delivery = await standIn.deliver(viaGateway, standIn.lastEvent('payment_intent.succeeded', ref), WEBHOOK_SECRET);
    expect(delivery.status).toBe(200);
    expect(JSON.parse(delivery.body)).toEqual({ received: true, outcome: 'applied' });
    expect((await paymentRow(t, orderId)).status).toBe('SUCCEEDED');
  });

  describe('refuses deliveries Stripe did not sign as sent: 400 and nothing written', () => {
    let event: StripeEventJson;

    beforeAll(async () => {
      const { ref } = await newPayment();
      await payAtStripe(ref);
      event = standIn.lastEvent('payment_intent.succeeded', ref);
    });

    const payload = () => JSON.stringify(event, null, 2);
    const cases: Array<[string, () => Parameters<StripeStandIn['deliver']>[3]]> = [
      ['a signature made with another secret', () => ({ secret: 'whsec_someoneElsesSecret' })],
      ['a tampered signature', () => ({ header: `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` })],
      ['no signature at all', () => ({ header: null })],
      ['a timestamp older than the tolerance (300 s)', () => ({ timestamp: Math.floor(Date.now() / 1000) - 301 })],
      ['a re-serialized (parsed) body instead of the raw bytes', () => ({ body: JSON.stringify(JSON.parse(payload())) })],
      ['a changed amount in the body', () => ({ body: payload().replace('"amount": 4200', '"amount": 1') })],
    ];

    it.each(cases)('%s', async (_name, options) => {
      const before = await paymentsState(t);
      const delivery = await deliver(event, options());
      expect(delivery.status).toBe(400);
      expect(JSON.parse(delivery.body)).toEqual({ error: 'Webhook signature verification failed' });
      expect(await paymentsState(t)).toEqual(before);
    });
  });

  it('catches up a payment whose webhook was lost, reading it again from Stripe once it is stale, once per period', async () => {
    const { orderId, ref } = await newPayment();
    await payAtStripe(ref);
    const { payments } = t.stack.subgraphs.payments.services as PaymentsServices;
    const reads = () => standIn.requests.filter((r) => r.method === 'GET' && r.path === `/v1/payment_intents/${ref}`).length;
    const before = reads();

    // Not stale yet (PAYMENT_CHECK_AFTER_SECONDS, 300): the webhook may still come, Stripe is not asked.
    await payments.checkStale(new Date(Date.now() + 60_000));
    expect(reads()).toBe(before);
    expect((await paymentRow(t, orderId)).status).toBe('REQUIRES_PAYMENT');

    const later = new Date(Date.now() + 301_000);
    expect(await payments.checkStale(later)).toBeGreaterThanOrEqual(1);
    expect(reads()).toBe(before + 1);
    expect((await paymentRow(t, orderId)).status).toBe('SUCCEEDED');
    expect(await receiptsOf(t, orderId)).toHaveLength(1);
    expect((await paymentEvents(t, orderId)).map((e) => e.type)).toEqual(['payment.succeeded']);

    // Checked once per period, and no longer once settled.
    await payments.checkStale(later);
    await payments.checkStale(new Date(later.getTime() + 600_000));
    expect(reads()).toBe(before + 1);
    // The webhook arriving after all changes nothing more.
    expect((await deliver(standIn.lastEvent('payment_intent.succeeded', ref))).status).toBe(200);
    expect(await receiptsOf(t, orderId)).toHaveLength(1);
    expect((await paymentEvents(t, orderId)).map((e) => e.type)).toEqual(['payment.succeeded']);
  });

  it('applies an event once however often it is delivered: twice in a row, then ten times at once, every delivery 2xx', async () => {
    const { orderId, ref } = await newPayment();
    await payAtStripe(ref);
    const event = standIn.lastEvent('payment_intent.succeeded', ref);

    const first = await deliver(event);
    const again = await deliver(event);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(JSON.parse(again.body).outcome).toBe('duplicate');

    const { orderId: otherOrder, ref: otherRef } = await newPayment();
    await payAtStripe(otherRef);
    const burst = standIn.lastEvent('payment_intent.succeeded', otherRef);
    const deliveries = await Promise.all(Array.from({ length: 10 }, () => deliver(burst)));
    expect(deliveries.map((d) => d.status)).toEqual(Array(10).fill(200));
    expect(deliveries.filter((d) => JSON.parse(d.body).outcome === 'applied')).toHaveLength(1);

    for (const id of [orderId, otherOrder]) {
      const row = await paymentRow(t, id);
      expect([row.status, row.version]).toEqual(['SUCCEEDED', 2]);
      expect(await receiptsOf(t, id)).toHaveLength(1);
      expect((await paymentEvents(t, id)).map((e) => e.type)).toEqual(['payment.succeeded']);
    }
    const markers = await t.stack.subgraphs.payments.orm.em.fork().find(ProcessedEventEntity, { key: { $in: [`stripe:${event.id}`, `stripe:${burst.id}`] } });
    expect(markers).toHaveLength(2);
  });

  it('never moves a payment backwards: payment_failed or processing arriving after succeeded change nothing', async () => {
    const { orderId, ref } = await newPayment();
    await payAtStripe(ref, 'pm_card_chargeDeclined');
    const staleFailure = standIn.lastEvent('payment_intent.payment_failed', ref);
    // The customer retried with another card on Stripe.js before we heard of the decline.
    await browser().paymentIntents.confirm(ref, { payment_method: 'pm_card_visa' });
    expect((await deliver(standIn.lastEvent('payment_intent.succeeded', ref))).status).toBe(200);

    const staleProcessing = { ...standIn.lastEvent('payment_intent.succeeded', ref), id: 'evt_staleProcessing', type: 'payment_intent.processing' };
    staleProcessing.data = { object: { ...staleProcessing.data.object, status: 'processing' } };
    for (const stale of [staleFailure, staleProcessing]) {
      const delivery = await deliver(stale);
      expect(delivery.status).toBe(200);
      expect(JSON.parse(delivery.body).outcome).toBe('unchanged');
    }
    const row = await paymentRow(t, orderId);
    expect([row.status, row.version]).toEqual(['SUCCEEDED', 2]);
    expect((await paymentEvents(t, orderId)).map((e) => e.type)).toEqual(['payment.succeeded']);
    expect(standIn.intent(ref).status).toBe('succeeded');
  });

  it('fails a declined payment from payment_intent.payment_failed after reading the intent again, and leaves it payable at Stripe', async () => {
    const { orderId, ref } = await newPayment();
    await payAtStripe(ref, 'pm_card_chargeDeclined');
    expect((await deliver(standIn.lastEvent('payment_intent.payment_failed', ref))).status).toBe(200);

    const row = await paymentRow(t, orderId);
    expect([row.status, row.statusReason]).toEqual(['FAILED', 'Your card was declined.']);
    expect((await paymentEvents(t, orderId)).map((e) => [e.type, e.payload.reason])).toEqual([['payment.failed', 'Your card was declined.']]);
    expect(standIn.intent(ref).status).toBe('requires_payment_method');
    expect(standIn.requests.filter((r) => r.method === 'GET' && r.path === `/v1/payment_intents/${ref}`).length).toBeGreaterThanOrEqual(1);

    // The customer pays again with another card on Stripe.js: the same payment succeeds, once.
    await browser().paymentIntents.confirm(ref, { payment_method: 'pm_card_visa' });
    expect(JSON.parse((await deliver(standIn.lastEvent('payment_intent.succeeded', ref))).body).outcome).toBe('applied');
    expect((await paymentRow(t, orderId)).status).toBe('SUCCEEDED');
    expect((await paymentEvents(t, orderId)).map((e) => e.type)).toEqual(['payment.failed', 'payment.succeeded']);
  });

  it('takes a 3-D Secure payment through PROCESSING to SUCCEEDED', async () => {
    const { orderId, ref } = await newPayment();
    await payAtStripe(ref, 'pm_card_authenticationRequired');
    await deliver(standIn.lastEvent('payment_intent.requires_action', ref));
    expect((await paymentRow(t, orderId)).status).toBe('PROCESSING');
    standIn.authenticate(ref, true);
    await deliver(standIn.lastEvent('payment_intent.succeeded', ref));
    expect((await paymentRow(t, orderId)).status).toBe('SUCCEEDED');
  });

  it('refunds through Stripe with an idempotency key; the charge.refunded webhook that follows changes nothing more', async () => {
    const { orderId, ref } = await newPayment(5_000);
    await payAtStripe(ref);
    await deliver(standIn.lastEvent('payment_intent.succeeded', ref));

    const refunded = await refundPayment(t, orderId, null, 'order cancelled');
    expect(refunded.data!.refundPayment.status).toBe('REFUNDED');
    expect(standIn.requests.filter((r) => r.path === '/v1/refunds').map((r) => r.idempotencyKey)).toContain(`order-${orderId}-refund-0-5000`);
    expect(standIn.charge(standIn.intent(ref).latest_charge!).amount_refunded).toBe(5_000);

    const delivery = await deliver(standIn.lastEvent('charge.refunded', ref));
    expect(JSON.parse(delivery.body).outcome).toBe('unchanged');
    expect((await paymentEvents(t, orderId)).map((e) => [e.type, e.payload.refundedAmount ?? null])).toEqual([
      ['payment.succeeded', null],
      ['payment.refunded', 5_000],
    ]);
  });

  it('takes refunds made in the Stripe dashboard from charge.refunded, in any order: SUCCEEDED, then REFUNDED', async () => {
    const { orderId, ref } = await newPayment(3_000);
    await payAtStripe(ref);
    await deliver(standIn.lastEvent('payment_intent.succeeded', ref));

    await browser().refunds.create({ payment_intent: ref, amount: 1_000 });
    const partial = standIn.lastEvent('charge.refunded', ref);
    await browser().refunds.create({ payment_intent: ref });
    const full = standIn.lastEvent('charge.refunded', ref);

    // The later event first: the earlier, smaller total then changes nothing.
    expect(JSON.parse((await deliver(full)).body).outcome).toBe('applied');
    expect(JSON.parse((await deliver(partial)).body).outcome).toBe('unchanged');
    const row = await paymentRow(t, orderId);
    expect([row.status, row.refundedMinor]).toEqual(['REFUNDED', 3_000]);
    expect((await paymentEvents(t, orderId)).filter((e) => e.type === 'payment.refunded').map((e) => [e.payload.status, e.payload.refundedAmount])).toEqual([
      ['REFUNDED', 3_000],
    ]);
  });

  it('cancels through Stripe: the PaymentIntent is canceled and payment.canceled emitted; a paid one is a CONFLICT', async () => {
    const { orderId, ref } = await newPayment();
    expect((await cancelPayment(t, orderId, 'reservation expired')).data!.cancelPayment.status).toBe('CANCELED');
    expect(standIn.intent(ref).status).toBe('canceled');
    expect((await paymentEvents(t, orderId)).map((e) => [e.type, e.payload.reason])).toEqual([['payment.canceled', 'reservation expired']]);

    // Paid at Stripe a moment ago, webhook not arrived yet: the cancel learns it and refuses.
    const { orderId: paidOrder, ref: paidRef } = await newPayment();
    await payAtStripe(paidRef);
    const refused = await cancelPayment(t, paidOrder);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_PAID' });
    expect((await paymentRow(t, paidOrder)).status).toBe('SUCCEEDED');
    expect(codesOf(refused)).toEqual(['CONFLICT']);
  });

  it('answers 200 to events it does not handle or about PaymentIntents that are not ours, writing nothing', async () => {
    const { ref } = await newPayment();
    const created = standIn.lastEvent('payment_intent.created', ref);
    const afterCreate = await paymentsState(t);
    expect(JSON.parse((await deliver(created)).body)).toEqual({ received: true, outcome: 'ignored' });

    const foreign = await browser().paymentIntents.create({ amount: 700, currency: 'eur' });
    await payAtStripe(foreign.id);
    expect(JSON.parse((await deliver(standIn.lastEvent('payment_intent.succeeded', foreign.id))).body).outcome).toBe('ignored');
    expect(await paymentsState(t)).toEqual(afterCreate);
  });
});
