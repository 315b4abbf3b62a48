import { AuditEntryEntity } from '../subgraphs/catalog/audit.entity';
import { CartLineEntity } from '../subgraphs/orders/cart.entity';
import { OrderEntity } from '../subgraphs/orders/order.entity';
import { OrderPricingEntity } from '../subgraphs/pricing/order-pricing.entity';
import { PriceRuleEntity } from '../subgraphs/pricing/price-rule.entity';
import { CartCodeEntity, CodeUsageEntity, PromotionEntity } from '../subgraphs/pricing/promotion.entity';
import { graphql } from './__generated__/index';
import { codesOf, execute, type Result } from './support/graphql';
import { ConfirmPayment, orderTools } from './support/orders';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const CreatePriceRule = graphql(`
  mutation PricingCreateRule($input: PriceRuleInput!) {
    createPriceRule(input: $input) { id kind variantId amount percentOff }
  }
`);

const DeletePriceRule = graphql(`
  mutation PricingDeleteRule($id: ID!) {
    deletePriceRule(id: $id)
  }
`);

const CreatePromotion = graphql(`
  mutation PricingCreatePromotion($input: PromotionInput!) {
    createPromotion(input: $input) { id code kind value used usageLimit }
  }
`);

const Promotions = graphql(`
  query PricingPromotions {
    promotions { id code used }
  }
`);

graphql(`
  fragment PricingTotalsFields on Totals {
    pricesIncludeTax
    subtotal { amount currency }
    discounts { source code name amount { amount } }
    discountTotal { amount }
    shipping { amount }
    taxes { category rate base { amount } amount { amount } }
    taxTotal { amount }
    total { amount currency }
    lines { variantId quantity regularUnitPrice { amount } unitPrice { amount } discount { amount } tax { amount } total { amount } }
  }
`);

const AddToCart = graphql(`
  mutation PricingAddToCart($productId: ID!, $quantity: Int!) {
    addToCart(productId: $productId, quantity: $quantity) { id }
  }
`);

const ApplyCode = graphql(`
  mutation PricingApplyCode($code: String!) {
    applyDiscountCode(code: $code) { id discountCodes lines { quantity } totals { ...PricingTotalsFields } }
  }
`);

const RemoveCode = graphql(`
  mutation PricingRemoveCode($code: String!) {
    removeDiscountCode(code: $code) { discountCodes totals { total { amount } } }
  }
`);

const ReadCart = graphql(`
  query PricingCart {
    cart { id lines { quantity } discountCodes totals { ...PricingTotalsFields } }
  }
`);

const ProductPrices = graphql(`
  query PricingProduct($id: ID!) {
    product(id: $id) { id price { amount } salePrice { amount currency } promotions { name kind value } }
  }
`);

const PlaceFromCart = graphql(`
  mutation PricingPlaceFromCart($expectedTotal: Int, $idempotencyKey: String) {
    placeOrderFromCart(expectedTotal: $expectedTotal, idempotencyKey: $idempotencyKey) { id status total { amount currency } totals { ...PricingTotalsFields } payment { amount { amount } } }
  }
`);

const OrderTotals = graphql(`
  query PricingOrder($id: ID!) {
    order(id: $id) { id status total { amount } totals { ...PricingTotalsFields } }
  }
`);

const CancelOrder = graphql(`
  mutation PricingCancel($id: ID!) {
    cancelOrder(id: $id) { status }
  }
`);

const reasonOf = (result: Result<unknown>): unknown => result.errors?.[0]?.extensions?.reason;
const DAY = 86_400_000;

