import { randomUUID } from 'node:crypto';
import { Metrics } from '../platform/metrics';
import type { OrdersServices } from '../subgraphs/orders/orders.services';
import { graphql } from './__generated__/index';
import { execute, type Result } from './support/graphql';
import { orderTools, SetStock } from './support/orders';
import { startTestStack, type TestStack } from './support/stack';

const CopyPlaceOrder = graphql(`
  mutation CopyPlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) { id total { amount } lines { unitPrice { amount } variant { id } } }
  }
`);

const CopyUpdateProduct = graphql(`
  mutation CopyUpdateProduct($id: ID!, $input: UpdateProductInput!) {
    updateProduct(id: $id, input: $input) { id }
  }
`);

const CopyArchiveProduct = graphql(`
  mutation CopyArchiveProduct($id: ID!) {
    archiveProduct(id: $id) { id }
  }
`);

const CopySetOptions = graphql(`
  mutation CopySetOptions($productId: ID!, $options: [ProductOptionInput!]!, $defaultVariantValues: [VariantOptionValueInput!]) {
    setProductOptions(productId: $productId, options: $options, defaultVariantValues: $defaultVariantValues) { id }
  }
`);

const CopyAddVariant = graphql(`
  mutation CopyAddVariant($productId: ID!, $input: AddProductVariantInput!) {
    addProductVariant(productId: $productId, input: $input) { id }
  }
`);

const CopyUpdateVariant = graphql(`
  mutation CopyUpdateVariant($id: ID!, $input: UpdateProductVariantInput!) {
    updateProductVariant(id: $id, input: $input) { id }
  }
`);

const CopyAddToCart = graphql(`
  mutation CopyAddToCart($productId: ID!, $quantity: Int!) {
    addToCart(productId: $productId, quantity: $quantity) { id }
  }
`);

const CopyCart = graphql(`
  query CopyCart {
    cart { lines { unitPrice { amount } available } }
  }
`);

/**
 * Orders answers placements and carts from its copy of the catalog, and a
 * change made through the public API reaches the very next placement: the
 * copy is emptied by catalog's change notice before the change's answer
 * reaches the agent (in-process notices; over Redis, within its delivery).
 */
describe("orders' copy of the catalog, through the gateway", () => {
  const metrics = new Metrics();
  let t: TestStack;
  const tools = orderTools(() => t);
  const agent = () => t.token('copy-test-agent', 'CUSTOMER', 'AGENT');

  beforeAll(async () => {
    t = await startTestStack({ metrics });
  });
  afterAll(() => t.stop());

  const place = async (customerId: string, line: { productId: string; variantId?: string }) =>
    execute(t.url, CopyPlaceOrder, { input: { lines: [{ ...line, quantity: 1 }], idempotencyKey: randomUUID() } }, { token: await t.token(customerId) });

  const unitPrice = (result: Result<{ placeOrder: { lines: Array<{ unitPrice: { amount: number } }> } }>) => {
    if (!result.data) throw new Error(`placeOrder failed: ${JSON.stringify(result.errors)}`);
    return result.data.placeOrder.lines[0].unitPrice.amount;
  };

  const asAgent = async <T>(result: Promise<Result<T>>): Promise<T> => {
    const answered = await result;
    if (!answered.data) throw new Error(`agent call failed: ${JSON.stringify(answered.errors)}`);
    return answered.data;
  };

  /** Variants orders answered from its copy (hit) or read from catalog (miss): the copy reads catalog only on a miss. */
  const reads = async (result: 'hit' | 'miss') => (await metrics.catalogCopyReads.get()).values.find((v) => v.labels.copy === 'orders.variants' && v.labels.result === result)?.value ?? 0;

  it('places an order on a known product without reading the catalog', async () => {
    const productId = await tools.product({ priceAmount: 1500 });
    const customer = await tools.customer();
    expect(unitPrice(await place(customer, { productId }))).toBe(1500);
    const [hits, misses] = [await reads('hit'), await reads('miss')];
    expect(unitPrice(await place(customer, { productId }))).toBe(1500);
    expect(await reads('hit')).toBe(hits + 1);
    expect(await reads('miss')).toBe(misses);
    expect((t.stack.subgraphs.orders.services as OrdersServices).catalogCopy.size).toBeGreaterThan(0);
  });

  it("prices the next placement and the cart at a product's new price as soon as the change is answered", async () => {
    const productId = await tools.product({ priceAmount: 2000 });
    const customer = await tools.customer();
    expect(unitPrice(await place(customer, { productId }))).toBe(2000);
    await asAgent(execute(t.url, CopyAddToCart, { productId, quantity: 1 }, { token: await t.token(customer) }));
    await asAgent(execute(t.url, CopyCart, {}, { token: await t.token(customer) }));

    await asAgent(execute(t.url, CopyUpdateProduct, { id: productId, input: { priceAmount: 1800 } }, { token: await agent() }));

    expect(unitPrice(await place(customer, { productId }))).toBe(1800);
    const cart = await asAgent(execute(t.url, CopyCart, {}, { token: await t.token(customer) }));
    expect(cart.cart.lines.map((line) => line.unitPrice.amount)).toEqual([1800]);
  });

  it('refuses the next placement of a product archived meanwhile, holding nothing', async () => {
    const productId = await tools.product({ priceAmount: 900, onHand: 5 });
    const customer = await tools.customer();
    expect(unitPrice(await place(customer, { productId }))).toBe(900);

    await asAgent(execute(t.url, CopyArchiveProduct, { id: productId }, { token: await agent() }));

    const refused = await place(customer, { productId });
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PRODUCT_UNAVAILABLE' });
    expect(await tools.stock(productId)).toEqual({ onHand: 5, reserved: 1 });
  });

  it("follows a product's variants: a variant added, a variant's price changed, a variant archived", async () => {
    const productId = await tools.product({ priceAmount: 3000 });
    const customer = await tools.customer();
    expect(unitPrice(await place(customer, { productId }))).toBe(3000);

    // A second variant: the product's id alone no longer names one variant.
    await asAgent(execute(t.url, CopySetOptions, { productId, options: [{ name: 'Size', values: ['M', 'L'] }], defaultVariantValues: [{ option: 'Size', value: 'M' }] }, { token: await agent() }));
    const { addProductVariant } = await asAgent(
      execute(t.url, CopyAddVariant, { productId, input: { sku: `COPY-${randomUUID().slice(0, 8)}`, optionValues: [{ option: 'Size', value: 'L' }], priceAmount: 3300 } }, { token: await agent() }),
    );
    await asAgent(execute(t.url, SetStock, { productId: addProductVariant.id, onHand: 10 }, { token: await agent() }));
    const ambiguous = await place(customer, { productId });
    expect(ambiguous.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VARIANT_REQUIRED' });
    expect(unitPrice(await place(customer, { productId, variantId: addProductVariant.id }))).toBe(3300);

    await asAgent(execute(t.url, CopyUpdateVariant, { id: addProductVariant.id, input: { priceAmount: 3100 } }, { token: await agent() }));
    expect(unitPrice(await place(customer, { productId, variantId: addProductVariant.id }))).toBe(3100);

    await asAgent(execute(t.url, CopyUpdateVariant, { id: addProductVariant.id, input: { status: 'ARCHIVED' } }, { token: await agent() }));
    const archived = await place(customer, { productId, variantId: addProductVariant.id });
    expect(archived.data).toBeNull();
    expect(archived.errors?.[0]?.extensions?.code).toBeDefined();
    // The product's one live variant again: its id alone names it.
    expect(unitPrice(await place(customer, { productId }))).toBe(3000);
  });
});
