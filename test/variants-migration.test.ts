import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'libsql';
import { DEMO_PRODUCTS } from '../contracts/demo';
import { ProductEntity } from '../subgraphs/catalog/product.entity';
import { ProductVariantEntity } from '../subgraphs/catalog/variant.entity';
import { StockLevelEntity } from '../subgraphs/inventory/stock.entity';
import { graphql } from './__generated__/index';
import { execute } from './support/graphql';
import { startTestStack, type TestStack } from './support/stack';

/**
 * Start-up on databases written before variants. The fixtures are SQL dumps
 * of the catalog, inventory and orders databases as the code before variants
 * (main at 988d5ea) wrote them: the demo catalogue, a product "OLD-LAMP"
 * with attributes and media stocked at 12, a cart line for the demo mug, and
 * an order of 2 lamps holding a reservation (its expiry moved to 2100 so the
 * sweeper leaves it be).
 */
const FIXTURES = path.join(__dirname, 'fixtures', 'before-variants');
const LAMP = '01a24e687901000003c1dfc83118fa76';
const ORDER = '01a24e687c7900008c9117f269adc215';
const CUSTOMER = 'fixture-customer';
const MUG = 'demo-product-0001';

const Lamp = graphql(`
  query MigrationLamp($id: ID!) {
    product(id: $id) {
      sku
      stock { onHand reserved }
      variants { id sku title isDefault optionValues { option } price { amount currency } attributes { key value } media { url alt } status stock { onHand reserved } }
    }
  }
`);

const OldOrder = graphql(`
  query MigrationOrder($id: ID!) {
    order(id: $id) { status lines { product { id } variant { id sku } sku quantity } }
  }
`);

const OldCart = graphql(`
  query MigrationCart {
    cart { lines { product { id } variant { id } quantity unitPrice { amount } } }
  }
`);

const PlaceFromCart = graphql(`
  mutation MigrationPlaceFromCart {
    placeOrderFromCart { status lines { variant { id } sku quantity } }
  }
`);

/** Writes each fixture into its database file, as the earlier version left it. */
async function writeOldDatabases(dataDir: string): Promise<void> {
  for (const service of ['catalog', 'inventory', 'orders']) {
    const db = new Database(path.join(dataDir, `${service}.sqlite`));
    db.exec(await readFile(path.join(FIXTURES, `${service}.sql`), 'utf8'));
    db.close();
  }
}

describe('the variants migration at start-up', () => {
  let dataDir: string;
  let t: TestStack;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'shop-migration-'));
    await writeOldDatabases(dataDir);
    t = await startTestStack({ dataDir });
  });
  afterAll(async () => {
    await t.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("gives every existing product its default variant: the product's id, SKU, price, attributes, media and status", async () => {
    const em = t.stack.subgraphs.catalog.orm.em.fork();
    const [products, variants] = [await em.find(ProductEntity, {}), await em.find(ProductVariantEntity, {})];
    expect(products.length).toBeGreaterThan(1);
    // Besides the demo seed's own variants (the hoodie's other sizes and colours, not in the old file), only default ones.
    const seeded = new Set(DEMO_PRODUCTS.flatMap((product) => product.variants?.slice(1) ?? []).map((variant) => variant.id));
    const migrated = variants.filter((variant) => !seeded.has(variant.id));
    expect(migrated.map((v) => [v.id, v.productId, v.sku]).sort()).toEqual(products.map((p) => [p.id, p.id, p.sku]).sort());

    const lamp = await execute(t.url, Lamp, { id: LAMP });
    expect(lamp.errors).toBeUndefined();
    expect(lamp.data!.product).toEqual({
      sku: 'OLD-LAMP',
      stock: { onHand: 12, reserved: 2 },
      variants: [
        {
          id: LAMP,
          sku: 'OLD-LAMP',
          title: 'Default',
          isDefault: true,
          optionValues: [],
          price: { amount: 4500, currency: 'EUR' },
          attributes: [{ key: 'material', value: 'brass' }],
          media: [{ url: 'https://cdn.shop.test/lamp.jpg', alt: 'The lamp' }],
          status: 'ACTIVE',
          stock: { onHand: 12, reserved: 2 },
        },
      ],
    });
  });

  it("keeps stock rows, order lines, reservations and cart lines naming a product valid: each names the product's default variant", async () => {
    const agent = await t.token('migration-agent', 'AGENT');
    const order = await execute(t.url, OldOrder, { id: ORDER }, { token: agent });
    expect(order.data!.order).toEqual({ status: 'AWAITING_PAYMENT', lines: [{ product: { id: LAMP }, variant: { id: LAMP, sku: 'OLD-LAMP' }, sku: null, quantity: 2 }] });

    const token = await t.token(CUSTOMER);
    const cart = await execute(t.url, OldCart, {}, { token });
    expect(cart.data!.cart.lines).toEqual([{ product: { id: MUG }, variant: { id: MUG }, quantity: 1, unitPrice: { amount: 1200 } }]);
    const placed = await execute(t.url, PlaceFromCart, {}, { token });
    expect(placed.errors).toBeUndefined();
    expect(placed.data!.placeOrderFromCart).toEqual({ status: 'AWAITING_PAYMENT', lines: [{ variant: { id: MUG }, sku: 'MUG-CLASSIC', quantity: 1 }] });
    const mug = await t.stack.subgraphs.inventory.orm.em.fork().findOneOrFail(StockLevelEntity, { productId: MUG });
    expect(mug.reserved).toBe(1);
  });

  it('changes nothing when it runs again', async () => {
    const count = () => t.stack.subgraphs.catalog.orm.em.fork().count(ProductVariantEntity, {});
    const before = await count();
    await t.stop();
    t = await startTestStack({ dataDir });
    expect(await count()).toBe(before);
    expect((await execute(t.url, Lamp, { id: LAMP })).data!.product!.variants).toHaveLength(1);
  });
});
