import { AuditEntryEntity } from '../subgraphs/catalog/audit.entity';
import { OrderEntity } from '../subgraphs/orders/order.entity';
import { ShipmentEntity } from '../subgraphs/shipping/shipment.entity';
import type { ShippingServices } from '../subgraphs/shipping/shipping.services';
import { ShippingMethodEntity, ShippingZoneEntity } from '../subgraphs/shipping/zone.entity';
import { graphql } from './__generated__/index';
import { codesOf, execute } from './support/graphql';
import { connect, type LiveClient } from './support/live';
import { ConfirmPayment, orderTools } from './support/orders';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const CreateZone = graphql(`
  mutation ShippingCreateZone($input: ShippingZoneInput!) {
    createShippingZone(input: $input) { id name countries regions }
  }
`);

const AddMethod = graphql(`
  mutation ShippingAddMethod($zoneId: ID!, $input: ShippingMethodInput!) {
    addShippingMethod(zoneId: $zoneId, input: $input) { id name kind bands { from to amount } freeOver minDays maxDays active }
  }
`);

const SetMethodActive = graphql(`
  mutation ShippingSetMethodActive($id: ID!, $active: Boolean!) {
    setShippingMethodActive(id: $id, active: $active) { id active }
  }
`);

const Zones = graphql(`
  query ShippingZones {
    shippingZones { id name countries methods { id name kind active } }
  }
`);

graphql(`
  fragment ShippingOptionFields on ShippingOption {
    methodId
    name
    kind
    price { amount currency }
    minDays
    maxDays
    pickupLocation
  }
`);

graphql(`
  fragment CartShippingFields on Cart {
    total { amount }
    shippingAddress { country region city }
    shippingOptions { ...ShippingOptionFields }
    shippingMethod { ...ShippingOptionFields }
  }
`);

const AddToCart = graphql(`
  mutation ShippingAddToCart($productId: ID!, $quantity: Int!) {
    addToCart(productId: $productId, quantity: $quantity) { total { amount } }
  }
`);

const SetAddress = graphql(`
  mutation ShippingSetAddress($address: ShippingAddressInput!) {
    setCartShippingAddress(address: $address) { ...CartShippingFields }
  }
`);

const ChooseMethod = graphql(`
  mutation ShippingChooseMethod($methodId: ID!) {
    chooseShippingMethod(methodId: $methodId) { ...CartShippingFields }
  }
`);

const PlaceFromCart = graphql(`
  mutation ShippingPlaceFromCart {
    placeOrderFromCart { id status total { amount currency } subtotal { amount } shipping { methodId methodName price { amount } minDays maxDays address { country city } } }
  }
`);

const PlaceWithShipping = graphql(`
  mutation ShippingPlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) { id total { amount } subtotal { amount } shipping { methodId price { amount } } }
  }
`);

const CreateShipment = graphql(`
  mutation ShippingCreateShipment($orderId: ID!, $lines: [ShipmentLineInput!], $carrier: String) {
    createShipment(orderId: $orderId, lines: $lines, carrier: $carrier) { id orderId status carrier trackingNumber trackingUrl labelFormat labelAttempts lines { productId quantity } }
  }
`);

const Shipments = graphql(`
  query ShippingShipments($orderId: ID!) {
    shipments(orderId: $orderId) { id status version history { status description } }
  }
`);

const WatchTracking = graphql(`
  subscription ShippingWatchTracking($orderId: ID!) {
    shipmentTracking(orderId: $orderId) { id status trackingNumber history { status } }
  }
`);

const address = (country: string, region?: string) => ({ recipient: 'Ada Lovelace', line1: '1 rue de Rivoli', city: 'Paris', postalCode: '75001', country, region });

