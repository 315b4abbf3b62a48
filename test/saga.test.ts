import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { InventoryServices } from '../subgraphs/inventory/inventory.services';
import { ReservationStatus } from '../subgraphs/inventory/reservation.entity';
import type { Clock } from '../platform/clock';
import type { ServiceName } from '../platform/config';
import { RESERVE_STOCK, type ReserveStockData } from '../contracts/inventory-api';
import { createLogger } from '../platform/log';
import { PAYMENT_EVENTS } from '../contracts/payments-api';
import { startSubgraph, type RunningSubgraph } from '../platform/subgraph';
import { SUBGRAPHS } from '../subgraphs/modules';
import { OrderEntity, OrderLineEntity, OrderStatus, StatusChangeEntity } from '../subgraphs/orders/order.entity';
import { placementKeyOf } from '../subgraphs/orders/order.rules';
import type { OrdersServices } from '../subgraphs/orders/orders.services';
import { CodeUsageEntity, PromotionEntity } from '../subgraphs/pricing/promotion.entity';
import { graphql } from './__generated__/index';
import { TestClock } from './support/clock';
import { codesOf, execute } from './support/graphql';
import { CancelOrder, ConfirmPayment, orderTools, PlaceOrder, recordEvents } from './support/orders';
import { startTestStack, type TestStack } from './support/stack';
import { callSubgraph } from './support/subgraph';
import { waitFor } from './support/wait-for';

const PlaceWithoutPayment = graphql(`
  mutation SagaPlaceWithoutPayment($input: PlaceOrderInput!) {
    placeOrder(input: $input) { id status }
  }
`);

const OrderPayment = graphql(`
  query SagaOrderPayment($id: ID!) {
    order(id: $id) { payment { id status amount { amount } } }
  }
`);

const SagaCreateCode = graphql(`
  mutation SagaCreateCode($input: PromotionInput!) {
    createPromotion(input: $input) { id }
  }
`);

const quiet = createLogger('test', 'error', () => undefined);
const RESERVATION_TTL_MS = 900 * 1000;
const PLACEMENT_TIMEOUT_MS = 120 * 1000;

/** Stops and starts single subgraphs of a running stack, as a crashed and restarted process would be. */
function processes(t: () => TestStack, clock: Clock) {
  const restarted = new Map<ServiceName, RunningSubgraph>();
  const current = (name: ServiceName): RunningSubgraph => restarted.get(name) ?? t().stack.subgraphs[name];
  return {
    current,
    stop: (name: ServiceName) => current(name).stop(),
    /** On the port it had, with the same database, bus and pub/sub. */
    async start(name: ServiceName): Promise<void> {
      const started = await startSubgraph(SUBGRAPHS[name], {
        config: t().config,
        pubsub: t().stack.messaging.pubsub,
        events: t().stack.messaging.events,
        clock,
        log: quiet,
        port: current(name).port,
        peerUrl: (peer) => current(peer).url,
      });
      restarted.set(name, started);
    },
    stopRestarted: () => Promise.all([...restarted.values()].map((s) => s.stop())),
  };
}

