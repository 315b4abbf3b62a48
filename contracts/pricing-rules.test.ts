import fc from 'fast-check';
import { allocate, divideHalfEven, priceBasket, taxOf, taxRatesFor, type Basket, type BasketLine, type Discount, type PriceRule, type TaxCategory } from './pricing-rules';

const at = new Date('2026-06-01T12:00:00Z');
const VAT = { STANDARD: 2000, REDUCED: 550, ZERO: 0 };

// A line sold as its product's default variant unless told otherwise (the variant's id is then the product's).
const line = (fields: Partial<BasketLine> = {}): BasketLine => {
  const variantId = fields.variantId ?? 'p1';
  return { variantId, productId: variantId, categoryIds: [], quantity: 1, regularUnitPrice: 1000, taxCategory: 'STANDARD', ...fields };
};
const basket = (fields: Partial<Basket> = {}): Basket => ({
  currency: 'EUR',
  at,
  customerGroup: null,
  lines: [line()],
  rules: [],
  discounts: [],
  shipping: null,
  pricesIncludeTax: true,
  taxRates: VAT,
  ...fields,
});
const rule = (fields: Partial<PriceRule>): PriceRule => ({
  id: 'r1',
  kind: 'SALE',
  variantId: null,
  categoryId: null,
  currency: 'EUR',
  amount: null,
  percentOff: null,
  customerGroup: null,
  minQuantity: 1,
  startsAt: null,
  endsAt: null,
  ...fields,
});
const discount = (fields: Partial<Discount>): Discount => ({
  id: 'd1',
  source: 'CODE',
  code: 'SAVE',
  name: 'Save',
  kind: 'PERCENTAGE',
  value: 10,
  variantId: null,
  categoryId: null,
  buyQuantity: 0,
  getQuantity: 0,
  minSubtotal: 0,
  stackable: true,
  priority: 0,
  createdAt: at,
  ...fields,
});

describe('rounding', () => {
  it('rounds a half to the even neighbour and anything else to the nearest', () => {
    expect([divideHalfEven(5, 2), divideHalfEven(7, 2), divideHalfEven(7, 3), divideHalfEven(8, 3), divideHalfEven(0, 7)]).toEqual([2, 4, 2, 3, 0]);
  });

  it('takes the tax contained in an inclusive price, or due on an exclusive one', () => {
    expect(taxOf(1200, 2000, true)).toBe(200);
    expect(taxOf(1000, 2000, false)).toBe(200);
    expect(taxOf(1001, 550, true)).toBe(52); // 52.18
    expect(taxOf(1000, 0, false)).toBe(0);
  });

  it('splits an amount in proportion with the parts adding up exactly', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(10, [0, 5])).toEqual([0, 10]);
    expect(allocate(0, [3, 4])).toEqual([0, 0]);
  });
});

describe('price rules', () => {
  it('applies a scheduled sale price only inside its window', () => {
    const sale = rule({ variantId: 'p1', amount: 800, startsAt: new Date('2026-05-01'), endsAt: new Date('2026-07-01') });
    expect(priceBasket(basket({ rules: [sale] })).lines[0]).toMatchObject({ unitPrice: 800, regularUnitPrice: 1000, ruleId: 'r1' });
    expect(priceBasket(basket({ rules: [sale], at: new Date('2026-07-01') })).lines[0].unitPrice).toBe(1000);
  });

  it('applies a rule naming a product to each of its variants, and one naming a variant to that variant only', () => {
    const lines = [line({ variantId: 'shirt-m', productId: 'shirt' }), line({ variantId: 'shirt-l', productId: 'shirt' }), line({ variantId: 'shirt', productId: 'shirt' })];
    const byProduct = priceBasket(basket({ lines, rules: [rule({ variantId: 'shirt', amount: 700 })] })).lines.map((l) => l.unitPrice);
    expect(byProduct).toEqual([700, 700, 700]);
    const byVariant = priceBasket(basket({ lines, rules: [rule({ variantId: 'shirt-l', amount: 600 })] })).lines.map((l) => l.unitPrice);
    expect(byVariant).toEqual([1000, 600, 1000]);
  });

  it('gives a group price to members of the group only, and a tier price from its quantity', () => {
    const wholesale = rule({ kind: 'GROUP', customerGroup: 'WHOLESALE', percentOff: 30 });
    const tier = rule({ id: 'r2', kind: 'TIER', minQuantity: 10, percentOff: 10 });
    expect(priceBasket(basket({ rules: [wholesale, tier] })).lines[0].unitPrice).toBe(1000);
    expect(priceBasket(basket({ rules: [wholesale, tier], customerGroup: 'WHOLESALE' })).lines[0].unitPrice).toBe(700);
    expect(priceBasket(basket({ rules: [wholesale, tier], lines: [line({ quantity: 10 })] })).lines[0].unitPrice).toBe(900);
  });

  it('targets a category, and ignores a rule in another currency', () => {
    const lines = [line({ categoryIds: ['shirts'] }), line({ variantId: 'p2' })];
    const priced = priceBasket(basket({ lines, rules: [rule({ categoryId: 'shirts', amount: 500 }), rule({ id: 'usd', amount: 1, currency: 'USD' })] }));
    expect(priced.lines.map((l) => l.unitPrice)).toEqual([500, 1000]);
  });
});

