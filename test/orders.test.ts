import { randomUUID } from 'node:crypto';
import { ReservationStatus } from '../subgraphs/inventory/reservation.entity';
import { ProcessedEventEntity } from '../platform/messaging/inbox';
import { ORDER_EVENTS } from '../contracts/orders-api';
import { PAYMENT_EVENTS } from '../contracts/payments-api';
import { graphql } from './__generated__/index';
import type { OrderLineInput } from './__generated__/graphql';
import { codesOf, execute } from './support/graphql';
import { connect } from './support/live';
import { CancelOrder, ConfirmPayment, orderTools, PlaceOrder, ReadOrder, recordEvents, ShipOrder } from './support/orders';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const DeliverOrder = graphql(`
  mutation OrdersDeliverOrder($id: ID!) {
    deliverOrder(id: $id) { ...OrderFields }
  }
`);

const RefundOrder = graphql(`
  mutation OrdersRefundOrder($id: ID!, $amount: Int, $reason: String, $idempotencyKey: String) {
    refundOrder(id: $id, amount: $amount, reason: $reason, idempotencyKey: $idempotencyKey) { ...OrderFields }
  }
`);

const MyOrders = graphql(`
  query OrdersMyOrders {
    me { orders(first: 50) { totalCount edges { node { id status } } } }
  }
`);

const WatchOrder = graphql(`
  subscription OrdersWatchOrder($orderId: ID!) {
    orderStatusChanged(orderId: $orderId) { id status version }
  }
`);

