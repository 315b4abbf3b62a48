import type { RequestContext } from '../../platform/context';
import { checkId } from '../../platform/checks';
import { badInput, conflict, unauthenticated } from '../../platform/errors';
import { stockIdOf, type OrderEntity, type OrderStatus } from './order.entity';

/**
 * What an order may hold (README "Orders and checkout"). Pure functions that
 * throw the refusal naming the input field; order.rules.test.ts checks each.
 */

/** An order, like a cart, holds at most this many products... */
export const MAX_ORDER_LINES = 50;
/** ...and at most this many units of each. */
export const MAX_LINE_QUANTITY = 100;
/** The largest order total, in minor units: what payment providers take in one payment (Stripe: eight digits). */
export const MAX_ORDER_TOTAL = 99_999_999;

/**
 * A line as asked: a product (sold as one variant) or a variant, by
 * `variantId` or by its id given as `productId`. A cart line names its
 * variant only (productId null).
 */
export interface RequestedLine {
  readonly productId: string | null;
  readonly variantId?: string | null;
  readonly quantity: number;
}

/** What a line is counted and compared by: the variant when named, else the id given. */
const askedId = (line: RequestedLine): string => line.variantId ?? line.productId ?? '';

/**
 * Validated lines, one per product or variant asked (the quantities of one
 * listed twice are added up), sorted: the form orders and idempotency checks
 * compare. Field names are paths in the input (`lines.2.quantity`).
 */
export function normalizeLines(input: readonly RequestedLine[], field = 'lines'): RequestedLine[] {
  if (input.length === 0) throw badInput(`${field} must not be empty`, field);
  if (input.length > MAX_ORDER_LINES) throw badInput(`an order has at most ${MAX_ORDER_LINES} lines`, field);
  const lines = new Map<string, RequestedLine>();
  input.forEach((line, i) => {
    const variantId = line.variantId === null || line.variantId === undefined ? null : checkProductId(line.variantId, `${field}.${i}.variantId`);
    const productId = variantId && line.productId === null ? null : checkProductId(line.productId ?? '', `${field}.${i}.productId`);
    checkQuantity(line.quantity, `${field}.${i}.quantity`);
    const key = variantId ?? (productId as string);
    const quantity = (lines.get(key)?.quantity ?? 0) + line.quantity;
    if (quantity > MAX_LINE_QUANTITY) {
      throw badInput(`at most ${MAX_LINE_QUANTITY} units of ${variantId ? 'variant' : 'product'} ${key} per order`, `${field}.${i}.quantity`);
    }
    lines.set(key, { productId, variantId, quantity });
  });
  return [...lines.values()].sort((a, b) => askedId(a).localeCompare(askedId(b)));
}

export function checkQuantity(quantity: number, field: string): void {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_LINE_QUANTITY) {
    throw badInput(`quantity must be a whole number from 1 to ${MAX_LINE_QUANTITY}`, field);
  }
}

/** A product id as given, trimmed (surrounding spaces do not make another product). */
export function checkProductId(productId: string, field = 'productId'): string {
  return checkId(productId.trim(), field);
}

/** The lines the order holds, as placed: each names its variant. */
export function linesOf(order: OrderEntity): RequestedLine[] {
  return order.lines.map((line) => ({ productId: line.productId, variantId: stockIdOf(line), quantity: line.quantity }));
}

/** What inventory reserves for the order: units per variant (reservation lines name the variant as `productId`). */
export function reservationLinesOf(order: OrderEntity): Array<{ productId: string; quantity: number }> {
  return order.lines.map((line) => ({ productId: stockIdOf(line), quantity: line.quantity }));
}

/** An idempotency key is stored per customer under this key; an order placed without one gets `order:<id>` (order.entity.ts). */
export function placementKeyOf(idempotencyKey: string): string {
  return `key:${idempotencyKey}`;
}

/**
 * The same idempotency key again answers the order it placed, but never for
 * other lines: those are refused as a CONFLICT naming the order.
 */
export function checkSameLines(earlier: OrderEntity, lines: readonly RequestedLine[]): void {
  const own = linesOf(earlier).map(lineKey).sort();
  const asked = lines.map(lineKey).sort();
  if (own.length === asked.length && own.every((line, i) => line === asked[i])) return;
  throw conflict('This idempotencyKey was already used for an order with other lines', {
    reason: 'IDEMPOTENCY_KEY_REUSED',
    field: 'idempotencyKey',
    orderId: earlier.id,
  });
}

const lineKey = (line: RequestedLine): string => `${askedId(line)}\u0000${line.quantity}`;

/** The logged-in caller, who shops for themself. */
export function customerIdOf(ctx: Pick<RequestContext, 'caller'>): string {
  if (!ctx.caller) throw unauthenticated();
  return ctx.caller.userId;
}

/** Customers a staff order search may name: a broader search is refused as too vague rather than cut short silently. */
export const MAX_SEARCH_CUSTOMERS = 1_000;
const MAX_ORDER_SEARCH = 100;

/** The staff order filter as a client sends it. */
export interface OrderFilterInput {
  readonly status?: readonly OrderStatus[] | null;
  readonly customer?: string | null;
  readonly placedBetween?: { readonly from?: Date | null; readonly to?: Date | null } | null;
  readonly productId?: string | null;
  readonly search?: string | null;
}

export interface CheckedOrderFilter {
  readonly status: OrderStatus[] | null;
  readonly customer: string | null;
  readonly from: Date | null;
  readonly to: Date | null;
  readonly productId: string | null;
  readonly search: string | null;
}

/** Validated and normalised: blanks dropped, ids checked, a range that ends before it starts refused. */
export function checkOrderFilter(filter: OrderFilterInput): CheckedOrderFilter {
  const from = filter.placedBetween?.from ?? null;
  const to = filter.placedBetween?.to ?? null;
  if (from && to && from.getTime() > to.getTime()) throw badInput('placedBetween.from must not be after placedBetween.to', 'filter.placedBetween');
  const search = filter.search?.trim() || null;
  if (search && search.length > MAX_ORDER_SEARCH) throw badInput(`search must be at most ${MAX_ORDER_SEARCH} characters`, 'filter.search');
  const productId = filter.productId?.trim() || null;
  // Ids are letters, digits and hyphens: anything else cannot match, and must not reach a LIKE pattern.
  if (productId && !/^[A-Za-z0-9-]{1,100}$/.test(productId)) throw badInput('productId is not a product id', 'filter.productId');
  return {
    status: filter.status && filter.status.length > 0 ? [...new Set(filter.status)] : null,
    customer: filter.customer?.trim() || null,
    from,
    to,
    productId,
    search,
  };
}

/** The total a client showed: null (not checked) or a whole number of minor units. */
export function checkExpectedTotal(total: number | null | undefined): number | null {
  if (total === null || total === undefined) return null;
  if (!Number.isSafeInteger(total) || total < 0) throw badInput('expectedTotal must be a whole number of minor units, 0 or more', 'expectedTotal');
  return total;
}
