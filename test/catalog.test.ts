import { randomUUID } from 'node:crypto';
import { AuditEntryEntity } from '../subgraphs/catalog/audit.entity';
import { CategoryEntity } from '../subgraphs/catalog/category.entity';
import { ProductEntity } from '../subgraphs/catalog/product.entity';
import { AUDIT_RECORDED, auditRecord } from '../contracts/audit';
import type { ServiceName } from '../platform/config';
import { DEMO_CATEGORIES, DEMO_PRODUCTS } from '../contracts/demo';
import { graphql } from './__generated__/index';
import type { CatalogListProductsQuery, CreateProductInput, ProductFilter, ProductSort, UpdateProductInput, UpsertProductInput } from './__generated__/graphql';
import { codesOf, execute, type Result } from './support/graphql';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const CreateProduct = graphql(`
  mutation CatalogCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      id
      sku
      name
      description
      price { amount currency }
      status
      categories { id name }
      attributes { key value }
      media { url alt position }
    }
  }
`);

const UpdateProduct = graphql(`
  mutation CatalogUpdateProduct($id: ID!, $input: UpdateProductInput!) {
    updateProduct(id: $id, input: $input) { id name description price { amount currency } status categories { id } attributes { key value } }
  }
`);

const ArchiveProduct = graphql(`
  mutation CatalogArchiveProduct($id: ID!) {
    archiveProduct(id: $id) { id status }
  }
`);

const ProductById = graphql(`
  query CatalogProductById($id: ID!) {
    product(id: $id) { id status }
  }
`);

const ListProducts = graphql(`
  query CatalogListProducts($first: Int, $after: String, $filter: ProductFilter, $sort: ProductSort) {
    products(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id sku name price { amount } status } }
    }
  }
`);

const Upsert = graphql(`
  mutation CatalogUpsert($input: [UpsertProductInput!]!) {
    upsertProducts(input: $input) {
      index
      sku
      status
      product { id sku name price { amount currency } status }
      error { code message field }
    }
  }
`);

const Categories = graphql(`
  query CatalogCategories($parentId: ID) {
    categories(parentId: $parentId) { id name parentId parent { name } children { name children { name } } }
  }
`);

const CreateCategory = graphql(`
  mutation CatalogCreateCategory($input: CreateCategoryInput!) {
    createCategory(input: $input) { id name parentId }
  }
`);

const UpdateCategory = graphql(`
  mutation CatalogUpdateCategory($id: ID!, $input: UpdateCategoryInput!) {
    updateCategory(id: $id, input: $input) { id name parentId }
  }
`);

const AuditLog = graphql(`
  query CatalogAuditLog($first: Int, $after: String, $filter: AuditFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id at actorId actorRoles service action entityType entityId before after } }
    }
  }
`);

const uniqueSku = (prefix = 'CAT') => `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;

/** Database queries one subgraph sends while `run` runs. */
function queryCounter() {
  let recording: ServiceName | null = null;
  let count = 0;
  return {
    onQuery: (service: ServiceName, query: string) => {
      // The webhook dispatcher polls on its own timer; only the operation's queries count.
      if (service === recording && !query.includes('`webhook_')) count += 1;
    },
    async measure(service: ServiceName, run: () => Promise<void>): Promise<number> {
      count = 0;
      recording = service;
      await run();
      recording = null;
      return count;
    },
  };
}

