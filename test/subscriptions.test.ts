import { channels } from '../platform/messaging/pubsub';
import { DEMO_ACCOUNTS, DEMO_PRODUCTS } from '../contracts/demo';
import { OrderEntity, OrderLineEntity, OrderStatus } from '../subgraphs/orders/order.entity';
import { StockLevelEntity } from '../subgraphs/inventory/stock.entity';
import { PaymentEntity } from '../subgraphs/payments/payment.entity';
import { graphql } from './__generated__/index';
import { connect, type LiveClient } from './support/live';
import { RawSocket } from './support/raw-socket';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const WatchOrder = graphql(`
  subscription WatchOrder($orderId: ID!) {
    orderStatusChanged(orderId: $orderId) {
      id
      status
      version
      total { amount }
      customer { email }
      lines { quantity product { name stock { available } } }
    }
  }
`);

const WatchStock = graphql(`
  subscription WatchStock($productIds: [ID!]!) {
    stockLevelChanged(productIds: $productIds) { productId onHand reserved available }
  }
`);

const customer = DEMO_ACCOUNTS[0];
const [mug, tee] = DEMO_PRODUCTS;

/** Stands in for the orders service: write the change, then announce it (as the service will). */
async function moveOrder(t: TestStack, orderId: string, status: OrderStatus): Promise<number> {
  const em = t.stack.subgraphs.orders.orm.em.fork();
  const order = await em.findOneOrFail(OrderEntity, orderId);
  order.status = status;
  order.version += 1;
  await em.flush();
  await t.stack.messaging.pubsub.publish(channels.order(orderId), { id: orderId, version: order.version });
  return order.version;
}

async function setOnHand(t: TestStack, productId: string, onHand: number, publish = true): Promise<number> {
  const em = t.stack.subgraphs.inventory.orm.em.fork();
  const level = await em.findOneOrFail(StockLevelEntity, { productId });
  level.onHand = onHand;
  level.version += 1;
  await em.flush();
  if (publish) await t.stack.messaging.pubsub.publish(channels.stock(productId), { id: productId, version: level.version });
  return level.version;
}

async function placeOrder(t: TestStack, customerId: string): Promise<string> {
  const em = t.stack.subgraphs.orders.orm.em.fork();
  const order = Object.assign(new OrderEntity(), {
    customerId,
    status: OrderStatus.AWAITING_PAYMENT,
    lines: [Object.assign(new OrderLineEntity(), { productId: mug.id, quantity: 2, unitPriceAmount: mug.priceAmount, currency: 'EUR' })],
    totalAmount: 2 * mug.priceAmount,
    currency: 'EUR',
  });
  await em.persist(order).flush();
  return order.id;
}

describe('federated subscriptions over graphql-ws', () => {
  let t: TestStack;
  const clients: LiveClient[] = [];
  const open = (params?: Record<string, unknown>) => {
    const c = connect(t.url, params);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await startTestStack();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });
  afterAll(() => t.stop());

  it('sends the current order first, then each status change, with fields from every subgraph', async () => {
    const orderId = await placeOrder(t, customer.id);
    const live = open({ authorization: `Bearer ${await t.token(customer.id)}` });
    const watch = live.subscribe(WatchOrder, { orderId });
    await watch.count(1);
    expect(watch.data[0].orderStatusChanged).toEqual({
      id: orderId,
      status: 'AWAITING_PAYMENT',
      version: 1,
      total: { amount: 2 * mug.priceAmount },
      customer: { email: customer.email },
      lines: [{ quantity: 2, product: { name: mug.name, stock: { available: mug.onHand } } }],
    });
    await moveOrder(t, orderId, OrderStatus.PAID);
    await watch.count(2);
    expect(watch.data.map((d) => [d.orderStatusChanged.status, d.orderStatusChanged.version])).toEqual([
      ['AWAITING_PAYMENT', 1],
      ['PAID', 2],
    ]);
    expect(watch.messages.every((m) => m.errors === undefined)).toBe(true);
  });

  it('sends current stock levels first, then one message per change', async () => {
    const live = open();
    const watch = live.subscribe(WatchStock, { productIds: [mug.id, tee.id] });
    await watch.count(2);
    expect(watch.data.map((d) => d.stockLevelChanged).sort((a, b) => a.productId.localeCompare(b.productId))).toEqual([
      { productId: mug.id, onHand: mug.onHand, reserved: 0, available: mug.onHand },
      { productId: tee.id, onHand: tee.onHand, reserved: 0, available: tee.onHand },
    ]);
    await setOnHand(t, tee.id, 99);
    await watch.count(3);
    expect(watch.data[2].stockLevelChanged).toEqual({ productId: tee.id, onHand: 99, reserved: 0, available: 99 });
  });
});

