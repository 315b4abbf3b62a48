import { randomUUID } from 'node:crypto';
import { AuditEntryEntity } from '../subgraphs/catalog/audit.entity';
import { ProductEntity } from '../subgraphs/catalog/product.entity';
import { ProductVariantEntity } from '../subgraphs/catalog/variant.entity';
import { CartLineEntity } from '../subgraphs/orders/cart.entity';
import { OrderEntity } from '../subgraphs/orders/order.entity';
import { graphql } from './__generated__/index';
import type { AddProductVariantInput } from './__generated__/graphql';
import { codesOf, execute } from './support/graphql';
import { connect, type LiveClient } from './support/live';
import { ConfirmPayment } from './support/orders';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const CreateProduct = graphql(`
  mutation VariantsCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) { id variants { id sku title isDefault optionValues { option value } price { amount currency } status } }
  }
`);

const SetOptions = graphql(`
  mutation VariantsSetOptions($productId: ID!, $options: [ProductOptionInput!]!, $defaultVariantValues: [VariantOptionValueInput!]) {
    setProductOptions(productId: $productId, options: $options, defaultVariantValues: $defaultVariantValues) {
      id
      options { name values }
      variants { id title optionValues { option value } }
    }
  }
`);

const AddVariant = graphql(`
  mutation VariantsAdd($productId: ID!, $input: AddProductVariantInput!) {
    addProductVariant(productId: $productId, input: $input) { id sku title isDefault optionValues { option value } price { amount currency } status product { id } }
  }
`);

const UpdateVariant = graphql(`
  mutation VariantsUpdate($id: ID!, $input: UpdateProductVariantInput!) {
    updateProductVariant(id: $id, input: $input) { id price { amount } status }
  }
`);

const ArchiveVariant = graphql(`
  mutation VariantsArchive($id: ID!) {
    archiveProductVariant(id: $id) { id status }
  }
`);

const UpdateProduct = graphql(`
  mutation VariantsUpdateProduct($id: ID!, $input: UpdateProductInput!) {
    updateProduct(id: $id, input: $input) { id price { amount } }
  }
`);

const ProductPage = graphql(`
  query VariantsProductPage($id: ID, $sku: String) {
    product(id: $id, sku: $sku) {
      id
      options { name values }
      stock { productId variantId onHand reserved available }
      variants { id sku title optionValues { option value } price { amount } stock { productId variantId onHand reserved available } }
    }
  }
`);

const VariantBySku = graphql(`
  query VariantsBySku($sku: String!) {
    productVariant(sku: $sku) { id title product { id } }
  }
`);

const SetStock = graphql(`
  mutation VariantsSetStock($productId: ID!, $onHand: Int!) {
    setStock(productId: $productId, onHand: $onHand) { productId variantId onHand product { id } }
  }
`);

const SetStockBySku = graphql(`
  mutation VariantsSetStockBySku($sku: String!, $onHand: Int!) {
    setStockBySku(sku: $sku, onHand: $onHand) { productId variantId onHand }
  }
`);

const AddToCart = graphql(`
  mutation VariantsAddToCart($productId: ID, $variantId: ID, $quantity: Int!) {
    addToCart(productId: $productId, variantId: $variantId, quantity: $quantity) {
      lines { product { id } variant { id sku title } quantity unitPrice { amount } available }
      total { amount }
    }
  }
`);

const PlaceFromCart = graphql(`
  mutation VariantsPlaceFromCart {
    placeOrderFromCart { id status total { amount } lines { product { id } variant { id title } sku optionValues { option value } quantity unitPrice { amount } } }
  }
`);

const PlaceOrder = graphql(`
  mutation VariantsPlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) { id status lines { product { id } variant { id } sku quantity } }
  }
`);

const WatchStock = graphql(`
  subscription VariantsWatchStock($productIds: [ID!]!) {
    stockLevelChanged(productIds: $productIds) { productId variantId onHand reserved }
  }
`);

const AuditLog = graphql(`
  query VariantsAuditLog($filter: AuditFilter) {
    auditLog(first: 20, filter: $filter) { edges { node { action entityType entityId actorId before after } } }
  }
`);