describe('the checkout saga over time and failures', () => {
  const clock = new TestClock(new Date('2031-03-01T10:00:00Z'));
  let t: TestStack;
  const services = processes(() => t, clock);
  const tools = orderTools(() => t, services.current);
  const checkout = () => (services.current('orders').services as OrdersServices).checkout;
  const sweepReservations = () => (services.current('inventory').services as InventoryServices).reservations.sweepExpired();
  const newCustomer = () => `customer-${randomUUID()}`;

  beforeAll(async () => {
    // Sweeps run when a test says so, against the test clock.
    t = await startTestStack({ clock, env: { ORDER_PLACEMENT_SWEEP_INTERVAL_MS: '3600000', RESERVATION_SWEEP_INTERVAL_MS: '3600000' } });
  });
  afterAll(async () => {
    await services.stopRestarted();
    await t.stop();
  });

  async function place(customerId: string, productId: string, quantity: number) {
    const result = await execute(t.url, PlaceOrder, { input: { lines: [{ productId, quantity }] } }, { token: await t.token(customerId) });
    expect(result.errors).toBeUndefined();
    return result.data!.placeOrder;
  }

  /** What a placement leaves when its process dies right after reserving: the PENDING order and the stock held for it. */
  async function cutShort(customerId: string, productId: string, quantity: number, idempotencyKey?: string): Promise<string> {
    const now = clock.now();
    const order = Object.assign(new OrderEntity(), {
      customerId,
      lines: [Object.assign(new OrderLineEntity(), { productId, quantity, unitPriceAmount: 1250, currency: 'EUR' })],
      totalAmount: 1250 * quantity,
      currency: 'EUR',
      statusHistory: [StatusChangeEntity.of(null, OrderStatus.PENDING, now, customerId, null)],
      createdAt: now,
      updatedAt: now,
    });
    if (idempotencyKey) order.placementKey = placementKeyOf(idempotencyKey);
    await services.current('orders').orm.em.fork().persist(order).flush();
    const reserved = await callSubgraph<ReserveStockData>(services.current('inventory').url, t.config.auth.internalSecret, RESERVE_STOCK, {
      orderId: order.id,
      lines: [{ productId, quantity }],
    });
    expect(reserved.errors).toBeUndefined();
    return order.id;
  }

  describe('reservation expiry', () => {
    it('cancels an unpaid order when its reservation expires; its payment can then no longer be made', async () => {
      const productId = await tools.product({ onHand: 4 });
      const customer = newCustomer();
      const order = await place(customer, productId, 3);

      clock.advance(RESERVATION_TTL_MS + 1000);
      expect(await sweepReservations()).toBeGreaterThanOrEqual(1);
      const cancelled = await tools.settled(order.id, 'CANCELLED');
      expect(cancelled.statusHistory.at(-1)).toMatchObject({
        from: OrderStatus.AWAITING_PAYMENT,
        to: OrderStatus.CANCELLED,
        actor: 'system',
        reason: 'the stock reservation expired before payment',
      });
      expect(await tools.stock(productId)).toEqual({ onHand: 4, reserved: 0 });
      // Never paid, so never made: cancelling it wrote nothing to payments.
      expect(await tools.payment(order.id)).toBeNull();

      const late = await execute(t.url, ConfirmPayment, { orderId: order.id, paymentMethod: 'pm_card_visa' }, { token: await t.token(customer) });
      expect(late.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PAYMENT_CANCELED' });
      expect((await tools.order(order.id)).status).toBe(OrderStatus.CANCELLED);
    });

    it('cancels a declined order when its reservation expires; paying again is then refused as PAYMENT_CANCELED, charging nothing', async () => {
      const productId = await tools.product({ onHand: 2 });
      const customer = newCustomer();
      const token = await t.token(customer);
      const order = await place(customer, productId, 2);
      await execute(t.url, ConfirmPayment, { orderId: order.id, paymentMethod: 'pm_card_chargeDeclinedInsufficientFunds' }, { token });
      await tools.settled(order.id, 'PAYMENT_FAILED');

      clock.advance(RESERVATION_TTL_MS + 1000);
      expect(await sweepReservations()).toBeGreaterThanOrEqual(1);
      const cancelled = await tools.settled(order.id, 'CANCELLED');
      expect(cancelled.statusHistory.at(-1)).toMatchObject({
        from: OrderStatus.PAYMENT_FAILED,
        to: OrderStatus.CANCELLED,
        reason: 'the stock reservation expired before payment',
      });
      await waitFor(async () => (await tools.payment(order.id))?.status === 'CANCELED');
      expect(await tools.stock(productId)).toEqual({ onHand: 2, reserved: 0 });

      // A token made now: the one from before the expiry has run out on the test clock too.
      const late = await execute(t.url, ConfirmPayment, { orderId: order.id, paymentMethod: 'pm_card_visa' }, { token: await t.token(customer) });
      expect(late.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PAYMENT_CANCELED' });
      expect((await tools.payment(order.id))?.status).toBe('CANCELED');
      expect((await tools.order(order.id)).status).toBe(OrderStatus.CANCELLED);
    });

    it('cancels and refunds an order whose payment arrives after its reservation expired', async () => {
      const succeeded = await recordEvents(t, [PAYMENT_EVENTS.succeeded]);
      const productId = await tools.product({ onHand: 2 });
      const customer = newCustomer();
      const order = await place(customer, productId, 2);
      // A first attempt is declined: the payment is made then (from the order's terms, read from orders).
      const token = await t.token(customer);
      const declined = await execute(t.url, ConfirmPayment, { orderId: order.id, paymentMethod: 'pm_card_chargeDeclined' }, { token });
      expect(declined.data?.confirmPayment.status).toBe('FAILED');
      await tools.settled(order.id, 'PAYMENT_FAILED');

      // Orders is down while the customer pays again and the reservation runs out, so it learns of both afterwards.
      await services.stop('orders');
      const paid = await execute(t.url, ConfirmPayment, { orderId: order.id, paymentMethod: 'pm_card_visa' }, { token });
      expect(paid.data?.confirmPayment.status).toBe('SUCCEEDED');
      await waitFor(() => succeeded.some((e) => e.payload.orderId === order.id));
      clock.advance(RESERVATION_TTL_MS + 1000);
      expect(await sweepReservations()).toBeGreaterThanOrEqual(1);
      await services.start('orders');

      const cancelled = await tools.settled(order.id, 'CANCELLED');
      expect(cancelled.statusHistory.map((c) => [c.from, c.to, c.actor])).toEqual([
        [null, 'PENDING', customer],
        ['PENDING', 'AWAITING_PAYMENT', 'system'],
        ['AWAITING_PAYMENT', 'PAYMENT_FAILED', 'system'],
        ['PAYMENT_FAILED', 'PAID', 'system'],
        ['PAID', 'CANCELLED', 'system'],
      ]);
      expect(cancelled.statusHistory.at(-1)?.reason).toBe('the stock was no longer reserved when the payment arrived; the payment is refunded');
      await waitFor(async () => (await tools.payment(order.id))?.status === 'REFUNDED');
      expect((await tools.reservation(order.id))?.status).toBe(ReservationStatus.EXPIRED);
      expect(await tools.stock(productId)).toEqual({ onHand: 2, reserved: 0 });
    });
  });

  describe('placements cut short', () => {
    it('undoes a placement whose process died between reserving stock and moving the order on, once it is overdue', async () => {
      const productId = await tools.product({ onHand: 5 });
      const customer = newCustomer();
      const orderId = await cutShort(customer, productId, 3);
      expect(await tools.stock(productId)).toEqual({ onHand: 5, reserved: 3 });

      clock.advance(PLACEMENT_TIMEOUT_MS - 1000);
      expect(await checkout().sweepStalePlacements()).toBe(0);
      clock.advance(1000);
      expect(await checkout().sweepStalePlacements()).toBe(1);

      expect(await services.current('orders').orm.em.fork().findOne(OrderEntity, { id: orderId })).toBeNull();
      expect((await tools.reservation(orderId))?.status).toBe(ReservationStatus.RELEASED);
      expect(await tools.stock(productId)).toEqual({ onHand: 5, reserved: 0 });
      expect(await tools.payment(orderId)).toBeNull();
    });

    it("gives back what a placement held when its process died before storing the order: the stock at the reservation's expiry, and the code use with it", async () => {
      const productId = await tools.product({ onHand: 4 });
      const customerId = newCustomer();
      // Reserved and priced by pricing (a code use taken), then the process died: nothing in orders names the order.
      const orderId = `order-${randomUUID()}`;
      const created = await execute(t.url, SagaCreateCode, { input: { name: 'Crash', code: `CRASH${randomUUID().slice(0, 8)}`, currency: 'EUR', kind: 'PERCENTAGE', value: 10 } }, { token: await tools.agent() });
      const promotionId = created.data!.createPromotion.id;
      const pricing = () => services.current('pricing').orm.em.fork();
      await pricing().nativeUpdate(PromotionEntity, { id: promotionId }, { used: 1 });
      await pricing().persist(Object.assign(new CodeUsageEntity(), { promotionId, orderId, customerId, status: 'RESERVED', updatedAt: clock.now() })).flush();
      const reserved = await callSubgraph<ReserveStockData>(services.current('inventory').url, t.config.auth.internalSecret, RESERVE_STOCK, { orderId, lines: [{ productId, quantity: 3 }] });
      expect(reserved.errors).toBeUndefined();
      // The placement sweep has nothing to find.
      clock.advance(PLACEMENT_TIMEOUT_MS);
      expect(await checkout().sweepStalePlacements()).toBe(0);
      expect(await tools.stock(productId)).toEqual({ onHand: 4, reserved: 3 });

      clock.advance(RESERVATION_TTL_MS);
      expect(await sweepReservations()).toBeGreaterThanOrEqual(1);
      expect(await tools.stock(productId)).toEqual({ onHand: 4, reserved: 0 });
      await waitFor(async () => (await pricing().findOneOrFail(CodeUsageEntity, { orderId })).status === 'RELEASED');
      expect((await pricing().findOneOrFail(PromotionEntity, { id: promotionId })).used).toBe(0);
      expect(await services.current('orders').orm.em.fork().count(OrderEntity, { id: orderId })).toBe(0);
    });

    it('finishes a placement cut short when the customer retries with the same idempotency key', async () => {
      const productId = await tools.product({ onHand: 5 });
      const customer = newCustomer();
      const key = randomUUID();
      const orderId = await cutShort(customer, productId, 2, key);

      const retried = await execute(t.url, PlaceOrder, { input: { lines: [{ productId, quantity: 2 }], idempotencyKey: key } }, { token: await t.token(customer) });
      expect(retried.errors).toBeUndefined();
      expect(retried.data!.placeOrder).toMatchObject({ id: orderId, status: 'AWAITING_PAYMENT', payment: { status: 'REQUIRES_PAYMENT' } });
      // The payment shown is the one the order will have: made when the customer pays.
      expect(await tools.traces(customer, [productId])).toMatchObject({ orders: 1, reservations: 1, reserved: 2, payments: 0 });
    });

    it('places an order while payments is down: placing needs no payment, which is made when the customer pays', async () => {
      const productId = await tools.product({ onHand: 5 });
      const customer = await tools.customer();
      const token = await t.token(customer);
      await services.stop('payments');
      const placed = await execute(t.url, PlaceWithoutPayment, { input: { lines: [{ productId, quantity: 2 }] } }, { token }).finally(() => services.start('payments'));
      expect(placed.errors).toBeUndefined();
      expect(placed.data!.placeOrder.status).toBe('AWAITING_PAYMENT');
      const orderId = placed.data!.placeOrder.id;
      expect(await tools.stock(productId)).toEqual({ onHand: 5, reserved: 2 });
      const shown = await execute(t.url, OrderPayment, { id: orderId }, { token });
      expect(shown.data!.order!.payment).toEqual({ id: `pay_${orderId}`, status: 'REQUIRES_PAYMENT', amount: { amount: 2 * 1250 } });
      expect(await tools.traces(customer, [productId])).toMatchObject({ orders: 1, reserved: 2, payments: 0 });

      const paid = await execute(t.url, ConfirmPayment, { orderId, paymentMethod: 'pm_card_visa' }, { token });
      expect(paid.data?.confirmPayment.status).toBe('SUCCEEDED');
      await tools.settled(orderId, 'PAID');
      expect((await execute(t.url, OrderPayment, { id: orderId }, { token })).data!.order!.payment).toMatchObject({ id: `pay_${orderId}`, status: 'SUCCEEDED' });
      expect(await tools.traces(customer, [productId])).toMatchObject({ orders: 1, payments: 1 });
    });
  });
});

describe('the checkout saga across a crash of the orders service (Redis event bus)', () => {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `saga-${randomUUID()}`;
  const clock: Clock = { now: () => new Date() };
  let t: TestStack;
  let redis: Redis;
  const services = processes(() => t, clock);
  const tools = orderTools(() => t, services.current);

  beforeAll(async () => {
    t = await startTestStack({ env: { REDIS_URL: redisUrl, REDIS_PREFIX: prefix } });
    redis = new Redis(redisUrl);
  });
  afterAll(async () => {
    redis.disconnect();
    await services.stopRestarted();
    await t.stop();
  });

  /** Events delivered to the orders consumer group and not yet acknowledged. */
  const pendingForOrders = async () => ((await redis.xpending(`${prefix}:events`, 'orders')) as [number, ...unknown[]])[0];

  it('commits the stock of a payment whose handling was cut short, once orders is back', async () => {
    const productId = await tools.product({ onHand: 6 });
    const customer = `customer-${randomUUID()}`;
    const token = await t.token(customer);
    const placed = await execute(t.url, PlaceOrder, { input: { lines: [{ productId, quantity: 2 }] } }, { token });
    const orderId = placed.data!.placeOrder.id;

    // Inventory is unreachable, so committing the stock for the payment fails and its event stays pending...
    await services.stop('inventory');
    await execute(t.url, ConfirmPayment, { orderId, paymentMethod: 'pm_card_visa' }, { token });
    await tools.settled(orderId, 'PAID');
    await waitFor(async () => (await pendingForOrders()) > 0);
    // ...when the orders service goes down with it.
    await services.stop('orders');
    await services.start('inventory');
    expect(await tools.stock(productId)).toEqual({ onHand: 6, reserved: 2 });

    await services.start('orders');
    await waitFor(async () => (await tools.reservation(orderId))?.status === ReservationStatus.COMMITTED, { timeout: 10_000 });
    expect(await tools.stock(productId)).toEqual({ onHand: 4, reserved: 0 });
    expect((await tools.order(orderId)).status).toBe(OrderStatus.PAID);
    await waitFor(async () => (await pendingForOrders()) === 0, { timeout: 10_000 });
  });

  it('releases the stock of a cancellation whose handling was cut short, once orders is back', async () => {
    const productId = await tools.product({ onHand: 6 });
    const customer = `customer-${randomUUID()}`;
    const token = await t.token(customer);
    const placed = await execute(t.url, PlaceOrder, { input: { lines: [{ productId, quantity: 5 }] } }, { token });
    const orderId = placed.data!.placeOrder.id;

    await services.stop('inventory');
    const cancelled = await execute(t.url, CancelOrder, { id: orderId }, { token });
    expect(cancelled.data?.cancelOrder.status).toBe('CANCELLED');
    await waitFor(async () => (await pendingForOrders()) > 0);
    await services.stop('orders');
    await services.start('inventory');
    expect(await tools.stock(productId)).toEqual({ onHand: 6, reserved: 5 });

    await services.start('orders');
    await waitFor(async () => (await tools.reservation(orderId))?.status === ReservationStatus.RELEASED, { timeout: 10_000 });
    expect(await tools.stock(productId)).toEqual({ onHand: 6, reserved: 0 });
    expect(codesOf(await execute(t.url, ConfirmPayment, { orderId, paymentMethod: 'pm_card_visa' }, { token }))).toEqual(['CONFLICT']);
  });
});
