import { randomUUID } from 'node:crypto';
import { AuditEntryEntity } from '../subgraphs/catalog/audit.entity';
import { ProductEntity } from '../subgraphs/catalog/product.entity';
import { StockMovementEntity } from '../subgraphs/inventory/stock-movement.entity';
import { DEMO_PRODUCTS } from '../contracts/demo';
import { graphql } from './__generated__/index';
import type { UpsertProductInput } from './__generated__/graphql';
import { codesOf, execute } from './support/graphql';
import { startTestStack, type TestStack } from './support/stack';

const Upsert = graphql(`
  mutation FeedUpsert($input: [UpsertProductInput!]!, $dryRun: Boolean) {
    upsertProducts(input: $input, dryRun: $dryRun) {
      index
      sku
      status
      product { id sku name price { amount currency } status }
      errors { code field message }
    }
  }
`);

const BySku = graphql(`
  query FeedProductBySku($sku: String, $id: ID) {
    product(sku: $sku, id: $id) { id sku name price { amount currency } }
  }
`);

const SetBySku = graphql(`
  mutation FeedSetStockBySku($sku: String!, $onHand: Int!) {
    setStockBySku(sku: $sku, onHand: $onHand) { productId onHand available }
  }
`);

const AdjustBySku = graphql(`
  mutation FeedAdjustStockBySku($sku: String!, $delta: Int!, $reason: String!, $key: String) {
    adjustStockBySku(sku: $sku, delta: $delta, reason: $reason, idempotencyKey: $key) { productId onHand }
  }
`);

const AdjustById = graphql(`
  mutation FeedAdjustStock($productId: ID!, $delta: Int!, $key: String) {
    adjustStock(productId: $productId, delta: $delta, reason: "delivery", idempotencyKey: $key) { productId onHand }
  }
`);

const SetLevels = graphql(`
  mutation FeedSetStockLevels($items: [StockLevelInput!]!) {
    setStockLevels(items: $items) {
      index
      sku
      status
      stock { productId onHand }
      error { code field message }
    }
  }
`);

const LowStock = graphql(`
  query FeedLowStock($first: Int, $after: String) {
    lowStock(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { productId available lowStockThreshold product { sku name } } }
    }
  }
`);

const tag = () => randomUUID().slice(0, 8);

