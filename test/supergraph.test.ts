import { graphql } from './__generated__/index';
import { DEMO_ACCOUNTS, DEMO_PRODUCTS } from '../contracts/demo';
import { OrderEntity, OrderLineEntity, OrderStatus } from '../subgraphs/orders/order.entity';
import { PaymentEntity, PaymentStatus } from '../subgraphs/payments/payment.entity';
import type { ProductsPageQuery } from './__generated__/graphql';
import { codesOf, execute, type Result } from './support/graphql';
import { startTestStack, type TestStack } from './support/stack';

const ProductsPage = graphql(`
  query ProductsPage($first: Int, $after: String, $filter: ProductFilter) {
    products(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id sku name price { amount currency } status stock { productId onHand reserved available lowStock } } }
    }
  }
`);

const ProductById = graphql(`
  query ProductById($id: ID!) {
    product(id: $id) { id name description price { amount currency } stock { available } }
  }
`);

const Me = graphql(`
  query Me {
    me { id email name roles }
  }
`);

const OrderById = graphql(`
  query OrderById($id: ID!) {
    order(id: $id) {
      id
      status
      total { amount currency }
      customer { id email }
      payment { status provider amount { amount } clientSecret }
      lines { quantity unitPrice { amount } lineTotal { amount } product { id name stock { available } } }
    }
  }
`);

const customer = DEMO_ACCOUNTS[0];
const agent = DEMO_ACCOUNTS[1];