describe('shipping through the gateway', () => {
  let t: TestStack;
  const tools = orderTools(() => t);
  const shippingDb = () => t.stack.subgraphs.shipping.orm.em.fork();

  beforeAll(async () => {
    t = await startTestStack({ env: { SHIPPING_RETRY_INTERVAL_MS: '100' } });
  });
  afterAll(() => t.stop());

  it('lets staff configure zones and methods, audited, and refuses customers', async () => {
    const agent = await tools.agent();
    const zone = await execute(t.url, CreateZone, { input: { name: 'Benelux', countries: ['be', 'NL', 'LU'] } }, { token: agent });
    expect(zone.data?.createShippingZone).toMatchObject({ name: 'Benelux', countries: ['BE', 'NL', 'LU'], regions: [] });
    const zoneId = zone.data!.createShippingZone.id;
    const method = await execute(
      t.url,
      AddMethod,
      { zoneId, input: { name: 'Parcel', kind: 'WEIGHT', currency: 'EUR', bands: [{ from: 0, to: 2000, amount: 600 }, { from: 2000, amount: 1100 }], freeOver: 10000, minDays: 2, maxDays: 5 } },
      { token: agent },
    );
    expect(method.data?.addShippingMethod).toMatchObject({ kind: 'WEIGHT', bands: [{ from: 0, to: 2000, amount: 600 }, { from: 2000, to: null, amount: 1100 }], active: true });
    const listed = await execute(t.url, Zones, {}, { token: agent });
    expect(listed.data?.shippingZones.find((z) => z.id === zoneId)?.methods).toEqual([{ id: method.data!.addShippingMethod.id, name: 'Parcel', kind: 'WEIGHT', active: true }]);
    await waitFor(async () => (await t.stack.subgraphs.catalog.orm.em.fork().count(AuditEntryEntity, { entityId: zoneId, action: 'shipping_zone.created' })) === 1);

    const customer = await t.token(await tools.customer());
    expect(codesOf(await execute(t.url, CreateZone, { input: { name: 'Mine', countries: ['FR'] } }, { token: customer }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await execute(t.url, Zones, {}, { token: customer }))).toEqual(['FORBIDDEN']);
  });

  it('refuses a weight band gap at configuration, writing nothing', async () => {
    const agent = await tools.agent();
    const zoneId = (await execute(t.url, CreateZone, { input: { name: 'Nordics', countries: ['SE', 'DK'] } }, { token: agent })).data!.createShippingZone.id;
    const gap = await execute(
      t.url,
      AddMethod,
      { zoneId, input: { name: 'Gappy', kind: 'WEIGHT', currency: 'EUR', bands: [{ from: 0, to: 1000, amount: 500 }, { from: 1500, amount: 900 }], minDays: 1, maxDays: 3 } },
      { token: agent },
    );
    expect(gap.errors?.[0]).toMatchObject({ message: 'bands.1 starts at 1500, leaving a gap from 1000: bands must be contiguous from 0', extensions: { code: 'BAD_USER_INPUT', field: 'bands.1.from' } });
    const unknownZone = await execute(t.url, AddMethod, { zoneId: 'no-such-zone', input: { name: 'Flat', kind: 'FLAT', currency: 'EUR', amount: 500, minDays: 1, maxDays: 3 } }, { token: agent });
    expect(codesOf(unknownZone)).toEqual(['NOT_FOUND']);
    const badZone = await execute(t.url, CreateZone, { input: { name: 'Nowhere', countries: ['Narnia'] } }, { token: agent });
    expect(badZone.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'countries.0' });
    expect(await shippingDb().count(ShippingMethodEntity, { zoneId: { $in: [zoneId, 'no-such-zone'] } })).toBe(0);
    expect(await shippingDb().count(ShippingZoneEntity, { name: 'Nowhere' })).toBe(0);
  });

  it("prices the cart's options for its address and contents, and places the order with the chosen method as its own line", async () => {
    // The demo zone France: Colissimo by weight (0-1 kg 4.90, free from 60.00), Express 12.90 flat, pickup free.
    const productId = await tools.product({ priceAmount: 1500, weightGrams: 400 });
    const customerId = await tools.customer();
    const token = await t.token(customerId);
    await execute(t.url, AddToCart, { productId, quantity: 2 }, { token });
    const set = await execute(t.url, SetAddress, { address: address('fr', 'fr-75') }, { token });
    expect(set.data?.setCartShippingAddress.shippingAddress).toEqual({ country: 'FR', region: 'FR-75', city: 'Paris' });
    expect(set.data?.setCartShippingAddress.shippingOptions?.map((o) => [o.name, o.kind, o.price.amount, o.minDays, o.maxDays])).toEqual([
      ['Pickup at the Paris shop', 'PICKUP', 0, 0, 1],
      ['Colissimo', 'WEIGHT', 490, 2, 4],
      ['Express', 'FLAT', 1290, 1, 1],
    ]);
    expect(set.data?.setCartShippingAddress.shippingMethod).toBeNull();

    // Two more units make 1.6 kg (the next band) and 60.00 (free over the threshold).
    await execute(t.url, AddToCart, { productId, quantity: 2 }, { token });
    const chosen = await execute(t.url, ChooseMethod, { methodId: 'demo-method-fr-express' }, { token });
    expect(chosen.data?.chooseShippingMethod.shippingMethod).toMatchObject({ name: 'Express', price: { amount: 1290, currency: 'EUR' } });
    expect(chosen.data?.chooseShippingMethod.shippingOptions?.find((o) => o.name === 'Colissimo')?.price.amount).toBe(0);

    const placed = await execute(t.url, PlaceFromCart, {}, { token });
    expect(placed.data?.placeOrderFromCart).toMatchObject({
      status: 'AWAITING_PAYMENT',
      subtotal: { amount: 6000 },
      total: { amount: 7290, currency: 'EUR' },
      shipping: { methodId: 'demo-method-fr-express', methodName: 'Express', price: { amount: 1290 }, minDays: 1, maxDays: 1, address: { country: 'FR', city: 'Paris' } },
    });
    // The payment is made when the customer pays: for the total, the shipping line on its receipt.
    const orderId = placed.data!.placeOrderFromCart.id;
    const paid = await execute(t.url, ConfirmPayment, { orderId, paymentMethod: 'pm_card_visa' }, { token });
    expect(paid.data?.confirmPayment.status).toBe('SUCCEEDED');
    const payment = await tools.payment(orderId);
    expect(payment?.amountMinor).toBe(7290);
    expect(payment?.lines).toContainEqual({ productId: 'shipping:demo-method-fr-express', quantity: 1, unitPrice: 1290 });
  });

  it('offers nothing outside every zone and refuses placement there with a clear code, writing nothing', async () => {
    const productId = await tools.product({ weightGrams: 300 });
    const customerId = await tools.customer();
    const token = await t.token(customerId);
    await execute(t.url, AddToCart, { productId, quantity: 1 }, { token });
    const set = await execute(t.url, SetAddress, { address: address('US') }, { token });
    expect(set.data?.setCartShippingAddress.shippingOptions).toEqual([]);
    const chosen = await execute(t.url, ChooseMethod, { methodId: 'demo-method-fr-express' }, { token });
    expect(chosen.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_SHIPPING_TO_ADDRESS', country: 'US' });

    const placed = await execute(t.url, PlaceWithShipping, { input: { lines: [{ productId, quantity: 1 }], shipping: { address: address('US'), methodId: 'demo-method-fr-express' } } }, { token });
    expect(placed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_SHIPPING_TO_ADDRESS', field: 'shipping.address' });
    const fromCart = await execute(t.url, PlaceFromCart, {}, { token });
    expect(fromCart.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cart.shippingMethod' });
    expect(await t.stack.subgraphs.orders.orm.em.fork().count(OrderEntity, { customerId })).toBe(0);
    expect(await tools.stock(productId)).toEqual({ onHand: 10, reserved: 0 });
  });

  it('refuses a method not offered for the address, an inactive one, and a bad address', async () => {
    const productId = await tools.product({ weightGrams: 300 });
    const customerId = await tools.customer();
    const token = await t.token(customerId);
    const lines = [{ productId, quantity: 1 }];
    // The EU zone's method does not serve France.
    const otherZone = await execute(t.url, PlaceWithShipping, { input: { lines, shipping: { address: address('FR'), methodId: 'demo-method-eu-standard' } } }, { token });
    expect(otherZone.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SHIPPING_METHOD_UNAVAILABLE', field: 'shipping.methodId' });
    const badRegion = await execute(t.url, PlaceWithShipping, { input: { lines, shipping: { address: address('FR', 'DE-BY'), methodId: 'demo-method-fr-express' } } }, { token });
    expect(badRegion.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'shipping.address.region' });
    const blank = await execute(t.url, PlaceWithShipping, { input: { lines, shipping: { address: { ...address('FR'), city: ' ' }, methodId: 'demo-method-fr-express' } } }, { token });
    expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'shipping.address.city' });

    const agent = await tools.agent();
    const zoneId = (await execute(t.url, CreateZone, { input: { name: 'Switzerland', countries: ['CH'] } }, { token: agent })).data!.createShippingZone.id;
    const methodId = (await execute(t.url, AddMethod, { zoneId, input: { name: 'Post', kind: 'FLAT', currency: 'EUR', amount: 900, minDays: 2, maxDays: 3 } }, { token: agent })).data!.addShippingMethod.id;
    await execute(t.url, SetMethodActive, { id: methodId, active: false }, { token: agent });
    const inactive = await execute(t.url, PlaceWithShipping, { input: { lines, shipping: { address: address('CH'), methodId } } }, { token });
    expect(inactive.errors?.[0].extensions).toMatchObject({ reason: 'NO_SHIPPING_TO_ADDRESS' });
    await execute(t.url, SetMethodActive, { id: methodId, active: true }, { token: agent });
    const placed = await execute(t.url, PlaceWithShipping, { input: { lines, shipping: { address: address('CH'), methodId } } }, { token });
    expect(placed.data?.placeOrder).toMatchObject({ subtotal: { amount: 1250 }, total: { amount: 2150 }, shipping: { methodId, price: { amount: 900 } } });
    expect(await t.stack.subgraphs.orders.orm.em.fork().count(OrderEntity, { customerId })).toBe(1);
  });

  describe('shipments', () => {
    let live: LiveClient | null = null;
    afterEach(async () => {
      await live?.dispose();
      live = null;
    });
    const simulated = () => (t.stack.subgraphs.shipping.services as ShippingServices).simulated!;
    const webhookUrl = () => t.stack.subgraphs.shipping.url.replace(/\/graphql$/, '/webhooks/carrier/simulated');
    const post = (webhook: { body: string; headers: Record<string, string> }) => fetch(webhookUrl(), { method: 'POST', body: webhook.body, headers: webhook.headers });
    const shipment = (id: string) => t.stack.subgraphs.shipping.orm.em.fork().findOneOrFail(ShipmentEntity, { id });

    /** A paid order of two products (two units of the first) shipping to France by Express. */
    async function paidOrder(): Promise<{ orderId: string; token: string; products: string[] }> {
      const products = [await tools.product({ weightGrams: 300 }), await tools.product({ weightGrams: 500 })];
      const token = await t.token(await tools.customer());
      const lines = [{ productId: products[0], quantity: 2 }, { productId: products[1], quantity: 1 }];
      const placed = await execute(t.url, PlaceWithShipping, { input: { lines, shipping: { address: address('FR'), methodId: 'demo-method-fr-express' } } }, { token });
      const orderId = placed.data!.placeOrder.id;
      await execute(t.url, ConfirmPayment, { orderId, paymentMethod: 'pm_card_visa' }, { token });
      await tools.settled(orderId, 'PAID');
      return { orderId, token, products };
    }

    it('ships an order in two shipments, tracks them by signed webhook, and delivers it when both are delivered', async () => {
      const agent = await tools.agent();
      const { orderId, token, products } = await paidOrder();
      const first = await execute(t.url, CreateShipment, { orderId, lines: [{ productId: products[0], quantity: 2 }] }, { token: agent });
      expect(first.data?.createShipment).toMatchObject({ status: 'LABEL_CREATED', carrier: 'simulated', labelFormat: 'PDF', lines: [{ productId: products[0], quantity: 2 }] });
      expect(first.data?.createShipment.trackingNumber).toMatch(/^SIM/);
      await tools.settled(orderId, 'PARTIALLY_SHIPPED');

      // The customer watches tracking live: the current shipment first, then every change.
      live = connect(t.url, { authorization: `Bearer ${token}` });
      const watch = live.subscribe(WatchTracking, { orderId });
      await watch.count(1);
      expect(watch.data[0].shipmentTracking).toMatchObject({ id: first.data!.createShipment.id, status: 'LABEL_CREATED' });
      const strangerLive = connect(t.url, { authorization: `Bearer ${await t.token(await tools.customer())}` });
      const refused = strangerLive.subscribe(WatchTracking, { orderId });
      await refused.count(1);
      expect(refused.messages[0].errors?.[0].extensions?.code).toBe('NOT_FOUND');
      await strangerLive.dispose();

      const tooMany = await execute(t.url, CreateShipment, { orderId, lines: [{ productId: products[0], quantity: 1 }] }, { token: agent });
      expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lines.0.quantity' });
      expect(codesOf(await execute(t.url, CreateShipment, { orderId }, { token }))).toEqual(['FORBIDDEN']);

      const second = await execute(t.url, CreateShipment, { orderId }, { token: agent });
      expect(second.errors).toBeUndefined();
      expect(second.data?.createShipment.lines).toEqual([{ productId: products[1], quantity: 1 }]);
      await tools.settled(orderId, 'SHIPPED');
      expect(await t.stack.subgraphs.shipping.orm.em.fork().count(ShipmentEntity, { orderId })).toBe(2);

      const [a, b] = [first.data!.createShipment, second.data!.createShipment];
      const inTransit = simulated().advance(a.trackingNumber!);
      expect((await post(inTransit)).status).toBe(200);
      const before = await shipment(a.id);
      expect(before.status).toBe('IN_TRANSIT');

      // A bad signature: 400, nothing changes.
      const forged = simulated().advance(a.trackingNumber!);
      const tampered = await post({ body: forged.body, headers: { ...forged.headers, 'x-simulated-carrier-signature': forged.headers['x-simulated-carrier-signature'].replace(/v1=(.)/, (_, c: string) => `v1=${c === '0' ? '1' : '0'}`) } });
      expect(tampered.status).toBe(400);
      expect((await shipment(a.id)).version).toBe(before.version);
      // A replay: 200, nothing changes.
      const replay = await post(inTransit);
      expect(await replay.json()).toEqual({ received: true, changed: 0 });
      expect((await shipment(a.id)).version).toBe(before.version);

      await post(forged);
      const delivered = simulated().advance(a.trackingNumber!);
      await post(delivered);
      expect((await shipment(a.id)).status).toBe('DELIVERED');
      // Out of order: the earlier in-transit report, arriving late and re-signed, does not move it back.
      const late = simulated().signed([{ trackingNumber: a.trackingNumber!, status: 'IN_TRANSIT', occurredAt: new Date(Date.now() - 60_000), description: 'Late scan', location: null }]);
      expect((await post(late)).status).toBe(200);
      expect((await shipment(a.id)).status).toBe('DELIVERED');
      expect((await t.stack.subgraphs.orders.orm.em.fork().findOneOrFail(OrderEntity, { id: orderId })).status).toBe('SHIPPED');

      for (let i = 0; i < 3; i++) await post(simulated().advance(b.trackingNumber!));
      await tools.settled(orderId, 'DELIVERED');
      await waitFor(() => watch.data.some((d) => d.shipmentTracking.id === b.id && d.shipmentTracking.status === 'DELIVERED'));
      const statusesOfA = watch.data.filter((d) => d.shipmentTracking.id === a.id).map((d) => d.shipmentTracking.status);
      expect(statusesOfA).toEqual(expect.arrayContaining(['LABEL_CREATED', 'IN_TRANSIT', 'DELIVERED']));
      // Once delivered, every later message (the late scan) still says DELIVERED.
      expect(statusesOfA.slice(statusesOfA.indexOf('DELIVERED')).every((status) => status === 'DELIVERED')).toBe(true);
      const seen = await execute(t.url, Shipments, { orderId }, { token });
      expect(seen.data?.shipments.map((s) => s.status)).toEqual(['DELIVERED', 'DELIVERED']);
      // The late scan is kept in the history, in time order, without moving the status back.
      expect(seen.data?.shipments[0].history.map((h) => h.description)).toEqual(['Late scan', 'Label created', 'Picked up by the carrier', 'Out for delivery', 'Delivered']);
      const stranger = await t.token(await tools.customer());
      expect(codesOf(await execute(t.url, Shipments, { orderId }, { token: stranger }))).toEqual(['NOT_FOUND']);
    });

    it('keeps a shipment LABEL_PENDING while the carrier is down, the order unshipped, and buys the label once it is back', async () => {
      const agent = await tools.agent();
      const { orderId } = await paidOrder();
      simulated().available = false;
      try {
        const pending = await execute(t.url, CreateShipment, { orderId }, { token: agent });
        expect(pending.data?.createShipment).toMatchObject({ status: 'LABEL_PENDING', trackingNumber: null, labelAttempts: 1 });
        expect((await t.stack.subgraphs.orders.orm.em.fork().findOneOrFail(OrderEntity, { id: orderId })).status).toBe('PAID');
      } finally {
        simulated().available = true;
      }
      await waitFor(async () => (await t.stack.subgraphs.shipping.orm.em.fork().findOneOrFail(ShipmentEntity, { orderId })).status === 'LABEL_CREATED', { timeout: 20_000 });
      await tools.settled(orderId, 'SHIPPED');
    });

    it('buys one label when the carrier sold it but its answer was lost: the retry gets that label, not a second one', async () => {
      const agent = await tools.agent();
      const { orderId } = await paidOrder();
      simulated().loseNextAnswer = true;
      const pending = await execute(t.url, CreateShipment, { orderId }, { token: agent });
      expect(pending.data?.createShipment).toMatchObject({ status: 'LABEL_PENDING', trackingNumber: null, labelAttempts: 1 });
      const id = pending.data!.createShipment.id;
      expect(simulated().labelsBought(id)).toBe(1);
      const created = await waitFor(async () => {
        const row = await shipment(id);
        expect(row.status).toBe('LABEL_CREATED');
        return row;
      }, { timeout: 20_000 });
      expect(simulated().labelsBought(id)).toBe(1);
      expect(created.trackingNumber).toMatch(/^SIM/);
    });
  });
});
