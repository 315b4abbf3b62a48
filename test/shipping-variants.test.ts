import { ReturnRequestEntity } from '../subgraphs/shipping/return.entity';
import { ShipmentEntity } from '../subgraphs/shipping/shipment.entity';
import type { ShippingServices } from '../subgraphs/shipping/shipping.services';
import { graphql } from './__generated__/index';
import { execute } from './support/graphql';
import { ConfirmPayment, orderTools, SetStock } from './support/orders';
import { startTestStack, type TestStack } from './support/stack';

const SetOptions = graphql(`
  mutation ShipVariantsSetOptions($productId: ID!, $options: [ProductOptionInput!]!) {
    setProductOptions(productId: $productId, options: $options) { id }
  }
`);

const AddVariant = graphql(`
  mutation ShipVariantsAddVariant($productId: ID!, $input: AddProductVariantInput!) {
    addProductVariant(productId: $productId, input: $input) { id sku }
  }
`);

const Place = graphql(`
  mutation ShipVariantsPlace($input: PlaceOrderInput!) {
    placeOrder(input: $input) { id lines { variant { id } sku quantity } }
  }
`);

const Ship = graphql(`
  mutation ShipVariantsShip($orderId: ID!, $lines: [ShipmentLineInput!]) {
    createShipment(orderId: $orderId, lines: $lines) { id status trackingNumber lines { productId variantId sku quantity } }
  }
`);

const RequestReturn = graphql(`
  mutation ShipVariantsRequestReturn($orderId: ID!, $lines: [ReturnLineInput!]!, $reason: String!) {
    requestReturn(orderId: $orderId, lines: $lines, reason: $reason) { id status value lines { productId variantId sku quantity } }
  }
`);

const Approve = graphql(`
  mutation ShipVariantsApprove($id: ID!) {
    approveReturn(id: $id) { id status }
  }
`);

const Receive = graphql(`
  mutation ShipVariantsReceive($id: ID!, $restock: Boolean!) {
    receiveReturn(id: $id, restock: $restock) { id status refundAmount lines { variantId quantity } }
  }
`);

const Shipments = graphql(`
  query ShipVariantsShipments($orderId: ID!) {
    shipments(orderId: $orderId) { lines { productId variantId sku quantity } }
  }
`);

const Receipt = graphql(`
  query ShipVariantsReceipt($orderId: ID!) {
    receipt(orderId: $orderId) { lines { product { id } variant { id sku } sku optionValues { option value } quantity unitPrice { amount } } }
  }
`);

const address = { recipient: 'Ada Lovelace', line1: '1 rue de Rivoli', city: 'Paris', postalCode: '75001', country: 'FR' };

