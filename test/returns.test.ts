import { AuditEntryEntity } from '../subgraphs/catalog/audit.entity';
import { OrderEntity } from '../subgraphs/orders/order.entity';
import { ReturnRequestEntity } from '../subgraphs/shipping/return.entity';
import type { ShippingServices } from '../subgraphs/shipping/shipping.services';
import { NotificationEntity } from '../subgraphs/users/notification.entity';
import { graphql } from './__generated__/index';
import { codesOf, execute } from './support/graphql';
import { connect, type LiveClient } from './support/live';
import { ConfirmPayment, orderTools } from './support/orders';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const Place = graphql(`
  mutation ReturnsPlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) { id total { amount } subtotal { amount } shipping { methodId price { amount } } }
  }
`);

const Ship = graphql(`
  mutation ReturnsCreateShipment($orderId: ID!, $lines: [ShipmentLineInput!]) {
    createShipment(orderId: $orderId, lines: $lines) { id status trackingNumber trackingUrl }
  }
`);

const Watch = graphql(`
  subscription ReturnsWatchTracking($orderId: ID!) {
    shipmentTracking(orderId: $orderId) { id status }
  }
`);

graphql(`
  fragment ReturnFields on ReturnRequest {
    id
    orderId
    status
    reason
    value
    currency
    lines { productId quantity }
    carrier
    returnTrackingNumber
    returnTrackingUrl
    labelFormat
    labelContent
    restock
    refundAmount
    history { status at actor note }
  }
`);

const RequestReturn = graphql(`
  mutation ReturnsRequest($orderId: ID!, $lines: [ReturnLineInput!]!, $reason: String!) {
    requestReturn(orderId: $orderId, lines: $lines, reason: $reason) { ...ReturnFields }
  }
`);

const Approve = graphql(`
  mutation ReturnsApprove($id: ID!) {
    approveReturn(id: $id) { ...ReturnFields }
  }
`);

const Refuse = graphql(`
  mutation ReturnsRefuse($id: ID!, $note: String!) {
    refuseReturn(id: $id, note: $note) { ...ReturnFields }
  }
`);

const Receive = graphql(`
  mutation ReturnsReceive($id: ID!, $restock: Boolean!, $refundAmount: Int) {
    receiveReturn(id: $id, restock: $restock, refundAmount: $refundAmount) { ...ReturnFields }
  }
`);

const Returns = graphql(`
  query ReturnsOfOrder($orderId: ID!) {
    returns(orderId: $orderId) { ...ReturnFields }
  }
`);

const OrderRefunded = graphql(`
  query ReturnsOrder($id: ID!) {
    order(id: $id) { id status refunded { amount } total { amount } shipments { status history { status } } returns { status history { status actor } } }
  }
`);

const WatchOrder = graphql(`
  subscription ReturnsWatchOrder($orderId: ID!) {
    orderStatusChanged(orderId: $orderId) { id status shipments { id status trackingNumber history { status } } }
  }
`);

const address = { recipient: 'Ada Lovelace', line1: '1 rue de Rivoli', city: 'Paris', postalCode: '75001', country: 'FR' };

