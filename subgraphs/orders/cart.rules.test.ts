import { addedQuantity, checkCartLine, checkCartRoom, checkWishlistRoom, MAX_CART_LINES, MAX_WISHLIST_ITEMS } from './cart.rules';

/** A refusal with exactly these extensions, as a client sees them. */
const refused = (extensions: Record<string, unknown>) => expect.objectContaining({ extensions });

describe('cart lines', () => {
  it('takes a product id (trimmed) and 1 to 100 units', () => {
    expect(checkCartLine(' p-1 ', 100)).toBe('p-1');
    expect(() => checkCartLine('', 1)).toThrow(refused({ code: 'BAD_USER_INPUT', field: 'productId' }));
    expect(() => checkCartLine('p-1', 0)).toThrow(refused({ code: 'BAD_USER_INPUT', field: 'quantity' }));
    expect(() => checkCartLine('p-1', 101)).toThrow(refused({ code: 'BAD_USER_INPUT', field: 'quantity' }));
  });

  it('adds units to a line up to 100 in all', () => {
    expect(addedQuantity(60, 40)).toBe(100);
    expect(() => addedQuantity(60, 41)).toThrow(refused({ code: 'BAD_USER_INPUT', field: 'quantity' }));
  });
});

describe('room', () => {
  it('holds as many products in a cart as one order may', () => {
    expect(MAX_CART_LINES).toBe(50);
    expect(() => checkCartRoom(MAX_CART_LINES - 1)).not.toThrow();
    expect(() => checkCartRoom(MAX_CART_LINES)).toThrow(refused({ code: 'CONFLICT', reason: 'CART_FULL' }));
  });

  it('holds 100 products in a wishlist', () => {
    expect(MAX_WISHLIST_ITEMS).toBe(100);
    expect(() => checkWishlistRoom(MAX_WISHLIST_ITEMS - 1)).not.toThrow();
    expect(() => checkWishlistRoom(MAX_WISHLIST_ITEMS)).toThrow(refused({ code: 'CONFLICT', reason: 'WISHLIST_FULL' }));
  });
});