describe('shipping, returns and receipts per variant through the gateway', () => {
  let t: TestStack;
  const tools = orderTools(() => t);
  const simulated = () => (t.stack.subgraphs.shipping.services as ShippingServices).simulated!;
  const webhookUrl = () => t.stack.subgraphs.shipping.url.replace(/\/graphql$/, '/webhooks/carrier/simulated');
  const shipmentRows = (orderId: string) => t.stack.subgraphs.shipping.orm.em.fork().count(ShipmentEntity, { orderId });
  const returnRows = (orderId: string) => t.stack.subgraphs.shipping.orm.em.fork().count(ReturnRequestEntity, { orderId });

  beforeAll(async () => {
    t = await startTestStack();
  });
  afterAll(() => t.stop());

  it('names each variant on the receipt, ships two variants of one product in two parcels, and restocks exactly the variant returned', async () => {
    const agent = await tools.agent();
    // A tee in S (its default variant, the product's id, 2000) and M (its own SKU, 2400), six of each.
    const productId = await tools.product({ weightGrams: 200, priceAmount: 2000, onHand: 6 });
    expect((await execute(t.url, SetOptions, { productId, options: [{ name: 'Size', values: ['S', 'M'] }] }, { token: agent })).errors).toBeUndefined();
    const added = await execute(t.url, AddVariant, { productId, input: { sku: `SHIPV-${productId.slice(-8)}-M`, optionValues: [{ option: 'Size', value: 'M' }], priceAmount: 2400 } }, { token: agent });
    expect(added.errors).toBeUndefined();
    const { id: m, sku: mSku } = added.data!.addProductVariant;
    await execute(t.url, SetStock, { productId: m, onHand: 6 }, { token: agent });

    const customerId = await tools.customer();
    const token = await t.token(customerId);
    const lines = [
      { productId, variantId: productId, quantity: 2 },
      { productId, variantId: m, quantity: 1 },
    ];
    const placed = await execute(t.url, Place, { input: { lines, shipping: { address, methodId: 'demo-method-fr-express' } } }, { token });
    expect(placed.errors).toBeUndefined();
    const orderId = placed.data!.placeOrder.id;
    const sSku = placed.data!.placeOrder.lines.find((line) => line.variant.id === productId)!.sku;
    await execute(t.url, ConfirmPayment, { orderId, paymentMethod: 'pm_card_visa' }, { token });
    await tools.settled(orderId, 'PAID');

    // The receipt names each variant as the order placed it; the shipping charge is no variant.
    const receipt = await execute(t.url, Receipt, { orderId }, { token });
    expect(receipt.errors).toBeUndefined();
    expect(receipt.data?.receipt?.lines).toEqual([
      { product: { id: productId }, variant: { id: productId, sku: sSku }, sku: sSku, optionValues: [{ option: 'Size', value: 'S' }], quantity: 2, unitPrice: { amount: 2000 } },
      { product: { id: productId }, variant: { id: m, sku: mSku }, sku: mSku, optionValues: [{ option: 'Size', value: 'M' }], quantity: 1, unitPrice: { amount: 2400 } },
      { product: { id: 'shipping:demo-method-fr-express' }, variant: null, sku: null, optionValues: [], quantity: 1, unitPrice: { amount: 1290 } },
    ]);

    // The product alone is ambiguous in this order: refused, no shipment written.
    const ambiguous = await execute(t.url, Ship, { orderId, lines: [{ productId, quantity: 1 }] }, { token: agent });
    expect(ambiguous.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VARIANT_REQUIRED', field: 'lines.0.variantId' });
    // More of M than was ordered (the product's three units together would have allowed it): refused, nothing written.
    const tooMany = await execute(t.url, Ship, { orderId, lines: [{ productId, variantId: m, quantity: 2 }] }, { token: agent });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lines.0.quantity' });
    expect(await shipmentRows(orderId)).toBe(0);

    const first = await execute(t.url, Ship, { orderId, lines: [{ productId, variantId: m, quantity: 1 }] }, { token: agent });
    expect(first.data?.createShipment).toMatchObject({ status: 'LABEL_CREATED', lines: [{ productId, variantId: m, sku: mSku, quantity: 1 }] });
    await tools.settled(orderId, 'PARTIALLY_SHIPPED');
    const second = await execute(t.url, Ship, { orderId }, { token: agent });
    expect(second.data?.createShipment).toMatchObject({ status: 'LABEL_CREATED', lines: [{ productId, variantId: productId, sku: sSku, quantity: 2 }] });
    await tools.settled(orderId, 'SHIPPED');

    for (const shipment of [first.data!.createShipment, second.data!.createShipment]) {
      for (let i = 0; i < 3; i++) {
        const webhook = simulated().advance(shipment.trackingNumber!);
        expect((await fetch(webhookUrl(), { method: 'POST', body: webhook.body, headers: webhook.headers })).status).toBe(200);
      }
    }
    await tools.settled(orderId, 'DELIVERED');

    // Returns are per variant too: the product alone is ambiguous, and two units of M were never delivered. Nothing written.
    const unnamed = await execute(t.url, RequestReturn, { orderId, lines: [{ productId, quantity: 1 }], reason: 'Too big' }, { token });
    expect(unnamed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VARIANT_REQUIRED' });
    const moreThanDelivered = await execute(t.url, RequestReturn, { orderId, lines: [{ productId, variantId: m, quantity: 2 }], reason: 'Too big' }, { token });
    expect(moreThanDelivered.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MORE_THAN_DELIVERED', delivered: 1 });
    expect(await returnRows(orderId)).toBe(0);

    // The customer returns M, valued at M's price; S is not touched.
    const requested = await execute(t.url, RequestReturn, { orderId, lines: [{ productId, variantId: m, quantity: 1 }], reason: 'Too big' }, { token });
    expect(requested.data?.requestReturn).toMatchObject({ status: 'REQUESTED', value: 2400, lines: [{ productId, variantId: m, sku: mSku, quantity: 1 }] });
    const returnId = requested.data!.requestReturn.id;
    expect((await execute(t.url, Approve, { id: returnId }, { token: agent })).data?.approveReturn.status).toBe('APPROVED');

    const before = { s: await tools.stock(productId), m: await tools.stock(m) };
    const received = await execute(t.url, Receive, { id: returnId, restock: true }, { token: agent });
    expect(received.data?.receiveReturn).toMatchObject({ status: 'REFUNDED', refundAmount: 2400, lines: [{ variantId: m, quantity: 1 }] });
    expect(await tools.stock(m)).toEqual({ onHand: before.m.onHand + 1, reserved: before.m.reserved });
    expect(await tools.stock(productId)).toEqual(before.s);
    // Received again: answered as it is, restocked once.
    expect((await execute(t.url, Receive, { id: returnId, restock: true }, { token: agent })).data?.receiveReturn.status).toBe('REFUNDED');
    expect(await tools.stock(m)).toEqual({ onHand: before.m.onHand + 1, reserved: before.m.reserved });
  });

  it('reads lines stored before variants as the default variant: shipped, returned and restocked to it, without a migration', async () => {
    const agent = await tools.agent();
    const productId = await tools.product({ weightGrams: 300, onHand: 4 });
    const customerId = await tools.customer();
    const token = await t.token(customerId);
    const placed = await execute(t.url, Place, { input: { lines: [{ productId, quantity: 2 }], shipping: { address, methodId: 'demo-method-fr-express' } } }, { token });
    const orderId = placed.data!.placeOrder.id;
    await execute(t.url, ConfirmPayment, { orderId, paymentMethod: 'pm_card_visa' }, { token });
    await tools.settled(orderId, 'PAID');
    const shipped = await execute(t.url, Ship, { orderId, lines: [{ productId, quantity: 1 }] }, { token: agent });
    expect(shipped.errors).toBeUndefined();

    // The shipment as a version before variants wrote it: no variantId, no SKU, in its lines and in the order's.
    const em = t.stack.subgraphs.shipping.orm.em.fork();
    const row = await em.findOneOrFail(ShipmentEntity, { orderId });
    await em.nativeUpdate(ShipmentEntity, { id: row.id }, { lines: [{ productId, quantity: 1 }], orderLines: [{ productId, quantity: 2 }] });
    expect((await execute(t.url, Shipments, { orderId }, { token })).data?.shipments).toEqual([{ lines: [{ productId, variantId: productId, sku: null, quantity: 1 }] }]);

    // The rest ships against it: one unit left, of the default variant.
    const rest = await execute(t.url, Ship, { orderId }, { token: agent });
    expect(rest.data?.createShipment.lines).toMatchObject([{ productId, variantId: productId, quantity: 1 }]);
    for (const trackingNumber of [shipped.data!.createShipment.trackingNumber!, rest.data!.createShipment.trackingNumber!]) {
      for (let i = 0; i < 3; i++) {
        const webhook = simulated().advance(trackingNumber);
        expect((await fetch(webhookUrl(), { method: 'POST', body: webhook.body, headers: webhook.headers })).status).toBe(200);
      }
    }
    await tools.settled(orderId, 'DELIVERED');

    const requested = await execute(t.url, RequestReturn, { orderId, lines: [{ productId, quantity: 2 }], reason: 'Not needed' }, { token });
    expect(requested.data?.requestReturn).toMatchObject({ value: 2500, lines: [{ productId, variantId: productId, quantity: 2 }] });
    const returnId = requested.data!.requestReturn.id;
    await execute(t.url, Approve, { id: returnId }, { token: agent });
    const before = await tools.stock(productId);
    expect((await execute(t.url, Receive, { id: returnId, restock: true }, { token: agent })).data?.receiveReturn.status).toBe('REFUNDED');
    expect(await tools.stock(productId)).toEqual({ onHand: before.onHand + 2, reserved: before.reserved });
  });
});
