import { signCallerHeader, type Caller } from '../platform/caller';
import { graphql } from './__generated__/index';
import { execute } from './support/graphql';
import { ConfirmPayment, orderTools, PlaceOrder } from './support/orders';
import { startTestStack, type TestStack } from './support/stack';

/**
 * Issue 11, "auth bypass at the subgraphs": a subgraph port reached directly
 * (the compose layout publishes them on every interface) must answer only
 * the gateway, and `_entities` must apply the rule of the matching root field.
 */

const OwnCustomer = graphql(`
  query SecurityOwnCustomer($id: ID!) {
    order(id: $id) { id customer { name } payment { status } }
  }
`);

const PAYMENT_OF_ORDER = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Order { payment { id status amount { amount } } } } }';
const PAYMENT = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Payment { status amount { amount } orderId } } }';
const ORDER = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id total { amount } lines { quantity } customer { id } } } }';
const USER = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { name } } }';
const ORDERS_OF_USER = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { orders { edges { node { id } } } } } }';
const SHIPMENTS_OF_ORDER = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Order { shipments { id trackingNumber } returns { id } } } }';
const CREATE_SHIPMENT = 'mutation ($orderId: ID!) { createShipment(orderId: $orderId) { id } }';
const RECOMMENDED_FOR_USER = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { recommendedProducts { id } } } }';

/** A price no other part of an answer could contain, to search leaks for. */
const PRICE = 4_321;

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly body: { data?: { _entities: unknown[] } | null; errors?: Array<{ extensions?: { code?: string } }> };
}