const WalkCreateWarehouse = graphql(`
  mutation VariantsWalkWarehouse($input: CreateWarehouseInput!) {
    createWarehouse(input: $input) { id }
  }
`);

const WalkSetStockIn = graphql(`
  mutation VariantsWalkSetStockIn($productId: ID!, $onHand: Int!, $warehouseId: ID) {
    setStock(productId: $productId, onHand: $onHand, warehouseId: $warehouseId) { productId onHand product { id } }
  }
`);

const WalkTransfer = graphql(`
  mutation VariantsWalkTransfer($input: TransferStockInput!) {
    transferStock(input: $input) { productId quantity stock { warehouse { code } productId onHand } }
  }
`);

const WalkStock = graphql(`
  query VariantsWalkStock($id: ID!) {
    product(id: $id) {
      stock { onHand reserved }
      stockByWarehouse { warehouse { code } productId variant { id } product { id } onHand reserved }
      variants { id stock { onHand reserved } stockByWarehouse { warehouse { code } product { id } onHand reserved } }
    }
  }
`);

const WalkPriceRule = graphql(`
  mutation VariantsWalkPriceRule($input: PriceRuleInput!) {
    createPriceRule(input: $input) { id }
  }
`);

const WalkPromotion = graphql(`
  mutation VariantsWalkPromotion($input: PromotionInput!) {
    createPromotion(input: $input) { id }
  }
`);

graphql(`
  fragment VariantsWalkTotals on Totals {
    pricesIncludeTax
    subtotal { amount currency }
    discounts { source code amount { amount } }
    discountTotal { amount }
    taxes { category rate base { amount } amount { amount } }
    taxTotal { amount }
    total { amount currency }
    lines { variantId quantity regularUnitPrice { amount } unitPrice { amount } discount { amount } tax { amount } total { amount } }
  }
`);

const WalkApplyCode = graphql(`
  mutation VariantsWalkApplyCode($code: String!) {
    applyDiscountCode(code: $code) { totals { ...VariantsWalkTotals } }
  }
`);

const WalkPlace = graphql(`
  mutation VariantsWalkPlace($expectedTotal: Int) {
    placeOrderFromCart(expectedTotal: $expectedTotal) { id status total { amount } lines { variant { id } quantity unitPrice { amount } } totals { ...VariantsWalkTotals } payment { amount { amount } } }
  }
`);

const WalkOrder = graphql(`
  query VariantsWalkOrder($id: ID!) {
    order(id: $id) { status total { amount } totals { ...VariantsWalkTotals } }
  }
`);

const sku = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;

