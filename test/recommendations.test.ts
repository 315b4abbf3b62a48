import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { projectRoot } from '../platform/project';
import { PurchaseEntity, ViewEntity } from '../subgraphs/recommendations/history.entity';
import { ModelStateEntity, PairEntity, TrendEntity } from '../subgraphs/recommendations/model.entity';
import { graphql } from './__generated__/index';
import { newClient } from './support/accounts';
import { codesOf, execute } from './support/graphql';
import { orderTools } from './support/orders';
import { paidOrder } from './support/shopping';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const CreateCategory = graphql(`
  mutation RecommendationsCreateCategory($name: String!) {
    createCategory(input: { name: $name }) { id }
  }
`);

const ArchiveProduct = graphql(`
  mutation RecommendationsArchiveProduct($id: ID!) {
    archiveProduct(id: $id) { id status }
  }
`);

const SetStock = graphql(`
  mutation RecommendationsSetStock($productId: ID!, $onHand: Int!) {
    setStock(productId: $productId, onHand: $onHand) { available }
  }
`);

const BoughtTogether = graphql(`
  query RecommendationsBoughtTogether($id: ID!, $first: Int) {
    product(id: $id) { id frequentlyBoughtTogether(first: $first) { id name } customersAlsoViewed(first: $first) { id } }
  }
`);

const Trending = graphql(`
  query RecommendationsTrending($first: Int, $category: ID) {
    trendingProducts(first: $first, category: $category) { id }
  }
`);

const MyRecommendations = graphql(`
  query RecommendationsForMe($first: Int) {
    me { id recommendedProducts(first: $first) { id } }
  }
`);

const UpdatedAt = graphql(`
  query RecommendationsUpdatedAt {
    recommendationsUpdatedAt
  }
`);

const RecordView = graphql(`
  mutation RecommendationsRecordView($productId: ID!) {
    recordProductView(productId: $productId)
  }
`);

const rebuildCommand = path.join(projectRoot(), 'dist', 'scripts', 'recommendations-rebuild.js');