describe('returns through the gateway', () => {
  let t: TestStack;
  let live: LiveClient | null = null;
  const tools = orderTools(() => t);
  const simulated = () => (t.stack.subgraphs.shipping.services as ShippingServices).simulated!;
  const webhookUrl = () => t.stack.subgraphs.shipping.url.replace(/\/graphql$/, '/webhooks/carrier/simulated');
  const post = (webhook: { body: string; headers: Record<string, string> }) => fetch(webhookUrl(), { method: 'POST', body: webhook.body, headers: webhook.headers });
  const returnRows = (orderId: string) => t.stack.subgraphs.shipping.orm.em.fork().count(ReturnRequestEntity, { orderId });
  const audited = (entityId: string) => t.stack.subgraphs.catalog.orm.em.fork().find(AuditEntryEntity, { entityId }, { orderBy: { at: 'asc' } });

  beforeAll(async () => {
    t = await startTestStack({ env: { SHIPPING_RETRY_INTERVAL_MS: '100' } });
  });
  afterEach(async () => {
    await live?.dispose();
    live = null;
  });
  afterAll(() => t.stop());

  /** A paid order of two products (two units of the first at 1250, one of the second at 800) shipping to France by Express (1290). */
  async function paidOrder(): Promise<{ orderId: string; token: string; customerId: string; products: string[] }> {
    const products = [await tools.product({ weightGrams: 300 }), await tools.product({ weightGrams: 500, priceAmount: 800 })];
    const customerId = await tools.customer();
    const token = await t.token(customerId);
    const lines = [{ productId: products[0], quantity: 2 }, { productId: products[1], quantity: 1 }];
    const placed = await execute(t.url, Place, { input: { lines, shipping: { address, methodId: 'demo-method-fr-express' } } }, { token });
    expect(placed.data?.placeOrder).toMatchObject({ subtotal: { amount: 3300 }, total: { amount: 4590 }, shipping: { methodId: 'demo-method-fr-express', price: { amount: 1290 } } });
    const orderId = placed.data!.placeOrder.id;
    await execute(t.url, ConfirmPayment, { orderId, paymentMethod: 'pm_card_visa' }, { token });
    await tools.settled(orderId, 'PAID');
    return { orderId, token, customerId, products };
  }

  it('places with a chosen method, pays, ships in two shipments tracked live by webhook, delivers, returns one line and refunds it', async () => {
    const agent = await tools.agent();
    const { orderId, token, customerId, products } = await paidOrder();
    live = connect(t.url, { authorization: `Bearer ${token}` });

    const first = await execute(t.url, Ship, { orderId, lines: [{ productId: products[0], quantity: 2 }] }, { token: agent });
    expect(first.data?.createShipment.status).toBe('LABEL_CREATED');
    await tools.settled(orderId, 'PARTIALLY_SHIPPED');
    const watch = live.subscribe(Watch, { orderId });
    await watch.count(1);
    const orderWatch = live.subscribe(WatchOrder, { orderId });
    await orderWatch.count(1);
    const second = await execute(t.url, Ship, { orderId }, { token: agent });
    expect(second.data?.createShipment.status).toBe('LABEL_CREATED');
    await tools.settled(orderId, 'SHIPPED');

    // Nothing is delivered yet: nothing can be returned.
    const early = await execute(t.url, RequestReturn, { orderId, lines: [{ productId: products[0], quantity: 1 }], reason: 'Too small' }, { token });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MORE_THAN_DELIVERED', field: 'lines.0.quantity', delivered: 0 });

    for (const shipment of [first.data!.createShipment, second.data!.createShipment]) {
      for (let i = 0; i < 3; i++) expect((await post(simulated().advance(shipment.trackingNumber!))).status).toBe(200);
    }
    await tools.settled(orderId, 'DELIVERED');
    await waitFor(() => ['IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'].every((status) => watch.data.some((d) => d.shipmentTracking.status === status)));
    await waitFor(() => watch.data.filter((d) => d.shipmentTracking.status === 'DELIVERED').length >= 1 && watch.data.at(-1)?.shipmentTracking.status === 'DELIVERED');

    // The order's own subscription carries the shipments' tracking in its selection.
    await waitFor(() => orderWatch.data.at(-1)?.orderStatusChanged.status === 'DELIVERED');
    expect(orderWatch.data.at(-1)?.orderStatusChanged.shipments.map((sh) => sh.history.map((h) => h.status))).toEqual([
      ['LABEL_CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'],
      ['LABEL_CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'],
    ]);

    // The notification worker mailed each parcel as it shipped and as it was delivered.
    const mailed = () => t.stack.subgraphs.users.orm.em.fork().find(NotificationEntity, { userId: customerId, eventType: 'shipment.updated' });
    await waitFor(async () => (await mailed()).length === 4);
    expect((await mailed()).map((n) => n.kind).sort()).toEqual(['parcel-delivered', 'parcel-delivered', 'parcel-shipped', 'parcel-shipped']);

    // Refusals, each writing nothing: more than delivered, someone else's order, no reason.
    const tooMany = await execute(t.url, RequestReturn, { orderId, lines: [{ productId: products[1], quantity: 2 }], reason: 'Broken' }, { token });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MORE_THAN_DELIVERED', field: 'lines.0.quantity', delivered: 1 });
    const stranger = await t.token(await tools.customer());
    expect(codesOf(await execute(t.url, RequestReturn, { orderId, lines: [{ productId: products[1], quantity: 1 }], reason: 'Mine now' }, { token: stranger }))).toEqual(['NOT_FOUND']);
    const blank = await execute(t.url, RequestReturn, { orderId, lines: [{ productId: products[1], quantity: 1 }], reason: '  ' }, { token });
    expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(await returnRows(orderId)).toBe(0);

    // The customer returns one unit of the first line.
    const requested = await execute(t.url, RequestReturn, { orderId, lines: [{ productId: products[0], quantity: 1 }], reason: 'Too small' }, { token });
    expect(requested.errors).toBeUndefined();
    const returned = requested.data!.requestReturn;
    expect(returned).toMatchObject({ orderId, status: 'REQUESTED', reason: 'Too small', value: 1250, currency: 'EUR', lines: [{ productId: products[0], quantity: 1 }], returnTrackingNumber: null });
    // Twice for the same units: refused, nothing written.
    const twice = await execute(t.url, RequestReturn, { orderId, lines: [{ productId: products[0], quantity: 2 }], reason: 'Both too small' }, { token });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'RETURN_ALREADY_REQUESTED', returnable: 1 });
    expect(await returnRows(orderId)).toBe(1);
    expect(codesOf(await execute(t.url, Returns, { orderId }, { token: stranger }))).toEqual(['NOT_FOUND']);

    // Only staff approve; the approval buys a return label.
    expect(codesOf(await execute(t.url, Approve, { id: returned.id }, { token }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await execute(t.url, Receive, { id: returned.id, restock: true }, { token: agent }))).toEqual(['CONFLICT']);
    const approved = await execute(t.url, Approve, { id: returned.id }, { token: agent });
    expect(approved.data?.approveReturn).toMatchObject({ status: 'APPROVED', carrier: 'simulated', labelFormat: 'PDF' });
    expect(approved.data?.approveReturn.returnTrackingNumber).toMatch(/^SIM/);
    expect(approved.data?.approveReturn.labelContent).toBeTruthy();
    expect((await execute(t.url, Approve, { id: returned.id }, { token: agent })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'RETURN_STATUS', status: 'APPROVED' });

    // The customer is mailed how to send it back.
    const returnMails = (kind: string) => t.stack.subgraphs.users.orm.em.fork().find(NotificationEntity, { userId: customerId, eventType: 'return.updated', kind });
    await waitFor(async () => (await returnMails('return-label')).length === 1);

    // Received: restocked, and the unit's price refunded through payments.
    const stockBefore = await tools.stock(products[0]);
    const tooMuch = await execute(t.url, Receive, { id: returned.id, restock: true, refundAmount: 1251 }, { token: agent });
    expect(tooMuch.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'refundAmount' });
    const received = await execute(t.url, Receive, { id: returned.id, restock: true }, { token: agent });
    expect(received.errors).toBeUndefined();
    expect(received.data?.receiveReturn).toMatchObject({ status: 'REFUNDED', restock: true, refundAmount: 1250 });
    expect(received.data?.receiveReturn.history.map((h) => h.status)).toEqual(['REQUESTED', 'APPROVED', 'RECEIVED', 'REFUNDED']);
    expect(received.data?.receiveReturn.history.every((h) => !Number.isNaN(Date.parse(h.at)))).toBe(true);
    expect(await tools.stock(products[0])).toEqual({ onHand: stockBefore.onHand + 1, reserved: stockBefore.reserved });
    await waitFor(async () => (await execute(t.url, OrderRefunded, { id: orderId }, { token })).data?.order?.refunded.amount === 1250);
    // Again: answered as it is, no second refund, no second restock.
    const again = await execute(t.url, Receive, { id: returned.id, restock: true }, { token: agent });
    expect(again.data?.receiveReturn.status).toBe('REFUNDED');
    expect(await tools.stock(products[0])).toEqual({ onHand: stockBefore.onHand + 1, reserved: stockBefore.reserved });
    const order = await execute(t.url, OrderRefunded, { id: orderId }, { token });
    expect(order.data?.order).toMatchObject({ status: 'DELIVERED', refunded: { amount: 1250 }, total: { amount: 4590 } });
    // The order shows its shipments and the return's steps; the customer was the actor of the request, the agent of the rest.
    expect(order.data?.order?.shipments.map((sh) => sh.status)).toEqual(['DELIVERED', 'DELIVERED']);
    expect(order.data?.order?.returns[0].history.map((h) => [h.status, h.actor])).toEqual([
      ['REQUESTED', customerId],
      ['APPROVED', 'orders-test-agent'],
      ['RECEIVED', 'orders-test-agent'],
      ['REFUNDED', 'orders-test-agent'],
    ]);
    const agentView = await execute(t.url, OrderRefunded, { id: orderId }, { token: agent });
    expect(agentView.data?.order?.returns.map((r) => r.status)).toEqual(['REFUNDED']);
    expect(await tools.providerRefunds(orderId)).toEqual([1250]);

    // Every step audited, attributed.
    await waitFor(async () => (await audited(returned.id)).length === 4);
    expect((await audited(returned.id)).map((a) => [a.action, a.service])).toEqual([
      ['return.requested', 'shipping'],
      ['return.approved', 'shipping'],
      ['return.received', 'shipping'],
      ['return.refunded', 'shipping'],
    ]);
    const listed = await execute(t.url, Returns, { orderId }, { token });
    expect(listed.data?.returns.map((r) => r.status)).toEqual(['REFUNDED']);
  });

  it('lets staff refuse a return (the units may be asked for again), refunds in part without restocking, and closes the window', async () => {
    const agent = await tools.agent();
    const { orderId, token, customerId, products } = await paidOrder();
    const shipped = await execute(t.url, Ship, { orderId }, { token: agent });
    const trackingNumber = shipped.data!.createShipment.trackingNumber!;
    for (let i = 0; i < 3; i++) await post(simulated().advance(trackingNumber));
    await tools.settled(orderId, 'DELIVERED');

    const asked = await execute(t.url, RequestReturn, { orderId, lines: [{ productId: products[1], quantity: 1 }], reason: 'Changed my mind' }, { token });
    const refused = await execute(t.url, Refuse, { id: asked.data!.requestReturn.id, note: 'Opened and used' }, { token: agent });
    expect(refused.data?.refuseReturn).toMatchObject({ status: 'REFUSED', history: [{ status: 'REQUESTED' }, { status: 'REFUSED', note: 'Opened and used' }] });
    expect((await execute(t.url, Approve, { id: asked.data!.requestReturn.id }, { token: agent })).errors?.[0].extensions).toMatchObject({ reason: 'RETURN_STATUS', status: 'REFUSED' });
    await waitFor(async () => (await t.stack.subgraphs.users.orm.em.fork().count(NotificationEntity, { userId: customerId, eventType: 'return.updated', kind: 'return-refused' })) === 1);

    const again = await execute(t.url, RequestReturn, { orderId, lines: [{ productId: products[1], quantity: 1 }], reason: 'It arrived damaged' }, { token });
    expect(again.data?.requestReturn.status).toBe('REQUESTED');
    // The carrier down: approved without a label, bought by the background retry once it is back.
    simulated().available = false;
    try {
      const pending = await execute(t.url, Approve, { id: again.data!.requestReturn.id }, { token: agent });
      expect(pending.data?.approveReturn).toMatchObject({ status: 'APPROVED', returnTrackingNumber: null });
    } finally {
      simulated().available = true;
    }
    await waitFor(async () => (await execute(t.url, Returns, { orderId }, { token })).data?.returns[1].returnTrackingNumber?.startsWith('SIM'), { timeout: 20_000 });
    const stockBefore = await tools.stock(products[1]);
    const received = await execute(t.url, Receive, { id: again.data!.requestReturn.id, restock: false, refundAmount: 500 }, { token: agent });
    expect(received.data?.receiveReturn).toMatchObject({ status: 'REFUNDED', restock: false, refundAmount: 500, value: 800 });
    expect(await tools.stock(products[1])).toEqual(stockBefore);
    await waitFor(async () => (await t.stack.subgraphs.orders.orm.em.fork().findOneOrFail(OrderEntity, { id: orderId })).refundedAmount === 500);

    // Two requests for the same units at once: one return, the other refused.
    const racing = await Promise.all(
      [1, 2].map(() => execute(t.url, RequestReturn, { orderId, lines: [{ productId: products[0], quantity: 2 }], reason: 'Wrong colour' }, { token })),
    );
    expect(racing.map((r) => r.data?.requestReturn.status ?? r.errors?.[0].extensions?.reason).sort()).toEqual(['REQUESTED', 'RETURN_ALREADY_REQUESTED']);
    expect(await returnRows(orderId)).toBe(3);

    // A delivery more than RETURN_WINDOW_DAYS (30) ago: the window is closed; nothing written.
    const late = await paidOrder();
    const lateShipment = await execute(t.url, Ship, { orderId: late.orderId }, { token: agent });
    const longAgo = new Date(Date.now() - 31 * 86_400_000);
    await post(simulated().signed([{ trackingNumber: lateShipment.data!.createShipment.trackingNumber!, status: 'DELIVERED', occurredAt: longAgo, description: 'Delivered', location: null }]));
    await tools.settled(late.orderId, 'DELIVERED');
    const closed = await execute(t.url, RequestReturn, { orderId: late.orderId, lines: [{ productId: late.products[0], quantity: 1 }], reason: 'Too late?' }, { token: late.token });
    expect(closed.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'RETURN_WINDOW_CLOSED', deliveredAt: longAgo.toISOString() });
    expect(await returnRows(late.orderId)).toBe(0);
  });
});
