import { conflict } from '../platform/errors';
import { zoneFor } from '../platform/places';

/**
 * The one pricing function (no I/O): a cart and an order are priced by
 * `priceBasket`, from the same inputs, so they cannot disagree. Pricing
 * prices with it from its database; orders prices an order without a code
 * with it from its event-fed copy of pricing's rules (`basketOf` builds the
 * basket the same way for both). Every amount is an integer of minor units.
 *
 * The model (README "Pricing"):
 * 1. Unit price: the lowest of the regular price and every price rule that
 *    applies now to the line (a scheduled sale on the variant/product or its
 *    category, the customer's group, a quantity tier).
 * 2. Discounts, highest priority first (then the older): automatic
 *    promotions and the cart's codes. A stackable discount applies after the
 *    ones before it, on what they left; a non-stackable one applies only if
 *    it comes first, and then alone. Each discount is split over the lines
 *    (largest remainder), so the lines' discounts add up to it exactly.
 * 3. Tax per line on what is left, at the line's tax category's rate in the
 *    destination's zone, rounded per line half-even (banker's rounding).
 *    Prices entered tax-inclusive contain it; tax-exclusive ones get it added.
 *    Shipping is taxed at the standard rate.
 * 4. Total = lines after discounts + shipping after discounts (+ tax when
 *    exclusive). Never negative: a discount never takes a line below zero.
 */

export type TaxCategory = 'STANDARD' | 'REDUCED' | 'ZERO';
export const TAX_CATEGORIES: readonly TaxCategory[] = ['STANDARD', 'REDUCED', 'ZERO'];

export interface BasketLine {
  /** The variant id (a product's default variant has the product's id). */
  readonly variantId: string;
  /** The variant's product: a rule or promotion naming it targets every one of its variants. */
  readonly productId: string;
  readonly categoryIds: readonly string[];
  readonly quantity: number;
  /** The catalog's price, as entered (inclusive or exclusive of tax per the shop setting). */
  readonly regularUnitPrice: number;
  readonly taxCategory: TaxCategory;
}

export type RuleKind = 'SALE' | 'GROUP' | 'TIER';

/** A price rule: sets a unit price (`amount`) or takes `percentOff` of the regular one, for the lines it targets. */
export interface PriceRule {
  readonly id: string;
  readonly kind: RuleKind;
  /** A variant or product id; null with a category, or for a group/tier rule over everything. */
  readonly variantId: string | null;
  readonly categoryId: string | null;
  readonly currency: string;
  readonly amount: number | null;
  readonly percentOff: number | null;
  /** GROUP: the customer group it is for. */
  readonly customerGroup: string | null;
  /** TIER: the least quantity of the line. */
  readonly minQuantity: number;
  readonly startsAt: Date | null;
  readonly endsAt: Date | null;
}

export type DiscountKind = 'PERCENTAGE' | 'FIXED' | 'FREE_SHIPPING' | 'BUY_X_GET_Y' | 'FREE_ITEM_OVER';

/** An automatic promotion or an applied code, as the function sees both. */
export interface Discount {
  readonly id: string;
  readonly source: 'PROMOTION' | 'CODE';
  /** The code as the customer typed it, upper-cased; null for a promotion. */
  readonly code: string | null;
  readonly name: string;
  readonly kind: DiscountKind;
  /** PERCENTAGE: 0-100. FIXED: minor units. BUY_X_GET_Y: unused. */
  readonly value: number;
  /** Limits PERCENTAGE (and BUY_X_GET_Y, FREE_ITEM_OVER) to a variant/product or a category; null: every line. */
  readonly variantId: string | null;
  readonly categoryId: string | null;
  /** BUY_X_GET_Y: buy `buyQuantity`, get `getQuantity` free (the same item). */
  readonly buyQuantity: number;
  readonly getQuantity: number;
  /** Least subtotal (after price rules) for it to apply; FREE_ITEM_OVER's threshold. */
  readonly minSubtotal: number;
  readonly stackable: boolean;
  readonly priority: number;
  readonly createdAt: Date;
}

export interface TaxRates {
  /** Basis points per category (2000 = 20%). */
  readonly STANDARD: number;
  readonly REDUCED: number;
  readonly ZERO: number;
}

export interface Basket {
  readonly currency: string;
  readonly at: Date;
  readonly customerGroup: string | null;
  readonly lines: readonly BasketLine[];
  readonly rules: readonly PriceRule[];
  readonly discounts: readonly Discount[];
  /** The chosen shipping method's price; null: none chosen (zero). */
  readonly shipping: number | null;
  readonly pricesIncludeTax: boolean;
  readonly taxRates: TaxRates;
}