describe('pricing through the gateway', () => {
  let t: TestStack;
  const tools = orderTools(() => t);
  const pricing = () => t.stack.subgraphs.pricing.orm.em.fork();
  const orders = () => t.stack.subgraphs.orders.orm.em.fork();

  beforeAll(async () => {
    // 200 placements at once: a queue to hold them all, so each is answered on the code and not shed.
    t = await startTestStack({ env: { ORDER_PLACEMENT_QUEUE: '400', SUBGRAPH_TIMEOUT_MS: '20000' } });
  });
  afterAll(() => t.stop());

  const promotion = async (input: Record<string, unknown>) => {
    const created = await execute(t.url, CreatePromotion, { input: { name: 'Promo', currency: 'EUR', kind: 'PERCENTAGE', value: 10, ...input } as never }, { token: await tools.agent() });
    if (!created.data) throw new Error(JSON.stringify(created.errors));
    return created.data.createPromotion;
  };

  /** A customer with `quantity` units of the product in their cart. */
  const shopper = async (productId: string, quantity = 1) => {
    const customerId = await tools.customer();
    const token = await t.token(customerId);
    await execute(t.url, AddToCart, { productId, quantity }, { token });
    return { customerId, token };
  };

  it("walks the issue's path: a sale price, a 20% code, 20% VAT included; cart, placement, payment; the breakdown as computed by hand, kept as placed", async () => {
    const agent = await tools.agent();
    const productId = await tools.product({ priceAmount: 6000, onHand: 20 });
    const rule = await execute(t.url, CreatePriceRule, { input: { kind: 'SALE', variantId: productId, currency: 'EUR', amount: 5000 } }, { token: agent });
    expect(rule.data?.createPriceRule).toMatchObject({ kind: 'SALE', variantId: productId, amount: 5000 });
    const code = `WALK${Date.now()}`;
    await promotion({ code, value: 20, name: '20% off' });

    // The product page shows the sale beside the regular price.
    expect((await execute(t.url, ProductPrices, { id: productId })).data?.product).toMatchObject({ price: { amount: 6000 }, salePrice: { amount: 5000, currency: 'EUR' } });

    const { customerId, token } = await shopper(productId, 2);
    const applied = await execute(t.url, ApplyCode, { code: code.toLowerCase() }, { token });
    expect(applied.errors).toBeUndefined();
    // By hand: 2 × 50.00 = 100.00; 20% off = 20.00; the 80.00 paid contains 80.00 × 20/120 = 13.333… → 13.33 of VAT (demo zone France, prices tax-inclusive).
    const expected = {
      pricesIncludeTax: true,
      subtotal: { amount: 10000, currency: 'EUR' },
      discounts: [{ source: 'CODE', code, name: '20% off', amount: { amount: 2000 } }],
      discountTotal: { amount: 2000 },
      shipping: { amount: 0 },
      taxes: [{ category: 'STANDARD', rate: 2000, base: { amount: 6667 }, amount: { amount: 1333 } }],
      taxTotal: { amount: 1333 },
      total: { amount: 8000, currency: 'EUR' },
      lines: [{ variantId: productId, quantity: 2, regularUnitPrice: { amount: 6000 }, unitPrice: { amount: 5000 }, discount: { amount: 2000 }, tax: { amount: 1333 }, total: { amount: 8000 } }],
    };
    expect(applied.data?.applyDiscountCode).toMatchObject({ id: customerId, discountCodes: [code], lines: [{ quantity: 2 }], totals: expected });

    const placed = await execute(t.url, PlaceFromCart, { expectedTotal: 8000 }, { token });
    expect(placed.errors).toBeUndefined();
    const order = placed.data!.placeOrderFromCart;
    expect(order).toMatchObject({ status: 'AWAITING_PAYMENT', total: { amount: 8000, currency: 'EUR' }, totals: expected, payment: { amount: { amount: 8000 } } });
    await execute(t.url, ConfirmPayment, { orderId: order.id, paymentMethod: 'pm_card_visa' }, { token });
    // Made as the customer paid, for pricing's total.
    expect((await tools.payment(order.id))?.amountMinor).toBe(8000);
    await tools.settled(order.id, 'PAID');
    await waitFor(async () => (await pricing().findOne(CodeUsageEntity, { orderId: order.id }))?.status === 'COMMITTED');

    // A later change never alters a placed order.
    await execute(t.url, DeletePriceRule, { id: rule.data!.createPriceRule.id }, { token: agent });
    const later = await execute(t.url, OrderTotals, { id: order.id }, { token });
    expect(later.data?.order).toMatchObject({ status: 'PAID', total: { amount: 8000 }, totals: expected });
    expect((await execute(t.url, ProductPrices, { id: productId })).data?.product?.salePrice).toBeNull();
    await waitFor(async () => (await t.stack.subgraphs.catalog.orm.em.fork().count(AuditEntryEntity, { entityId: rule.data!.createPriceRule.id })) === 2);
  }, 60_000);

  it('refuses a placement whose total differs from the one the client saw with PRICE_CHANGED and the new totals, holding nothing', async () => {
    const productId = await tools.product({ priceAmount: 2000 });
    const { customerId, token } = await shopper(productId, 1);
    const refused = await execute(t.url, PlaceFromCart, { expectedTotal: 2500 }, { token });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PRICE_CHANGED', totals: { total: 2000, currency: 'EUR', subtotal: 2000 } });
    expect(await tools.traces(customerId, [productId])).toEqual(tools.nothingLeft);
    expect(await orders().count(CartLineEntity, { customerId })).toBe(1);
  });

  it('refuses each code that cannot be used with its own reason, putting nothing on the cart', async () => {
    const productId = await tools.product({ priceAmount: 1000 });
    const { customerId, token } = await shopper(productId, 1);
    const now = Date.now();
    const stamp = `${now}`.slice(-8);
    const expired = await promotion({ code: `OLD${stamp}`, startsAt: new Date(now - 2 * DAY), endsAt: new Date(now - DAY) });
    const future = await promotion({ code: `NEW${stamp}`, startsAt: new Date(now + DAY) });
    const dollars = await promotion({ code: `USD${stamp}`, currency: 'USD' });
    const minimum = await promotion({ code: `MIN${stamp}`, minSubtotal: 5000 });
    const exhausted = await promotion({ code: `ONE${stamp}`, usageLimit: 1 });
    await pricing().nativeUpdate(PromotionEntity, { id: exhausted.id }, { used: 1 });
    const cases: Array<[string, string]> = [
      [`nope${stamp}`, 'DISCOUNT_UNKNOWN'],
      [expired.code!, 'DISCOUNT_EXPIRED'],
      [future.code!, 'DISCOUNT_NOT_YET_VALID'],
      [dollars.code!, 'DISCOUNT_WRONG_CURRENCY'],
      [minimum.code!, 'DISCOUNT_BELOW_MINIMUM'],
      [exhausted.code!, 'DISCOUNT_EXHAUSTED'],
    ];
    for (const [code, reason] of cases) {
      const refused = await execute(t.url, ApplyCode, { code }, { token });
      expect([code, reasonOf(refused), refused.errors?.[0].extensions?.field]).toEqual([code, reason, 'code']);
    }
    expect(codesOf(await execute(t.url, ApplyCode, { code: `nope${stamp}` }, { token }))).toEqual(['NOT_FOUND']);
    expect(await pricing().count(CartCodeEntity, { customerId })).toBe(0);

    // One code that does not stack, then another: the second is refused, the first stays.
    const alone = await promotion({ code: `SOLO${stamp}`, stackable: false });
    const other = await promotion({ code: `PLUS${stamp}` });
    expect((await execute(t.url, ApplyCode, { code: alone.code! }, { token })).errors).toBeUndefined();
    const second = await execute(t.url, ApplyCode, { code: other.code! }, { token });
    expect(reasonOf(second)).toBe('DISCOUNT_NOT_STACKABLE');
    expect((await execute(t.url, ReadCart, {}, { token })).data?.cart.discountCodes).toEqual([alone.code!.toUpperCase()]);
    const removed = await execute(t.url, RemoveCode, { code: alone.code!.toLowerCase() }, { token });
    expect(removed.data?.removeDiscountCode).toEqual({ discountCodes: [], totals: { total: { amount: 1000 } } });
  });

  it('refuses a percentage over 100, a negative amount and a bad rule at creation, writing nothing', async () => {
    const agent = await tools.agent();
    const before = await pricing().count(PromotionEntity, {});
    const over = await execute(t.url, CreatePromotion, { input: { name: 'Too much', code: 'TOOMUCH1', kind: 'PERCENTAGE', value: 101, currency: 'EUR' } }, { token: agent });
    expect(over.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'value' });
    const negative = await execute(t.url, CreatePromotion, { input: { name: 'Negative', code: 'NEGATIVE1', kind: 'FIXED', value: -500, currency: 'EUR' } }, { token: agent });
    expect(negative.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'value' });
    const rule = await execute(t.url, CreatePriceRule, { input: { kind: 'SALE', variantId: 'p', currency: 'EUR', amount: -1 } }, { token: agent });
    expect(rule.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amount' });
    expect(await pricing().count(PromotionEntity, {})).toBe(before);
    expect(await pricing().count(PriceRuleEntity, { variantId: 'p' })).toBe(0);
    const customer = await t.token(await tools.customer());
    expect(codesOf(await execute(t.url, Promotions, {}, { token: customer }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await execute(t.url, CreatePriceRule, { input: { kind: 'SALE', variantId: 'p', currency: 'EUR', amount: 1 } }, { token: customer }))).toEqual(['FORBIDDEN']);
  });

  it('gives 200 concurrent placements with 10 uses left exactly 10 orders, the others DISCOUNT_EXHAUSTED; cancelling one frees a use', async () => {
    const productId = await tools.product({ priceAmount: 1000, onHand: 500 });
    const code = await promotion({ code: `RUSH${Date.now()}`, usageLimit: 10 });
    const buyers = Array.from({ length: 201 }, (_, i) => `rush-${code.id}-${i}`);
    const now = new Date();
    // Carts and codes seeded straight into each database: the placements are the point.
    await orders().persist(buyers.map((customerId) => Object.assign(new CartLineEntity(), { customerId, productId, quantity: 1, addedAt: now, updatedAt: now }))).flush();
    await pricing().persist(buyers.map((customerId) => Object.assign(new CartCodeEntity(), { customerId, promotionId: code.id, addedAt: now }))).flush();
    const [late, ...rush] = buyers;

    const results = await Promise.all(rush.map(async (customerId) => execute(t.url, PlaceFromCart, {}, { token: await t.token(customerId) })));
    const placed = results.filter((r) => r.data?.placeOrderFromCart.status === 'AWAITING_PAYMENT');
    expect(placed).toHaveLength(10);
    expect(results.filter((r) => reasonOf(r) === 'DISCOUNT_EXHAUSTED')).toHaveLength(190);
    for (const result of placed) expect(result.data?.placeOrderFromCart.total.amount).toBe(900);
    expect((await pricing().findOneOrFail(PromotionEntity, { id: code.id })).used).toBe(10);
    expect(await orders().count(OrderEntity, { customerId: { $in: rush } })).toBe(10);
    expect((await tools.stock(productId)).reserved).toBe(10);

    const lateToken = await t.token(late);
    expect(reasonOf(await execute(t.url, PlaceFromCart, {}, { token: lateToken }))).toBe('DISCOUNT_EXHAUSTED');
    const first = placed[0].data!.placeOrderFromCart;
    const owner = (await tools.order(first.id)).customerId;
    expect((await execute(t.url, CancelOrder, { id: first.id }, { token: await t.token(owner) })).data?.cancelOrder.status).toBe('CANCELLED');
    await waitFor(async () => (await pricing().findOneOrFail(PromotionEntity, { id: code.id })).used === 9);
    const freed = await execute(t.url, PlaceFromCart, {}, { token: lateToken });
    expect(freed.data?.placeOrderFromCart).toMatchObject({ status: 'AWAITING_PAYMENT', total: { amount: 900 } });
    expect(await pricing().count(OrderPricingEntity, { customerId: { $in: buyers } })).toBe(11);
  }, 120_000);

  it('refuses placement with SUBGRAPH_UNAVAILABLE while pricing is down, holding nothing; the cart still answers its lines', async () => {
    const productId = await tools.product({ priceAmount: 1500 });
    const { customerId, token } = await shopper(productId, 1);
    const subgraph = t.stack.subgraphs.pricing;
    await subgraph.stop();
    const placed = await execute(t.url, PlaceFromCart, {}, { token });
    // Orders passes pricing's failure on (the gateway names orders, the subgraph it asked; the message names pricing).
    expect(placed.errors?.[0]).toMatchObject({ message: 'Subgraph "pricing" is unavailable: it cannot be reached', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
    expect(await tools.traces(customerId, [productId])).toEqual(tools.nothingLeft);
    const cart = await execute(t.url, ReadCart, {}, { token });
    expect(cart.data?.cart).toMatchObject({ id: customerId, lines: [{ quantity: 1 }], totals: null });
    expect(codesOf(cart)).toContain('SUBGRAPH_UNAVAILABLE');
  });
});