describe('feeds for staff', () => {
  let t: TestStack;
  let agent: string;
  let customer: string;

  const catalogDb = () => t.stack.subgraphs.catalog.orm.em.fork();
  const movements = () => t.stack.subgraphs.inventory.orm.em.fork().count(StockMovementEntity, {});
  const audits = () => catalogDb().count(AuditEntryEntity, {});
  const upsert = (input: UpsertProductInput[], dryRun?: boolean) => execute(t.url, Upsert, { input, dryRun }, { token: agent });

  beforeAll(async () => {
    t = await startTestStack();
    agent = await t.token('demo-user-agent', 'CUSTOMER', 'AGENT');
    customer = await t.token('demo-user-customer');
  });
  afterAll(() => t?.stop());

  describe('upsertProducts', () => {
    it('takes supplier SKUs as given, matches them ignoring case, and stores currencies upper-case', async () => {
      const sku = `acme-${tag()}`;
      const created = await upsert([{ sku: `  ${sku} `, name: 'Acme bolt', priceAmount: 120, currency: 'eur' }]);
      expect(created.data!.upsertProducts[0]).toMatchObject({ status: 'CREATED', sku, product: { sku, price: { amount: 120, currency: 'EUR' } } });

      const again = await upsert([{ sku: sku.toUpperCase(), priceAmount: 130 }]);
      expect(again.data!.upsertProducts[0]).toMatchObject({ status: 'UPDATED', product: { sku, name: 'Acme bolt', price: { amount: 130, currency: 'EUR' } } });
      expect(await catalogDb().count(ProductEntity, { skuKey: sku.toLowerCase() })).toBe(1);

      const dotted = `AB_${tag()}.3`;
      expect((await upsert([{ sku: dotted, name: 'Dotted', priceAmount: 1, currency: 'usd' }])).data!.upsertProducts[0].status).toBe('CREATED');
    });

    it('changes only the fields given (patch), leaving the rest as stored', async () => {
      const sku = `PATCH-${tag()}`;
      await upsert([{ sku, name: 'Original', description: 'Kept', priceAmount: 500, currency: 'EUR', status: 'DRAFT' }]);
      const patched = await upsert([{ sku, priceAmount: 450 }]);
      expect(patched.data!.upsertProducts[0]).toMatchObject({ status: 'UPDATED', product: { name: 'Original', price: { amount: 450, currency: 'EUR' }, status: 'DRAFT' } });
      const stored = await catalogDb().findOneOrFail(ProductEntity, { sku });
      expect([stored.description, stored.status]).toEqual(['Kept', 'DRAFT']);
    });

    it('on a dry run reports every violation of every item and what would happen, writing nothing', async () => {
      const existing = `DRY-${tag()}`;
      await upsert([{ sku: existing, name: 'Existing', priceAmount: 100, currency: 'EUR' }]);
      const fresh = `DRY-${tag()}`;
      const [productsBefore, auditsBefore] = [await catalogDb().count(ProductEntity, {}), await audits()];

      const result = await upsert(
        [
          { sku: existing, priceAmount: 200 },
          { sku: fresh, name: 'Fresh', priceAmount: 100, currency: 'gbp' },
          { sku: 'bad sku', name: ' ', priceAmount: -1, currency: 'EURO' },
          { sku: `NEW-${tag()}`, description: 'no name, price or currency' },
          { sku: existing, priceAmount: 100 },
        ],
        true,
      );
      expect(result.errors).toBeUndefined();
      const rows = result.data!.upsertProducts;
      expect(rows.map((r) => [r.index, r.status, r.product])).toEqual([
        [0, 'ERROR', null],
        [1, 'CREATED', null],
        [2, 'ERROR', null],
        [3, 'ERROR', null],
        [4, 'ERROR', null],
      ]);
      expect(rows[0].errors.map((e) => e.field)).toEqual(['sku']);
      expect(rows[2].errors.map((e) => [e.code, e.field])).toEqual([
        ['BAD_USER_INPUT', 'sku'],
        ['BAD_USER_INPUT', 'name'],
        ['BAD_USER_INPUT', 'priceAmount'],
        ['BAD_USER_INPUT', 'currency'],
      ]);
      expect(rows[3].errors.map((e) => e.field)).toEqual(['name', 'priceAmount', 'currency']);
      expect(rows[3].errors[0].message).toMatch(/required to create a product/);

      const alone = await upsert([{ sku: existing, priceAmount: 200 }, { sku: existing.toLowerCase(), name: 'Same' }], true);
      expect(alone.data!.upsertProducts.every((r) => r.errors[0]?.message.includes('appears 2 times'))).toBe(true);
      const update = await upsert([{ sku: existing, priceAmount: 200 }], true);
      expect(update.data!.upsertProducts[0]).toMatchObject({ status: 'UPDATED', product: null });

      expect(await catalogDb().count(ProductEntity, {})).toBe(productsBefore);
      expect(await audits()).toBe(auditsBefore);
      expect((await catalogDb().findOneOrFail(ProductEntity, { sku: existing })).priceAmount).toBe(100);
    });
  });

  describe('product(sku:)', () => {
    it('finds a product by SKU ignoring case and surrounding spaces', async () => {
      const demo = DEMO_PRODUCTS[0];
      const found = await execute(t.url, BySku, { sku: ` ${demo.sku.toLowerCase()} ` });
      expect(found.data!.product).toMatchObject({ id: demo.id, sku: demo.sku });
      expect((await execute(t.url, BySku, { sku: 'NO-SUCH-SKU' })).data!.product).toBeNull();
    });

    it('refuses both or neither of id and sku', async () => {
      expect(codesOf(await execute(t.url, BySku, {}))).toEqual(['BAD_USER_INPUT']);
      expect(codesOf(await execute(t.url, BySku, { id: DEMO_PRODUCTS[0].id, sku: DEMO_PRODUCTS[0].sku }))).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('stock by SKU', () => {
    const newProduct = async (onHand?: number) => {
      const sku = `STK-${tag()}`;
      const result = await upsert([{ sku, name: 'Stocked', priceAmount: 100, currency: 'EUR' }]);
      const id = result.data!.upsertProducts[0].product!.id;
      if (onHand !== undefined) await execute(t.url, SetBySku, { sku, onHand }, { token: agent });
      return { sku, id };
    };

    it('sets stock by SKU in any case', async () => {
      const { sku, id } = await newProduct();
      const set = await execute(t.url, SetBySku, { sku: sku.toLowerCase(), onHand: 17 }, { token: agent });
      expect(set.data!.setStockBySku).toEqual({ productId: id, onHand: 17, available: 17 });
    });

    it('refuses an unknown SKU, a negative figure and a customer, writing nothing', async () => {
      const { sku } = await newProduct(4);
      const before = await movements();
      const unknown = await execute(t.url, SetBySku, { sku: 'NO-SUCH-SKU', onHand: 1 }, { token: agent });
      expect(unknown.errors?.[0]).toMatchObject({ message: 'No product has SKU "NO-SUCH-SKU"', extensions: { code: 'NOT_FOUND', field: 'sku' } });
      expect(codesOf(await execute(t.url, SetBySku, { sku, onHand: -1 }, { token: agent }))).toEqual(['BAD_USER_INPUT']);
      expect(codesOf(await execute(t.url, SetBySku, { sku, onHand: 1 }, { token: customer }))).toEqual(['FORBIDDEN']);
      expect(codesOf(await execute(t.url, AdjustBySku, { sku, delta: -5, reason: 'damaged' }, { token: agent }))).toEqual(['BAD_USER_INPUT']);
      expect(codesOf(await execute(t.url, AdjustBySku, { sku, delta: 1, reason: ' ' }, { token: agent }))).toEqual(['BAD_USER_INPUT']);
      expect(await movements()).toBe(before);
    });

    it('counts an adjustment once when retried with its idempotency key, answering the first outcome', async () => {
      const { sku, id } = await newProduct(10);
      const key = `delivery-${tag()}`;
      const first = await execute(t.url, AdjustBySku, { sku, delta: 5, reason: 'delivery note 7', key }, { token: agent });
      expect(first.data!.adjustStockBySku.onHand).toBe(15);
      await execute(t.url, SetBySku, { sku, onHand: 30 }, { token: agent });
      const before = await movements();

      const retried = await execute(t.url, AdjustBySku, { sku, delta: 5, reason: 'delivery note 7', key }, { token: agent });
      expect(retried.data!.adjustStockBySku).toEqual({ productId: id, onHand: 15 });
      const byId = await execute(t.url, AdjustById, { productId: id, delta: 5, key }, { token: agent });
      expect(byId.data!.adjustStock.onHand).toBe(15);
      expect(await movements()).toBe(before);

      const reused = await execute(t.url, AdjustBySku, { sku, delta: 6, reason: 'delivery note 7', key }, { token: agent });
      expect(reused.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'idempotencyKey' } });
      expect(await movements()).toBe(before);
      expect((await execute(t.url, SetBySku, { sku, onHand: 30 }, { token: agent })).data!.setStockBySku.onHand).toBe(30);
    });

    it('counts concurrent retries of one keyed adjustment once', async () => {
      const { id } = await newProduct(0);
      const key = `race-${tag()}`;
      const results = await Promise.all(Array.from({ length: 5 }, () => execute(t.url, AdjustById, { productId: id, delta: 3, key }, { token: agent })));
      expect(results.map((r) => r.data?.adjustStock.onHand)).toEqual([3, 3, 3, 3, 3]);
    });

    it('applies a bulk feed with a result per item, and changes nothing when sent twice', async () => {
      const a = await newProduct(1);
      const b = await newProduct(2);
      const items = [
        { sku: a.sku.toLowerCase(), onHand: 11 },
        { sku: 'NO-SUCH-SKU', onHand: 1 },
        { sku: b.sku, onHand: -3 },
        { sku: b.sku, onHand: 2 },
      ];
      const first = await execute(t.url, SetLevels, { items }, { token: agent });
      expect(first.errors).toBeUndefined();
      expect(first.data!.setStockLevels.map((r) => [r.index, r.status, r.stock?.onHand ?? null, r.error?.code ?? null, r.error?.field ?? null])).toEqual([
        [0, 'UPDATED', 11, null, null],
        [1, 'ERROR', null, 'NOT_FOUND', 'sku'],
        [2, 'ERROR', null, 'BAD_USER_INPUT', 'sku'],
        [3, 'ERROR', null, 'BAD_USER_INPUT', 'sku'],
      ]);

      const clean = [{ sku: a.sku, onHand: 11 }, { sku: b.sku, onHand: 9 }];
      expect((await execute(t.url, SetLevels, { items: clean }, { token: agent })).data!.setStockLevels.map((r) => r.status)).toEqual(['UNCHANGED', 'UPDATED']);
      const before = await movements();
      expect((await execute(t.url, SetLevels, { items: clean }, { token: agent })).data!.setStockLevels.map((r) => r.status)).toEqual(['UNCHANGED', 'UNCHANGED']);
      expect(await movements()).toBe(before);

      const bad = await execute(t.url, SetLevels, { items: [{ sku: a.sku, onHand: -1 }] }, { token: agent });
      expect(bad.data!.setStockLevels[0].error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'onHand' });
    });

    it('refuses a feed over 500 items whole, writing nothing', async () => {
      const { sku } = await newProduct(1);
      const before = await movements();
      const items = Array.from({ length: 501 }, (_, i) => ({ sku: i === 0 ? sku : `X-${i}`, onHand: 5 }));
      const result = await execute(t.url, SetLevels, { items }, { token: agent });
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'items' } });
      expect(await movements()).toBe(before);
    });
  });

  describe('low stock', () => {
    it('lists the products at or below their threshold, with what they are, to staff only', async () => {
      const result = await execute(t.url, LowStock, { first: 100 }, { token: agent });
      const skus = result.data!.lowStock.edges.map((e) => e.node.product.sku);
      expect(skus).toEqual(expect.arrayContaining(['NOTEBOOK-A5', 'POSTER-MAP']));
      expect(skus).not.toContain('MUG-CLASSIC');
      expect(result.data!.lowStock.edges.every((e) => e.node.available <= e.node.lowStockThreshold)).toBe(true);

      await execute(t.url, SetBySku, { sku: 'NOTEBOOK-A5', onHand: 50 }, { token: agent });
      const after = await execute(t.url, LowStock, { first: 100 }, { token: agent });
      expect(after.data!.lowStock.edges.map((e) => e.node.product.sku)).not.toContain('NOTEBOOK-A5');

      const page = await execute(t.url, LowStock, { first: 1 }, { token: agent });
      const next = await execute(t.url, LowStock, { first: 1, after: page.data!.lowStock.pageInfo.endCursor }, { token: agent });
      expect(next.data!.lowStock.edges[0].node.productId > page.data!.lowStock.edges[0].node.productId).toBe(true);
      expect(codesOf(await execute(t.url, LowStock, {}, { token: customer }))).toEqual(['FORBIDDEN']);
    });
  });
});
