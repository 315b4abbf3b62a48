import { randomUUID } from 'node:crypto';
import { OrderEntity } from '../subgraphs/orders/order.entity';
import type { OrdersServices } from '../subgraphs/orders/orders.services';
import { PriceBookVersionEntity } from '../subgraphs/pricing/price-book.entity';
import { graphql } from './__generated__/index';
import { execute, type Result } from './support/graphql';
import { orderTools } from './support/orders';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const LocalPlaceOrder = graphql(`
  mutation LocalPlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) { id status total { amount currency } }
  }
`);

const LocalOrderTotals = graphql(`
  query LocalOrderTotals($id: ID!) {
    order(id: $id) { id totals { total { amount } lines { unitPrice { amount } } } }
  }
`);

const LocalCreateRule = graphql(`
  mutation LocalCreateRule($input: PriceRuleInput!) {
    createPriceRule(input: $input) { id }
  }
`);

const LocalAddToCart = graphql(`
  mutation LocalAddToCart($productId: ID!, $quantity: Int!) {
    addToCart(productId: $productId, quantity: $quantity) { id }
  }
`);

const LocalPlaceFromCart = graphql(`
  mutation LocalPlaceFromCart {
    placeOrderFromCart { id status }
  }
`);

const extensionsOf = (result: Result<unknown>) => result.errors?.[0]?.extensions;
/** Pricing's statements that price an order (priceOrder reads the rules and stores a breakdown); its relay and consumers write none of these. */
const PRICING_AN_ORDER = /price_rules|promotions|code_usages|cart_codes|tax_classes/i;

describe("placement priced from orders' copy of pricing's rules", () => {
  const statements: Array<{ service: string; query: string }> = [];
  let recording = false;
  let t: TestStack;
  const tools = orderTools(() => t);
  const orders = () => t.stack.subgraphs.orders.orm.em.fork();
  const copy = () => (t.stack.subgraphs.orders.services as OrdersServices).prices;

  beforeAll(async () => {
    // Long enough that the copy is read again only when a change is announced, so what pricing is asked during a test is the test's.
    t = await startTestStack({
      env: { ORDER_PRICE_COPY_MAX_AGE_MS: '600000' },
      onQuery: (service, query) => {
        if (recording) statements.push({ service, query });
      },
    });
  });
  afterAll(() => t.stop());

  /** Waits until the copy holds the version pricing's rules stand at now. */
  const copyIsCurrent = async () => {
    const version = (await t.stack.subgraphs.pricing.orm.em.fork().findOne(PriceBookVersionEntity, { id: 'shop' }))?.version;
    await waitFor(() => version !== undefined && copy().current()?.version === version);
  };

  const place = async (productId: string, customerId: string, expectedTotal?: number) =>
    execute(t.url, LocalPlaceOrder, { input: { lines: [{ productId, quantity: 1 }], idempotencyKey: randomUUID(), expectedTotal } }, { token: await t.token(customerId) });

  const recorded = async <T>(work: () => Promise<T>): Promise<T> => {
    statements.length = 0;
    recording = true;
    try {
      return await work();
    } finally {
      recording = false;
    }
  };

  it('prices with a sale created in pricing once its event reached the copy, without asking pricing; pricing keeps the breakdown as placed', async () => {
    const productId = await tools.product({ priceAmount: 2000, onHand: 5 });
    const created = await execute(t.url, LocalCreateRule, { input: { kind: 'SALE', variantId: productId, currency: 'EUR', amount: 1500 } }, { token: await tools.agent() });
    expect(created.errors).toBeUndefined();
    await copyIsCurrent();
    const customerId = await tools.customer();
    const placed = await recorded(() => place(productId, customerId));
    expect(placed.data?.placeOrder).toMatchObject({ status: 'AWAITING_PAYMENT', total: { amount: 1500, currency: 'EUR' } });
    expect(statements.filter((s) => s.service === 'pricing' && PRICING_AN_ORDER.test(s.query))).toEqual([]);
    const orderId = placed.data!.placeOrder.id;
    const token = await t.token(customerId);
    await waitFor(async () => (await execute(t.url, LocalOrderTotals, { id: orderId }, { token })).data?.order?.totals != null);
    expect((await execute(t.url, LocalOrderTotals, { id: orderId }, { token })).data?.order?.totals).toEqual({ total: { amount: 1500 }, lines: [{ unitPrice: { amount: 1500 } }] });
  });

  it('refuses a total the client did not see with PRICE_CHANGED from the copy, before anything is held', async () => {
    const productId = await tools.product({ priceAmount: 2000, onHand: 5 });
    await copyIsCurrent();
    const customerId = await tools.customer();
    const refused = await place(productId, customerId, 2500);
    expect(extensionsOf(refused)).toMatchObject({ code: 'CONFLICT', reason: 'PRICE_CHANGED', totals: { total: 2000 } });
    expect(await tools.traces(customerId, [productId])).toEqual(tools.nothingLeft);
  });

  it('refuses a sold-out placement writing nothing in orders and asking pricing nothing', async () => {
    const productId = await tools.product({ priceAmount: 2000, onHand: 0 });
    await copyIsCurrent();
    const customerId = await tools.customer();
    const refused = await recorded(() => place(productId, customerId));
    expect(extensionsOf(refused)).toMatchObject({ code: 'CONFLICT', reason: 'INSUFFICIENT_STOCK', shortages: [{ productId, requested: 1, available: 0 }] });
    expect(statements.filter((s) => s.service === 'orders' && /^\s*(insert|update|delete)\b/i.test(s.query))).toEqual([]);
    expect(statements.filter((s) => s.service === 'pricing' && PRICING_AN_ORDER.test(s.query))).toEqual([]);
    expect(await orders().count(OrderEntity, { customerId })).toBe(0);
    expect(await tools.traces(customerId, [productId])).toEqual(tools.nothingLeft);
  });

  it('places an order without a code from the copy while pricing is down; one from the cart, which may carry codes, is refused holding nothing', async () => {
    const productId = await tools.product({ priceAmount: 1800, onHand: 5 });
    await copyIsCurrent();
    await t.stack.subgraphs.pricing.stop();
    const customerId = await tools.customer();
    const placed = await place(productId, customerId, 1800);
    expect(placed.data?.placeOrder).toMatchObject({ status: 'AWAITING_PAYMENT', total: { amount: 1800 } });

    const cartCustomer = await tools.customer();
    const token = await t.token(cartCustomer);
    await execute(t.url, LocalAddToCart, { productId, quantity: 1 }, { token });
    const refused = await execute(t.url, LocalPlaceFromCart, {}, { token });
    expect(extensionsOf(refused)).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE' });
    // The one unit reserved is the first customer's order's.
    expect(await tools.traces(cartCustomer, [productId])).toMatchObject({ orders: 0, reservations: 1, reserved: 1, payments: 0 });
  });
});
