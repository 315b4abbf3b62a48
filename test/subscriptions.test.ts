import { channels } from '../subgraphs/kernel/pubsub';
import { DEMO_ACCOUNTS, DEMO_PRODUCTS } from '../subgraphs/kernel/demo';
import { OrderEntity, OrderLineEntity, OrderStatus } from '../subgraphs/orders/order.entity';
import { StockLevelEntity } from '../subgraphs/inventory/stock.entity';
import { graphql } from './__generated__';
import { connect, type LiveClient } from './support/live';
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
  const level = await em.findOneOrFail(StockLevelEntity, productId);
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
  await em.persistAndFlush(order);
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