export interface PricedLine {
  readonly variantId: string;
  readonly quantity: number;
  readonly regularUnitPrice: number;
  readonly unitPrice: number;
  /** The price rule that set unitPrice; null: the regular price. */
  readonly ruleId: string | null;
  readonly subtotal: number;
  readonly discount: number;
  readonly taxCategory: TaxCategory;
  readonly taxRate: number;
  readonly tax: number;
  /** After discounts, tax included. */
  readonly total: number;
}

export interface AppliedDiscount {
  readonly id: string;
  readonly source: 'PROMOTION' | 'CODE';
  readonly code: string | null;
  readonly name: string;
  readonly amount: number;
}

export interface TaxLine {
  readonly category: TaxCategory;
  readonly rate: number;
  /** What the tax is on, tax excluded. */
  readonly base: number;
  readonly amount: number;
}

export interface Totals {
  readonly currency: string;
  readonly pricesIncludeTax: boolean;
  readonly lines: readonly PricedLine[];
  /** Σ line subtotals (after price rules, before discounts). */
  readonly subtotal: number;
  readonly discounts: readonly AppliedDiscount[];
  /** Σ discounts, shipping's included. */
  readonly discountTotal: number;
  readonly shipping: number;
  readonly shippingDiscount: number;
  readonly shippingTax: number;
  readonly taxes: readonly TaxLine[];
  readonly taxTotal: number;
  readonly total: number;
}

/** a / b rounded half to even, for integers a >= 0 and b > 0: the one rounding rule. */
export function divideHalfEven(a: number, b: number): number {
  const quotient = Math.floor(a / b);
  const twice = 2 * (a - quotient * b);
  if (twice > b) return quotient + 1;
  if (twice < b) return quotient;
  return quotient % 2 === 0 ? quotient : quotient + 1;
}

/** In its window [startsAt, endsAt) at `at`; no bound: open on that side. */
export const inWindow = (p: { readonly startsAt: Date | null; readonly endsAt: Date | null }, at: Date): boolean => (!p.startsAt || p.startsAt <= at) && (!p.endsAt || at < p.endsAt);

function targets(target: { readonly variantId: string | null; readonly categoryId: string | null }, line: BasketLine): boolean {
  if (target.variantId && target.variantId !== line.variantId && target.variantId !== line.productId) return false;
  if (target.categoryId && !line.categoryIds.includes(target.categoryId)) return false;
  return true;
}

/** The unit price of a line and the rule that set it (the lowest wins; ties: the first rule). */
export function unitPriceOf(line: BasketLine, rules: readonly PriceRule[], basket: Pick<Basket, 'currency' | 'at' | 'customerGroup'>): { unitPrice: number; ruleId: string | null } {
  let best = { unitPrice: line.regularUnitPrice, ruleId: null as string | null };
  for (const rule of rules) {
    if (rule.currency !== basket.currency || !inWindow(rule, basket.at) || !targets(rule, line)) continue;
    if (rule.kind === 'GROUP' && rule.customerGroup !== basket.customerGroup) continue;
    if (rule.kind === 'TIER' && line.quantity < rule.minQuantity) continue;
    const price = rule.amount ?? line.regularUnitPrice - divideHalfEven(line.regularUnitPrice * (rule.percentOff ?? 0), 100);
    if (price < best.unitPrice) best = { unitPrice: Math.max(0, price), ruleId: rule.id };
  }
  return best;
}

/** Splits `amount` over `weights` in proportion, largest remainder first: the parts add up to `amount` exactly. */
export function allocate(amount: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0 || amount === 0) return weights.map(() => 0);
  const parts = weights.map((w) => Math.floor((amount * w) / sum));
  let left = amount - parts.reduce((a, b) => a + b, 0);
  const order = weights.map((w, i) => ({ i, rest: (amount * w) % sum })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    if (weights[i] > 0) {
      parts[i] += 1;
      left -= 1;
    }
  }
  return parts;
}

