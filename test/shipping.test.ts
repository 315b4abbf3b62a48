import { AuditEntryEntity } from '../subgraphs/catalog/audit.entity';
import { OrderEntity } from '../subgraphs/orders/order.entity';
import { ShippingMethodEntity, ShippingZoneEntity } from '../subgraphs/shipping/zone.entity';
import { graphql } from './__generated__/index';
import { codesOf, execute } from './support/graphql';
import { orderTools } from './support/orders';
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

const address = (country: string, region?: string) => ({ recipient: 'Ada Lovelace', line1: '1 rue de Rivoli', city: 'Paris', postalCode: '75001', country, region });

describe('shipping through the gateway', () => {
  let t: TestStack;
  const tools = orderTools(() => t);
  const shippingDb = () => t.stack.subgraphs.shipping.orm.em.fork();

  beforeAll(async () => {
    t = await startTestStack();
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
    expect((await tools.payment(placed.data!.placeOrderFromCart.id))?.amountMinor).toBe(7290);
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
});
