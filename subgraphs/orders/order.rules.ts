import type { RequestContext } from '../../platform/context';
import { badInput, unauthenticated } from '../../platform/errors';
import type { OrderEntity } from './order.entity';

/** An order, like a cart, holds at most this many products (README "Orders and checkout")... */
export const MAX_ORDER_LINES = 50;
/** ...and at most this many units of each. */
export const MAX_LINE_QUANTITY = 100;
const MAX_PRODUCT_ID_LENGTH = 100;
/** The largest order total, in minor units: what payment providers take in one payment (Stripe: eight digits). */
export const MAX_ORDER_TOTAL = 99_999_999;

export interface RequestedLine {
  readonly productId: string;
  readonly quantity: number;
}

/**
 * Validated lines, one per product (the quantities of a product listed twice
 * are added up), sorted by product id: the form orders, reservations and
 * idempotency checks compare. Field names are paths in the input (`lines.2.quantity`).
 */
export function normalizeLines(input: readonly RequestedLine[], field = 'lines'): RequestedLine[] {
  if (input.length === 0) throw badInput(`${field} must not be empty`, field);
  if (input.length > MAX_ORDER_LINES) throw badInput(`an order has at most ${MAX_ORDER_LINES} lines`, field);
  const quantities = new Map<string, number>();
  input.forEach((line, i) => {
    const productId = checkProductId(line.productId, `${field}.${i}.productId`);
    checkQuantity(line.quantity, `${field}.${i}.quantity`);
    const quantity = (quantities.get(productId) ?? 0) + line.quantity;
    if (quantity > MAX_LINE_QUANTITY) {
      throw badInput(`at most ${MAX_LINE_QUANTITY} units of product ${productId} per order`, `${field}.${i}.quantity`);
    }
    quantities.set(productId, quantity);
  });
  return [...quantities].map(([productId, quantity]) => ({ productId, quantity })).sort((a, b) => a.productId.localeCompare(b.productId));
}

export function checkQuantity(quantity: number, field: string): void {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_LINE_QUANTITY) {
    throw badInput(`quantity must be a whole number from 1 to ${MAX_LINE_QUANTITY}`, field);
  }
}

export function placementKeyOf(idempotencyKey: string): string {
  return `key:${idempotencyKey}`;
}

/** Whether an order was placed from exactly these (normalized) lines. */
export function hasLines(order: OrderEntity, lines: readonly RequestedLine[]): boolean {
  const own = order.lines.map((l) => `${l.productId}\u0000${l.quantity}`).sort();
  const asked = lines.map((l) => `${l.productId}\u0000${l.quantity}`).sort();
  return own.length === asked.length && own.every((line, i) => line === asked[i]);
}

/** The logged-in caller, who shops for themself. */
export function customerIdOf(ctx: RequestContext): string {
  if (!ctx.caller) throw unauthenticated();
  return ctx.caller.userId;
}

/** Trimmed product id of a single-product argument (cart and wishlist). */
export function checkProductId(productId: string, field = 'productId'): string {
  const trimmed = productId.trim();
  if (!trimmed || trimmed.length > MAX_PRODUCT_ID_LENGTH) throw badInput(`productId must be 1 to ${MAX_PRODUCT_ID_LENGTH} characters`, field);
  return trimmed;
}
