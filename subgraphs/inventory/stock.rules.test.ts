import { badInputOf } from '../../test/support/refusals';
import type { StockLevels } from './stock.entity';
import { checkDelta, checkUnits, MAX_LINES, MAX_UNITS, normalizeLines, withDelta, withOnHand } from './stock.rules';

const levels = (onHand: number, reserved: number): StockLevels => ({ onHand, reserved, lowStockThreshold: 5 });

describe('checkUnits', () => {
  it.each([0, 1, MAX_UNITS])('accepts %d', (value) => {
    expect(() => checkUnits(value, 'onHand')).not.toThrow();
  });

  it.each([-1, 1.5, MAX_UNITS + 1, Number.NaN])('refuses %d, naming the field', (value) => {
    expect(badInputOf(() => checkUnits(value, 'threshold'))).toEqual({ field: 'threshold', message: `threshold must be a whole number from 0 to ${MAX_UNITS}` });
  });
});

describe('checkDelta', () => {
  it.each([1, -1, MAX_UNITS, -MAX_UNITS])('accepts %d', (delta) => {
    expect(() => checkDelta(delta)).not.toThrow();
  });

  it.each([0, 0.5, MAX_UNITS + 1, -MAX_UNITS - 1])('refuses %d', (delta) => {
    expect(badInputOf(() => checkDelta(delta))).toEqual({ field: 'delta', message: `delta must be a whole number other than 0, at most ${MAX_UNITS} either way` });
  });
});

describe('normalizeLines', () => {
  it('adds up repeated products and sorts by product id', () => {
    expect(
      normalizeLines([
        { productId: 'p2', quantity: 1 },
        { productId: 'p1', quantity: 2 },
        { productId: 'p2', quantity: 3 },
      ]),
    ).toEqual([
      { productId: 'p1', quantity: 2 },
      { productId: 'p2', quantity: 4 },
    ]);
  });

  it.each([
    ['no lines', [], 'lines', 'lines must not be empty'],
    ['too many lines', Array.from({ length: MAX_LINES + 1 }, (_, i) => ({ productId: `p${i}`, quantity: 1 })), 'lines', `a reservation has at most ${MAX_LINES} lines`],
    ['a blank product id', [{ productId: ' ', quantity: 1 }], 'lines.0.productId', 'productId must not be empty'],
    ['a quantity of 0', [{ productId: 'p', quantity: 0 }], 'lines.0.quantity', `quantity must be a whole number from 1 to ${MAX_UNITS}`],
    ['a fractional quantity', [{ productId: 'p', quantity: 0.5 }], 'lines.0.quantity', `quantity must be a whole number from 1 to ${MAX_UNITS}`],
    ['a quantity over the limit', [{ productId: 'p', quantity: MAX_UNITS + 1 }], 'lines.0.quantity', `quantity must be a whole number from 1 to ${MAX_UNITS}`],
  ])('refuses %s', (_case, lines, field, message) => {
    expect(badInputOf(() => normalizeLines(lines))).toEqual({ field, message });
  });
});

describe('withOnHand', () => {
  it('sets a counted figure down to what is reserved', () => {
    expect(withOnHand(levels(10, 4), 4)).toEqual(levels(4, 4));
  });

  it('refuses a figure below what is reserved', () => {
    expect(badInputOf(() => withOnHand(levels(10, 4), 3))).toEqual({ field: 'onHand', message: 'onHand 3 is below the 4 units reserved for orders' });
  });
});

describe('withDelta', () => {
  it('adds and removes units', () => {
    expect(withDelta(levels(10, 4), 5)).toEqual(levels(15, 4));
    expect(withDelta(levels(10, 4), -6)).toEqual(levels(4, 4));
  });

  it.each([
    ['below 0', levels(3, 0), -4, 'delta -4 would take onHand from 3 to -1, below 0'],
    ['below what is reserved', levels(10, 4), -7, 'delta -7 would take onHand to 3, below the 4 units reserved for orders'],
    ['above the limit', levels(MAX_UNITS, 0), 1, `onHand would exceed ${MAX_UNITS}`],
  ])('refuses a change %s', (_case, current, delta, message) => {
    expect(badInputOf(() => withDelta(current, delta))).toEqual({ field: 'delta', message });
  });
});
