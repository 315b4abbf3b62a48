import { randomUUID } from 'node:crypto';
import { RESERVE_STOCK, type ReserveStockData } from '../contracts/inventory-api';
import { ReservationEntity } from '../subgraphs/inventory/reservation.entity';
import { OrderEntity, OrderStatus } from '../subgraphs/orders/order.entity';
import { graphql } from './__generated__/index';
import { execute, type Result } from './support/graphql';
import { orderTools } from './support/orders';
import { startTestStack, type TestStack } from './support/stack';
import { callSubgraph } from './support/subgraph';
import { waitFor } from './support/wait-for';

/**
 * A flash sale at small scale: many buyers at once for a few units, through
 * the real gateway with a small placement queue and a 5 s subgraph timeout, so most buyers are shed.
 * Whatever each buyer is told must be the truth: no unit is held for a buyer
 * who got an error, and every refusal is one a client can act on.
 */

const FlashPlaceOrder = graphql(`
  mutation FlashPlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) { id status }
  }
`);

const FlashConfirmPayment = graphql(`
  mutation FlashConfirmPayment($orderId: ID!, $paymentMethod: String!) {
    confirmPayment(orderId: $orderId, paymentMethod: $paymentMethod) { status }
  }
`);

type Placed = Result<{ placeOrder: { id: string; status: string } }>;

const BUYERS = 100;
const UNITS = 5;

const codeOf = (result: Result<unknown>): unknown => result.errors?.[0]?.extensions?.code;
const reasonOf = (result: Result<unknown>): unknown => result.errors?.[0]?.extensions?.reason;
const soldOut = (result: Result<unknown>): boolean => codeOf(result) === 'CONFLICT' && reasonOf(result) === 'INSUFFICIENT_STOCK';
const shed = (result: Result<unknown>): boolean => codeOf(result) === 'TRY_AGAIN';

/**
 * The same properties on both layouts: embedded (in-process events, calls
 * between subgraphs in-process) and as when the services run apart (events
 * and live updates over Redis streams and pub/sub, every call between
 * subgraphs over HTTP with its signed caller and deadline).
 */
const LAYOUTS: ReadonlyArray<readonly [string, Record<string, string>]> = [
  ['embedded', {}],
  ['Redis events, subgraph calls over HTTP', { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_PREFIX: `flash-${randomUUID()}`, EMBEDDED_SUBGRAPH_CALLS: 'http' }],
];

