import { OrderEntity, OrderLineEntity } from './order.entity';
import {
  checkProductId,
  checkQuantity,
  checkSameLines,
  customerIdOf,
  linesOf,
  reservationLinesOf,
  MAX_LINE_QUANTITY,
  MAX_ORDER_LINES,
  normalizeLines,
  placementKeyOf,
} from './order.rules';

/** A refusal with exactly these extensions, as a client sees them. */
const refused = (extensions: Record<string, unknown>, message?: string) => expect.objectContaining({ extensions, ...(message ? { message } : {}) });

function orderWith(lines: Array<[productId: string, quantity: number]>): OrderEntity {
  return Object.assign(new OrderEntity(), {
    customerId: 'customer-1',
    lines: lines.map(([productId, quantity]) => Object.assign(new OrderLineEntity(), { productId, quantity, unitPriceAmount: 100, currency: 'EUR' })),
  });
}

describe('order lines', () => {
  it('adds up the lines of a product listed twice, and sorts the lines by product id', () => {
    expect(normalizeLines([{ productId: 'b', quantity: 2 }, { productId: 'a', quantity: 1 }, { productId: 'b', quantity: 3 }])).toEqual([
      { productId: 'a', variantId: null, quantity: 1 },
      { productId: 'b', variantId: null, quantity: 5 },
    ]);
  });

  it('takes a product id with surrounding spaces as the same product', () => {
    expect(normalizeLines([{ productId: ' a ', quantity: 1 }, { productId: 'a', quantity: 1 }])).toEqual([{ productId: 'a', variantId: null, quantity: 2 }]);
  });

  it('counts the lines of one product per variant, and a cart line by its variant alone', () => {
    expect(
      normalizeLines([
        { productId: 'p', variantId: 'v2', quantity: 1 },
        { productId: 'p', variantId: ' v1 ', quantity: 2 },
        { productId: 'p', variantId: 'v2', quantity: 3 },
      ]),
    ).toEqual([
      { productId: 'p', variantId: 'v1', quantity: 2 },
      { productId: 'p', variantId: 'v2', quantity: 4 },
    ]);
    expect(normalizeLines([{ productId: null, variantId: 'v1', quantity: 1 }], 'cart')).toEqual([{ productId: null, variantId: 'v1', quantity: 1 }]);
    expect(() => normalizeLines([{ productId: 'p', variantId: ' ', quantity: 1 }])).toThrow(refused({ code: 'BAD_USER_INPUT', field: 'lines.0.variantId' }));
  });

  it.each([
    ['no lines', [], 'lines'],
    ['more than 50 lines', Array.from({ length: MAX_ORDER_LINES + 1 }, (_, i) => ({ productId: `p${i}`, quantity: 1 })), 'lines'],
    ['a blank product id', [{ productId: 'a', quantity: 1 }, { productId: '  ', quantity: 1 }], 'lines.1.productId'],
    ['a product id over 100 characters', [{ productId: 'x'.repeat(101), quantity: 1 }], 'lines.0.productId'],
    ['a quantity of 0', [{ productId: 'a', quantity: 0 }], 'lines.0.quantity'],
    ['a negative quantity', [{ productId: 'a', quantity: -1 }], 'lines.0.quantity'],
    ['a fractional quantity', [{ productId: 'a', quantity: 1.5 }], 'lines.0.quantity'],
    ['more than 100 units of a product', [{ productId: 'a', quantity: MAX_LINE_QUANTITY + 1 }], 'lines.0.quantity'],
    ['more than 100 units over repeated lines', [{ productId: 'a', quantity: 60 }, { productId: 'a', quantity: 41 }], 'lines.1.quantity'],
  ])('refuses %s, naming the field', (_case, lines, field) => {
    expect(() => normalizeLines(lines)).toThrow(refused({ code: 'BAD_USER_INPUT', field }));
  });

  it('names fields under the input they came from (the cart)', () => {
    expect(() => normalizeLines([], 'cart')).toThrow(refused({ code: 'BAD_USER_INPUT', field: 'cart' }));
    expect(() => normalizeLines([{ productId: 'a', quantity: 0 }], 'cart')).toThrow(refused({ code: 'BAD_USER_INPUT', field: 'cart.0.quantity' }));
  });

  it('takes 1 to 100 units of a product', () => {
    expect(() => checkQuantity(1, 'quantity')).not.toThrow();
    expect(() => checkQuantity(MAX_LINE_QUANTITY, 'quantity')).not.toThrow();
    expect(() => checkQuantity(MAX_LINE_QUANTITY + 1, 'quantity')).toThrow(
      refused({ code: 'BAD_USER_INPUT', field: 'quantity' }, 'quantity must be a whole number from 1 to 100'),
    );
  });

  it('trims a product id and refuses a blank one on the productId field', () => {
    expect(checkProductId('  p-1 ')).toBe('p-1');
    expect(() => checkProductId(' ')).toThrow(refused({ code: 'BAD_USER_INPUT', field: 'productId' }, 'productId must be 1 to 100 characters'));
  });

  it("reads the lines an order holds, each naming its variant (lines placed before variants: the product's default variant, the same id)", () => {
    const order = orderWith([['a', 2], ['b', 1]]);
    order.lines[1].variantId = 'b-blue';
    expect(linesOf(order)).toEqual([
      { productId: 'a', variantId: 'a', quantity: 2 },
      { productId: 'b', variantId: 'b-blue', quantity: 1 },
    ]);
    expect(reservationLinesOf(order)).toEqual([
      { productId: 'a', quantity: 2 },
      { productId: 'b-blue', quantity: 1 },
    ]);
  });
});

describe('idempotency keys', () => {
  it('stores a key apart from the ids of orders placed without one', () => {
    expect(placementKeyOf('retry-1')).toBe('key:retry-1');
    expect(new OrderEntity().placementKey).toMatch(/^order:/);
  });

  it('answers the same key with the order it placed when the lines are the same, in any order', () => {
    expect(() => checkSameLines(orderWith([['a', 2], ['b', 1]]), [{ productId: 'b', quantity: 1 }, { productId: 'a', quantity: 2 }])).not.toThrow();
  });

  it.each([
    ['another quantity', [{ productId: 'a', quantity: 3 }, { productId: 'b', quantity: 1 }]],
    ['another product', [{ productId: 'a', quantity: 2 }, { productId: 'c', quantity: 1 }]],
    ['a line less', [{ productId: 'a', quantity: 2 }]],
    ['a line more', [{ productId: 'a', quantity: 2 }, { productId: 'b', quantity: 1 }, { productId: 'c', quantity: 1 }]],
  ])('refuses the same key with %s as a CONFLICT naming the order', (_case, lines) => {
    const earlier = orderWith([['a', 2], ['b', 1]]);
    expect(() => checkSameLines(earlier, lines)).toThrow(refused({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey', orderId: earlier.id }));
  });
});

describe('the customer', () => {
  it('is the logged-in caller', () => {
    expect(customerIdOf({ caller: { userId: 'u-1', roles: ['CUSTOMER'], sessionId: null } })).toBe('u-1');
  });

  it('asks an anonymous caller to log in', () => {
    expect(() => customerIdOf({ caller: null })).toThrow(refused({ code: 'UNAUTHENTICATED' }));
  });
});
