import type { PriceRule, PricingRules, Promotion, TaxCategory } from './pricing-rules';

/**
 * Pricing's contract with the other subgraphs (SERVICE callers only, every
 * operation `@inaccessible`).
 *
 * priceOrder(input): prices an order being placed with the one pricing
 * function, from the lines orders priced at the catalog, the shipping
 * line and the codes on the customer's cart (when placed from the cart).
 * Idempotent by orderId: a second call answers the breakdown stored by the
 * first. Refuses before holding anything: a code that no longer applies
 * (DISCOUNT_* reasons), or PRICE_CHANGED (CONFLICT, `extensions.totals`)
 * when `expectedTotal` is given and differs. Otherwise reserves one use of
 * each code (compare-and-set: never more uses than the limit) and stores the
 * breakdown as placed (Order.totals answers it from then on).
 *
 * releaseOrderPricing(orderId): gives the order's reserved code uses back.
 * Idempotent, and harmless for an order never priced. Pricing also releases
 * them itself when the order is cancelled or its payment fails, and commits
 * them when it is paid (order.status_changed).
 */

export const PRICE_ORDER = `mutation PriceOrder($input: PriceOrderInput!) {
  priceOrder(input: $input) { total currency }
}`;

export const RELEASE_ORDER_PRICING = `mutation ReleaseOrderPricing($orderId: ID!) {
  releaseOrderPricing(orderId: $orderId)
}`;

export type PriceOrderVariables = {
  readonly orderId: string;
  readonly customerId: string;
  readonly currency: string;
  /** Each line's variant and its product (categories and tax classes are the product's); unitPrice is the variant's price. */
  readonly lines: ReadonlyArray<{ readonly productId: string; readonly variantId: string; readonly quantity: number; readonly unitPrice: number }>;
  /** The shipping line's price; null: placed without shipping. */
  readonly shipping: number | null;
  /** Where it ships (tax zone); null: the shop's default country. */
  readonly country: string | null;
  readonly region: string | null;
  /** Apply the codes on the customer's cart. */
  readonly withCartCodes: boolean;
  /** The total the client saw; null: not checked. */
  readonly expectedTotal: number | null;
};

export type PricedOrderPayload = { readonly total: number; readonly currency: string };

/**
 * priceBook: every rule an order is priced by (price rules, automatic
 * promotions, tax zones and classes, the settings, customer groups) and the
 * version they stand at, as one JSON document (`readPriceBook`): what
 * orders' copy is filled from at start-up and after a change it was told of.
 *
 * pricing.rules_changed: written in the unit of work of every change to
 * them, with the version it made (time-ordered ids: a later change has a
 * greater version).
 */
export const PRICE_BOOK = `query PriceBook {
  priceBook
}`;
export type PriceBookData = { readonly priceBook: string };

export const PRICING_EVENTS = {
  /** Any change to what an order is priced by: `PricingRulesChangedPayload`. */
  rulesChanged: 'pricing.rules_changed',
} as const;

export type PricingRulesChangedPayload = { readonly version: string };

/** Pricing's rules at one version, with every customer's group. */
export interface PriceBook extends PricingRules {
  readonly version: string;
  /** By user id: the customers in a group (GROUP rules). */
  readonly customerGroups: ReadonlyMap<string, string>;
}

/** The book as `priceBook` writes it: JSON, so maps are entries and dates ISO strings. */
export function writePriceBook(book: PriceBook): string {
  return JSON.stringify({ ...book, taxClasses: [...book.taxClasses], customerGroups: [...book.customerGroups] });
}

/** The book `priceBook` answered, its maps and dates restored. */
export function readPriceBook(json: string): PriceBook {
  type Written = Omit<PriceBook, 'taxClasses' | 'customerGroups' | 'rules' | 'automatic'> & {
    taxClasses: Array<[string, TaxCategory]>;
    customerGroups: Array<[string, string]>;
    rules: Array<PriceRule & Window>;
    automatic: Array<Promotion & Window & { createdAt: string }>;
  };
  type Window = { startsAt: string | null; endsAt: string | null };
  const date = (value: string | null) => (value === null ? null : new Date(value));
  const written = JSON.parse(json) as Written;
  return {
    ...written,
    rules: written.rules.map((r) => ({ ...r, startsAt: date(r.startsAt), endsAt: date(r.endsAt) })),
    automatic: written.automatic.map((p) => ({ ...p, startsAt: date(p.startsAt), endsAt: date(p.endsAt), createdAt: new Date(p.createdAt) })),
    taxClasses: new Map(written.taxClasses),
    customerGroups: new Map(written.customerGroups),
  };
}
