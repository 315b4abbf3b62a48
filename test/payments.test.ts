import type { DomainEvent } from '../platform/messaging/event-bus';
import { DEMO_PRODUCTS } from '../contracts/demo';
import { PAYMENT_EVENTS } from '../contracts/payments-api';
import { RefundRequestEntity } from '../subgraphs/payments/refund-request.entity';
import { SimulatedRefundEntity } from '../subgraphs/payments/simulated-intent.entity';
import { graphql } from './__generated__/index';
import { codesOf, execute } from './support/graphql';
import {
  callPayments,
  cancelPayment,
  createPayment,
  newOrderId,
  paymentEvents,
  paymentFor,
  paymentRow,
  paymentsState,
  receiptsOf,
  refundPayment,
} from './support/payments';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const Pay = graphql(`
  mutation PaymentsPay($orderId: ID!, $paymentMethod: String!) {
    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) {
      id
      orderId
      status
      statusReason
      provider
      amount { amount currency }
      refundedAmount { amount }
      receipt {
        number
        orderId
        paymentId
        provider
        issuedAt
        total { amount currency }
        lines { product { id name } quantity unitPrice { amount currency } lineTotal { amount } }
      }
    }
  }
`);

const Authenticate = graphql(`
  mutation PaymentsAuthenticate($orderId: ID!, $approve: Boolean!) {
    completePaymentAuthentication(orderId: $orderId, approve: $approve) { status statusReason receipt { number } }
  }
`);

const ReceiptOf = graphql(`
  query PaymentsReceipt($orderId: ID!) {
    receipt(orderId: $orderId) { number total { amount currency } lines { quantity product { id } } }
  }
`);

const [mug, tee] = DEMO_PRODUCTS;