describe('checkout through the gateway', () => {
  let t: TestStack;
  const tools = orderTools(() => t);
  const newCustomer = () => `customer-${randomUUID()}`;

  beforeAll(async () => {
    t = await startTestStack();
  });
  afterAll(() => t.stop());

  async function place(customerId: string, lines: OrderLineInput[], idempotencyKey?: string) {
    const result = await execute(t.url, PlaceOrder, { input: { lines, idempotencyKey } }, { token: await t.token(customerId) });
    expect(result.errors).toBeUndefined();
    return result.data!.placeOrder;
  }

  /** Status and version as stored, and the payment's status: what a refusal must leave unchanged. */
  async function state(orderId: string) {
    const order = await tools.order(orderId);
    return { status: order.status, version: order.version, payment: (await tools.payment(orderId))?.status };
  }

  async function paidOrder(customerId: string, productId: string) {
    const order = await place(customerId, [{ productId, quantity: 1 }]);
    const paid = await execute(t.url, ConfirmPayment, { orderId: order.id, paymentMethod: 'pm_card_visa' }, { token: await t.token(customerId) });
    expect(paid.errors).toBeUndefined();
    await tools.settled(order.id, 'PAID');
    return order;
  }

  describe('the happy path', () => {
    it('places an order priced from the catalog, with its stock reserved and its payment created', async () => {
      const events = await recordEvents(t, [ORDER_EVENTS.placed, ORDER_EVENTS.statusChanged]);
      const mug = await tools.product({ priceAmount: 1200, onHand: 5 });
      const tee = await tools.product({ priceAmount: 2500, onHand: 5 });
      const customer = newCustomer();
      // Lines for one product are added together.
      const order = await place(customer, [
        { productId: mug, quantity: 1 },
        { productId: tee, quantity: 1 },
        { productId: mug, quantity: 1 },
      ]);

      expect(order).toMatchObject({
        status: 'AWAITING_PAYMENT',
        version: 2,
        total: { amount: 4900, currency: 'EUR' },
        refunded: { amount: 0 },
        payment: { status: 'REQUIRES_PAYMENT', amount: { amount: 4900, currency: 'EUR' } },
        statusHistory: [
          { from: null, to: 'PENDING', actor: customer, reason: null },
          { from: 'PENDING', to: 'AWAITING_PAYMENT', actor: 'system', reason: null },
        ],
      });
      expect(order.lines).toEqual(
        expect.arrayContaining([
          { quantity: 2, unitPrice: { amount: 1200, currency: 'EUR' }, lineTotal: { amount: 2400 }, product: { id: mug } },
          { quantity: 1, unitPrice: { amount: 2500, currency: 'EUR' }, lineTotal: { amount: 2500 }, product: { id: tee } },
        ]),
      );
      expect((await tools.reservation(order.id))?.status).toBe(ReservationStatus.ACTIVE);
      expect(await tools.stock(mug)).toEqual({ onHand: 5, reserved: 2 });
      expect(await tools.stock(tee)).toEqual({ onHand: 5, reserved: 1 });

      await waitFor(() => events.filter((e) => e.payload.orderId === order.id).length === 2);
      const placed = events.find((e) => e.type === ORDER_EVENTS.placed)!;
      expect(placed.payload).toMatchObject({ orderId: order.id, customerId: customer, status: 'AWAITING_PAYMENT', total: 4900, currency: 'EUR' });
      const changed = events.find((e) => e.type === ORDER_EVENTS.statusChanged)!;
      expect(changed.payload).toMatchObject({ orderId: order.id, from: 'PENDING', to: 'AWAITING_PAYMENT', version: 2, actor: 'system' });
    });

    it('takes the payment, sells the stock, then ships and delivers, each change recorded and pushed to subscribers', async () => {
      const productId = await tools.product({ onHand: 4 });
      const customer = await tools.customer();
      const token = await t.token(customer);
      const order = await place(customer, [{ productId, quantity: 3 }]);
      const live = connect(t.url, { authorization: `Bearer ${token}` });
      try {
        const watch = live.subscribe(WatchOrder, { orderId: order.id });
        await watch.count(1);

        const paid = await execute(t.url, ConfirmPayment, { orderId: order.id, paymentMethod: 'pm_card_visa' }, { token });
        expect(paid.data?.confirmPayment.status).toBe('SUCCEEDED');
        await tools.settled(order.id, 'PAID');
        await waitFor(async () => (await tools.reservation(order.id))?.status === ReservationStatus.COMMITTED);
        expect(await tools.stock(productId)).toEqual({ onHand: 1, reserved: 0 });

        const agent = await tools.agent();
        expect((await execute(t.url, ShipOrder, { id: order.id }, { token: agent })).data?.shipOrder.status).toBe('SHIPPED');
        const delivered = (await execute(t.url, DeliverOrder, { id: order.id }, { token: agent })).data!.deliverOrder;
        expect(delivered.status).toBe('DELIVERED');
        expect(delivered.statusHistory.map((c) => [c.from, c.to, c.actor])).toEqual([
          [null, 'PENDING', customer],
          ['PENDING', 'AWAITING_PAYMENT', 'system'],
          ['AWAITING_PAYMENT', 'PAID', 'system'],
          ['PAID', 'SHIPPED', 'orders-test-agent'],
          ['SHIPPED', 'DELIVERED', 'orders-test-agent'],
        ]);

        await watch.count(4);
        expect(watch.data.map((d) => [d.orderStatusChanged.status, d.orderStatusChanged.version])).toEqual([
          ['AWAITING_PAYMENT', 2],
          ['PAID', 3],
          ['SHIPPED', 4],
          ['DELIVERED', 5],
        ]);
        const mine = (await execute(t.url, MyOrders, undefined, { token })).data!.me!.orders;
        expect(mine.edges.map((e) => e.node)).toEqual([{ id: order.id, status: 'DELIVERED' }]);
      } finally {
        await live.dispose();
      }
    });

    it('keeps an order whose payment is declined payable: PAYMENT_FAILED with its stock reserved, then paid on the same order, charged and sold once', async () => {
      const succeeded = await recordEvents(t, [PAYMENT_EVENTS.succeeded]);
      const productId = await tools.product({ onHand: 3 });
      const customer = newCustomer();
      const token = await t.token(customer);
      const order = await place(customer, [{ productId, quantity: 2 }]);
      const declined = await execute(t.url, ConfirmPayment, { orderId: order.id, paymentMethod: 'pm_card_chargeDeclined' }, { token });
      expect(declined.data?.confirmPayment.status).toBe('FAILED');
      const failed = await tools.settled(order.id, 'PAYMENT_FAILED');
      expect(failed.statusHistory.at(-1)).toMatchObject({ from: 'AWAITING_PAYMENT', to: 'PAYMENT_FAILED', actor: 'system', reason: 'Your card was declined.' });
      expect((await tools.reservation(order.id))?.status).toBe(ReservationStatus.ACTIVE);
      expect(await tools.stock(productId)).toEqual({ onHand: 3, reserved: 2 });

      // The customer pays again with another card, from two tabs at once: one charge.
      const attempts = await Promise.all([1, 2, 3].map(() => execute(t.url, ConfirmPayment, { orderId: order.id, paymentMethod: 'pm_card_visa' }, { token })));
      expect(attempts.filter((a) => a.data?.confirmPayment.status === 'SUCCEEDED')).toHaveLength(1);
      for (const refused of attempts.filter((a) => !a.data)) expect(refused.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_PAID' });
      const paid = await tools.settled(order.id, 'PAID');
      expect(paid.statusHistory.slice(-2).map((c) => [c.from, c.to])).toEqual([
        ['AWAITING_PAYMENT', 'PAYMENT_FAILED'],
        ['PAYMENT_FAILED', 'PAID'],
      ]);
      await waitFor(async () => (await tools.reservation(order.id))?.status === ReservationStatus.COMMITTED);
      expect(await tools.stock(productId)).toEqual({ onHand: 1, reserved: 0 });
      await waitFor(() => succeeded.some((e) => e.payload.orderId === order.id));
      expect(succeeded.filter((e) => e.payload.orderId === order.id)).toHaveLength(1);
      expect(await tools.providerRefunds(order.id)).toEqual([]);
    });
  });

  describe('bad input: a clear error, and no order, reservation or payment left behind', () => {
    type Case = [name: string, lines: (products: string[]) => OrderLineInput[], code: string, extensions: Record<string, unknown>];
    const cases: Case[] = [
      ['no lines', () => [], 'BAD_USER_INPUT', { field: 'lines' }],
      ['a quantity of 0', ([p]) => [{ productId: p, quantity: 0 }], 'BAD_USER_INPUT', { field: 'lines.0.quantity' }],
      ['a negative quantity', ([p, q]) => [{ productId: q, quantity: 1 }, { productId: p, quantity: -2 }], 'BAD_USER_INPUT', { field: 'lines.1.quantity' }],
      ['more than 100 units of a product', ([p]) => [{ productId: p, quantity: 101 }], 'BAD_USER_INPUT', { field: 'lines.0.quantity' }],
      ['more than 100 units over repeated lines', ([p]) => [{ productId: p, quantity: 60 }, { productId: p, quantity: 41 }], 'BAD_USER_INPUT', { field: 'lines.1.quantity' }],
      ['more than 50 lines', ([p]) => Array.from({ length: 51 }, () => ({ productId: p, quantity: 1 })), 'BAD_USER_INPUT', { field: 'lines' }],
      ['an unknown product', ([p]) => [{ productId: p, quantity: 1 }, { productId: 'no-such-product', quantity: 1 }], 'NOT_FOUND', { id: 'no-such-product' }],
      ['an archived product', ([p, , archived]) => [{ productId: p, quantity: 1 }, { productId: archived, quantity: 1 }], 'BAD_USER_INPUT', { reason: 'PRODUCT_UNAVAILABLE' }],
      ['a draft product', ([, , , draft]) => [{ productId: draft, quantity: 1 }], 'NOT_FOUND', {}],
      ['products priced in two currencies', ([p, , , , dollars]) => [{ productId: p, quantity: 1 }, { productId: dollars, quantity: 1 }], 'BAD_USER_INPUT', { field: 'lines' }],
      ['more than the stock', ([p, scarce]) => [{ productId: p, quantity: 1 }, { productId: scarce, quantity: 3 }], 'CONFLICT', { reason: 'INSUFFICIENT_STOCK' }],
    ];

    let products: string[];
    beforeAll(async () => {
      products = [
        await tools.product({ onHand: 200 }),
        await tools.product({ onHand: 2 }),
        await tools.product({ status: 'ARCHIVED' }),
        await tools.product({ status: 'DRAFT' }),
        await tools.product({ currency: 'USD' }),
      ];
    });

    it.each(cases)('refuses %s', async (_name, lines, code, extensions) => {
      const customer = newCustomer();
      const result = await execute(t.url, PlaceOrder, { input: { lines: lines(products) } }, { token: await t.token(customer) });
      expect(codesOf(result)).toEqual([code]);
      expect(result.errors![0].extensions).toMatchObject(extensions);
      expect(result.data).toBeNull();
      expect(await tools.traces(customer, products)).toEqual(tools.nothingLeft);
    });

    it('names every short product and holds none of the others', async () => {
      const [plenty, scarce] = [await tools.product({ onHand: 9 }), await tools.product({ onHand: 1 })];
      const customer = newCustomer();
      const result = await execute(
        t.url,
        PlaceOrder,
        { input: { lines: [{ productId: plenty, quantity: 4 }, { productId: scarce, quantity: 2 }] } },
        { token: await t.token(customer) },
      );
      expect(result.errors![0]).toMatchObject({
        message: `Not enough stock: ${scarce} (requested 2, available 1)`,
        extensions: { code: 'CONFLICT', reason: 'INSUFFICIENT_STOCK', shortages: [{ productId: scarce, requested: 2, available: 1 }] },
      });
      expect(await tools.traces(customer, [plenty, scarce])).toEqual(tools.nothingLeft);
    });

    it('asks anonymous callers to log in', async () => {
      const result = await execute(t.url, PlaceOrder, { input: { lines: [{ productId: products[0], quantity: 1 }] } });
      expect(codesOf(result)).toEqual(['UNAUTHENTICATED']);
    });

    it('refuses an idempotency key longer than 100 characters', async () => {
      const customer = newCustomer();
      const result = await execute(t.url, PlaceOrder, { input: { lines: [{ productId: products[0], quantity: 1 }], idempotencyKey: 'k'.repeat(101) } }, { token: await t.token(customer) });
      expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
      expect(await tools.traces(customer, products)).toEqual(tools.nothingLeft);
    });
  });

  describe('idempotency keys', () => {
    it('answers the same key from the same customer with the same order, never a second one', async () => {
      const productId = await tools.product({ onHand: 10 });
      const customer = newCustomer();
      const key = randomUUID();
      const first = await place(customer, [{ productId, quantity: 2 }], key);
      const again = await place(customer, [{ productId, quantity: 2 }], key);
      expect(again.id).toBe(first.id);
      expect(await tools.traces(customer, [productId])).toMatchObject({ orders: 1, reservations: 1, reserved: 2, payments: 0 });
    });

    it('refuses the same key with other lines as a CONFLICT, changing nothing', async () => {
      const productId = await tools.product({ onHand: 10 });
      const customer = newCustomer();
      const key = randomUUID();
      const first = await place(customer, [{ productId, quantity: 2 }], key);
      const other = await execute(t.url, PlaceOrder, { input: { lines: [{ productId, quantity: 3 }], idempotencyKey: key } }, { token: await t.token(customer) });
      expect(codesOf(other)).toEqual(['CONFLICT']);
      expect(other.errors![0].extensions).toMatchObject({ reason: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey', orderId: first.id });
      expect(await tools.traces(customer, [productId])).toMatchObject({ orders: 1, reservations: 1, reserved: 2, payments: 0 });
    });

    it('places one order for concurrent requests with the same key', async () => {
      const productId = await tools.product({ onHand: 10 });
      const customer = newCustomer();
      const token = await t.token(customer);
      const key = randomUUID();
      const results = await Promise.all(
        Array.from({ length: 8 }, () => execute(t.url, PlaceOrder, { input: { lines: [{ productId, quantity: 1 }], idempotencyKey: key } }, { token })),
      );
      expect(results.map((r) => r.errors)).toEqual(results.map(() => undefined));
      expect(new Set(results.map((r) => r.data!.placeOrder.id)).size).toBe(1);
      expect(results.every((r) => r.data!.placeOrder.status === 'AWAITING_PAYMENT')).toBe(true);
      expect(await tools.traces(customer, [productId])).toMatchObject({ orders: 1, reservations: 1, reserved: 1, payments: 0 });
    });

    it("keeps one customer's keys apart from another's", async () => {
      const productId = await tools.product({ onHand: 10 });
      const key = randomUUID();
      const [a, b] = [newCustomer(), newCustomer()];
      const first = await place(a, [{ productId, quantity: 1 }], key);
      const second = await place(b, [{ productId, quantity: 1 }], key);
      expect(second.id).not.toBe(first.id);
    });
  });

  describe('refusals that leave the order as it was', () => {
    it("refuses paying someone else's order", async () => {
      const productId = await tools.product();
      const order = await place(newCustomer(), [{ productId, quantity: 1 }]);
      const before = await state(order.id);
      const result = await execute(t.url, ConfirmPayment, { orderId: order.id, paymentMethod: 'pm_card_visa' }, { token: await t.token(newCustomer()) });
      expect(codesOf(result)).toEqual(['NOT_FOUND']);
      expect(await state(order.id)).toEqual(before);
    });

    it('refuses paying twice', async () => {
      const productId = await tools.product();
      const customer = newCustomer();
      const order = await paidOrder(customer, productId);
      const before = await state(order.id);
      const again = await execute(t.url, ConfirmPayment, { orderId: order.id, paymentMethod: 'pm_card_visa' }, { token: await t.token(customer) });
      expect(codesOf(again)).toEqual(['CONFLICT']);
      expect(again.errors![0].extensions?.reason).toBe('ALREADY_PAID');
      expect(await state(order.id)).toEqual(before);
    });

    it('refuses paying a cancelled order', async () => {
      const productId = await tools.product();
      const customer = newCustomer();
      const token = await t.token(customer);
      const order = await place(customer, [{ productId, quantity: 1 }]);
      expect((await execute(t.url, CancelOrder, { id: order.id }, { token })).data?.cancelOrder.status).toBe('CANCELLED');
      const before = await state(order.id);
      const result = await execute(t.url, ConfirmPayment, { orderId: order.id, paymentMethod: 'pm_card_visa' }, { token });
      expect(codesOf(result)).toEqual(['CONFLICT']);
      expect(result.errors![0].extensions?.reason).toBe('PAYMENT_CANCELED');
      expect(await state(order.id)).toEqual(before);
    });

    it('refuses cancelling a shipped order, for its owner and for staff', async () => {
      const productId = await tools.product();
      const customer = newCustomer();
      const order = await paidOrder(customer, productId);
      await execute(t.url, ShipOrder, { id: order.id }, { token: await tools.agent() });
      const before = await state(order.id);
      for (const token of [await t.token(customer), await tools.agent()]) {
        const result = await execute(t.url, CancelOrder, { id: order.id }, { token });
        expect(codesOf(result)).toEqual(['CONFLICT']);
        expect(result.errors![0].extensions).toMatchObject({ reason: 'ALREADY_SHIPPED', status: 'SHIPPED' });
      }
      expect(await state(order.id)).toEqual(before);
    });

    it('refuses shipping an unpaid order, and delivering an order not shipped', async () => {
      const productId = await tools.product();
      const order = await place(newCustomer(), [{ productId, quantity: 1 }]);
      const before = await state(order.id);
      const ship = await execute(t.url, ShipOrder, { id: order.id }, { token: await tools.agent() });
      expect(ship.errors![0]).toMatchObject({ message: `Order ${order.id} is not paid`, extensions: { code: 'CONFLICT', reason: 'NOT_PAID' } });
      const deliver = await execute(t.url, DeliverOrder, { id: order.id }, { token: await tools.agent() });
      expect(deliver.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_PAID' });
      expect(await state(order.id)).toEqual(before);
    });

    it('lets only agents and admins ship, deliver and refund', async () => {
      const productId = await tools.product();
      const customer = newCustomer();
      const order = await paidOrder(customer, productId);
      const before = await state(order.id);
      const token = await t.token(customer);
      expect(codesOf(await execute(t.url, ShipOrder, { id: order.id }, { token }))).toEqual(['FORBIDDEN']);
      expect(codesOf(await execute(t.url, DeliverOrder, { id: order.id }, { token }))).toEqual(['FORBIDDEN']);
      expect(codesOf(await execute(t.url, RefundOrder, { id: order.id }, { token }))).toEqual(['FORBIDDEN']);
      expect(await state(order.id)).toEqual(before);
    });

    it("answers NOT_FOUND to a customer cancelling someone else's order, as for an unknown one", async () => {
      const productId = await tools.product();
      const order = await place(newCustomer(), [{ productId, quantity: 1 }]);
      const before = await state(order.id);
      const token = await t.token(newCustomer());
      expect(codesOf(await execute(t.url, CancelOrder, { id: order.id }, { token }))).toEqual(['NOT_FOUND']);
      expect(codesOf(await execute(t.url, CancelOrder, { id: 'no-such-order' }, { token }))).toEqual(['NOT_FOUND']);
      expect((await execute(t.url, ReadOrder, { id: order.id }, { token })).data?.order).toBeNull();
      expect(await state(order.id)).toEqual(before);
    });
  });

  describe('cancelling and refunding', () => {
    it('cancels an unpaid order for its owner: payment cancelled, stock released, reason kept', async () => {
      const productId = await tools.product({ onHand: 5 });
      const customer = newCustomer();
      const order = await place(customer, [{ productId, quantity: 4 }]);
      const cancelled = await execute(t.url, CancelOrder, { id: order.id, reason: 'changed my mind' }, { token: await t.token(customer) });
      expect(cancelled.data!.cancelOrder).toMatchObject({ status: 'CANCELLED', payment: { status: 'CANCELED' } });
      expect(cancelled.data!.cancelOrder.statusHistory.at(-1)).toEqual({ from: 'AWAITING_PAYMENT', to: 'CANCELLED', actor: customer, reason: 'changed my mind' });
      await waitFor(async () => (await tools.reservation(order.id))?.status === ReservationStatus.RELEASED);
      expect(await tools.stock(productId)).toEqual({ onHand: 5, reserved: 0 });
      const twice = await execute(t.url, CancelOrder, { id: order.id }, { token: await t.token(customer) });
      expect(twice.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ORDER_CANCELLED' });
    });

    it('cancels a paid order for staff, refunds the payment in full and puts the sold unit back on hand', async () => {
      const productId = await tools.product({ priceAmount: 1999, onHand: 5 });
      const order = await paidOrder(newCustomer(), productId);
      await waitFor(async () => (await tools.reservation(order.id))?.status === ReservationStatus.COMMITTED);
      expect(await tools.stock(productId)).toEqual({ onHand: 4, reserved: 0 });
      const cancelled = await execute(t.url, CancelOrder, { id: order.id, reason: 'damaged in the warehouse' }, { token: await tools.agent() });
      expect(cancelled.data!.cancelOrder.status).toBe('CANCELLED');
      await waitFor(async () => (await tools.payment(order.id))?.status === 'REFUNDED');
      await waitFor(async () => (await tools.order(order.id)).refundedAmount === 1999);
      expect((await tools.order(order.id)).status).toBe('CANCELLED');
      await waitFor(async () => (await tools.reservation(order.id))?.status === ReservationStatus.RETURNED);
      expect(await tools.stock(productId)).toEqual({ onHand: 5, reserved: 0 });
    });

    it('puts the units of an order refunded in full before shipping back on hand, but not those of a shipped one', async () => {
      const changes = await recordEvents(t, [ORDER_EVENTS.statusChanged]);
      const productId = await tools.product({ priceAmount: 800, onHand: 5 });
      const agent = await tools.agent();
      const unshipped = await paidOrder(newCustomer(), productId);
      const shipped = await paidOrder(newCustomer(), productId);
      await waitFor(async () => (await tools.reservation(shipped.id))?.status === ReservationStatus.COMMITTED);
      await execute(t.url, ShipOrder, { id: shipped.id }, { token: agent });
      expect(await tools.stock(productId)).toEqual({ onHand: 3, reserved: 0 });

      const refunds = await Promise.all([unshipped, shipped].map((order) => execute(t.url, RefundOrder, { id: order.id, reason: 'goodwill' }, { token: agent })));
      expect(refunds.map((r) => r.data?.refundOrder.status)).toEqual(['REFUNDED', 'REFUNDED']);
      await waitFor(async () => (await tools.reservation(unshipped.id))?.status === ReservationStatus.RETURNED);
      expect(await tools.stock(productId)).toEqual({ onHand: 4, reserved: 0 });
      // The shipped parcel is with the customer: whether it comes back is for an agent to record (adjustStock).
      const refunded = (await waitFor(() => changes.find((e) => e.payload.orderId === shipped.id && e.payload.to === 'REFUNDED')))!;
      await waitFor(async () => (await t.stack.subgraphs.orders.orm.em.fork().count(ProcessedEventEntity, { key: `orders:${refunded.id}` })) === 1);
      expect((await tools.reservation(shipped.id))?.status).toBe(ReservationStatus.COMMITTED);
      expect(await tools.stock(productId)).toEqual({ onHand: 4, reserved: 0 });
    });

    it('refunds a delivered order in parts, REFUNDED once the whole total is returned', async () => {
      const refunds = await recordEvents(t, [PAYMENT_EVENTS.refunded]);
      const productId = await tools.product({ priceAmount: 3000 });
      const order = await paidOrder(newCustomer(), productId);
      const agent = await tools.agent();
      await execute(t.url, ShipOrder, { id: order.id }, { token: agent });
      await execute(t.url, DeliverOrder, { id: order.id }, { token: agent });

      const part = await execute(t.url, RefundOrder, { id: order.id, amount: 1000, reason: 'scratched' }, { token: agent });
      expect(part.data!.refundOrder).toMatchObject({ status: 'DELIVERED', refunded: { amount: 1000 } });
      const tooMuch = await execute(t.url, RefundOrder, { id: order.id, amount: 2001 }, { token: agent });
      expect(tooMuch.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amount' });

      const rest = await execute(t.url, RefundOrder, { id: order.id, reason: 'returned' }, { token: agent });
      expect(rest.data!.refundOrder).toMatchObject({ status: 'REFUNDED', refunded: { amount: 3000 }, payment: { status: 'REFUNDED' } });
      expect(rest.data!.refundOrder.statusHistory.at(-1)).toEqual({ from: 'DELIVERED', to: 'REFUNDED', actor: 'orders-test-agent', reason: 'returned' });
      // The payment.refunded events that follow find both refunds recorded: nothing moves twice.
      await waitFor(() => refunds.filter((e) => e.payload.orderId === order.id).length === 2);
      const ids = refunds.filter((e) => e.payload.orderId === order.id).map((e) => `orders:${e.id}`);
      await waitFor(async () => (await t.stack.subgraphs.orders.orm.em.fork().count(ProcessedEventEntity, { key: { $in: ids } })) === 2);
      const final = await tools.order(order.id);
      expect(final).toMatchObject({ status: 'REFUNDED', refundedAmount: 3000, version: rest.data!.refundOrder.version });
      const again = await execute(t.url, RefundOrder, { id: order.id }, { token: agent });
      expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REFUNDED' });
    });

    it('refunds once per idempotency key, however often and however concurrently the request is repeated', async () => {
      const productId = await tools.product({ priceAmount: 5000 });
      const order = await paidOrder(newCustomer(), productId);
      const agent = await tools.agent();
      const refund = (amount: number | null, idempotencyKey: string) => execute(t.url, RefundOrder, { id: order.id, amount, idempotencyKey }, { token: agent });

      // A retry after a timeout, and a burst of double clicks: one refund of 1000.
      expect((await refund(1000, 'return-1')).data!.refundOrder.refunded).toEqual({ amount: 1000 });
      const repeats = await Promise.all([refund(1000, 'return-1'), refund(1000, 'return-1'), refund(1000, 'return-1')]);
      expect(repeats.map((r) => r.data?.refundOrder.refunded.amount)).toEqual([1000, 1000, 1000]);
      const burst = await Promise.all(Array.from({ length: 5 }, () => refund(700, 'return-2')));
      expect(burst.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined, undefined]);
      expect(await tools.payment(order.id)).toMatchObject({ status: 'SUCCEEDED', refundedMinor: 1700 });
      expect((await tools.order(order.id)).refundedAmount).toBe(1700);

      // The key again with another amount is refused, nothing moves.
      const reused = await refund(900, 'return-1');
      expect(reused.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey', reason: 'IDEMPOTENCY_KEY_REUSED' });
      // More than is left, under a new key: refused as without a key, and the key stays free.
      expect((await refund(3301, 'return-3')).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amount' });
      expect((await tools.payment(order.id))?.refundedMinor).toBe(1700);

      // The rest, then its retry once the order is REFUNDED: answered, not refused, and still one refund.
      expect((await refund(null, 'return-3')).data!.refundOrder).toMatchObject({ status: 'REFUNDED', refunded: { amount: 5000 } });
      expect((await refund(null, 'return-3')).data!.refundOrder).toMatchObject({ status: 'REFUNDED', refunded: { amount: 5000 } });
      expect(await tools.payment(order.id)).toMatchObject({ status: 'REFUNDED', refundedMinor: 5000 });
      expect(await tools.providerRefunds(order.id)).toEqual([1000, 700, 3300]);
      expect(codesOf(await refund(1, ' '))).toEqual(['BAD_USER_INPUT']);
    });
  });
});