describe('discounts', () => {
  it('applies stackable discounts highest priority first, each on what the one before left', () => {
    const priced = priceBasket(basket({ discounts: [discount({ id: 'low', value: 10 }), discount({ id: 'high', value: 50, priority: 5 })] }));
    expect(priced.discounts.map((d) => [d.id, d.amount])).toEqual([
      ['high', 500],
      ['low', 50],
    ]);
    expect(priced.total).toBe(450);
  });

  it('applies a non-stackable discount alone when it comes first, and skips it otherwise', () => {
    const alone = discount({ id: 'alone', stackable: false, priority: 9, value: 20 });
    expect(priceBasket(basket({ discounts: [alone, discount({})] })).discounts.map((d) => d.id)).toEqual(['alone']);
    expect(priceBasket(basket({ discounts: [{ ...alone, priority: -1 }, discount({})] })).discounts.map((d) => d.id)).toEqual(['d1']);
  });

  it('takes a fixed amount at most down to zero, and frees shipping', () => {
    const priced = priceBasket(basket({ shipping: 490, discounts: [discount({ kind: 'FIXED', value: 5000 }), discount({ id: 'ship', kind: 'FREE_SHIPPING' })] }));
    expect(priced).toMatchObject({ subtotal: 1000, discountTotal: 1490, shipping: 490, shippingDiscount: 490, total: 0 });
  });

  it('gives buy 2 get 1 on the targeted product and a free item over a threshold', () => {
    const lines = [line({ quantity: 7 }), line({ variantId: 'gift', regularUnitPrice: 300 })];
    const priced = priceBasket(
      basket({
        lines,
        discounts: [
          discount({ id: 'b2g1', source: 'PROMOTION', code: null, kind: 'BUY_X_GET_Y', variantId: 'p1', buyQuantity: 2, getQuantity: 1 }),
          discount({ id: 'gift', source: 'PROMOTION', code: null, kind: 'FREE_ITEM_OVER', variantId: 'gift', minSubtotal: 5000 }),
        ],
      }),
    );
    expect(priced.lines.map((l) => l.discount)).toEqual([2000, 300]);
  });

  it('refuses nothing below its minimum subtotal: the discount simply does not apply', () => {
    expect(priceBasket(basket({ discounts: [discount({ minSubtotal: 1001 })] })).discounts).toEqual([]);
  });
});

describe('tax', () => {
  it('adds tax to exclusive prices and shows it per rate', () => {
    const priced = priceBasket(basket({ pricesIncludeTax: false, lines: [line(), line({ variantId: 'book', taxCategory: 'REDUCED', regularUnitPrice: 2000 })], shipping: 500 }));
    expect(priced.taxes).toEqual([
      { category: 'STANDARD', rate: 2000, base: 1500, amount: 300 },
      { category: 'REDUCED', rate: 550, base: 2000, amount: 110 },
    ]);
    expect(priced.total).toBe(1000 + 2000 + 500 + 410);
  });

  it("prices the issue's walk as computed by hand: a 50.00 sale price on a 60.00 product, two of them, 20% off, 20% VAT included", () => {
    const priced = priceBasket(basket({ lines: [line({ quantity: 2, regularUnitPrice: 6000 })], rules: [rule({ variantId: 'p1', amount: 5000 })], discounts: [discount({ value: 20 })] }));
    // 2 × 50.00 = 100.00; 20% off = 20.00; 80.00 contains 80.00 × 20/120 = 13.333… → 13.33 of VAT.
    expect(priced).toMatchObject({ subtotal: 10000, discountTotal: 2000, taxTotal: 1333, total: 8000 });
  });
});