describe('recommendations through the gateway', () => {
  let t: TestStack;
  const tools = orderTools(() => t);
  const model = () => t.stack.subgraphs.recommendations.orm.em.fork();

  beforeAll(async () => {
    t = await startTestStack({ env: { TRUST_PROXY_HOPS: '1', PRODUCT_VIEWS_PER_MINUTE: '5' } });
    if (!existsSync(rebuildCommand)) await promisify(execFile)('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: projectRoot() });
  });
  afterAll(() => t.stop());

  async function category(): Promise<string> {
    const created = await execute(t.url, CreateCategory, { name: `Recommended ${randomUUID()}` }, { token: await tools.agent() });
    return created.data!.createCategory.id;
  }

  /** A paid order of one unit of each product, once the model took it in. */
  async function bought(customerId: string, productIds: readonly string[]): Promise<void> {
    const orderId = await paidOrder(t, tools, customerId, productIds);
    await waitFor(async () => (await model().count(PurchaseEntity, { orderId })) > 0);
  }

  const boughtTogether = async (id: string, first = 4) => {
    const result = await execute(t.url, BoughtTogether, { id, first });
    expect(result.errors).toBeUndefined();
    return result.data!.product!.frequentlyBoughtTogether!.map((p) => p.id);
  };
  const trending = async (categoryId: string | null, first = 10) => {
    const result = await execute(t.url, Trending, { first, category: categoryId });
    expect(result.errors).toBeUndefined();
    return result.data!.trendingProducts.map((p) => p.id);
  };
  const recommendedFor = async (customerId: string, first = 8) => {
    const result = await execute(t.url, MyRecommendations, { first }, { token: await t.token(customerId) });
    expect(result.errors).toBeUndefined();
    return result.data!.me!.recommendedProducts!.map((p) => p.id);
  };

  it("reflects customers' purchases in another customer's recommendations, in what is bought together, and in trending", async () => {
    const since = Date.now();
    const shelf = await category();
    const [mug, tee, cap] = await Promise.all([1, 2, 3].map(() => tools.product({ categoryIds: [shelf], onHand: 20 })));
    const [alice, bob, carol] = await Promise.all([tools.customer(), tools.customer(), tools.customer()]);
    await bought(alice, [mug, tee]);
    await bought(bob, [mug, tee, cap]);
    await bought(carol, [mug]);

    expect(await boughtTogether(mug, 2)).toEqual([tee, cap]);
    expect(await boughtTogether(cap, 2)).toEqual([mug, tee]);
    // Carol owns the mug: she is offered what its buyers also bought, not the mug.
    expect((await recommendedFor(carol)).slice(0, 2)).toEqual([tee, cap]);
    expect(await recommendedFor(carol)).not.toContain(mug);
    expect(await trending(shelf)).toEqual([mug, tee, cap]);
    expect(await trending(null, 50)).toEqual(expect.arrayContaining([mug, tee, cap]));

    const updatedAt = (await execute(t.url, UpdatedAt)).data!.recommendationsUpdatedAt;
    expect(Date.parse(updatedAt!)).toBeGreaterThanOrEqual(since - 1000);
  });

  it('hides archived and sold-out products, and falls back to trending for a new product and a new customer', async () => {
    const shelf = await category();
    const [lamp, shade, bulb] = await Promise.all([1, 2, 3].map(() => tools.product({ categoryIds: [shelf], onHand: 20 })));
    await bought(await tools.customer(), [lamp, shade, bulb]);
    await bought(await tools.customer(), [lamp, shade]);
    expect(await boughtTogether(lamp, 2)).toEqual([shade, bulb]);

    const agent = await tools.agent();
    expect((await execute(t.url, ArchiveProduct, { id: shade }, { token: agent })).data?.archiveProduct.status).toBe('ARCHIVED');
    expect((await execute(t.url, SetStock, { productId: bulb, onHand: 0 }, { token: agent })).data?.setStock.available).toBe(0);
    const now = await boughtTogether(lamp, 10);
    expect(now).not.toContain(shade);
    expect(now).not.toContain(bulb);
    expect(await trending(shelf)).toEqual([lamp]);

    // Nobody bought the new product with anything: the trending products of its category come first.
    const stand = await tools.product({ categoryIds: [shelf], onHand: 5 });
    expect((await boughtTogether(stand, 1))).toEqual([lamp]);
    const newcomer = await tools.customer();
    expect(await recommendedFor(newcomer, 5)).toEqual(await trending(null, 5));
  });

  it('records product views, anonymous ones too, into "customers also viewed", and limits each viewer', async () => {
    const [desk, chair, rug] = await Promise.all([1, 2, 3].map(() => tools.product({ onHand: 5 })));
    const visitor = newClient();
    for (const productId of [desk, chair, rug]) {
      expect((await execute(t.url, RecordView, { productId }, visitor)).data?.recordProductView).toBe(true);
    }
    const customer = await t.token(await tools.customer());
    for (const productId of [desk, chair]) {
      expect((await execute(t.url, RecordView, { productId }, { token: customer, ...newClient() })).data?.recordProductView).toBe(true);
    }
    await waitFor(async () => (await model().count(ViewEntity, { productId: { $in: [desk, chair, rug] } })) === 5);
    const viewed = await execute(t.url, BoughtTogether, { id: desk, first: 4 });
    expect(viewed.data?.product?.customersAlsoViewed?.map((p) => p.id)).toEqual([chair, rug]);

    const eager = newClient();
    for (let i = 0; i < 5; i++) expect((await execute(t.url, RecordView, { productId: desk }, eager)).errors).toBeUndefined();
    const refused = await execute(t.url, RecordView, { productId: desk }, eager);
    expect(codesOf(refused)).toEqual(['TOO_MANY_REQUESTS']);
    expect(refused.errors![0].extensions?.retryAfterSeconds).toEqual(expect.any(Number));
    expect(codesOf(await execute(t.url, RecordView, { productId: ' ' }, newClient()))).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a list size out of range, and recommends to a logged-in customer only', async () => {
    const productId = await tools.product();
    const refused = await execute(t.url, BoughtTogether, { id: productId, first: 0 });
    // Both lists of the product take the same `first`.
    expect(refused.errors?.map((e) => [e.extensions?.code, e.extensions?.field, e.path?.at(-1)])).toEqual([
      ['BAD_USER_INPUT', 'first', 'frequentlyBoughtTogether'],
      ['BAD_USER_INPUT', 'first', 'customersAlsoViewed'],
    ]);
    expect(refused.data?.product?.id).toBe(productId);
    expect(codesOf(await execute(t.url, Trending, { first: 51 }))).toEqual(['BAD_USER_INPUT']);
    expect((await execute(t.url, MyRecommendations, { first: 3 })).data?.me).toBeNull();
  });

  it('rebuilds the model whole from the history with `npm run recommendations:rebuild`, to the same answers', async () => {
    const shelf = await category();
    const [pen, ink, pad] = await Promise.all([1, 2, 3].map(() => tools.product({ categoryIds: [shelf], onHand: 20 })));
    const writer = await tools.customer();
    await bought(await tools.customer(), [pen, ink, pad]);
    await bought(await tools.customer(), [pen, ink]);
    await bought(writer, [pen]);
    const before = { together: await boughtTogether(pen), trending: await trending(shelf), mine: await recommendedFor(writer) };

    // The model lost (say, restored from an old backup): only the history is left.
    await model().nativeDelete(PairEntity, {});
    await model().nativeDelete(TrendEntity, {});
    expect(await trending(shelf)).toEqual([]);

    const { stdout } = await promisify(execFile)(process.execPath, [rebuildCommand], { cwd: projectRoot(), env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATA_DIR: t.dataDir } });
    const report = JSON.parse(stdout) as { purchases: number; views: number; pairs: number; trends: number; ms: number };
    expect(report.purchases).toBeGreaterThanOrEqual(3);
    expect(report.pairs).toBeGreaterThan(0);

    expect({ together: await boughtTogether(pen), trending: await trending(shelf), mine: await recommendedFor(writer) }).toEqual(before);
    const state = await model().findOneOrFail(ModelStateEntity, { id: ModelStateEntity.ID });
    expect(state.rebuiltAt).not.toBeNull();
    expect((await execute(t.url, UpdatedAt)).data!.recommendationsUpdatedAt).toBe(state.updatedAt.toISOString());
  });
});