describe('payments with the simulated provider, through the gateway', () => {
  let t: TestStack;
  const published: DomainEvent[] = [];
  const owner = () => t.token('payments-owner');
  const stranger = () => t.token('payments-stranger');
  const agent = () => t.token('payments-agent', 'CUSTOMER', 'AGENT');

  /** An order of 2 mugs and a T-shirt, owned by `payments-owner`, with its payment created as orders would. */
  const newPayment = async (customerId = 'payments-owner') => {
    const orderId = newOrderId();
    const lines = [
      { productId: mug.id, quantity: 2, unitPrice: mug.priceAmount },
      { productId: tee.id, quantity: 1, unitPrice: tee.priceAmount },
    ];
    const payment = await paymentFor(t, { orderId, customerId, amount: 2 * mug.priceAmount + tee.priceAmount, currency: 'EUR', lines });
    return { orderId, payment, amount: payment.amount.amount };
  };

  const pay = async (orderId: string, paymentMethod: string, token?: string) => execute(t.url, Pay, { orderId, paymentMethod }, { token: token ?? (await owner()) });

  /** Runs `refused` and proves it wrote nothing in payments (rows, intents, receipts, outbox). */
  const refusedWithoutWriting = async (refused: () => Promise<unknown>) => {
    const before = await paymentsState(t);
    await refused();
    expect(await paymentsState(t)).toEqual(before);
  };

  beforeAll(async () => {
    t = await startTestStack();
    await t.stack.messaging.events.consume({ group: 'payments-test', types: Object.values(PAYMENT_EVENTS) }, async (event) => {
      published.push(event);
    });
  });

  afterAll(() => t.stop());

  it('pays with pm_card_visa: SUCCEEDED, a numbered receipt with the lines, and one payment.succeeded event', async () => {
    const { orderId, payment, amount } = await newPayment();
    expect(payment).toMatchObject({ orderId, status: 'REQUIRES_PAYMENT', provider: 'simulated', amount: { amount: 4_900, currency: 'EUR' } });

    const result = await pay(orderId, 'pm_card_visa');
    expect(result.errors).toBeUndefined();
    const paid = result.data!.confirmPayment;
    expect(paid).toMatchObject({ id: payment.id, status: 'SUCCEEDED', statusReason: null, refundedAmount: { amount: 0 } });
    expect(paid.receipt).toMatchObject({
      orderId,
      paymentId: payment.id,
      provider: 'simulated',
      total: { amount, currency: 'EUR' },
      lines: [
        { product: { id: mug.id, name: mug.name }, quantity: 2, unitPrice: { amount: mug.priceAmount, currency: 'EUR' }, lineTotal: { amount: 2 * mug.priceAmount } },
        { product: { id: tee.id, name: tee.name }, quantity: 1, unitPrice: { amount: tee.priceAmount, currency: 'EUR' }, lineTotal: { amount: tee.priceAmount } },
      ],
    });
    expect(paid.receipt!.number).toMatch(new RegExp(`^R-${new Date().getUTCFullYear()}-\\d{6}$`));
    expect(Date.now() - Date.parse(paid.receipt!.issuedAt)).toBeLessThan(60_000);

    expect(await paymentEvents(t, orderId)).toEqual([
      {
        type: 'payment.succeeded',
        payload: { paymentId: payment.id, orderId, customerId: 'payments-owner', amount, currency: 'EUR', provider: 'simulated', status: 'SUCCEEDED', receiptNumber: paid.receipt!.number },
      },
    ]);
    await waitFor(() => published.some((e) => e.type === 'payment.succeeded' && e.payload.orderId === orderId));
  });

  it('numbers receipts uniquely and in the order they were issued', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { orderId } = await newPayment();
      numbers.push((await pay(orderId, 'pm_card_visa')).data!.confirmPayment.receipt!.number);
    }
    expect(new Set(numbers).size).toBe(3);
    expect([...numbers].sort()).toEqual(numbers);
  });

  it('records a declined card as FAILED with the reason and payment.failed, no receipt; the same payment is then paid with another card, once', async () => {
    const { orderId } = await newPayment();
    const declined = await pay(orderId, 'pm_card_chargeDeclined');
    expect(declined.errors).toBeUndefined();
    expect(declined.data!.confirmPayment).toMatchObject({ status: 'FAILED', statusReason: 'Your card was declined.', receipt: null });
    expect((await paymentEvents(t, orderId)).map((e) => [e.type, e.payload.status, e.payload.reason])).toEqual([['payment.failed', 'FAILED', 'Your card was declined.']]);
    expect(await receiptsOf(t, orderId)).toEqual([]);

    const expired = await pay(orderId, 'pm_card_chargeDeclinedExpiredCard');
    expect(expired.data!.confirmPayment).toMatchObject({ status: 'FAILED', statusReason: 'Your card has expired.' });

    const paid = await pay(orderId, 'pm_card_visa');
    expect(paid.errors).toBeUndefined();
    expect(paid.data!.confirmPayment).toMatchObject({ status: 'SUCCEEDED', statusReason: null, receipt: { number: expect.stringMatching(/^R-/) } });
    expect((await paymentEvents(t, orderId)).map((e) => [e.type, e.payload.reason ?? null])).toEqual([
      ['payment.failed', 'Your card was declined.'],
      ['payment.failed', 'Your card has expired.'],
      ['payment.succeeded', null],
    ]);
    expect(await receiptsOf(t, orderId)).toHaveLength(1);

    await refusedWithoutWriting(async () => {
      const again = await pay(orderId, 'pm_card_visa');
      expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_PAID' });
    });
  });

  it('charges once when confirmations race on a declined payment: one SUCCEEDED, the others ALREADY_PAID', async () => {
    const { orderId } = await newPayment();
    await pay(orderId, 'pm_card_chargeDeclined');
    const token = await owner();
    const results = await Promise.all(Array.from({ length: 5 }, () => pay(orderId, 'pm_card_visa', token)));
    const succeeded = results.filter((r) => r.data?.confirmPayment.status === 'SUCCEEDED');
    expect(succeeded).toHaveLength(1);
    for (const r of results.filter((x) => !x.data?.confirmPayment)) expect(r.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_PAID' });
    expect(results.filter((x) => !x.data?.confirmPayment)).toHaveLength(4);
    expect((await paymentEvents(t, orderId)).map((e) => e.type)).toEqual(['payment.failed', 'payment.succeeded']);
    expect(await receiptsOf(t, orderId)).toHaveLength(1);
  });

  it('holds a payment that needs 3-D Secure as PROCESSING until the owner approves, then it succeeds', async () => {
    const { orderId } = await newPayment();
    const started = await pay(orderId, 'pm_card_authenticationRequired');
    expect(started.data!.confirmPayment).toMatchObject({ status: 'PROCESSING', receipt: null });
    expect(await paymentEvents(t, orderId)).toEqual([]);

    await refusedWithoutWriting(async () => {
      const meanwhile = await pay(orderId, 'pm_card_visa');
      expect(meanwhile.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PAYMENT_PROCESSING' });
    });

    const approved = await execute(t.url, Authenticate, { orderId, approve: true }, { token: await owner() });
    expect(approved.data!.completePaymentAuthentication).toMatchObject({ status: 'SUCCEEDED', receipt: { number: expect.stringMatching(/^R-/) } });
    expect((await paymentEvents(t, orderId)).map((e) => e.type)).toEqual(['payment.succeeded']);
  });

  it('fails the payment when the owner rejects the 3-D Secure challenge', async () => {
    const { orderId } = await newPayment();
    await pay(orderId, 'pm_card_authenticationRequired');
    const rejected = await execute(t.url, Authenticate, { orderId, approve: false }, { token: await owner() });
    expect(rejected.data!.completePaymentAuthentication).toMatchObject({ status: 'FAILED', statusReason: expect.stringMatching(/authentication/) });
    expect((await paymentEvents(t, orderId)).map((e) => e.type)).toEqual(['payment.failed']);
  });

  it('refuses to authenticate a payment that is not waiting for it, writing nothing', async () => {
    const { orderId } = await newPayment();
    await refusedWithoutWriting(async () => {
      const early = await execute(t.url, Authenticate, { orderId, approve: true }, { token: await owner() });
      expect(early.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_AWAITING_AUTHENTICATION' });
    });
  });

  it("refuses to pay someone else's order: NOT_FOUND for customers, FORBIDDEN for staff, UNAUTHENTICATED anonymously; nothing written", async () => {
    const { orderId } = await newPayment();
    await refusedWithoutWriting(async () => {
      expect(codesOf(await pay(orderId, 'pm_card_visa', await stranger()))).toEqual(['NOT_FOUND']);
      expect(codesOf(await pay(newOrderId(), 'pm_card_visa', await stranger()))).toEqual(['NOT_FOUND']);
      expect(codesOf(await pay(orderId, 'pm_card_visa', await agent()))).toEqual(['FORBIDDEN']);
      expect(codesOf(await execute(t.url, Pay, { orderId, paymentMethod: 'pm_card_visa' }))).toEqual(['UNAUTHENTICATED']);
      expect(codesOf(await execute(t.url, Authenticate, { orderId, approve: true }, { token: await stranger() }))).toEqual(['NOT_FOUND']);
    });
    expect((await paymentRow(t, orderId)).status).toBe('REQUIRES_PAYMENT');
  });

  it('refuses to pay twice with a CONFLICT, writing nothing', async () => {
    const { orderId } = await newPayment();
    await pay(orderId, 'pm_card_visa');
    await refusedWithoutWriting(async () => {
      const twice = await pay(orderId, 'pm_card_visa');
      expect(codesOf(twice)).toEqual(['CONFLICT']);
      expect(twice.errors![0].extensions).toMatchObject({ reason: 'ALREADY_PAID', status: 'SUCCEEDED' });
    });
  });

  it('takes exactly one of several confirmations sent at once: one SUCCEEDED, one receipt, one event, the rest CONFLICT', async () => {
    const { orderId } = await newPayment();
    const token = await owner();
    const results = await Promise.all(Array.from({ length: 6 }, () => pay(orderId, 'pm_card_visa', token)));
    expect(results.filter((r) => r.data?.confirmPayment.status === 'SUCCEEDED')).toHaveLength(1);
    expect(results.filter((r) => codesOf(r)[0] === 'CONFLICT')).toHaveLength(5);
    expect(await receiptsOf(t, orderId)).toHaveLength(1);
    expect((await paymentEvents(t, orderId)).map((e) => e.type)).toEqual(['payment.succeeded']);
    expect((await paymentRow(t, orderId)).version).toBe(2);
  });

  it('refuses to pay a cancelled order with a CONFLICT, writing nothing', async () => {
    const { orderId } = await newPayment();
    const canceled = await cancelPayment(t, orderId, 'order cancelled by the customer');
    expect(canceled.data!.cancelPayment.status).toBe('CANCELED');
    await refusedWithoutWriting(async () => {
      const late = await pay(orderId, 'pm_card_visa');
      expect(late.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PAYMENT_CANCELED' });
      expect(late.errors![0].message).toContain('order cancelled by the customer');
    });
  });

  it('refuses unknown payment methods, and card numbers without echoing them, writing nothing', async () => {
    const { orderId } = await newPayment();
    await refusedWithoutWriting(async () => {
      const unknown = await pay(orderId, 'pm_card_unheardOf');
      expect(unknown.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'paymentMethod' });
      const card = await pay(orderId, '4242 4242 4242 4242');
      expect(card.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'paymentMethod' });
      expect(JSON.stringify(card)).not.toContain('4242');
    });
  });

  it('shows the receipt to the owner and staff only, and none before the payment succeeded', async () => {
    const { orderId, amount } = await newPayment();
    const receipt = async (token: string) => (await execute(t.url, ReceiptOf, { orderId }, { token })).data?.receipt ?? null;
    expect(await receipt(await owner())).toBeNull();
    await pay(orderId, 'pm_card_visa');
    expect(await receipt(await owner())).toMatchObject({ total: { amount, currency: 'EUR' }, lines: [{ quantity: 2, product: { id: mug.id } }, { quantity: 1 }] });
    expect(await receipt(await agent())).toMatchObject({ total: { amount } });
    expect(await receipt(await stranger())).toBeNull();
    expect(codesOf(await execute(t.url, ReceiptOf, { orderId }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('internal payment operations (SERVICE callers, straight to the payments subgraph)', () => {
  let t: TestStack;
  const pay = async (orderId: string, paymentMethod = 'pm_card_visa') =>
    execute(t.url, Pay, { orderId, paymentMethod }, { token: await t.token('internal-owner') });
  const input = (orderId: string, amount = 1_500) => ({ orderId, customerId: 'internal-owner', amount, currency: 'EUR' });

  beforeAll(async () => {
    t = await startTestStack();
  });

  afterAll(() => t.stop());

  it('creates one payment per order: the same call (even concurrently) answers it, other terms are a CONFLICT', async () => {
    const orderId = newOrderId();
    const results = await Promise.all([createPayment(t, input(orderId)), createPayment(t, input(orderId)), createPayment(t, input(orderId))]);
    const ids = new Set(results.map((r) => r.data?.createPayment.id));
    expect(ids.size).toBe(1);
    expect(results[0].data!.createPayment).toMatchObject({ orderId, status: 'REQUIRES_PAYMENT', provider: 'simulated', amount: { amount: 1_500, currency: 'EUR' } });

    const before = await paymentsState(t);
    const other = await createPayment(t, input(orderId, 1_600));
    expect(other.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PAYMENT_TERMS_DIFFER' });
    expect(await paymentsState(t)).toEqual(before);
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, writing nothing', async () => {
    const before = await paymentsState(t);
    const field = async (value: Parameters<typeof createPayment>[1]) => (await createPayment(t, value)).errors?.[0].extensions?.field;
    expect(await field({ ...input(newOrderId()), amount: 0 })).toBe('amount');
    expect(await field({ ...input(newOrderId()), currency: 'eur' })).toBe('currency');
    expect(await field({ ...input(newOrderId()), customerId: ' ' })).toBe('customerId');
    expect(await field({ ...input(newOrderId(), 1_000), lines: [{ productId: mug.id, quantity: 1, unitPrice: 999 }] })).toBe('lines');
    expect(await field({ ...input(newOrderId(), 1_000), lines: [{ productId: mug.id, quantity: 0, unitPrice: 1_000 }] })).toBe('lines.0.quantity');
    expect(await paymentsState(t)).toEqual(before);
  });

  it('refuses callers without the SERVICE role, and the gateway does not expose the operations', async () => {
    const before = await paymentsState(t);
    const asCustomer = await callPayments(t, 'mutation { cancelPayment(orderId: "x") { id } }', {}, { userId: 'internal-owner', roles: ['CUSTOMER', 'ADMIN'] });
    expect(codesOf(asCustomer)).toEqual(['FORBIDDEN']);
    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.token('internal-admin', 'ADMIN')}` },
      body: JSON.stringify({ query: 'mutation { refundPayment(orderId: "x") { id } }' }),
    });
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await paymentsState(t)).toEqual(before);
  });

  it('cancels a payment once (payment.canceled), answers the same again, and refuses a paid one (refund instead)', async () => {
    const orderId = newOrderId();
    await paymentFor(t, input(orderId));
    const [first, second] = await Promise.all([cancelPayment(t, orderId, 'expired'), cancelPayment(t, orderId, 'expired')]);
    expect([first.data!.cancelPayment.status, second.data!.cancelPayment.status]).toEqual(['CANCELED', 'CANCELED']);
    expect((await paymentEvents(t, orderId)).map((e) => [e.type, e.payload.status, e.payload.reason])).toEqual([['payment.canceled', 'CANCELED', 'expired']]);

    const paidOrder = newOrderId();
    await paymentFor(t, input(paidOrder));
    await pay(paidOrder);
    const before = await paymentsState(t);
    expect((await cancelPayment(t, paidOrder)).errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_PAID' });
    expect(codesOf(await cancelPayment(t, newOrderId()))).toEqual(['NOT_FOUND']);
    expect(await paymentsState(t)).toEqual(before);
  });

  it('cancels a FAILED payment (it could still be paid), after which it cannot be paid', async () => {
    const orderId = newOrderId();
    await paymentFor(t, input(orderId));
    await pay(orderId, 'pm_card_chargeDeclined');
    expect((await cancelPayment(t, orderId)).data!.cancelPayment.status).toBe('CANCELED');
    expect((await paymentEvents(t, orderId)).map((e) => e.type)).toEqual(['payment.failed', 'payment.canceled']);
    const before = await paymentsState(t);
    const late = await execute(t.url, Pay, { orderId, paymentMethod: 'pm_card_visa' }, { token: await t.token('internal-owner') });
    expect(late.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PAYMENT_CANCELED' });
    expect(await paymentsState(t)).toEqual(before);
  });

  it('refunds in parts, then the rest: SUCCEEDED with refundedAmount, then REFUNDED, one payment.refunded each', async () => {
    const orderId = newOrderId();
    await paymentFor(t, input(orderId, 3_000));
    await pay(orderId);

    expect((await refundPayment(t, orderId, 1_000, 'one item returned')).data!.refundPayment.status).toBe('SUCCEEDED');
    expect((await paymentRow(t, orderId)).refundedMinor).toBe(1_000);
    const tooMuch = await refundPayment(t, orderId, 2_001);
    expect(tooMuch.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'REFUND_EXCEEDS_PAYMENT', refundable: 2_000 });

    expect((await refundPayment(t, orderId, null, 'order cancelled')).data!.refundPayment.status).toBe('REFUNDED');
    const before = await paymentsState(t);
    expect((await refundPayment(t, orderId)).data!.refundPayment.status).toBe('REFUNDED');
    expect(await paymentsState(t)).toEqual(before);

    const refunds = (await paymentEvents(t, orderId)).filter((e) => e.type === 'payment.refunded');
    expect(refunds.map((e) => [e.payload.status, e.payload.refundedAmount, e.payload.reason])).toEqual([
      ['SUCCEEDED', 1_000, 'one item returned'],
      ['REFUNDED', 3_000, 'order cancelled'],
    ]);
  });

  it('completes a keyed refund left unconfirmed by a crash when it is retried, moving the money once', async () => {
    const orderId = newOrderId();
    await paymentFor(t, input(orderId, 3_000));
    await pay(orderId);
    const em = t.stack.subgraphs.payments.orm.em.fork();
    const refunds = () => em.fork().count(SimulatedRefundEntity, { idempotencyKey: { $like: `order-${orderId}-%` } });

    // As a crash after the provider refunded but before the request was marked done leaves it.
    expect((await refundPayment(t, orderId, 500, null, 'rma-7')).data!.refundPayment.refundedAmount).toEqual({ amount: 500 });
    await em.nativeUpdate(RefundRequestEntity, { orderId, idempotencyKey: 'rma-7' }, { done: false });
    expect((await refundPayment(t, orderId, 500, null, 'rma-7')).data!.refundPayment.refundedAmount).toEqual({ amount: 500 });
    expect(await em.fork().findOneOrFail(RefundRequestEntity, { orderId, idempotencyKey: 'rma-7' })).toMatchObject({ amount: 500, done: true });
    expect(await refunds()).toBe(1);

    // Refused by the provider: nothing recorded, so the key stays usable.
    const tooMuch = await refundPayment(t, orderId, 2_501, null, 'rma-8');
    expect(tooMuch.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'REFUND_EXCEEDS_PAYMENT' });
    expect(await em.fork().count(RefundRequestEntity, { orderId, idempotencyKey: 'rma-8' })).toBe(0);
    expect((await refundPayment(t, orderId, 2_500, null, 'rma-8')).data!.refundPayment.status).toBe('REFUNDED');
    expect(await refunds()).toBe(2);
    expect(codesOf(await refundPayment(t, orderId, 1, null, 'x'.repeat(101)))).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses to refund a payment that did not succeed, writing nothing', async () => {
    const orderId = newOrderId();
    await paymentFor(t, input(orderId));
    const before = await paymentsState(t);
    expect((await refundPayment(t, orderId)).errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_REFUNDABLE' });
    expect(codesOf(await refundPayment(t, orderId, -5))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await refundPayment(t, newOrderId()))).toEqual(['NOT_FOUND']);
    expect(await paymentsState(t)).toEqual(before);
  });
});