describe('any cart', () => {
  const category = fc.constantFrom<TaxCategory>('STANDARD', 'REDUCED', 'ZERO');
  const lines = fc.array(
    fc.record({
      variantId: fc.constantFrom('a', 'b', 'c', 'd'),
      productId: fc.constantFrom('a', 'b'),
      categoryIds: fc.subarray(['x', 'y']),
      quantity: fc.integer({ min: 1, max: 100 }),
      regularUnitPrice: fc.integer({ min: 0, max: 1_000_000 }),
      taxCategory: category,
    }),
    { minLength: 1, maxLength: 8 },
  );
  const discounts = fc.array(
    fc.record({
      id: fc.uuid(),
      kind: fc.constantFrom('PERCENTAGE', 'FIXED', 'FREE_SHIPPING', 'BUY_X_GET_Y', 'FREE_ITEM_OVER') as fc.Arbitrary<Discount['kind']>,
      value: fc.integer({ min: 0, max: 100 }),
      fixed: fc.integer({ min: 0, max: 5_000_000 }),
      variantId: fc.option(fc.constantFrom('a', 'b')),
      buyQuantity: fc.integer({ min: 1, max: 3 }),
      getQuantity: fc.integer({ min: 1, max: 2 }),
      minSubtotal: fc.integer({ min: 0, max: 100_000 }),
      stackable: fc.boolean(),
      priority: fc.integer({ min: 0, max: 3 }),
    }),
    { maxLength: 4 },
  );
  const baskets = fc.record({ lines, discounts, shipping: fc.option(fc.integer({ min: 0, max: 10_000 })), pricesIncludeTax: fc.boolean(), rate: fc.integer({ min: 0, max: 2700 }) }).map(
    (r): Basket =>
      basket({
        lines: r.lines,
        discounts: r.discounts.map((d) => discount({ ...d, value: d.kind === 'FIXED' ? d.fixed : d.value })),
        rules: [rule({ variantId: 'a', percentOff: 15 }), rule({ id: 'r2', kind: 'TIER', minQuantity: 10, amount: 99 })],
        shipping: r.shipping,
        pricesIncludeTax: r.pricesIncludeTax,
        taxRates: { STANDARD: r.rate, REDUCED: Math.floor(r.rate / 3), ZERO: 0 },
      }),
  );

  it('adds up to the minor unit, never goes negative, and prices a stored order as its cart', () => {
    fc.assert(
      fc.property(baskets, (b) => {
        const t = priceBasket(b);
        const sum = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0);
        expect(sum(t.lines.map((l) => l.subtotal))).toBe(t.subtotal);
        expect(sum(t.lines.map((l) => l.discount)) + t.shippingDiscount).toBe(t.discountTotal);
        expect(sum(t.discounts.map((d) => d.amount))).toBe(t.discountTotal);
        expect(sum(t.lines.map((l) => l.tax)) + t.shippingTax).toBe(t.taxTotal);
        expect(sum(t.taxes.map((x) => x.amount))).toBe(t.taxTotal);
        const net = t.subtotal - t.discountTotal + t.shipping;
        expect(t.total).toBe(b.pricesIncludeTax ? net : net + t.taxTotal);
        expect(sum(t.lines.map((l) => l.total)) + t.shipping - t.shippingDiscount + (b.pricesIncludeTax ? 0 : t.shippingTax)).toBe(t.total);
        for (const l of t.lines) expect(Math.min(l.subtotal - l.discount, l.tax, l.total)).toBeGreaterThanOrEqual(0);
        expect(t.total).toBeGreaterThanOrEqual(0);
        // An order is priced from its stored basket (JSON in the database): the same totals as its cart.
        const stored = JSON.parse(JSON.stringify(b), (key, value) => (['at', 'createdAt', 'startsAt', 'endsAt'].includes(key) && value ? new Date(value) : value)) as Basket;
        expect(priceBasket(stored)).toEqual(t);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the tax zone of an address', () => {
  it('applies a zone of several countries to the whole of a country it names no region of', () => {
    const europe = { countries: ['FR', 'DE'], regions: ['DE-BY'], rates: { STANDARD: 2000, REDUCED: 550, ZERO: 0 } };
    expect(taxRatesFor([europe], 'FR', null)).toEqual({ STANDARD: 2000, REDUCED: 550, ZERO: 0 });
    expect(taxRatesFor([europe], 'DE', 'DE-BE')).toEqual({ STANDARD: 0, REDUCED: 0, ZERO: 0 });
  });
});
