import { badInput, conflict } from '../../platform/errors';
import { checkProductId, checkQuantity, MAX_LINE_QUANTITY, MAX_ORDER_LINES } from './order.rules';

/**
 * What the cart and the wishlist may hold (README "Orders and checkout"): a
 * cart holds what one order may (MAX_ORDER_LINES products, MAX_LINE_QUANTITY
 * units each), so it can always be ordered as it is.
 */

export const MAX_CART_LINES = MAX_ORDER_LINES;
export const MAX_WISHLIST_ITEMS = 100;

/** The trimmed product or variant id of a cart line whose quantity is set to (or added by) `quantity`. */
export function checkCartLine(productId: string, quantity: number, field = 'productId'): string {
  const id = checkProductId(productId, field);
  checkQuantity(quantity, 'quantity');
  return id;
}

/** The units of a product in the cart once `added` more join the `inCart` it holds. */
export function addedQuantity(inCart: number, added: number): number {
  const total = inCart + added;
  if (total > MAX_LINE_QUANTITY) throw badInput(`at most ${MAX_LINE_QUANTITY} units of a product fit in the cart (it has ${inCart})`, 'quantity');
  return total;
}

/** Refuses a new product for a cart already holding `lines` products. */
export function checkCartRoom(lines: number): void {
  if (lines >= MAX_CART_LINES) throw conflict(`A cart holds at most ${MAX_CART_LINES} products; remove one first`, { reason: 'CART_FULL' });
}

/** Refuses a new product for a wishlist already holding `items` products. */
export function checkWishlistRoom(items: number): void {
  if (items >= MAX_WISHLIST_ITEMS) throw conflict(`A wishlist holds at most ${MAX_WISHLIST_ITEMS} products; remove one first`, { reason: 'WISHLIST_FULL' });
}