describe.each(LAYOUTS)('flash sale (%s): many buyers, few units, a small queue', (_layout, layoutEnv) => {
  const queries: string[] = [];
  let recording = false;
  let t: TestStack;
  const tools = orderTools(() => t);
  const orders = () => t.stack.subgraphs.orders.orm.em.fork();

  beforeAll(async () => {
    t = await startTestStack({
      env: { ...layoutEnv, SUBGRAPH_TIMEOUT_MS: '5000', ORDER_PLACEMENT_CONCURRENCY: '4', ORDER_PLACEMENT_QUEUE: '8' },
      onQuery: (service, query) => {
        if (recording && service === 'orders') queries.push(query);
      },
    });
  });
  afterAll(() => t.stop());

  const buyer = async (productId: string, customerId: string, key: string): Promise<Placed> =>
    execute(t.url, FlashPlaceOrder, { input: { lines: [{ productId, quantity: 1 }], idempotencyKey: key } }, { token: await t.token(customerId) });

  it(`sells exactly ${UNITS} units to ${BUYERS} buyers at once, holds nothing for a buyer told no, and tells every buyer the truth`, async () => {
    const productId = await tools.product({ onHand: UNITS });
    const buyers = Array.from({ length: BUYERS }, () => ({ customerId: `flash-${randomUUID()}`, key: randomUUID() }));

    const first = await Promise.all(buyers.map((b) => buyer(productId, b.customerId, b.key)));

    // Every answer is a sale or a refusal a client can act on: no SUBGRAPH_UNAVAILABLE, no internal errors.
    const unexpected = first.filter((r) => !r.data?.placeOrder && !soldOut(r) && !shed(r)).map((r) => r.errors);
    expect(unexpected).toEqual([]);
    for (const refused of first.filter(shed)) expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toEqual(expect.any(Number));

    // Whatever is still running settles. A buyer orders itself refused holds nothing; one the gateway stopped
    // waiting for (TRY_AGAIN naming orders) holds nothing either, unless the answer was on its way: its retry says so.
    const customerIds = buyers.map((b) => b.customerId);
    await waitFor(async () => (await orders().count(OrderEntity, { customerId: { $in: customerIds }, status: OrderStatus.PENDING })) === 0, { timeout: 30_000 });
    const refusedByOrders = buyers.filter((_, i) => soldOut(first[i]) || (shed(first[i]) && first[i].errors?.[0]?.extensions?.serviceName === undefined));
    expect(await orders().count(OrderEntity, { customerId: { $in: refusedByOrders.map((b) => b.customerId) } })).toBe(0);
    const sold = buyers.filter((_, i) => first[i].data?.placeOrder);
    expect((await tools.stock(productId)).reserved).toBeGreaterThanOrEqual(sold.length);

    // Shed buyers try again with the same key until they get a final answer.
    const finals = [...first];
    for (let round = 0; finals.some(shed); round += 1) {
      expect(round).toBeLessThan(100);
      await Promise.all(
        buyers.map(async (b, i) => {
          if (shed(finals[i])) finals[i] = await buyer(productId, b.customerId, b.key);
        }),
      );
    }
    expect(finals.filter((r) => !r.data?.placeOrder && !soldOut(r))).toEqual([]);
    const winners = buyers.flatMap((b, i) => (finals[i].data?.placeOrder ? [{ ...b, orderId: finals[i].data!.placeOrder.id }] : []));
    expect(winners).toHaveLength(UNITS);
    // Every unit held is held for a buyer who was told it was sold.
    const held = await orders().find(OrderEntity, { customerId: { $in: customerIds } });
    expect(held.map((o) => o.id).sort()).toEqual(winners.map((w) => w.orderId).sort());
    expect((await tools.stock(productId)).reserved).toBe(UNITS);

    // A sale repeated with its key answers the same order.
    const again = await buyer(productId, winners[0].customerId, winners[0].key);
    expect(again.data?.placeOrder.id).toBe(winners[0].orderId);

    const paid = await Promise.all(
      winners.map(async (w) => execute(t.url, FlashConfirmPayment, { orderId: w.orderId, paymentMethod: 'pm_card_visa' }, { token: await t.token(w.customerId) })),
    );
    expect(paid.map((r) => r.data?.confirmPayment.status)).toEqual(winners.map(() => 'SUCCEEDED'));
    // Settling is asynchronous (events), and slow on a loaded machine: the waits are generous, the outcome exact.
    const settle = { timeout: 60_000, interval: 50 };
    await waitFor(async () => {
      for (const w of winners) expect((await orders().findOneOrFail(OrderEntity, { id: w.orderId })).status).toBe(OrderStatus.PAID);
      return true;
    }, settle);
    await waitFor(async () => {
      expect(await tools.stock(productId)).toEqual({ onHand: 0, reserved: 0 });
      return true;
    }, settle);
    expect(await orders().count(OrderEntity, { customerId: { $in: customerIds } })).toBe(UNITS);
  }, 240_000);

  it('refuses a sold-out product before the orders database is written', async () => {
    const productId = await tools.product({ onHand: 0 });
    const customerId = `flash-${randomUUID()}`;
    queries.length = 0;
    recording = true;
    const refused = await buyer(productId, customerId, randomUUID());
    recording = false;
    expect(soldOut(refused)).toBe(true);
    expect(refused.errors?.[0]?.extensions?.shortages).toEqual([{ productId, requested: 1, available: 0 }]);
    expect(queries.filter((q) => /^\s*(insert|update|delete)\b/i.test(q))).toEqual([]);
    expect(await tools.traces(customerId, [productId])).toEqual(tools.nothingLeft);
  });

  describe('a request past its deadline is refused before any side effect', () => {
    const late = () => Date.now() - 1;
    const PLACE = 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }';

    it('by orders: no order is written', async () => {
      const productId = await tools.product({ onHand: 3 });
      const result = await callSubgraph(t.stack.subgraphs.orders.url, t.config.auth.internalSecret, PLACE, { input: { lines: [{ productId, quantity: 1 }] } }, ['CUSTOMER'], late());
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'TRY_AGAIN', retryAfterSeconds: 1 });
      expect(await orders().count(OrderEntity, { customerId: 'user:test' })).toBe(0);
      expect(await tools.stock(productId)).toEqual({ onHand: 3, reserved: 0 });
    });

    it('by inventory: no reservation is taken', async () => {
      const productId = await tools.product({ onHand: 3 });
      const orderId = `order-${randomUUID()}`;
      const result = await callSubgraph<ReserveStockData>(
        t.stack.subgraphs.inventory.url,
        t.config.auth.internalSecret,
        RESERVE_STOCK,
        { orderId, lines: [{ productId, quantity: 1 }] },
        ['SERVICE'],
        late(),
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'TRY_AGAIN' });
      expect(await t.stack.subgraphs.inventory.orm.em.fork().count(ReservationEntity, { orderId })).toBe(0);
      expect(await tools.stock(productId)).toEqual({ onHand: 3, reserved: 0 });
    });

    it('while the same deadline, still ahead, lets the work through', async () => {
      const productId = await tools.product({ onHand: 3 });
      const orderId = `order-${randomUUID()}`;
      const result = await callSubgraph<ReserveStockData>(
        t.stack.subgraphs.inventory.url,
        t.config.auth.internalSecret,
        RESERVE_STOCK,
        { orderId, lines: [{ productId, quantity: 1 }] },
        ['SERVICE'],
        Date.now() + 60_000,
      );
      expect(result.data?.reserveStock.status).toBe('ACTIVE');
      expect(await tools.stock(productId)).toEqual({ onHand: 3, reserved: 1 });
    });
  });
});
