import { graphql } from './__generated__/index';
import { codesOf, execute } from './support/graphql';
import { SimulatedIntentEntity } from '../subgraphs/payments/simulated-intent.entity';
import { CancelOrder, orderTools } from './support/orders';
import { callPayments, paymentEvents, paymentRow, paymentsState, receiptsOf } from './support/payments';
import { startTestStack, type TestStack } from './support/stack';
import { StripeStandIn } from './support/stripe-stand-in';
import { waitFor } from './support/wait-for';

/** What clients ask right after placing (the contract's shape). */
const Place = graphql(`
  mutation OnDemandPlace($input: PlaceOrderInput!) {
    placeOrder(input: $input) { id status payment { id status amount { amount currency } provider } }
  }
`);

/** What the storefront asks as the payment form opens (Stripe.js confirms with the secret). */
const PaymentForm = graphql(`
  query OnDemandPaymentForm($id: ID!) {
    order(id: $id) { payment { id status clientSecret } }
  }
`);

const Pay = graphql(`
  mutation OnDemandPay($orderId: ID!, $paymentMethod: String!) {
    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) { id status statusReason }
  }
`);

/** The payment is made when the customer pays, not when the order is placed (issue 12). */
describe('the payment, made when the customer pays (simulated provider)', () => {
  let t: TestStack;
  const tools = orderTools(() => t);

  beforeAll(async () => {
    t = await startTestStack();
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function placed(customer: string, quantity = 1) {
    const productId = await tools.product({ onHand: 10, priceAmount: 900 });
    const result = await execute(t.url, Place, { input: { lines: [{ productId, quantity }] } }, { token: await t.token(customer) });
    expect(result.errors).toBeUndefined();
    return { productId, order: result.data!.placeOrder };
  }

  it('places an order without writing to payments, and shows the payment it will have', async () => {
    const customer = await tools.customer();
    const before = await paymentsState(t);
    const { order } = await placed(customer, 2);
    expect(order).toEqual({
      id: order.id,
      status: 'AWAITING_PAYMENT',
      payment: { id: `pay_${order.id}`, status: 'REQUIRES_PAYMENT', amount: { amount: 1_800, currency: 'EUR' }, provider: 'simulated' },
    });
    expect(await paymentsState(t)).toEqual(before);
  });

  it('shows the payment from the order fields the gateway hands over, without asking orders', async () => {
    // An order orders has never heard of: only the reference's fields can have shown it.
    const representation = { __typename: 'Order', id: 'only-in-the-reference', status: 'AWAITING_PAYMENT', total: { amount: 700, currency: 'EUR' }, customer: { id: 'reference-owner' } };
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Order { payment { id status amount { amount currency } provider } } } }';
    const shown = await callPayments<{ _entities: Array<{ payment: unknown }> }>(t, query, { r: [representation] }, { userId: 'reference-owner', roles: ['CUSTOMER'] });
    expect(shown.data!._entities[0].payment).toEqual({ id: 'pay_only-in-the-reference', status: 'REQUIRES_PAYMENT', amount: { amount: 700, currency: 'EUR' }, provider: 'simulated' });
    const stranger = await callPayments<{ _entities: Array<{ payment: unknown }> }>(t, query, { r: [representation] }, { userId: 'someone-else', roles: ['CUSTOMER'] });
    expect(stranger.data!._entities[0].payment).toBeNull();
  });

  it('makes and confirms the payment in one confirmPayment, with the id it was shown under and a receipt', async () => {
    const customer = await tools.customer();
    const { order } = await placed(customer, 3);
    const paid = await execute(t.url, Pay, { orderId: order.id, paymentMethod: 'pm_card_visa' }, { token: await t.token(customer) });
    expect(paid.data!.confirmPayment).toEqual({ id: `pay_${order.id}`, status: 'SUCCEEDED', statusReason: null });
    expect(await paymentRow(t, order.id)).toMatchObject({ amountMinor: 2_700, currency: 'EUR', customerId: customer, status: 'SUCCEEDED' });
    await tools.settled(order.id, 'PAID');
    const [receipt] = await receiptsOf(t, order.id);
    expect(receipt.lines.map((line) => [line.quantity, line.unitPrice.amount])).toEqual([[3, 900]]);
  });

  it('charges once when confirmPayment is sent ten times at once; every other answer says it is paid', async () => {
    const customer = await tools.customer();
    const { order } = await placed(customer);
    const token = await t.token(customer);
    const answers = await Promise.all(Array.from({ length: 10 }, () => execute(t.url, Pay, { orderId: order.id, paymentMethod: 'pm_card_visa' }, { token })));
    const succeeded = answers.filter((a) => a.data?.confirmPayment.status === 'SUCCEEDED');
    expect(succeeded).toHaveLength(1);
    expect(answers.filter((a) => !a.data).map((a) => [a.errors![0].extensions?.code, a.errors![0].extensions?.reason])).toEqual(Array(9).fill(['CONFLICT', 'ALREADY_PAID']));
    const intents = await t.stack.subgraphs.payments.orm.em.fork().find(SimulatedIntentEntity, { orderId: order.id });
    expect(intents.map((intent) => intent.state)).toEqual(['succeeded']);
    expect((await paymentEvents(t, order.id)).filter((e) => e.type === 'payment.succeeded')).toHaveLength(1);
    expect(await tools.providerRefunds(order.id)).toEqual([]);
    await tools.settled(order.id, 'PAID');
  });

  it('pays once after a decline: the first attempt makes the payment FAILED, the next one pays it', async () => {
    const customer = await tools.customer();
    const { order } = await placed(customer);
    const token = await t.token(customer);
    const declined = await execute(t.url, Pay, { orderId: order.id, paymentMethod: 'pm_card_chargeDeclined' }, { token });
    expect(declined.data!.confirmPayment).toMatchObject({ id: `pay_${order.id}`, status: 'FAILED', statusReason: 'Your card was declined.' });
    await tools.settled(order.id, 'PAYMENT_FAILED');
    const paid = await execute(t.url, Pay, { orderId: order.id, paymentMethod: 'pm_card_visa' }, { token });
    expect(paid.data!.confirmPayment).toMatchObject({ id: `pay_${order.id}`, status: 'SUCCEEDED' });
    await tools.settled(order.id, 'PAID');
    const again = await execute(t.url, Pay, { orderId: order.id, paymentMethod: 'pm_card_visa' }, { token });
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_PAID' });
    expect(await receiptsOf(t, order.id)).toHaveLength(1);
  });

  it('refuses a bad payment method before making the payment: nothing is written', async () => {
    const customer = await tools.customer();
    const { order } = await placed(customer);
    const before = await paymentsState(t);
    const result = await execute(t.url, Pay, { orderId: order.id, paymentMethod: '4242 4242 4242 4242' }, { token: await t.token(customer) });
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'paymentMethod' });
    expect(await paymentsState(t)).toEqual(before);
  });

  it("refuses to pay someone else's order as NOT_FOUND, and staff as FORBIDDEN, writing nothing", async () => {
    const customer = await tools.customer();
    const { order } = await placed(customer);
    const before = await paymentsState(t);
    const stranger = await execute(t.url, Pay, { orderId: order.id, paymentMethod: 'pm_card_visa' }, { token: await t.token(await tools.customer()) });
    expect(codesOf(stranger)).toEqual(['NOT_FOUND']);
    const agent = await execute(t.url, Pay, { orderId: order.id, paymentMethod: 'pm_card_visa' }, { token: await t.token('on-demand-agent', 'CUSTOMER', 'AGENT') });
    expect(codesOf(agent)).toEqual(['FORBIDDEN']);
    const unknown = await execute(t.url, Pay, { orderId: 'no-such-order', paymentMethod: 'pm_card_visa' }, { token: await t.token(customer) });
    expect(codesOf(unknown)).toEqual(['NOT_FOUND']);
    expect(await paymentsState(t)).toEqual(before);
  });

  it('cancels an unpaid order writing nothing to payments; its payment then shows CANCELED and cannot be paid', async () => {
    const customer = await tools.customer();
    const { order, productId } = await placed(customer);
    const token = await t.token(customer);
    const before = await paymentsState(t);
    const cancelled = await execute(t.url, CancelOrder, { id: order.id }, { token });
    expect(cancelled.data!.cancelOrder.status).toBe('CANCELLED');
    await tools.settled(order.id, 'CANCELLED');
    // The stock coming back is the last effect of the cancellation: payments' part ran before it.
    await waitFor(async () => (await tools.stock(productId)).reserved === 0);
    expect(await paymentsState(t)).toEqual(before);
    expect((await execute(t.url, PaymentForm, { id: order.id }, { token })).data!.order!.payment).toEqual({ id: `pay_${order.id}`, status: 'CANCELED', clientSecret: null });
    const late = await execute(t.url, Pay, { orderId: order.id, paymentMethod: 'pm_card_visa' }, { token });
    expect(late.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PAYMENT_CANCELED' });
    expect(await paymentsState(t)).toEqual(before);
  });
});