describe('the catalog', () => {
  const counter = queryCounter();
  let t: TestStack;
  let agent: string;
  let admin: string;

  const db = () => t.stack.subgraphs.catalog.orm.em.fork();
  const auditCount = () => db().count(AuditEntryEntity, {});
  const validInput = (overrides: Partial<CreateProductInput> = {}): CreateProductInput => ({
    sku: uniqueSku(),
    name: 'Enamel mug',
    description: 'Blue, 300 ml.',
    priceAmount: 1450,
    currency: 'EUR',
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestStack({ onQuery: counter.onQuery });
    agent = await t.token('catalog-agent', 'CUSTOMER', 'AGENT');
    admin = await t.token('catalog-admin', 'ADMIN');
  });
  afterAll(() => t.stop());

  describe('creating and editing products', () => {
    it('creates a product with categories, attributes and media, and audits who did it', async () => {
      const kitchen = DEMO_CATEGORIES.find((c) => c.name === 'Kitchen')!;
      const input = validInput({
        categoryIds: [kitchen.id],
        attributes: [
          { key: 'material', value: 'enamel' },
          { key: 'colour', value: 'blue' },
        ],
        media: [
          { url: 'https://cdn.shop.test/mug-side.jpg', alt: 'The mug from the side', position: 2 },
          { url: 'https://cdn.shop.test/mug-front.jpg', alt: 'The mug from the front', position: 1 },
        ],
      });
      const result = await execute(t.url, CreateProduct, { input }, { token: agent });
      expect(result.errors).toBeUndefined();
      const product = result.data!.createProduct;
      expect(product).toEqual({
        id: expect.any(String),
        sku: input.sku,
        name: 'Enamel mug',
        description: 'Blue, 300 ml.',
        price: { amount: 1450, currency: 'EUR' },
        status: 'ACTIVE',
        categories: [{ id: kitchen.id, name: 'Kitchen' }],
        attributes: [
          { key: 'material', value: 'enamel' },
          { key: 'colour', value: 'blue' },
        ],
        media: [
          { url: 'https://cdn.shop.test/mug-front.jpg', alt: 'The mug from the front', position: 1 },
          { url: 'https://cdn.shop.test/mug-side.jpg', alt: 'The mug from the side', position: 2 },
        ],
      });
      const audit = await execute(t.url, AuditLog, { filter: { entityId: product.id } }, { token: admin });
      expect(audit.data!.auditLog.edges.map((e) => e.node)).toEqual([
        expect.objectContaining({
          actorId: 'catalog-agent',
          actorRoles: ['CUSTOMER', 'AGENT'],
          service: 'catalog',
          action: 'product.created',
          entityType: 'Product',
          before: null,
          after: expect.objectContaining({ sku: input.sku, priceAmount: 1450, currency: 'EUR', categoryIds: [kitchen.id] }),
        }),
      ]);
    });

    it.each<[string, Partial<CreateProductInput>, string, RegExp]>([
      ['a negative price', { priceAmount: -1 }, 'priceAmount', /priceAmount must be a whole number/],
      ['an unknown currency', { currency: 'XYZ' }, 'currency', /not an ISO 4217 code/],
      ['an empty name', { name: '   ' }, 'name', /name must not be empty/],
      ['a SKU with spaces', { sku: 'MUG CLASSIC' }, 'sku', /letters, digits, "-", "_" and "."/],
      ['a SKU with a slash', { sku: 'MUG/2' }, 'sku', /letters, digits, "-", "_" and "."/],
      ['a SKU starting with a hyphen', { sku: '-MUG' }, 'sku', /letters, digits, "-", "_" and "."/],
      ['an unknown category', { categoryIds: ['no-such-category'] }, 'categoryIds', /Unknown category no-such-category/],
      ['a media URL that is not http(s)', { media: [{ url: 'ftp://cdn/x.jpg', alt: '' }] }, 'media.0.url', /absolute http\(s\) URLs/],
      ['a repeated attribute key', { attributes: [{ key: 'size', value: 'M' }, { key: 'Size', value: 'L' }] }, 'attributes.1.key', /more than once/],
    ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_case, overrides, field, message) => {
      const input = validInput(overrides);
      const auditsBefore = await auditCount();
      const result = await execute(t.url, CreateProduct, { input }, { token: agent });
      expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions!.field).toBe(field);
      expect(result.errors![0].message).toMatch(message);
      expect(await db().count(ProductEntity, { sku: input.sku })).toBe(0);
      expect(await auditCount()).toBe(auditsBefore);
    });

    it('refuses a price that is not a whole number before it reaches the catalog', async () => {
      const input = { ...validInput(), priceAmount: 12.5 };
      const result = await execute(t.url, CreateProduct, { input }, { token: agent });
      expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].message).toMatch(/input\.priceAmount.*Int cannot represent non-integer value: 12\.5/);
      expect(await db().count(ProductEntity, { sku: input.sku })).toBe(0);
    });

    it('refuses a duplicate SKU with CONFLICT on the sku field, keeping the first product', async () => {
      const input = validInput();
      await execute(t.url, CreateProduct, { input }, { token: agent });
      const auditsBefore = await auditCount();
      const again = await execute(t.url, CreateProduct, { input: { ...input, name: 'Impostor' } }, { token: agent });
      expect(codesOf(again)).toEqual(['CONFLICT']);
      expect(again.errors![0].extensions!.field).toBe('sku');
      const stored = await db().find(ProductEntity, { sku: input.sku });
      expect(stored.map((p) => p.name)).toEqual(['Enamel mug']);
      expect(await auditCount()).toBe(auditsBefore);
    });

    it('keeps agent mutations from customers (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)', async () => {
      const input = validInput();
      const customer = await t.token('a-customer', 'CUSTOMER');
      expect(codesOf(await execute(t.url, CreateProduct, { input }, { token: customer }))).toEqual(['FORBIDDEN']);
      expect(codesOf(await execute(t.url, CreateProduct, { input }))).toEqual(['UNAUTHENTICATED']);
      const [mug] = DEMO_PRODUCTS;
      expect(codesOf(await execute(t.url, UpdateProduct, { id: mug.id, input: { name: 'Hacked' } }, { token: customer }))).toEqual(['FORBIDDEN']);
      expect(codesOf(await execute(t.url, Upsert, { input: [{ ...input }] }, { token: customer }))).toEqual(['FORBIDDEN']);
      expect(codesOf(await execute(t.url, CreateCategory, { input: { name: 'Sneaky' } }))).toEqual(['UNAUTHENTICATED']);
      expect(await db().count(ProductEntity, { sku: input.sku })).toBe(0);
      expect((await db().findOneOrFail(ProductEntity, { id: mug.id })).name).toBe(mug.name);
    });

    it('updates only the fields given and audits just what changed', async () => {
      const created = await execute(t.url, CreateProduct, { input: validInput({ attributes: [{ key: 'size', value: 'M' }] }) }, { token: agent });
      const { id } = created.data!.createProduct;
      const updated = await execute(t.url, UpdateProduct, { id, input: { priceAmount: 1600, description: null } }, { token: agent });
      expect(updated.data!.updateProduct).toMatchObject({ name: 'Enamel mug', description: null, price: { amount: 1600, currency: 'EUR' }, attributes: [{ key: 'size', value: 'M' }] });
      const audit = await execute(t.url, AuditLog, { filter: { entityId: id, action: 'product.updated' } }, { token: admin });
      expect(audit.data!.auditLog.edges.map((e) => [e.node.before, e.node.after])).toEqual([
        [
          { priceAmount: 1450, description: 'Blue, 300 ml.' },
          { priceAmount: 1600, description: null },
        ],
      ]);
      // The same values again: nothing changes, nothing is audited.
      await execute(t.url, UpdateProduct, { id, input: { priceAmount: 1600 } }, { token: agent });
      expect((await execute(t.url, AuditLog, { filter: { entityId: id } }, { token: admin })).data!.auditLog.totalCount).toBe(2);
    });

    it('refuses a bad update with the field named, changing nothing, and an unknown product with NOT_FOUND', async () => {
      const { id } = (await execute(t.url, CreateProduct, { input: validInput() }, { token: agent })).data!.createProduct;
      const auditsBefore = await auditCount();
      const cases: Array<[UpdateProductInput, string]> = [
        [{ priceAmount: -5 }, 'priceAmount'],
        [{ name: '' }, 'name'],
        [{ currency: 'EURO' }, 'currency'],
        [{ name: 'Fine', categoryIds: ['missing'] }, 'categoryIds'],
      ];
      for (const [input, field] of cases) {
        const result = await execute(t.url, UpdateProduct, { id, input }, { token: agent });
        expect([codesOf(result), result.errors![0].extensions!.field]).toEqual([['BAD_USER_INPUT'], field]);
      }
      const stored = await db().findOneOrFail(ProductEntity, { id });
      expect([stored.name, stored.priceAmount, stored.currency]).toEqual(['Enamel mug', 1450, 'EUR']);
      expect(await auditCount()).toBe(auditsBefore);
      const missing = await execute(t.url, UpdateProduct, { id: 'no-such-product', input: { name: 'X' } }, { token: agent });
      expect(codesOf(missing)).toEqual(['NOT_FOUND']);
      expect(codesOf(await execute(t.url, ArchiveProduct, { id: 'no-such-product' }, { token: agent }))).toEqual(['NOT_FOUND']);
    });

    it('archives a product: hidden from customers, still visible to agents', async () => {
      const { id } = (await execute(t.url, CreateProduct, { input: validInput() }, { token: agent })).data!.createProduct;
      expect((await execute(t.url, ArchiveProduct, { id }, { token: agent })).data!.archiveProduct.status).toBe('ARCHIVED');
      expect((await execute(t.url, ProductById, { id })).data!.product).toBeNull();
      expect((await execute(t.url, ProductById, { id }, { token: await t.token('a-customer', 'CUSTOMER') })).data!.product).toBeNull();
      expect((await execute(t.url, ProductById, { id }, { token: agent })).data!.product).toEqual({ id, status: 'ARCHIVED' });
      const audit = await execute(t.url, AuditLog, { filter: { entityId: id, action: 'product.archived' } }, { token: admin });
      expect(audit.data!.auditLog.edges.map((e) => e.node.after)).toEqual([{ status: 'ARCHIVED' }]);
    });
  });

  describe('listing products', () => {
    const tag = `LIST${randomUUID().slice(0, 6).toUpperCase()}`;
    let shelves: { id: string };
    let top: { id: string };

    beforeAll(async () => {
      top = (await execute(t.url, CreateCategory, { input: { name: `Furniture ${tag}` } }, { token: agent })).data!.createCategory;
      shelves = (await execute(t.url, CreateCategory, { input: { name: 'Shelves', parentId: top.id } }, { token: agent })).data!.createCategory;
      const items: UpsertProductInput[] = [
        { sku: `${tag}-A`, name: `${tag} Birch shelf`, priceAmount: 4000, currency: 'EUR', categoryIds: [shelves.id] },
        { sku: `${tag}-B`, name: `${tag} Oak table`, priceAmount: 25000, currency: 'EUR', categoryIds: [top.id] },
        { sku: `${tag}-C`, name: `${tag} Ash stool`, priceAmount: 9000, currency: 'EUR', categoryIds: [top.id] },
        { sku: `${tag}-D`, name: `${tag} Cedar chest`, priceAmount: 12000, currency: 'EUR', status: 'DRAFT', categoryIds: [top.id] },
      ];
      const result = await execute(t.url, Upsert, { input: items }, { token: agent });
      expect(result.data!.upsertProducts.map((r) => r.status)).toEqual(['CREATED', 'CREATED', 'CREATED', 'CREATED']);
    });

    const skus = async (filter: ProductFilter, sort?: ProductSort, token?: string) => {
      const result = await execute(t.url, ListProducts, { first: 50, filter: { search: tag, ...filter }, sort }, { token });
      expect(result.errors).toBeUndefined();
      return result.data!.products.edges.map((e) => e.node.sku.slice(tag.length + 1));
    };

    it('sorts by name, by price either way, and newest first by default', async () => {
      expect(await skus({}, 'NAME_ASC', agent)).toEqual(['C', 'A', 'D', 'B']);
      expect(await skus({}, 'NAME_DESC', agent)).toEqual(['B', 'D', 'A', 'C']);
      expect(await skus({}, 'PRICE_ASC', agent)).toEqual(['A', 'C', 'D', 'B']);
      expect(await skus({}, 'PRICE_DESC', agent)).toEqual(['B', 'D', 'C', 'A']);
      const newest = await execute(t.url, ListProducts, { first: 50, filter: { search: tag } }, { token: agent });
      const ids = newest.data!.products.edges.map((e) => e.node.id);
      expect(ids).toHaveLength(4);
      // Ids are time-ordered, so newest first is descending id order.
      expect(ids).toEqual([...ids].sort().reverse());
    });

    it('shows customers and anonymous callers ACTIVE products only, agents everything', async () => {
      expect(await skus({}, 'NAME_ASC')).toEqual(['C', 'A', 'B']);
      expect(await skus({ status: 'DRAFT' })).toEqual([]);
      expect(await skus({ status: 'DRAFT' }, 'NAME_ASC', agent)).toEqual(['D']);
    });

    it('filters by category including the categories below it, by price range and by currency', async () => {
      expect(await skus({ categoryId: top.id }, 'NAME_ASC', agent)).toEqual(['C', 'A', 'D', 'B']);
      expect(await skus({ categoryId: shelves.id }, 'NAME_ASC', agent)).toEqual(['A']);
      expect(await skus({ minPrice: 9000, maxPrice: 12000 }, 'PRICE_ASC', agent)).toEqual(['C', 'D']);
      expect(await skus({ minPrice: 10000 }, 'PRICE_ASC')).toEqual(['B']);
      expect(await skus({ currency: 'USD' })).toEqual([]);
      const bad = await execute(t.url, ListProducts, { filter: { minPrice: 5, maxPrice: 1 } });
      expect([codesOf(bad), bad.errors![0].extensions!.field]).toEqual([['BAD_USER_INPUT'], 'filter.minPrice']);
    });

    it('pages with cursors in the chosen order without repeats or gaps', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 10; pages += 1) {
        const result: Result<CatalogListProductsQuery> = await execute(t.url, ListProducts, { first: 3, after, filter: { search: tag }, sort: 'PRICE_DESC' }, { token: agent });
        const page = result.data!.products;
        expect(page.totalCount).toBe(4);
        seen.push(...page.edges.map((e) => e.node.sku.slice(tag.length + 1)));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(['B', 'D', 'C', 'A']);
    });
  });

  describe('categories', () => {
    it('builds a tree agents can rename and move, which anyone can browse', async () => {
      const root = (await execute(t.url, CreateCategory, { input: { name: `Garden ${randomUUID().slice(0, 6)}` } }, { token: agent })).data!.createCategory;
      const tools = (await execute(t.url, CreateCategory, { input: { name: 'Tools', parentId: root.id } }, { token: agent })).data!.createCategory;
      const spades = (await execute(t.url, CreateCategory, { input: { name: 'Spades', parentId: tools.id } }, { token: agent })).data!.createCategory;
      const children = await execute(t.url, Categories, { parentId: root.id });
      expect(children.data!.categories).toEqual([{ id: tools.id, name: 'Tools', parentId: root.id, parent: { name: root.name }, children: [{ name: 'Spades', children: [] }] }]);
      expect((await execute(t.url, Categories, {})).data!.categories.map((c) => c.name)).toEqual(expect.arrayContaining(['Home', 'Apparel', root.name]));

      const moved = await execute(t.url, UpdateCategory, { id: spades.id, input: { parentId: root.id, name: 'Spades & forks' } }, { token: agent });
      expect(moved.data!.updateCategory).toEqual({ id: spades.id, name: 'Spades & forks', parentId: root.id });
      const audit = await execute(t.url, AuditLog, { filter: { entityId: spades.id, action: 'category.updated' } }, { token: admin });
      expect(audit.data!.auditLog.edges[0].node.before).toEqual({ name: 'Spades', parentId: tools.id });
    });

    it('refuses a cycle, an unknown parent, an empty name and a sibling with the same name', async () => {
      const root = (await execute(t.url, CreateCategory, { input: { name: `Toys ${randomUUID().slice(0, 6)}` } }, { token: agent })).data!.createCategory;
      const child = (await execute(t.url, CreateCategory, { input: { name: 'Puzzles', parentId: root.id } }, { token: agent })).data!.createCategory;
      const before = await db().count(CategoryEntity, {});
      const cycle = await execute(t.url, UpdateCategory, { id: root.id, input: { parentId: child.id } }, { token: agent });
      expect([codesOf(cycle), cycle.errors![0].extensions!.field]).toEqual([['BAD_USER_INPUT'], 'parentId']);
      const orphan = await execute(t.url, CreateCategory, { input: { name: 'Lost', parentId: 'nowhere' } }, { token: agent });
      expect([codesOf(orphan), orphan.errors![0].extensions!.field]).toEqual([['BAD_USER_INPUT'], 'parentId']);
      const blank = await execute(t.url, CreateCategory, { input: { name: ' ' } }, { token: agent });
      expect([codesOf(blank), blank.errors![0].extensions!.field]).toEqual([['BAD_USER_INPUT'], 'name']);
      const twin = await execute(t.url, CreateCategory, { input: { name: 'PUZZLES', parentId: root.id } }, { token: agent });
      expect([codesOf(twin), twin.errors![0].extensions!.field]).toEqual([['CONFLICT'], 'name']);
      expect(await db().count(CategoryEntity, {})).toBe(before);
      expect((await db().findOneOrFail(CategoryEntity, { id: root.id })).parentId).toBeNull();
      expect(codesOf(await execute(t.url, UpdateCategory, { id: 'nope', input: { name: 'X' } }, { token: agent }))).toEqual(['NOT_FOUND']);
    });
  });

  describe('bulk upsert for agents', () => {
    const item = (sku: string, overrides: Partial<UpsertProductInput> = {}): UpsertProductInput => ({ sku, name: `Item ${sku}`, priceAmount: 100, currency: 'EUR', ...overrides });

    it('creates, updates and leaves unchanged by SKU, reporting a bad item without sinking the batch', async () => {
      const existing = uniqueSku('BULK');
      const untouched = uniqueSku('BULK');
      await execute(t.url, Upsert, { input: [item(existing), item(untouched)] }, { token: agent });
      const fresh = uniqueSku('BULK');
      const bad = uniqueSku('BULK');
      const input = [item(existing, { priceAmount: 150 }), item(fresh), item(bad, { currency: 'ABC' }), item(untouched), item('not a sku')];

      const result = await execute(t.url, Upsert, { input }, { token: agent });
      expect(result.errors).toBeUndefined();
      expect(result.data!.upsertProducts.map((r) => [r.index, r.sku, r.status, r.error?.code ?? null, r.error?.field ?? null])).toEqual([
        [0, existing, 'UPDATED', null, null],
        [1, fresh, 'CREATED', null, null],
        [2, bad, 'ERROR', 'BAD_USER_INPUT', 'currency'],
        [3, untouched, 'UNCHANGED', null, null],
        [4, 'not a sku', 'ERROR', 'BAD_USER_INPUT', 'sku'],
      ]);
      expect(result.data!.upsertProducts[0].product).toMatchObject({ sku: existing, price: { amount: 150 } });
      expect(result.data!.upsertProducts[2].product).toBeNull();
      expect(await db().count(ProductEntity, { sku: bad })).toBe(0);

      // Retried (say after a timeout): nothing changes twice, nothing new is audited.
      const auditsBefore = await auditCount();
      const retried = await execute(t.url, Upsert, { input }, { token: agent });
      expect(retried.data!.upsertProducts.map((r) => r.status)).toEqual(['UNCHANGED', 'UNCHANGED', 'ERROR', 'UNCHANGED', 'ERROR']);
      expect(await auditCount()).toBe(auditsBefore);
      expect(await db().count(ProductEntity, { sku: fresh })).toBe(1);
    });

    it('reports every copy of a SKU given twice in one call and applies neither', async () => {
      const twice = uniqueSku('BULK');
      const result = await execute(t.url, Upsert, { input: [item(twice), item(twice, { name: 'Other' })] }, { token: agent });
      expect(result.data!.upsertProducts.map((r) => [r.status, r.error?.field])).toEqual([
        ['ERROR', 'sku'],
        ['ERROR', 'sku'],
      ]);
      expect(await db().count(ProductEntity, { sku: twice })).toBe(0);
    });

    it('refuses a call over 500 items whole, writing nothing', async () => {
      const prefix = uniqueSku('OVER');
      const input = Array.from({ length: 501 }, (_, i) => item(`${prefix}-${i}`));
      const auditsBefore = await auditCount();
      const result = await execute(t.url, Upsert, { input }, { token: agent });
      expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions!.field).toBe('input');
      expect(result.errors![0].message).toMatch(/at most 500 products per call, got 501/);
      expect(await db().count(ProductEntity, { sku: { $like: `${prefix}-%` } })).toBe(0);
      expect(await auditCount()).toBe(auditsBefore);
    });

    it('costs a bounded number of database queries for 500 items, not one per item', async () => {
      const prefix = uniqueSku('MANY');
      const input = (price: number) => Array.from({ length: 500 }, (_, i) => item(`${prefix}-${i}`, { priceAmount: price }));
      const run = (price: number, expected: string) =>
        counter.measure('catalog', async () => {
          const result = await execute(t.url, Upsert, { input: input(price) }, { token: agent });
          expect(result.errors).toBeUndefined();
          expect(new Set(result.data!.upsertProducts.map((r) => r.status))).toEqual(new Set([expected]));
        });
      const created = await run(100, 'CREATED');
      const updated = await run(200, 'UPDATED');
      const unchanged = await run(200, 'UNCHANGED');
      // Measured: 14, 14 and 7 (lookups, the variants' included, then batched inserts or updates of the
      // products and their default variants in one transaction); before variants: 8, 7 and 5.
      expect(created).toBeLessThanOrEqual(18);
      expect(updated).toBeLessThanOrEqual(18);
      expect(unchanged).toBeLessThanOrEqual(10);
      expect(await db().count(ProductEntity, { sku: { $like: `${prefix}-%` }, priceAmount: 200 })).toBe(500);
    });
  });

  describe('the audit log', () => {
    it('is for admins only', async () => {
      expect(codesOf(await execute(t.url, AuditLog, {}, { token: agent }))).toEqual(['FORBIDDEN']);
      expect(codesOf(await execute(t.url, AuditLog, {}))).toEqual(['UNAUTHENTICATED']);
      expect((await execute(t.url, AuditLog, { first: 1 }, { token: admin })).errors).toBeUndefined();
    });

    it('pages newest first and filters by actor and time', async () => {
      const since = new Date().toISOString();
      const actorId = `auditor-${randomUUID()}`;
      const token = await t.token(actorId, 'AGENT');
      for (let i = 0; i < 3; i += 1) await execute(t.url, CreateProduct, { input: validInput() }, { token });
      const first = await execute(t.url, AuditLog, { first: 2, filter: { actorId, from: since } }, { token: admin });
      expect(first.data!.auditLog.totalCount).toBe(3);
      const rest = await execute(t.url, AuditLog, { first: 2, after: first.data!.auditLog.pageInfo.endCursor, filter: { actorId } }, { token: admin });
      const ids = [...first.data!.auditLog.edges, ...rest.data!.auditLog.edges].map((e) => e.node.id);
      expect(ids).toEqual([...ids].sort().reverse());
      expect(new Set(ids).size).toBe(3);
    });

    it('stores an entry delivered twice by the event bus once', async () => {
      const record = auditRecord('inventory', { userId: 'redelivered-agent', roles: ['AGENT'], sessionId: null }, new Date(), {
        action: 'stock.set',
        entityType: 'StockLevel',
        entityId: 'some-product',
        before: { onHand: 1 },
        after: { onHand: 2 },
      });
      const event = { id: `evt-${randomUUID()}`, type: AUDIT_RECORDED, occurredAt: record.at, payload: record };
      await t.stack.messaging.events.publish(event);
      await t.stack.messaging.events.publish(event);
      await waitFor(async () => (await db().count(AuditEntryEntity, { id: event.id })) === 1);
      // Let the second delivery be handled too, then check it added nothing.
      await t.stack.messaging.events.publish({ ...event, id: `evt-${randomUUID()}`, payload: { ...record, actorId: 'barrier' } });
      await waitFor(async () => (await db().count(AuditEntryEntity, { actorId: 'barrier' })) === 1);
      expect(await db().count(AuditEntryEntity, { actorId: 'redelivered-agent' })).toBe(1);
    });
  });
});
