import type { ServiceName } from '../platform/config';
import { DEMO_PRODUCTS } from '../contracts/demo';
import { UserEntity } from '../subgraphs/users/user.entity';
import { OrderEntity, OrderLineEntity, OrderStatus } from '../subgraphs/orders/order.entity';
import { PaymentEntity, PaymentStatus } from '../subgraphs/payments/payment.entity';
import { ProductEntity } from '../subgraphs/catalog/product.entity';
import { StockLevelEntity } from '../subgraphs/inventory/stock.entity';
import { ProductVariantEntity } from '../subgraphs/catalog/variant.entity';
import { ProductRatingEntity } from '../subgraphs/reviews/rating.entity';
import { PairEntity } from '../subgraphs/recommendations/model.entity';
import { graphql } from './__generated__/index';
import { execute } from './support/graphql';
import { startTestStack, type TestStack } from './support/stack';

const OrdersWithEverything = graphql(`
  query OrdersWithEverything($first: Int) {
    me {
      orders(first: $first) {
        totalCount
        edges {
          node {
            id
            status
            customer { name }
            payment { status }
            totals { total { amount } }
            lines { quantity product { name price { amount } stock { available lowStock } } }
          }
        }
      }
    }
  }
`);

const ProductPage = graphql(`
  query ProductPageWithRatingsAndRecommendations($first: Int) {
    products(first: $first) {
      edges {
        node {
          id
          name
          rating { average count distribution { rating count } }
          frequentlyBoughtTogether(first: 3) { id name price { amount } }
          customersAlsoViewed(first: 3) { id }
          salePrice { amount }
          promotions { name }
        }
      }
    }
  }
`);

const ProductVariantsPage = graphql(`
  query ProductPageWithVariantsAndStock($first: Int) {
    products(first: $first) {
      edges { node { id stock { onHand } variants { id sku optionValues { value } price { amount } stock { available } } } }
    }
  }
`);

/** Database queries per subgraph while one GraphQL operation runs. */
function queryCounter() {
  const counts = new Map<ServiceName, number>();
  let recording = false;
  return {
    onQuery: (service: ServiceName, query: string) => {
      // The outbox relay and the webhook dispatcher poll on their own timers; only the operation's queries count.
      if (recording && !query.includes('`outbox`') && !query.includes('`webhook_')) counts.set(service, (counts.get(service) ?? 0) + 1);
    },
    async measure(run: () => Promise<void>): Promise<Record<string, number>> {
      counts.clear();
      recording = true;
      await run();
      recording = false;
      return Object.fromEntries([...counts].sort());
    },
  };
}

async function seedCustomerWithOrders(t: TestStack, customerId: string, count: number): Promise<void> {
  await t.stack.subgraphs.users.orm.em
    .fork()
    .persist(Object.assign(new UserEntity(), { id: customerId, email: `${customerId}@shop.test`, name: customerId, passwordHash: 'not-used' })).flush();
  const orders = t.stack.subgraphs.orders.orm.em.fork();
  const payments = t.stack.subgraphs.payments.orm.em.fork();
  for (let i = 0; i < count; i++) {
    const products = [DEMO_PRODUCTS[i % 6], DEMO_PRODUCTS[(i + 1) % 6], DEMO_PRODUCTS[(i + 2) % 6]];
    const lines = products.map((p, n) => Object.assign(new OrderLineEntity(), { productId: p.id, quantity: n + 1, unitPriceAmount: p.priceAmount, currency: 'EUR' }));
    const order = Object.assign(new OrderEntity(), {
      customerId,
      status: OrderStatus.PAID,
      lines,
      totalAmount: lines.reduce((sum, l) => sum + l.quantity * l.unitPriceAmount, 0),
      currency: 'EUR',
    });
    orders.persist(order);
    payments.persist(Object.assign(new PaymentEntity(), { orderId: order.id, customerId, status: PaymentStatus.SUCCEEDED, amountMinor: order.totalAmount, currency: 'EUR', provider: 'simulated' }));
  }
  await orders.flush();
  await payments.flush();
}

/**
 * `count` products newer than the demo ones, each in stock, rated, and bought
 * with the next three (so every list is answered from the model, no fallback);
 * each in two sizes, its default variant and one more, both stocked.
 */