describe('the composed supergraph (read side)', () => {
  let t: TestStack;
  let orderId: string;

  beforeAll(async () => {
    t = await startTestStack();
    const em = t.stack.subgraphs.orders.orm.em.fork();
    const [mug, tee] = DEMO_PRODUCTS;
    const order = Object.assign(new OrderEntity(), {
      customerId: customer.id,
      status: OrderStatus.AWAITING_PAYMENT,
      lines: [
        Object.assign(new OrderLineEntity(), { productId: mug.id, quantity: 2, unitPriceAmount: mug.priceAmount, currency: 'EUR' }),
        Object.assign(new OrderLineEntity(), { productId: tee.id, quantity: 1, unitPriceAmount: tee.priceAmount, currency: 'EUR' }),
      ],
      totalAmount: 2 * mug.priceAmount + tee.priceAmount,
      currency: 'EUR',
    });
    await em.persist(order).flush();
    orderId = order.id;
    const paymentsEm = t.stack.subgraphs.payments.orm.em.fork();
    await paymentsEm.persist(
      Object.assign(new PaymentEntity(), {
        orderId,
        customerId: customer.id,
        status: PaymentStatus.REQUIRES_PAYMENT,
        amountMinor: order.totalAmount,
        currency: 'EUR',
        provider: 'simulated',
        clientSecret: 'sim_secret_for_owner',
      }),
    ).flush();
  });

  afterAll(() => t.stop());

  it('lists products with prices from catalog and stock from inventory in one query', async () => {
    const result = await execute(t.url, ProductsPage, { first: 3 });
    expect(result.errors).toBeUndefined();
    const page = result.data!.products;
    expect(page.totalCount).toBe(DEMO_PRODUCTS.length);
    expect(page.edges).toHaveLength(3);
    for (const { node } of page.edges) {
      const demo = DEMO_PRODUCTS.find((p) => p.id === node.id)!;
      expect(node.price).toEqual({ amount: demo.priceAmount, currency: demo.currency });
      expect(node.stock).toEqual({ productId: demo.id, onHand: demo.onHand, reserved: 0, available: demo.onHand, lowStock: demo.onHand <= 5 });
    }
  });

  it('pages through all products with cursors, newest first, without repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: Result<ProductsPageQuery> = await execute(t.url, ProductsPage, { first: 4, after });
      const page = result.data!.products;
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(DEMO_PRODUCTS.map((p) => p.id).sort().reverse());
  });

  it('filters products by a case-insensitive search on name, SKU or description', async () => {
    const byName = await execute(t.url, ProductsPage, { filter: { search: 'mUg' } });
    expect(byName.data!.products.edges.map((e) => e.node.sku)).toEqual(['MUG-CLASSIC']);
    const bySku = await execute(t.url, ProductsPage, { filter: { search: 'bottle-st' } });
    expect(bySku.data!.products.edges.map((e) => e.node.sku)).toEqual(['BOTTLE-STEEL']);
    const byDescription = await execute(t.url, ProductsPage, { filter: { search: 'lay-flat' } });
    expect(byDescription.data!.products.totalCount).toBe(1);
    const none = await execute(t.url, ProductsPage, { filter: { search: 'nothing like this' } });
    expect(none.data!.products).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('refuses a malformed cursor and an oversized page with BAD_USER_INPUT', async () => {
    const badCursor = await execute(t.url, ProductsPage, { after: 'not-a-cursor' });
    expect(codesOf(badCursor)).toEqual(['BAD_USER_INPUT']);
    expect(badCursor.errors![0].extensions).toMatchObject({ field: 'after' });
    const tooMany = await execute(t.url, ProductsPage, { first: 1000 });
    expect(codesOf(tooMany)).toEqual(['BAD_USER_INPUT']);
    expect(tooMany.errors![0].message).toMatch(/first must be an integer from 0 to 100/);
  });

  it('reads one product by id and answers null for an unknown id', async () => {
    const [demo] = DEMO_PRODUCTS;
    const found = await execute(t.url, ProductById, { id: demo.id });
    expect(found.data!.product).toEqual({
      id: demo.id,
      name: demo.name,
      description: demo.description,
      price: { amount: demo.priceAmount, currency: 'EUR' },
      stock: { available: demo.onHand },
    });
    const missing = await execute(t.url, ProductById, { id: 'no-such-product' });
    expect(missing.errors).toBeUndefined();
    expect(missing.data!.product).toBeNull();
  });

  it('answers me with null when not logged in and with the user for a valid token', async () => {
    expect((await execute(t.url, Me)).data).toEqual({ me: null });
    const token = await t.token(customer.id, 'CUSTOMER');
    const result = await execute(t.url, Me, undefined, { token });
    expect(result.data!.me).toEqual({ id: customer.id, email: customer.email, name: customer.name, roles: ['CUSTOMER'] });
  });

  it('refuses an invalid or expired token with UNAUTHENTICATED instead of treating it as anonymous', async () => {
    const tampered = `${(await t.token(customer.id)).slice(0, -4)}AAAA`;
    const result = await execute(t.url, Me, undefined, { token: tampered });
    expect(result.status).toBe(401);
    expect(codesOf(result)).toEqual(['UNAUTHENTICATED']);
  });

  it("resolves an order across all five subgraphs for its owner, including the owner-only client secret", async () => {
    const token = await t.token(customer.id, 'CUSTOMER');
    const result = await execute(t.url, OrderById, { id: orderId }, { token });
    expect(result.errors).toBeUndefined();
    const [mug, tee] = DEMO_PRODUCTS;
    expect(result.data!.order).toEqual({
      id: orderId,
      status: 'AWAITING_PAYMENT',
      total: { amount: 2 * mug.priceAmount + tee.priceAmount, currency: 'EUR' },
      customer: { id: customer.id, email: customer.email },
      payment: { status: 'REQUIRES_PAYMENT', provider: 'simulated', amount: { amount: 2 * mug.priceAmount + tee.priceAmount }, clientSecret: 'sim_secret_for_owner' },
      lines: [
        { quantity: 2, unitPrice: { amount: mug.priceAmount }, lineTotal: { amount: 2 * mug.priceAmount }, product: { id: mug.id, name: mug.name, stock: { available: mug.onHand } } },
        { quantity: 1, unitPrice: { amount: tee.priceAmount }, lineTotal: { amount: tee.priceAmount }, product: { id: tee.id, name: tee.name, stock: { available: tee.onHand } } },
      ],
    });
  });

  it('shows an order to an agent without the client secret, hides it from other customers, and asks anonymous callers to log in', async () => {
    const asAgent = await execute(t.url, OrderById, { id: orderId }, { token: await t.token(agent.id, 'CUSTOMER', 'AGENT') });
    expect(asAgent.data!.order).toMatchObject({ id: orderId, payment: { clientSecret: null } });
    const asStranger = await execute(t.url, OrderById, { id: orderId }, { token: await t.token('someone-else', 'CUSTOMER') });
    expect(asStranger.errors).toBeUndefined();
    expect(asStranger.data!.order).toBeNull();
    const anonymous = await execute(t.url, OrderById, { id: orderId });
    expect(codesOf(anonymous)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses operations deeper than the configured limit before calling any subgraph', async () => {
    const deep = graphql(`
      query TooDeep {
        me { orders { edges { node { customer { orders { edges { node { customer { orders { edges { node { id } } } } } } } } } } } }
      }
    `);
    const result = await execute(t.url, deep);
    expect(result.status).toBe(400);
    expect(codesOf(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(result.errors![0].message).toMatch(/levels deep; the limit is 12/);
  });

  it('refuses operations with more aliases than allowed, naming the limit', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `p${i}: products(first: 1) { totalCount }`).join(' ');
    const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ ${aliases} }` }) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.errors.map((e) => e.extensions)).toEqual([
      { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases', max: 30 },
      { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'rootFields', max: 20 },
    ]);
  });
});