describe('subscription delivery rules', () => {
  let t: TestStack;
  const clients: LiveClient[] = [];
  const open = (params?: Record<string, unknown>) => {
    const c = connect(t.url, params);
    clients.push(c);
    return c;
  };
  const asCustomer = async () => open({ authorization: `Bearer ${await t.token(customer.id)}` });

  beforeAll(async () => {
    t = await startTestStack();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });
  afterAll(() => t.stop());

  it('drops notices older than what the subscriber already has, so status never goes backwards', async () => {
    const orderId = await placeOrder(t, customer.id);
    const watch = (await asCustomer()).subscribe(WatchOrder, { orderId });
    await watch.count(1);
    const paid = await moveOrder(t, orderId, OrderStatus.PAID);
    await watch.count(2);
    // A late, older notice arrives after the newer one: nothing is fetched or sent for it.
    const fetchesBefore = t.stack.gateway.subscriptionStats.fetches;
    await t.stack.messaging.pubsub.publish(channels.order(orderId), { id: orderId, version: paid - 1 });
    await t.stack.messaging.pubsub.publish(channels.order(orderId), { id: orderId, version: paid });
    await moveOrder(t, orderId, OrderStatus.SHIPPED);
    await watch.count(3);
    expect(t.stack.gateway.subscriptionStats.fetches - fetchesBefore).toBe(1);
    expect(watch.data.map((d) => d.orderStatusChanged.status)).toEqual(['AWAITING_PAYMENT', 'PAID', 'SHIPPED']);
  });

  it("answers a subscription to someone else's order with NOT_FOUND and no data, then completes", async () => {
    const orderId = await placeOrder(t, 'another-customer');
    const watch = (await asCustomer()).subscribe(WatchOrder, { orderId });
    await watch.done();
    expect(watch.data).toEqual([]);
    expect(watch.messages.map((m) => m.errors?.map((e) => e.extensions?.code))).toEqual([['NOT_FOUND']]);
    // Later changes to that order never reach this subscriber.
    await moveOrder(t, orderId, OrderStatus.PAID);
    expect(watch.data).toEqual([]);
  });

  it('answers unknown order and product ids with NOT_FOUND, then completes', async () => {
    const order = (await asCustomer()).subscribe(WatchOrder, { orderId: 'no-such-order' });
    const stock = open().subscribe(WatchStock, { productIds: [mug.id, 'no-such-product'] });
    await order.done();
    await stock.done();
    expect(order.messages.at(-1)?.errors?.[0]).toMatchObject({ message: 'Order no-such-order was not found', extensions: { code: 'NOT_FOUND' } });
    expect(stock.messages.at(-1)?.errors?.[0]).toMatchObject({ message: 'Product no-such-product was not found', extensions: { code: 'NOT_FOUND' } });
    // Nothing stays behind for ended subscriptions, including the known product's topic.
    await waitFor(() => t.stack.gateway.subscriptionStats.topics === 0 && t.stack.gateway.subscriptionStats.subscribers === 0);
  });

  it('asks anonymous order watchers to log in', async () => {
    const orderId = await placeOrder(t, customer.id);
    const watch = open().subscribe(WatchOrder, { orderId });
    await watch.done();
    expect(watch.data).toEqual([]);
    expect(watch.messages[0].errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shares one federated fetch per change among identical anonymous subscriptions', async () => {
    const watchers = [open(), open(), open()].map((c) => c.subscribe(WatchStock, { productIds: [mug.id] }));
    await Promise.all(watchers.map((w) => w.count(1)));
    const before = t.stack.gateway.subscriptionStats.fetches;
    await setOnHand(t, mug.id, 41);
    await Promise.all(watchers.map((w) => w.count(2)));
    expect(t.stack.gateway.subscriptionStats.fetches - before).toBe(1);
    for (const w of watchers) expect(w.data[1].stockLevelChanged.onHand).toBe(41);
  });

  it('shares one fetch of stock among logged-in customers, as a stand-in with their roles, apart from agents', async () => {
    const WatchProductStock = graphql(`
      subscription WatchProductStock($productIds: [ID!]!) {
        stockLevelChanged(productIds: $productIds) { onHand ...on StockLevel { available } }
      }
    `);
    const customers = await Promise.all(['live-a', 'live-b', 'live-c'].map(async (id) => open({ authorization: `Bearer ${await t.token(id, 'CUSTOMER')}` })));
    const agent = open({ authorization: `Bearer ${await t.token('live-agent', 'CUSTOMER', 'AGENT')}` });
    const watchers = [...customers, agent].map((c) => c.subscribe(WatchProductStock, { productIds: [mug.id] }));
    await Promise.all(watchers.map((w) => w.count(1)));
    const before = t.stack.gateway.subscriptionStats.fetches;
    await setOnHand(t, mug.id, 37);
    await Promise.all(watchers.map((w) => w.count(2)));
    // One fetch for the three customers, one for the agent (other roles).
    expect(t.stack.gateway.subscriptionStats.fetches - before).toBe(2);
    const level = await t.stack.subgraphs.inventory.orm.em.fork().findOneOrFail(StockLevelEntity, { productId: mug.id });
    for (const w of watchers) expect(w.data[1].stockLevelChanged).toEqual({ onHand: 37, available: level.available });
  });

  it('never shares a result between users with different rights', async () => {
    const WatchSecret = graphql(`
      subscription WatchOrderPayment($orderId: ID!) {
        orderStatusChanged(orderId: $orderId) { id status payment { clientSecret } }
      }
    `);
    const orderId = await placeOrder(t, customer.id);
    await t.stack.subgraphs.payments.orm.em.fork().persist(
      Object.assign(new PaymentEntity(), { orderId, customerId: customer.id, amountMinor: 2400, currency: 'EUR', provider: 'simulated', clientSecret: 'owner-only-secret' }),
    ).flush();
    const owner = (await asCustomer()).subscribe(WatchSecret, { orderId });
    const agent = open({ authorization: `Bearer ${await t.token(DEMO_ACCOUNTS[1].id, 'CUSTOMER', 'AGENT')}` }).subscribe(WatchSecret, { orderId });
    await owner.count(1);
    await agent.count(1);
    const before = t.stack.gateway.subscriptionStats.fetches;
    await moveOrder(t, orderId, OrderStatus.PAID);
    await owner.count(2);
    await agent.count(2);
    expect(t.stack.gateway.subscriptionStats.fetches - before).toBe(2);
    expect(owner.data.map((d) => d.orderStatusChanged.payment?.clientSecret)).toEqual(['owner-only-secret', 'owner-only-secret']);
    expect(agent.data.map((d) => d.orderStatusChanged.payment?.clientSecret)).toEqual([null, null]);
  });

  it('refuses invalid documents and variables with errors, subscribing nothing', async () => {
    const raw = new RawSocket(t.url);
    await raw.send({ type: 'connection_init' });
    await raw.message('connection_ack');
    const before = t.stack.gateway.subscriptionStats.subscribers;
    await raw.send({ id: 'a', type: 'subscribe', payload: { query: 'subscription { stockLevelChanged(productIds: ["x"]) { nope } }' } });
    await raw.send({ id: 'b', type: 'subscribe', payload: { query: 'subscription S($ids: [ID!]!) { stockLevelChanged(productIds: $ids) { onHand } }', variables: { ids: [{ not: 'an id' }] } } });
    await raw.send({ id: 'c', type: 'subscribe', payload: { query: 'subscription {' } });
    await waitFor(() => raw.messages.filter((m) => m.type === 'error').length === 3);
    const errors = Object.fromEntries(raw.messages.filter((m) => m.type === 'error').map((m) => [m.id, (m.payload as Array<{ message: string }>)[0].message]));
    expect(errors.a).toMatch(/Cannot query field "nope" on type "StockLevel"/);
    expect(errors.b).toMatch(/Variable "\$ids" got invalid value/);
    expect(errors.c).toMatch(/Syntax Error/);
    expect(t.stack.gateway.subscriptionStats.subscribers).toBe(before);
    raw.close();
  });

  it('applies the HTTP depth limit to subscriptions', async () => {
    const raw = new RawSocket(t.url);
    await raw.send({ type: 'connection_init' });
    await raw.message('connection_ack');
    const deep = 'subscription($id: ID!) { orderStatusChanged(orderId: $id) { customer { orders { edges { node { customer { orders { edges { node { customer { orders { edges { node { id } } } } } } } } } } } } } }';
    await raw.send({ id: 'deep', type: 'subscribe', payload: { query: deep, variables: { id: 'x' } } });
    const error = await raw.message('error');
    expect((error.payload as Array<{ message: string }>)[0].message).toMatch(/levels deep; the limit is 12/);
    raw.close();
  });

  // Issue 13: `complete` told graphql-ws clients the subscription was over, so they never resubscribed after a restart.
  it('closes the socket with 1001 Going Away when the gateway shuts down, and completes no subscription', async () => {
    const own = await startTestStack();
    try {
      const live = connect(own.url);
      const watch = live.subscribe(WatchStock, { productIds: [mug.id] });
      await watch.count(1);
      await own.stack.gateway.stop();
      await waitFor(() => live.closed.code !== null);
      expect(live.closed).toEqual({ code: 1001, reason: 'Going away' });
      expect(watch.completed).toBe(false);
      await live.dispose();
    } finally {
      await own.stop();
    }
  });
});
