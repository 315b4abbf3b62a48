import { systemClock } from '../platform/clock';
import type { ServiceName } from '../platform/config';
import { createLogger } from '../platform/log';
import { startSubgraph, type RunningSubgraph } from '../platform/subgraph';
import { SUBGRAPHS } from '../subgraphs/modules';
import { PurchaseEntity } from '../subgraphs/recommendations/history.entity';
import { VerifiedPurchaseEntity } from '../subgraphs/reviews/purchase.entity';
import { graphql } from './__generated__/index';
import { execute } from './support/graphql';
import { orderTools } from './support/orders';
import { deliveredOrder } from './support/shopping';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const quiet = createLogger('test', 'error', () => undefined);

const ProductPage = graphql(`
  query ProductPage($id: ID!) {
    product(id: $id) {
      id
      name
      price { amount }
      stock { available }
      rating { average count distribution { rating count } }
      reviews(first: 5) { totalCount edges { node { title rating } } }
      frequentlyBoughtTogether(first: 3) { id }
      customersAlsoViewed(first: 3) { id }
      salePrice { amount }
      promotions { name }
    }
  }
`);

const WritePageReview = graphql(`
  mutation ProductPageWriteReview($input: WriteReviewInput!) {
    writeReview(input: $input) { id status }
  }
`);

const HidePageReview = graphql(`
  mutation ProductPageHideReview($id: ID!, $reason: String!) {
    hideReview(id: $id, reason: $reason) { status }
  }
`);

const PageRecommendations = graphql(`
  query ProductPageRecommendations {
    me { recommendedProducts(first: 3) { id } }
    trendingProducts(first: 50) { id }
  }
`);

describe('the product page', () => {
  let t: TestStack;
  const tools = orderTools(() => t, (name) => running[name] ?? t.stack.subgraphs[name]);
  const running: Partial<Record<ServiceName, RunningSubgraph>> = {};

  beforeAll(async () => {
    t = await startTestStack();
  });
  afterAll(async () => {
    await Promise.all(Object.values(running).map((s) => s.stop()));
    await t.stop();
  });

  const page = async (id: string) => execute(t.url, ProductPage, { id });

  it('follows customers who buy, receive and review: rating, distribution, recommendations and trending, and moderation', async () => {
    const [kettle, teapot] = await Promise.all([tools.product({ onHand: 20 }), tools.product({ onHand: 20 })]);
    const [alice, bob, carol] = await Promise.all([tools.customer(), tools.customer(), tools.customer()]);
    const reviews = () => t.stack.subgraphs.reviews.orm.em.fork();
    for (const customer of [alice, bob]) await deliveredOrder(t, tools, customer, [kettle, teapot]);
    await deliveredOrder(t, tools, carol, [kettle]);
    await waitFor(async () => (await reviews().count(VerifiedPurchaseEntity, { productId: kettle })) === 3);
    await waitFor(async () => (await t.stack.subgraphs.recommendations.orm.em.fork().count(PurchaseEntity, { productId: kettle })) === 3);

    const write = async (customerId: string, rating: number) => {
      const result = await execute(t.url, WritePageReview, { input: { productId: kettle, rating, title: `${rating} stars`, body: 'Boils fast.' } }, { token: await t.token(customerId) });
      expect(result.data?.writeReview.status).toBe('PUBLISHED');
      return result.data!.writeReview.id;
    };
    const harsh = await write(alice, 1);
    await write(bob, 5);
    await write(carol, 4);

    const reviewed = (await page(kettle)).data!.product!;
    expect(reviewed.rating).toEqual({ average: 3.33, count: 3, distribution: [5, 4, 3, 2, 1].map((rating) => ({ rating, count: rating === 5 || rating === 4 || rating === 1 ? 1 : 0 })) });
    expect(reviewed.reviews?.totalCount).toBe(3);
    expect(reviewed.frequentlyBoughtTogether?.map((p) => p.id)[0]).toBe(teapot);

    // Carol bought the kettle alone: the teapot its other buyers took is recommended to her, and both trend.
    const forCarol = (await execute(t.url, PageRecommendations, {}, { token: await t.token(carol) })).data!;
    expect(forCarol.me?.recommendedProducts?.[0]?.id).toBe(teapot);
    expect(forCarol.trendingProducts.map((p) => p.id)).toEqual(expect.arrayContaining([kettle, teapot]));

    const hidden = await execute(t.url, HidePageReview, { id: harsh, reason: 'Abusive' }, { token: await tools.agent() });
    expect(hidden.data?.hideReview.status).toBe('HIDDEN');
    expect((await page(kettle)).data!.product!.rating).toMatchObject({ average: 4.5, count: 2 });
    // Three customers' whole order flows (place, pay, ship, deliver) before any review.
  }, 60_000);

  it.each([
    ['reviews', ['rating', 'reviews']],
    ['recommendations', ['frequentlyBoughtTogether', 'customersAlsoViewed']],
    // Prices without promotions: the regular price answers, the sale price and promotions are null with the error.
    ['pricing', ['salePrice', 'promotions']],
  ] as const)('still answers with %s down, only its fields null, each with an error naming it, and recovers', async (name, fields) => {
    const productId = await tools.product({ onHand: 3 });
    const subgraph = running[name] ?? t.stack.subgraphs[name];
    await subgraph.stop();

    const down = await page(productId);
    expect(down.data?.product).toMatchObject({ id: productId, name: 'Orderable', price: { amount: 1250 }, stock: { available: 3 } });
    for (const field of fields) expect(down.data!.product![field]).toBeNull();
    expect(down.errors?.length).toBeGreaterThan(0);
    for (const error of down.errors!) {
      expect(error.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
      expect(error.message).toBe(`Subgraph "${name}" is unavailable: it cannot be reached`);
    }

    // Same port and data, no gateway restart.
    running[name] = await startSubgraph(SUBGRAPHS[name], {
      config: t.config,
      log: quiet,
      clock: systemClock,
      pubsub: t.stack.messaging.pubsub,
      events: t.stack.messaging.events,
      port: subgraph.port,
      peerUrl: (peer) => (running[peer] ?? t.stack.subgraphs[peer]).url,
    });
    const back = await page(productId);
    expect(back.errors).toBeUndefined();
    // A product without a sale has no sale price: null there is the answer, not a failure.
    for (const field of fields) if (field !== 'salePrice') expect(back.data!.product![field]).not.toBeNull();
  });
});