describe('the payment with Stripe: its PaymentIntent made when the owner opens the payment form', () => {
  let standIn: StripeStandIn;
  let t: TestStack;
  const tools = orderTools(() => t);
  const creates = (orderId: string) => standIn.requests.filter((r) => r.method === 'POST' && r.path === '/v1/payment_intents' && r.idempotencyKey === `order-${orderId}-payment`);

  beforeAll(async () => {
    standIn = await StripeStandIn.start();
    t = await startTestStack({ env: { STRIPE_SECRET_KEY: standIn.apiKey, STRIPE_WEBHOOK_SECRET: 'whsec_onDemand', STRIPE_API_BASE: standIn.url } });
  });
  afterAll(async () => {
    await t?.stop();
    await standIn?.stop();
  });

  it('places an order without calling Stripe, then makes one intent however many times at once the owner asks for the secret', async () => {
    const customer = await tools.customer();
    const token = await t.token(customer);
    const productId = await tools.product({ onHand: 5, priceAmount: 4_200 });
    const calls = standIn.requests.length;
    const placedOrder = await execute(t.url, Place, { input: { lines: [{ productId, quantity: 1 }] } }, { token });
    const order = placedOrder.data!.placeOrder;
    expect(order.payment).toEqual({ id: `pay_${order.id}`, status: 'REQUIRES_PAYMENT', amount: { amount: 4_200, currency: 'EUR' }, provider: 'stripe' });
    expect(standIn.requests.length).toBe(calls);
    expect(await tools.payment(order.id)).toBeNull();

    const forms = await Promise.all(Array.from({ length: 10 }, () => execute(t.url, PaymentForm, { id: order.id }, { token })));
    const [intent] = standIn.intentsFor(order.id);
    expect(standIn.intentsFor(order.id)).toHaveLength(1);
    expect(intent).toMatchObject({ amount: 4_200, currency: 'eur', metadata: { orderId: order.id, customerId: customer } });
    expect(new Set(forms.map((f) => JSON.stringify(f.data!.order!.payment)))).toEqual(
      new Set([JSON.stringify({ id: `pay_${order.id}`, status: 'REQUIRES_PAYMENT', clientSecret: intent.client_secret })]),
    );
    expect(creates(order.id)).toHaveLength(1);
    expect(await paymentRow(t, order.id)).toMatchObject({ id: `pay_${order.id}`, providerRef: intent.id, clientSecret: intent.client_secret });
  });

  it('makes no intent when staff read the order, nor for confirmPayment (Stripe.js confirms)', async () => {
    const customer = await tools.customer();
    const productId = await tools.product({ onHand: 5 });
    const placedOrder = await execute(t.url, Place, { input: { lines: [{ productId, quantity: 1 }] } }, { token: await t.token(customer) });
    const orderId = placedOrder.data!.placeOrder.id;
    const asAgent = await execute(t.url, PaymentForm, { id: orderId }, { token: await t.token('on-demand-agent', 'CUSTOMER', 'AGENT') });
    expect(asAgent.data!.order!.payment).toEqual({ id: `pay_${orderId}`, status: 'REQUIRES_PAYMENT', clientSecret: null });
    const pay = await execute(t.url, Pay, { orderId, paymentMethod: 'pm_card_visa' }, { token: await t.token(customer) });
    expect(pay.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CLIENT_CONFIRMATION_REQUIRED' });
    expect(standIn.intentsFor(orderId)).toEqual([]);
    expect(await tools.payment(orderId)).toBeNull();
  });
});
