import { randomUUID } from 'node:crypto';
import { Metrics } from '../platform/metrics';
import type { OrdersServices } from '../subgraphs/orders/orders.services';
import { graphql } from './__generated__/index';
import { execute } from './support/graphql';
import { CancelOrder, orderTools, SetStock } from './support/orders';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const SoldOutPlaceOrder = graphql(`
  mutation SoldOutPlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) { id status }
  }
`);

/**
 * Once inventory has said a variant has nothing left, orders refuses the
 * next buyers of it itself, as inventory would, until the variant's stock
 * moves: a flash sale's refusals stop costing a reservation call each.
 */
describe('sold out, through the gateway', () => {
  const metrics = new Metrics();
  let t: TestStack;
  const tools = orderTools(() => t);
  const agent = () => t.token('sold-out-test-agent', 'CUSTOMER', 'AGENT');
  /** Whether orders holds the product (sold as its one variant) as sold out. */
  const knownSoldOut = (productId: string) => (t.stack.subgraphs.orders.services as OrdersServices).soldOut.shortages([{ stockId: productId, productId, quantity: 1 }]) !== null;

  beforeAll(async () => {
    // Long enough that only a stock notice, never the entry's age, lets a buyer through again.
    t = await startTestStack({ metrics, env: { ORDER_SOLD_OUT_MEMO_MS: '600000' } });
  });
  afterAll(() => t.stop());

  const place = async (productId: string) =>
    execute(t.url, SoldOutPlaceOrder, { input: { lines: [{ productId, quantity: 1 }], idempotencyKey: randomUUID() } }, { token: await t.token(await tools.customer()) });

  /** Reservations inventory refused for want of stock. */
  const inventoryRefusals = async () => (await metrics.reservations.get()).values.find((v) => v.labels.outcome === 'refused')?.value ?? 0;

  it('refuses the buyers after a sell-out without asking inventory, with the same answer and nothing held', async () => {
    const productId = await tools.product({ onHand: 1 });
    const sold = await place(productId);
    expect(sold.data?.placeOrder.status).toBe('AWAITING_PAYMENT');

    const first = await place(productId);
    expect(first.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INSUFFICIENT_STOCK', shortages: [{ productId, requested: 1, available: 0 }] });
    const asked = await inventoryRefusals();

    for (let i = 0; i < 3; i += 1) {
      const refused = await place(productId);
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]?.extensions).toEqual(first.errors?.[0]?.extensions);
    }
    expect(await inventoryRefusals()).toBe(asked);
    expect(await tools.stock(productId)).toEqual({ onHand: 1, reserved: 1 });
  });

  it('sells again as soon as the stock is replenished', async () => {
    const productId = await tools.product({ onHand: 1 });
    await place(productId);
    expect((await place(productId)).errors?.[0]?.extensions?.reason).toBe('INSUFFICIENT_STOCK');
    expect(knownSoldOut(productId)).toBe(true);

    const restocked = await execute(t.url, SetStock, { productId, onHand: 2 }, { token: await agent() });
    expect(restocked.data?.setStock.available).toBe(1);

    expect((await place(productId)).data?.placeOrder.status).toBe('AWAITING_PAYMENT');
  });

  it('sells again once a unit comes back from a cancelled order', async () => {
    const productId = await tools.product({ onHand: 1 });
    const buyer = await tools.customer();
    const placed = await execute(t.url, SoldOutPlaceOrder, { input: { lines: [{ productId, quantity: 1 }], idempotencyKey: randomUUID() } }, { token: await t.token(buyer) });
    const orderId = placed.data?.placeOrder.id as string;
    expect((await place(productId)).errors?.[0]?.extensions?.reason).toBe('INSUFFICIENT_STOCK');

    await execute(t.url, CancelOrder, { id: orderId, reason: 'changed my mind' }, { token: await t.token(buyer) });
    // The release is the orders consumer's work; its stock notice clears what orders knew.
    await waitFor(async () => (await tools.stock(productId)).reserved === 0 && !knownSoldOut(productId));

    expect((await place(productId)).data?.placeOrder.status).toBe('AWAITING_PAYMENT');
  });
});