async function seedRatedProducts(t: TestStack, count: number): Promise<void> {
  const catalog = t.stack.subgraphs.catalog.orm.em.fork();
  const inventory = t.stack.subgraphs.inventory.orm.em.fork();
  const reviews = t.stack.subgraphs.reviews.orm.em.fork();
  const recommendations = t.stack.subgraphs.recommendations.orm.em.fork();
  const ids = Array.from({ length: count }, (_, i) => `page-product-${String(i).padStart(2, '0')}`);
  ids.forEach((id, i) => {
    const product = Object.assign(new ProductEntity(), { id, sku: `PAGE-${i}`, name: `Page product ${i}`, priceAmount: 1000 + i, currency: 'EUR', createdAt: new Date(Date.now() + i) });
    product.optionList = [{ name: 'Size', values: ['S', 'L'] }];
    const variant = (variantId: string, sku: string, value: string) =>
      Object.assign(new ProductVariantEntity(), { id: variantId, productId: id, sku, skuKey: sku.toLowerCase(), title: value, optionValueList: [{ option: 'Size', value }], priceAmount: 1000 + i, currency: 'EUR' });
    catalog.persist([product, variant(id, `PAGE-${i}`, 'S'), variant(`${id}-l`, `PAGE-${i}-L`, 'L')]);
    inventory.persist(Object.assign(new StockLevelEntity(), { productId: id, owningProductId: id, onHand: 10 }));
    inventory.persist(Object.assign(new StockLevelEntity(), { productId: `${id}-l`, owningProductId: id, onHand: 5 }));
    reviews.persist(Object.assign(ProductRatingEntity.empty(id), { count: 2, sum: 9, stars: [0, 0, 0, 1, 1], version: 1 }));
    for (const step of [1, 2, 3]) {
      recommendations.persist(Object.assign(new PairEntity(), { kind: 'BOUGHT', productId: id, otherId: ids[(i + step) % count], count: 4 - step }));
    }
  });
  await Promise.all([catalog.flush(), inventory.flush(), reviews.flush(), recommendations.flush()]);
}

describe('no N+1 across subgraph boundaries', () => {
  const counter = queryCounter();
  let t: TestStack;

  beforeAll(async () => {
    // Background sweepers poll on their own timers; keep them out of the measured window.
    t = await startTestStack({
      onQuery: counter.onQuery,
      env: { RESERVATION_SWEEP_INTERVAL_MS: '3600000', ORDER_PLACEMENT_SWEEP_INTERVAL_MS: '3600000', SHIPPING_RETRY_INTERVAL_MS: '3600000' },
    });
    await seedCustomerWithOrders(t, 'few-orders-customer', 5);
    await seedCustomerWithOrders(t, 'many-orders-customer', 50);
    await seedRatedProducts(t, 24);
  });
  afterAll(() => t.stop());

  it('costs the same number of database queries for a page of 50 orders as for 5, with lines, products, stock and payments', async () => {
    const run = async (customerId: string, expectedOrders: number) => {
      const token = await t.token(customerId);
      return counter.measure(async () => {
        const result = await execute(t.url, OrdersWithEverything, { first: 50 }, { token });
        expect(result.errors).toBeUndefined();
        const edges = result.data!.me!.orders.edges;
        expect(edges).toHaveLength(expectedOrders);
        expect(edges.every((e) => e.node.payment?.status === 'SUCCEEDED' && e.node.lines.every((l) => l.product.name && l.product.stock))).toBe(true);
      });
    };
    const few = await run('few-orders-customer', 5);
    const many = await run('many-orders-customer', 50);
    expect(many).toEqual(few);
    const total = Object.values(many).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(8);
  });

  it('costs the same number of database queries for a page of 24 products as for 4, with ratings and recommendations', async () => {
    const run = (first: number) =>
      counter.measure(async () => {
        const result = await execute(t.url, ProductPage, { first });
        expect(result.errors).toBeUndefined();
        const nodes = result.data!.products.edges.map((e) => e.node);
        expect(nodes).toHaveLength(first);
        expect(nodes.every((n) => n.rating?.count === 2 && n.rating.average === 4.5 && n.frequentlyBoughtTogether?.length === 3 && n.frequentlyBoughtTogether.every((p) => p.name))).toBe(true);
      });
    const few = await run(4);
    const many = await run(24);
    expect(many).toEqual(few);
    expect(many).toMatchObject({ reviews: 1, recommendations: 2, pricing: 2 });
    const total = Object.values(many).reduce((a, b) => a + b, 0);
    // Pricing's sale prices and promotions: its rules and promotions (2), and catalog's answer to its one batched call for prices and categories.
    expect(total).toBeLessThanOrEqual(13);
  });

  it("costs the same number of database queries for a page of 24 products as for 4, with every variant's stock and the products' sums", async () => {
    const run = (first: number) =>
      counter.measure(async () => {
        const result = await execute(t.url, ProductVariantsPage, { first });
        expect(result.errors).toBeUndefined();
        const nodes = result.data!.products.edges.map((e) => e.node);
        expect(nodes).toHaveLength(first);
        expect(nodes.every((n) => n.stock.onHand === 15 && n.variants.length === 2 && n.variants.map((v) => v.stock?.available).join() === '10,5')).toBe(true);
      });
    const few = await run(4);
    const many = await run(24);
    expect(many).toEqual(few);
    // Measured: catalog 3 (the page, its count, the variants), inventory 2 (the sums, the variants' rows).
    const total = Object.values(many).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(6);
  });
});