/** Discounts in the order they are tried: highest priority, then the oldest, then by id. */
export function byPriority(discounts: readonly Discount[]): Discount[] {
  return [...discounts].sort((a, b) => b.priority - a.priority || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
}

/** Per line, what the discount takes of `remaining` (never more); shipping's share apart. */
function discountOf(discount: Discount, lines: readonly BasketLine[], prices: readonly number[], remaining: readonly number[], subtotal: number, shippingLeft: number): { perLine: number[]; shipping: number } {
  const none = { perLine: remaining.map(() => 0), shipping: 0 };
  if (subtotal < discount.minSubtotal) return none;
  const eligible = lines.map((line) => targets(discount, line));
  switch (discount.kind) {
    case 'PERCENTAGE':
      return { perLine: remaining.map((left, i) => (eligible[i] ? Math.min(left, divideHalfEven(left * discount.value, 100)) : 0)), shipping: 0 };
    case 'FIXED': {
      const base = remaining.map((left, i) => (eligible[i] ? left : 0));
      const total = Math.min(discount.value, base.reduce((a, b) => a + b, 0));
      return { perLine: allocate(total, base), shipping: 0 };
    }
    case 'FREE_SHIPPING':
      return { perLine: remaining.map(() => 0), shipping: shippingLeft };
    case 'BUY_X_GET_Y': {
      const group = discount.buyQuantity + discount.getQuantity;
      return {
        perLine: lines.map((line, i) => (eligible[i] && group > 0 ? Math.min(remaining[i], Math.floor(line.quantity / group) * discount.getQuantity * prices[i]) : 0)),
        shipping: 0,
      };
    }
    case 'FREE_ITEM_OVER': {
      // One unit of the first eligible line is free.
      const first = eligible.indexOf(true);
      return { perLine: remaining.map((left, i) => (i === first ? Math.min(left, prices[i]) : 0)), shipping: 0 };
    }
  }
}

/** The tax contained in (inclusive) or due on (exclusive) `amount` at `rate` basis points, half-even. */
export function taxOf(amount: number, rate: number, pricesIncludeTax: boolean): number {
  if (rate === 0 || amount === 0) return 0;
  return pricesIncludeTax ? divideHalfEven(amount * rate, 10_000 + rate) : divideHalfEven(amount * rate, 10_000);
}

/** Prices a basket: the cart's and the order's totals alike. */
export function priceBasket(basket: Basket): Totals {
  const unit = basket.lines.map((line) => unitPriceOf(line, basket.rules, basket));
  const subtotals = basket.lines.map((line, i) => unit[i].unitPrice * line.quantity);
  const subtotal = subtotals.reduce((a, b) => a + b, 0);
  const shipping = basket.shipping ?? 0;
  const remaining = [...subtotals];
  let shippingLeft = shipping;
  const applied: AppliedDiscount[] = [];
  const ordered = byPriority(basket.discounts);
  for (const [position, discount] of ordered.entries()) {
    if (!discount.stackable && position > 0) continue;
    const { perLine, shipping: offShipping } = discountOf(discount, basket.lines, unit.map((u) => u.unitPrice), remaining, subtotal, shippingLeft);
    const amount = perLine.reduce((a, b) => a + b, 0) + offShipping;
    perLine.forEach((off, i) => (remaining[i] -= off));
    shippingLeft -= offShipping;
    if (amount > 0) applied.push({ id: discount.id, source: discount.source, code: discount.code, name: discount.name, amount });
    if (!discount.stackable) break;
  }
  const lines: PricedLine[] = basket.lines.map((line, i) => {
    const rate = basket.taxRates[line.taxCategory];
    const tax = taxOf(remaining[i], rate, basket.pricesIncludeTax);
    return {
      variantId: line.variantId,
      quantity: line.quantity,
      regularUnitPrice: line.regularUnitPrice,
      unitPrice: unit[i].unitPrice,
      ruleId: unit[i].ruleId,
      subtotal: subtotals[i],
      discount: subtotals[i] - remaining[i],
      taxCategory: line.taxCategory,
      taxRate: rate,
      tax,
      total: basket.pricesIncludeTax ? remaining[i] : remaining[i] + tax,
    };
  });
  const shippingTax = taxOf(shippingLeft, basket.taxRates.STANDARD, basket.pricesIncludeTax);
  const taxes = taxLines(lines, shippingLeft, shippingTax, basket);
  const taxTotal = taxes.reduce((sum, t) => sum + t.amount, 0);
  const net = remaining.reduce((a, b) => a + b, 0) + shippingLeft;
  return {
    currency: basket.currency,
    pricesIncludeTax: basket.pricesIncludeTax,
    lines,
    subtotal,
    discounts: applied,
    discountTotal: applied.reduce((sum, d) => sum + d.amount, 0),
    shipping,
    shippingDiscount: shipping - shippingLeft,
    shippingTax,
    taxes,
    taxTotal,
    total: basket.pricesIncludeTax ? net : net + taxTotal,
  };
}

/** Tax per (category, rate), shipping with the standard rate; the sum of the line taxes, never recomputed from a sum. */
function taxLines(lines: readonly PricedLine[], shipping: number, shippingTax: number, basket: Basket): TaxLine[] {
  const rows = new Map<string, { category: TaxCategory; rate: number; base: number; amount: number }>();
  const add = (category: TaxCategory, rate: number, gross: number, tax: number) => {
    const key = `${category}:${rate}`;
    const row = rows.get(key) ?? { category, rate, base: 0, amount: 0 };
    row.base += basket.pricesIncludeTax ? gross - tax : gross;
    row.amount += tax;
    rows.set(key, row);
  };
  for (const line of lines) add(line.taxCategory, line.taxRate, line.subtotal - line.discount, line.tax);
  if (shipping > 0) add('STANDARD', basket.taxRates.STANDARD, shipping, shippingTax);
  return [...rows.values()].sort((a, b) => TAX_CATEGORIES.indexOf(a.category) - TAX_CATEGORIES.indexOf(b.category) || b.rate - a.rate);
}

/** An automatic promotion or a code as stored: the discount with its window, currency and switch. */
export interface Promotion extends Discount {
  readonly currency: string;
  readonly active: boolean;
  readonly startsAt: Date | null;
  readonly endsAt: Date | null;
}

/** A tax zone: the places it covers (platform/places.ts's rule) and its rates. */
export interface TaxZone {
  readonly countries: readonly string[];
  readonly regions: readonly string[];
  readonly rates: TaxRates;
}

/** Pricing's rules a basket is priced from: all of them (orders' copy), or those read for one basket (pricing). */
export interface PricingRules {
  readonly rules: readonly PriceRule[];
  /** Automatic promotions (code null), any currency. */
  readonly automatic: readonly Promotion[];
  /** Oldest first: the first zone covering a place wins. */
  readonly zones: readonly TaxZone[];
  /** By variant, product or category id. */
  readonly taxClasses: ReadonlyMap<string, TaxCategory>;
  readonly pricesIncludeTax: boolean;
  /** Where a basket without an address is taxed. */
  readonly defaultCountry: string;
}

/** A cart or an order to price: lines at the catalog's prices (with their products' categories), for whom, where it ships. */
export interface BasketInput {
  readonly currency: string;
  readonly customerGroup: string | null;
  readonly lines: ReadonlyArray<{ readonly variantId: string; readonly productId: string; readonly categoryIds: readonly string[]; readonly quantity: number; readonly unitPrice: number }>;
  readonly shipping: number | null;
  readonly country: string | null;
  readonly region: string | null;
}

const NO_TAX: TaxRates = { STANDARD: 0, REDUCED: 0, ZERO: 0 };

/** The rates of the zone for the place (platform/places.ts's rule, as shipping zones follow it); no zone: untaxed. */
export function taxRatesFor(zones: readonly TaxZone[], country: string, region: string | null): TaxRates {
  return zoneFor(zones, { country, region })?.rates ?? NO_TAX;
}

/**
 * The basket `priceBasket` prices: the automatic promotions of the basket's
 * currency and the codes applied, in their windows; the tax category of each
 * line's product, else of its first classed category, else STANDARD.
 */
export function basketOf(rules: PricingRules, input: BasketInput, codes: readonly Promotion[], at: Date): Basket {
  const taxCategory = (line: BasketInput['lines'][number]): TaxCategory =>
    rules.taxClasses.get(line.productId) ?? line.categoryIds.map((c) => rules.taxClasses.get(c)).find(Boolean) ?? 'STANDARD';
  const automatic = rules.automatic.filter((p) => p.currency === input.currency);
  return {
    currency: input.currency,
    at,
    customerGroup: input.customerGroup,
    lines: input.lines.map((l) => ({
      variantId: l.variantId,
      productId: l.productId,
      categoryIds: l.categoryIds,
      quantity: l.quantity,
      regularUnitPrice: l.unitPrice,
      taxCategory: taxCategory(l),
    })),
    rules: rules.rules.filter((r) => r.currency === input.currency),
    discounts: [...automatic, ...codes].filter((p) => p.active && inWindow(p, at)),
    shipping: input.shipping,
    pricesIncludeTax: rules.pricesIncludeTax,
    taxRates: taxRatesFor(rules.zones, input.country ?? rules.defaultCountry, input.region),
  };
}

/** PRICE_CHANGED: the new breakdown's figures ride along, so the client can show them without another call. */
export function priceChanged(totals: Totals) {
  const { currency, subtotal, discountTotal, shipping, taxTotal, total } = totals;
  return conflict(`The total is now ${total} ${currency}: show the new total and place the order again`, {
    reason: 'PRICE_CHANGED',
    totals: { currency, subtotal, discountTotal, shipping, taxTotal, total, discounts: totals.discounts.map((d) => ({ source: d.source, code: d.code, name: d.name, amount: d.amount })) },
  });
}