describe('subgraphs reached directly', () => {
  let t: TestStack;
  const tools = orderTools(() => t);
  let owner: string;
  let orderId: string;
  let paymentId: string;

  beforeAll(async () => {
    t = await startTestStack();
    const productId = await tools.product({ priceAmount: PRICE });
    owner = await tools.customer();
    const placed = await execute(t.url, PlaceOrder, { input: { lines: [{ productId, quantity: 1 }] } }, { token: await t.token(owner) });
    if (!placed.data) throw new Error(`placeOrder failed: ${JSON.stringify(placed.errors)}`);
    orderId = placed.data.placeOrder.id;
    // The payment is made when the customer pays; until then it answers under the id it will keep.
    paymentId = `pay_${orderId}`;
  });
  afterAll(() => t.stop());

  /** `_entities` straight to a subgraph, with the caller header given (none when undefined). */
  async function entities(service: 'orders' | 'payments' | 'users' | 'recommendations' | 'shipping', query: string, representation: Record<string, string>, callerHeader?: string): Promise<Answer> {
    const response = await fetch(t.stack.subgraphs[service].url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(callerHeader ? { 'x-shop-caller': callerHeader } : {}) },
      body: JSON.stringify({ query, variables: { r: [representation] } }),
    });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) as Answer['body'] };
  }

  const as = (caller: Omit<Caller, 'sessionId'> | null, secret = t.config.auth.internalSecret) =>
    signCallerHeader(caller && { ...caller, sessionId: null }, secret);
  const codes = (answer: Answer) => (answer.body.errors ?? []).map((e) => e.extensions?.code);

  const probes = () =>
    [
      ['payments', PAYMENT_OF_ORDER, { __typename: 'Order', id: orderId }],
      ['payments', PAYMENT, { __typename: 'Payment', id: paymentId }],
      ['orders', ORDER, { __typename: 'Order', id: orderId }],
      ['users', USER, { __typename: 'User', id: owner }],
    ] as const;

  it('shows the owner what each probe asks for, so the refusals below hide something real', async () => {
    const header = as({ userId: owner, roles: ['CUSTOMER'] });
    const [ofOrder, payment, order, user] = await Promise.all(probes().map(([service, query, rep]) => entities(service, query, rep, header)));
    expect(ofOrder.body.data?._entities).toEqual([{ payment: { id: paymentId, status: 'REQUIRES_PAYMENT', amount: { amount: PRICE } } }]);
    expect(payment.body.data?._entities).toEqual([{ status: 'REQUIRES_PAYMENT', amount: { amount: PRICE }, orderId }]);
    expect(order.body.data?._entities).toEqual([{ id: orderId, total: { amount: PRICE }, lines: [{ quantity: 1 }], customer: { id: owner } }]);
    expect(user.body.data?._entities).toEqual([{ name: 'Buyer' }]);
  });

  it.each([
    ['without a caller header', null],
    ['with an ADMIN caller header signed by another key', 'a-guessed-secret-that-is-not-the-real-one'],
  ])('refuses every request %s with 401, answering nothing', async (_case, secret) => {
    for (const [service, query, rep] of probes()) {
      const answer = await entities(service, query, rep, secret === null ? undefined : as({ userId: owner, roles: ['ADMIN'] }, secret));
      expect([service, answer.status]).toEqual([service, 401]);
      expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
      expect(answer.body.data).toBeUndefined();
      expect(answer.text).not.toContain(String(PRICE));
      expect(answer.text).not.toContain('Buyer');
    }
  });

  it('refuses an anonymous caller the gateway signed, as the root fields do', async () => {
    for (const [service, query, rep] of probes()) {
      const answer = await entities(service, query, rep, as(null));
      expect([service, codes(answer)]).toEqual([service, ['UNAUTHENTICATED']]);
      expect(answer.text).not.toContain(String(PRICE));
      expect(answer.text).not.toContain('Buyer');
    }
  });

  it("gives another customer nothing of the order, its payment or its customer", async () => {
    const stranger = as({ userId: await tools.customer(), roles: ['CUSTOMER'] });
    const [ofOrder, payment, order, user] = await Promise.all(probes().map(([service, query, rep]) => entities(service, query, rep, stranger)));
    expect(ofOrder.body).toEqual({ data: { _entities: [{ payment: null }] } });
    expect(payment.body).toEqual({ data: { _entities: [null] } });
    expect(order.body).toEqual({ data: { _entities: [null] } });
    expect(codes(user)).toEqual(['FORBIDDEN']);
    for (const answer of [ofOrder, payment, order, user]) {
      expect(answer.text).not.toContain(String(PRICE));
      expect(answer.text).not.toContain('Buyer');
      expect(answer.text).not.toContain(owner);
    }
  });

  it("refuses another customer the fields other subgraphs add to a user (their orders, their recommendations), as the owner's are answered", async () => {
    const probe = (service: 'orders' | 'recommendations', query: string, header: string) => entities(service, query, { __typename: 'User', id: owner }, header);
    const mine = as({ userId: owner, roles: ['CUSTOMER'] });
    expect((await probe('orders', ORDERS_OF_USER, mine)).body.data?._entities).toEqual([{ orders: { edges: [{ node: { id: orderId } }] } }]);
    expect(codes(await probe('recommendations', RECOMMENDED_FOR_USER, mine))).toEqual([]);
    const stranger = as({ userId: await tools.customer(), roles: ['CUSTOMER'] });
    const orders = await probe('orders', ORDERS_OF_USER, stranger);
    expect(codes(orders)).toEqual(['FORBIDDEN']);
    expect(orders.text).not.toContain(orderId);
    expect(codes(await probe('recommendations', RECOMMENDED_FOR_USER, stranger))).toEqual(['FORBIDDEN']);
  });

  it("gives another customer none of an order's shipments from the shipping subgraph, as the owner's are answered", async () => {
    const token = await t.token(owner);
    const address = { recipient: 'Ada Lovelace', line1: '1 rue de Rivoli', city: 'Paris', postalCode: '75001', country: 'FR' };
    const lines = [{ productId: await tools.product({ weightGrams: 300 }), quantity: 1 }];
    const placed = await execute(t.url, PlaceOrder, { input: { lines, shipping: { address, methodId: 'demo-method-fr-express' } } }, { token });
    const shippedId = placed.data!.placeOrder.id;
    await execute(t.url, ConfirmPayment, { orderId: shippedId, paymentMethod: 'pm_card_visa' }, { token });
    await tools.settled(shippedId, 'PAID');
    const agent = as({ userId: 'security-agent', roles: ['CUSTOMER', 'AGENT'] });
    const created = await fetch(t.stack.subgraphs.shipping.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shop-caller': agent },
      body: JSON.stringify({ query: CREATE_SHIPMENT, variables: { orderId: shippedId } }),
    });
    const shipmentId = ((await created.json()) as { data: { createShipment: { id: string } } }).data.createShipment.id;
    const probe = (header: string) => entities('shipping', SHIPMENTS_OF_ORDER, { __typename: 'Order', id: shippedId }, header);
    const mine = await probe(as({ userId: owner, roles: ['CUSTOMER'] }));
    expect(mine.body.data?._entities).toEqual([{ shipments: [{ id: shipmentId, trackingNumber: expect.stringMatching(/^SIM/) }], returns: [] }]);
    const theirs = await probe(as({ userId: await tools.customer(), roles: ['CUSTOMER'] }));
    expect(theirs.body).toEqual({ data: { _entities: [{ shipments: [], returns: [] }] } });
    expect(theirs.text).not.toContain(shipmentId);
  });

  it('lets staff read them, as the root fields do', async () => {
    const agent = as({ userId: 'security-agent', roles: ['CUSTOMER', 'AGENT'] });
    const [ofOrder, , order, user] = await Promise.all(probes().map(([service, query, rep]) => entities(service, query, rep, agent)));
    expect(ofOrder.body.data?._entities).toEqual([{ payment: expect.objectContaining({ id: paymentId }) }]);
    expect(order.body.data?._entities).toEqual([expect.objectContaining({ id: orderId })]);
    expect(user.body.data?._entities).toEqual([{ name: 'Buyer' }]);
  });

  it('still answers the owner through the gateway, which signs every call', async () => {
    const result = await execute(t.url, OwnCustomer, { id: orderId }, { token: await t.token(owner) });
    expect(result.data?.order).toEqual({ id: orderId, customer: { name: 'Buyer' }, payment: { status: 'REQUIRES_PAYMENT' } });
  });
});