describe('product variants through the gateway', () => {
  let t: TestStack;
  let agent: string;
  let admin: string;
  const clients: LiveClient[] = [];

  const catalogDb = () => t.stack.subgraphs.catalog.orm.em.fork();
  const ordersDb = () => t.stack.subgraphs.orders.orm.em.fork();
  const variantCount = () => catalogDb().count(ProductVariantEntity, {});
  // Catalog's own entries, written with the change: other services' entries (the stock just set) arrive later by events.
  const auditCount = () => catalogDb().count(AuditEntryEntity, { service: 'catalog' });

  /** A T-shirt in sizes S (its default variant), M and L, each with its own SKU and price; XL is offered but has no variant yet. */
  async function tShirt(): Promise<{ productId: string; productSku: string; s: string; m: string; l: string; mSku: string }> {
    const productSku = sku('TEE');
    const created = await execute(t.url, CreateProduct, { input: { sku: productSku, name: 'Logo tee', priceAmount: 2000, currency: 'EUR' } }, { token: agent });
    expect(created.errors).toBeUndefined();
    const productId = created.data!.createProduct.id;
    const options = await execute(t.url, SetOptions, { productId, options: [{ name: 'Size', values: ['S', 'M', 'L', 'XL'] }] }, { token: agent });
    expect(options.errors).toBeUndefined();
    const mSku = `${productSku}-M`;
    const m = await execute(t.url, AddVariant, { productId, input: { sku: mSku, optionValues: [{ option: 'size', value: 'm' }], priceAmount: 2100 } }, { token: agent });
    const l = await execute(t.url, AddVariant, { productId, input: { sku: `${productSku}-L`, optionValues: [{ option: 'Size', value: 'L' }], priceAmount: 2200 } }, { token: agent });
    expect([m.errors, l.errors]).toEqual([undefined, undefined]);
    return { productId, productSku, s: productId, m: m.data!.addProductVariant.id, l: l.data!.addProductVariant.id, mSku };
  }

  beforeAll(async () => {
    t = await startTestStack();
    agent = await t.token('variants-agent', 'AGENT');
    admin = await t.token('variants-admin', 'ADMIN');
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });
  afterAll(() => t.stop());

  it("gives a new product one default variant with the product's id, SKU and price", async () => {
    const productSku = sku('MUG');
    const created = await execute(t.url, CreateProduct, { input: { sku: productSku, name: 'Mug', priceAmount: 1200, currency: 'eur' } }, { token: agent });
    const product = created.data!.createProduct;
    expect(product.variants).toEqual([
      { id: product.id, sku: productSku, title: 'Default', isDefault: true, optionValues: [], price: { amount: 1200, currency: 'EUR' }, status: 'ACTIVE' },
    ]);
    // The default variant follows the product's price.
    await execute(t.url, UpdateProduct, { id: product.id, input: { priceAmount: 1300 } }, { token: agent });
    const page = await execute(t.url, ProductPage, { id: product.id });
    expect(page.data!.product!.variants.map((v) => v.price.amount)).toEqual([1300]);
  });

  it("keeps the default variant's status the product's while it has no options, and its own once it has", async () => {
    const plain = (await execute(t.url, CreateProduct, { input: { sku: sku('LAMP'), name: 'Lamp', priceAmount: 4000, currency: 'EUR' } }, { token: agent })).data!.createProduct.id;
    await execute(t.url, UpdateProduct, { id: plain, input: { status: 'ARCHIVED' } }, { token: agent });
    expect((await execute(t.url, ProductPage, { id: plain }, { token: agent })).data!.product!.variants).toEqual([expect.objectContaining({ id: plain })]);
    expect((await catalogDb().findOneOrFail(ProductVariantEntity, { id: plain })).status).toBe('ARCHIVED');

    const tee = await tShirt();
    await execute(t.url, ArchiveVariant, { id: tee.s }, { token: agent });
    await execute(t.url, UpdateProduct, { id: tee.productId, input: { priceAmount: 2500 } }, { token: agent });
    const s = await catalogDb().findOneOrFail(ProductVariantEntity, { id: tee.s });
    expect([s.status, s.priceAmount]).toEqual(['ARCHIVED', 2500]);
    expect((await execute(t.url, ProductPage, { id: tee.productId })).data!.product!.variants.map((v) => v.id)).toEqual([tee.m, tee.l]);
  });

  it('sells a product in three sizes: stock per variant, the product showing the sum, an order per variant as placed and paid', async () => {
    const tee = await tShirt();
    const page = await execute(t.url, ProductPage, { id: tee.productId });
    expect(page.data!.product).toMatchObject({
      options: [{ name: 'Size', values: ['S', 'M', 'L', 'XL'] }],
      variants: [
        { id: tee.s, sku: tee.productSku, title: 'S', optionValues: [{ option: 'Size', value: 'S' }], price: { amount: 2000 } },
        { id: tee.m, sku: tee.mSku, title: 'M', optionValues: [{ option: 'Size', value: 'M' }], price: { amount: 2100 } },
        { id: tee.l, title: 'L', price: { amount: 2200 } },
      ],
    });
    // Any variant's SKU finds the product, and the variant itself, ignoring case.
    expect((await execute(t.url, ProductPage, { sku: tee.mSku.toLowerCase() })).data!.product!.id).toBe(tee.productId);
    expect((await execute(t.url, VariantBySku, { sku: tee.mSku.toLowerCase() })).data!.productVariant).toEqual({ id: tee.m, title: 'M', product: { id: tee.productId } });

    const stocked = await execute(t.url, SetStock, { productId: tee.m, onHand: 7 }, { token: agent });
    expect(stocked.data!.setStock).toEqual({ productId: tee.m, variantId: tee.m, onHand: 7, product: { id: tee.productId } });
    await execute(t.url, SetStock, { productId: tee.s, onHand: 5 }, { token: agent });
    expect((await execute(t.url, SetStockBySku, { sku: `${tee.productSku}-l`, onHand: 9 }, { token: agent })).data!.setStockBySku).toEqual({ productId: tee.l, variantId: tee.l, onHand: 9 });

    const stocks = (await execute(t.url, ProductPage, { id: tee.productId })).data!.product!;
    expect(stocks.stock).toEqual({ productId: tee.productId, variantId: null, onHand: 21, reserved: 0, available: 21 });
    expect(stocks.variants.map((v) => v.stock)).toEqual([
      { productId: tee.s, variantId: tee.s, onHand: 5, reserved: 0, available: 5 },
      { productId: tee.m, variantId: tee.m, onHand: 7, reserved: 0, available: 7 },
      { productId: tee.l, variantId: tee.l, onHand: 9, reserved: 0, available: 9 },
    ]);

    const customer = `customer-${randomUUID()}`;
    const token = await t.token(customer);
    const cart = await execute(t.url, AddToCart, { variantId: tee.m, quantity: 2 }, { token });
    expect(cart.data!.addToCart).toEqual({
      lines: [{ product: { id: tee.productId }, variant: { id: tee.m, sku: tee.mSku, title: 'M' }, quantity: 2, unitPrice: { amount: 2100 }, available: true }],
      total: { amount: 4200 },
    });
    const placed = await execute(t.url, PlaceFromCart, {}, { token });
    expect(placed.errors).toBeUndefined();
    const order = placed.data!.placeOrderFromCart;
    expect(order).toMatchObject({
      status: 'AWAITING_PAYMENT',
      total: { amount: 4200 },
      lines: [{ product: { id: tee.productId }, variant: { id: tee.m, title: 'M' }, sku: tee.mSku, optionValues: [{ option: 'Size', value: 'M' }], quantity: 2, unitPrice: { amount: 2100 } }],
    });
    const held = (await execute(t.url, ProductPage, { id: tee.productId })).data!.product!;
    expect(held.variants.map((v) => v.stock!.reserved)).toEqual([0, 2, 0]);
    expect(held.stock).toMatchObject({ onHand: 21, reserved: 2, available: 19 });

    const paid = await execute(t.url, ConfirmPayment, { orderId: order.id, paymentMethod: 'pm_card_visa' }, { token });
    expect(paid.data!.confirmPayment.status).toBe('SUCCEEDED');
    await waitFor(async () => (await execute(t.url, ProductPage, { id: tee.productId })).data!.product!.variants[1].stock!.onHand === 5);
    const sold = (await execute(t.url, ProductPage, { id: tee.productId })).data!.product!;
    expect(sold.variants.map((v) => [v.stock!.onHand, v.stock!.reserved])).toEqual([
      [5, 0],
      [5, 0],
      [9, 0],
    ]);
    expect(sold.stock).toMatchObject({ onHand: 19, reserved: 0, available: 19 });

    // A later price change does not alter the order as placed.
    await execute(t.url, UpdateVariant, { id: tee.m, input: { priceAmount: 9900 } }, { token: agent });
    const stored = await ordersDb().findOneOrFail(OrderEntity, { id: order.id });
    expect(stored.lines.map((line) => [line.productId, line.variantId, line.sku, line.unitPriceAmount])).toEqual([[tee.productId, tee.m, tee.mSku, 2100]]);
  });

  it("walks issue 16's path: three variants in two warehouses, a sale on one, a 20% code, 20% VAT included; cart, placement, payment; the breakdown as computed by hand", async () => {
    const tee = await tShirt();
    const code = `north${randomUUID().slice(0, 6)}`.toUpperCase();
    const north = (await execute(t.url, WalkCreateWarehouse, { input: { code, name: 'North hub', country: 'de', city: 'Kiel', priority: 10 } }, { token: admin })).data!.createWarehouse.id;
    const set = async (variantId: string, onHand: number, warehouseId: string | null) => {
      const result = await execute(t.url, WalkSetStockIn, { productId: variantId, onHand, warehouseId }, { token: agent });
      expect(result.errors).toBeUndefined();
      expect(result.data!.setStock.product.id).toBe(tee.productId);
    };
    // S only in the default warehouse, M in both, L only in the north (which reservations take from first).
    await set(tee.s, 4, null);
    await set(tee.m, 2, null);
    await set(tee.m, 3, north);
    await set(tee.l, 5, north);

    // Warehouse changes of a variant keep the product's sum, and its subscribers see it.
    const live = connect(t.url);
    clients.push(live);
    const byProduct = live.subscribe(WatchStock, { productIds: [tee.productId] });
    await byProduct.count(1);
    expect(byProduct.data[0].stockLevelChanged).toEqual({ productId: tee.productId, variantId: null, onHand: 14, reserved: 0 });
    const moved = await execute(
      t.url,
      WalkTransfer,
      { input: { fromWarehouseId: 'warehouse-default', toWarehouseId: north, productId: tee.m, quantity: 1, reason: 'rebalance', idempotencyKey: `walk-${code}` } },
      { token: agent },
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.transferStock.stock.map((s) => [s.warehouse.code, s.productId, s.onHand])).toEqual([
      [code, tee.m, 4],
      ['DEFAULT', tee.m, 1],
    ]);
    await set(tee.l, 6, north);
    await waitFor(() => byProduct.data.some((d) => d.stockLevelChanged.onHand === 15));
    expect(byProduct.data.at(-1)!.stockLevelChanged).toEqual({ productId: tee.productId, variantId: null, onHand: 15, reserved: 0 });

    // A sale on M only (2100 -> 1800) and a 20% code; the demo tax zone (France) takes 20% VAT, prices including it.
    expect((await execute(t.url, WalkPriceRule, { input: { kind: 'SALE', variantId: tee.m, currency: 'EUR', amount: 1800 } }, { token: agent })).errors).toBeUndefined();
    const discount = `WALK${randomUUID().slice(0, 8).toUpperCase()}`;
    expect((await execute(t.url, WalkPromotion, { input: { name: '20% off', code: discount, currency: 'EUR', kind: 'PERCENTAGE', value: 20 } }, { token: agent })).errors).toBeUndefined();

    const token = await t.token(`customer-${randomUUID()}`);
    for (const [variantId, quantity] of [[tee.m, 3], [tee.l, 1], [tee.s, 1]] as const) {
      expect((await execute(t.url, AddToCart, { variantId, quantity }, { token })).errors).toBeUndefined();
    }
    const priced = await execute(t.url, WalkApplyCode, { code: discount.toLowerCase() }, { token });
    expect(priced.errors).toBeUndefined();
    // By hand: M 3 x 18.00 = 54.00 (sale), L 22.00, S 20.00: 96.00. 20% off each line: 10.80, 4.40, 4.00 = 19.20, leaving
    // 43.20, 17.60, 16.00 = 76.80. VAT inside them, x 20/120: 7.20, 2.933 -> 2.93, 2.667 -> 2.67 = 12.80 (76.80 / 6); base 64.00.
    const byLine = <T extends { variantId: string }>(lines: readonly T[]): T[] => [...lines].sort((a, b) => a.variantId.localeCompare(b.variantId));
    const lines = byLine([
      { variantId: tee.m, quantity: 3, regularUnitPrice: { amount: 2100 }, unitPrice: { amount: 1800 }, discount: { amount: 1080 }, tax: { amount: 720 }, total: { amount: 4320 } },
      { variantId: tee.l, quantity: 1, regularUnitPrice: { amount: 2200 }, unitPrice: { amount: 2200 }, discount: { amount: 440 }, tax: { amount: 293 }, total: { amount: 1760 } },
      { variantId: tee.s, quantity: 1, regularUnitPrice: { amount: 2000 }, unitPrice: { amount: 2000 }, discount: { amount: 400 }, tax: { amount: 267 }, total: { amount: 1600 } },
    ]);
    const expected = {
      pricesIncludeTax: true,
      subtotal: { amount: 9600, currency: 'EUR' },
      discounts: [{ source: 'CODE', code: discount, amount: { amount: 1920 } }],
      discountTotal: { amount: 1920 },
      taxes: [{ category: 'STANDARD', rate: 2000, base: { amount: 6400 }, amount: { amount: 1280 } }],
      taxTotal: { amount: 1280 },
      total: { amount: 7680, currency: 'EUR' },
    };
    const cartTotals = priced.data!.applyDiscountCode.totals!;
    expect(cartTotals).toMatchObject(expected);
    expect(byLine(cartTotals.lines)).toEqual(lines);

    const placed = await execute(t.url, WalkPlace, { expectedTotal: 7680 }, { token });
    expect(placed.errors).toBeUndefined();
    const order = placed.data!.placeOrderFromCart;
    expect(order).toMatchObject({ status: 'AWAITING_PAYMENT', total: { amount: 7680 }, totals: expected, payment: { amount: { amount: 7680 } } });
    expect(byLine(order.totals!.lines)).toEqual(lines);
    // The order's lines keep the catalog's prices of the variants; pricing's breakdown holds the sale and the code.
    expect(order.lines.map((l) => [l.variant!.id, l.quantity, l.unitPrice.amount]).sort()).toEqual(
      [
        [tee.m, 3, 2100],
        [tee.l, 1, 2200],
        [tee.s, 1, 2000],
      ].sort(),
    );

    // Held per variant, from the north first: M 3 and L 1 there, S 1 in the default warehouse; the product's figures are the sums.
    const held = (await execute(t.url, WalkStock, { id: tee.productId }, { token: agent })).data!.product!;
    expect(held.stock).toEqual({ onHand: 15, reserved: 5 });
    expect(held.stockByWarehouse!.map((s) => [s.warehouse.code, s.productId, s.variant, s.product.id, s.onHand, s.reserved])).toEqual([
      [code, tee.productId, null, tee.productId, 10, 4],
      ['DEFAULT', tee.productId, null, tee.productId, 5, 1],
    ]);
    const m = held.variants.find((v) => v.id === tee.m)!;
    expect(m.stock).toEqual({ onHand: 5, reserved: 3 });
    expect(m.stockByWarehouse!.map((s) => [s.warehouse.code, s.product.id, s.onHand, s.reserved])).toEqual([
      [code, tee.productId, 4, 3],
      ['DEFAULT', tee.productId, 1, 0],
    ]);

    expect((await execute(t.url, ConfirmPayment, { orderId: order.id, paymentMethod: 'pm_card_visa' }, { token })).data!.confirmPayment.status).toBe('SUCCEEDED');
    await waitFor(async () => (await execute(t.url, WalkOrder, { id: order.id }, { token })).data!.order!.status === 'PAID');
    await waitFor(async () => (await execute(t.url, WalkStock, { id: tee.productId }, { token: agent })).data!.product!.stock!.reserved === 0);
    const sold = (await execute(t.url, WalkStock, { id: tee.productId }, { token: agent })).data!.product!;
    expect(sold.stock).toEqual({ onHand: 10, reserved: 0 });
    expect(sold.stockByWarehouse!.map((s) => [s.warehouse.code, s.onHand, s.reserved])).toEqual([
      [code, 6, 0],
      ['DEFAULT', 4, 0],
    ]);
    const paid = (await execute(t.url, WalkOrder, { id: order.id }, { token })).data!.order!;
    expect(paid).toMatchObject({ status: 'PAID', total: { amount: 7680 }, totals: expected });
    await waitFor(() => byProduct.data.some((d) => d.stockLevelChanged.onHand === 10 && d.stockLevelChanged.reserved === 0));
  }, 60_000);

  it('follows stock by variant id (its own levels) and by product id (the sum)', async () => {
    const tee = await tShirt();
    await execute(t.url, SetStock, { productId: tee.m, onHand: 3 }, { token: agent });
    await execute(t.url, SetStock, { productId: tee.l, onHand: 4 }, { token: agent });
    const live = connect(t.url);
    clients.push(live);
    const byVariant = live.subscribe(WatchStock, { productIds: [tee.l] });
    const byProduct = live.subscribe(WatchStock, { productIds: [tee.productId] });
    await Promise.all([byVariant.count(1), byProduct.count(1)]);
    expect(byVariant.data[0].stockLevelChanged).toEqual({ productId: tee.l, variantId: tee.l, onHand: 4, reserved: 0 });
    expect(byProduct.data[0].stockLevelChanged).toEqual({ productId: tee.productId, variantId: null, onHand: 7, reserved: 0 });

    await execute(t.url, SetStock, { productId: tee.l, onHand: 10 }, { token: agent });
    await Promise.all([byVariant.count(2), byProduct.count(2)]);
    expect(byVariant.data.at(-1)!.stockLevelChanged).toEqual({ productId: tee.l, variantId: tee.l, onHand: 10, reserved: 0 });
    expect(byProduct.data.at(-1)!.stockLevelChanged).toEqual({ productId: tee.productId, variantId: null, onHand: 13, reserved: 0 });
    expect([...byVariant.messages, ...byProduct.messages].every((m) => m.errors === undefined)).toBe(true);
  });

  it('audits variant changes like product changes', async () => {
    const tee = await tShirt();
    await execute(t.url, ArchiveVariant, { id: tee.l }, { token: agent });
    const log = await execute(t.url, AuditLog, { filter: { entityId: tee.l } }, { token: admin });
    expect(log.data!.auditLog.edges.map((e) => e.node.action).sort()).toEqual(['variant.archived', 'variant.created']);
    expect(log.data!.auditLog.edges.find((e) => e.node.action === 'variant.archived')!.node).toMatchObject({
      actorId: 'variants-agent',
      entityType: 'ProductVariant',
      before: { status: 'ACTIVE' },
      after: { status: 'ARCHIVED' },
    });
    const options = await execute(t.url, AuditLog, { filter: { entityId: tee.productId } }, { token: admin });
    expect(options.data!.auditLog.edges.map((e) => e.node.action)).toContain('product.options_set');
    // Archiving frees the combination for a new variant.
    const again = await execute(t.url, AddVariant, { productId: tee.productId, input: { sku: sku('TEE-L2'), optionValues: [{ option: 'Size', value: 'L' }] } }, { token: agent });
    expect(again.errors).toBeUndefined();
  });

  describe('refuses bad variant input with a clear code, writing nothing', () => {
    it.each<[string, (tee: Awaited<ReturnType<typeof tShirt>>) => Partial<AddProductVariantInput>, string, Record<string, unknown>]>([
      ["another product's SKU", () => ({ sku: 'MUG-CLASSIC' }), 'CONFLICT', { reason: 'SKU_TAKEN', field: 'sku' }],
      ["another variant's SKU, in another case", (tee) => ({ sku: tee.mSku.toLowerCase() }), 'CONFLICT', { reason: 'SKU_TAKEN', field: 'sku' }],
      ['a value the option does not have', () => ({ optionValues: [{ option: 'Size', value: 'XXL' }] }), 'BAD_USER_INPUT', { reason: 'OPTION_VALUES_MISMATCH', field: 'optionValues.0.value' }],
      ['an option the product does not have', () => ({ optionValues: [{ option: 'Size', value: 'S' }, { option: 'Colour', value: 'Red' }] }), 'BAD_USER_INPUT', { reason: 'OPTION_VALUES_MISMATCH', field: 'optionValues.1.option' }],
      ['the option values of another variant', () => ({ optionValues: [{ option: 'Size', value: 'M' }] }), 'CONFLICT', { reason: 'VARIANT_COMBINATION_EXISTS', field: 'optionValues' }],
      ['a negative price', () => ({ priceAmount: -1 }), 'BAD_USER_INPUT', { field: 'priceAmount' }],
    ])('refuses %s', async (_case, overrides, code, extensions) => {
      const tee = await tShirt();
      const input = { sku: sku('NEW'), optionValues: [{ option: 'Size', value: 'XL' }], ...overrides(tee) };
      const before = [await variantCount(), await auditCount()];
      const refused = await execute(t.url, AddVariant, { productId: tee.productId, input }, { token: agent });
      expect(codesOf(refused)).toEqual([code]);
      expect(refused.errors![0].extensions).toMatchObject(extensions);
      expect([await variantCount(), await auditCount()]).toEqual(before);
    });

    it('refuses a variant for a product without options', async () => {
      const created = await execute(t.url, CreateProduct, { input: { sku: sku('PLAIN'), name: 'Plain', priceAmount: 100, currency: 'EUR' } }, { token: agent });
      const before = [await variantCount(), await auditCount()];
      const refused = await execute(t.url, AddVariant, { productId: created.data!.createProduct.id, input: { sku: sku('PLAIN-X'), optionValues: [{ option: 'Size', value: 'S' }] } }, { token: agent });
      expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OPTION_VALUES_MISMATCH' });
      expect([await variantCount(), await auditCount()]).toEqual(before);
    });

    it('refuses a product SKU that is a variant\'s', async () => {
      const tee = await tShirt();
      const before = await catalogDb().count(ProductEntity, {});
      const refused = await execute(t.url, CreateProduct, { input: { sku: tee.mSku, name: 'Clash', priceAmount: 100, currency: 'EUR' } }, { token: agent });
      expect(refused.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SKU_TAKEN', field: 'sku' });
      expect(await catalogDb().count(ProductEntity, {})).toBe(before);
    });

    it('refuses new options that would leave a variant without fitting values, and a changed variant clashing with another', async () => {
      const tee = await tShirt();
      const shrink = await execute(t.url, SetOptions, { productId: tee.productId, options: [{ name: 'Size', values: ['S', 'M', 'XL'] }] }, { token: agent });
      expect(shrink.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OPTION_VALUES_MISMATCH', field: 'options' });
      const clash = await execute(t.url, UpdateVariant, { id: tee.l, input: { optionValues: [{ option: 'Size', value: 'M' }] } }, { token: agent });
      expect(clash.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'VARIANT_COMBINATION_EXISTS' });
      const negative = await execute(t.url, UpdateVariant, { id: tee.l, input: { priceAmount: -5 } }, { token: agent });
      expect(negative.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'priceAmount' });
      const page = (await execute(t.url, ProductPage, { id: tee.productId })).data!.product!;
      expect(page.options).toEqual([{ name: 'Size', values: ['S', 'M', 'L', 'XL'] }]);
      expect(page.variants.find((v) => v.id === tee.l)).toMatchObject({ optionValues: [{ option: 'Size', value: 'L' }], price: { amount: 2200 } });
    });
  });

  describe('refuses a product sold in several variants without the variant, holding nothing', () => {
    it('in the cart', async () => {
      const tee = await tShirt();
      const customer = `customer-${randomUUID()}`;
      const token = await t.token(customer);
      const refused = await execute(t.url, AddToCart, { productId: tee.productId, quantity: 1 }, { token });
      expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VARIANT_REQUIRED', field: 'productId', productId: tee.productId });
      const wrongProduct = await execute(t.url, AddToCart, { productId: 'demo-product-0001', variantId: tee.m, quantity: 1 }, { token });
      expect(wrongProduct.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'variantId' });
      expect(await ordersDb().count(CartLineEntity, { customerId: customer })).toBe(0);
      // The default variant is named by its id as variantId; a variant's id alone as productId works too.
      const both = await execute(t.url, AddToCart, { productId: tee.productId, variantId: tee.s, quantity: 1 }, { token });
      expect(both.errors).toBeUndefined();
      const byVariantId = await execute(t.url, AddToCart, { productId: tee.l, quantity: 1 }, { token });
      expect(byVariantId.data!.addToCart.lines.map((line) => line.variant.id)).toEqual([tee.s, tee.l]);
    });

    it('in an order', async () => {
      const tee = await tShirt();
      await execute(t.url, SetStock, { productId: tee.l, onHand: 5 }, { token: agent });
      const customer = `customer-${randomUUID()}`;
      const token = await t.token(customer);
      const refused = await execute(t.url, PlaceOrder, { input: { lines: [{ productId: tee.productId, quantity: 1 }] } }, { token });
      expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VARIANT_REQUIRED' });
      expect(await ordersDb().count(OrderEntity, { customerId: customer })).toBe(0);
      const placed = await execute(t.url, PlaceOrder, { input: { lines: [{ productId: tee.productId, variantId: tee.l, quantity: 2 }] } }, { token });
      expect(placed.data!.placeOrder).toMatchObject({ status: 'AWAITING_PAYMENT', lines: [{ product: { id: tee.productId }, variant: { id: tee.l }, quantity: 2 }] });
    });
  });
});
